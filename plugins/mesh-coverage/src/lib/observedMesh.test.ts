import {
  builtinEdition,
  CoverageReport,
  indexMatrix,
  ObservedMesh,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { observedView } from './observedMesh';

const index = indexMatrix(builtinEdition('current').matrix);

const report = (
  mesh: string,
  observed: Partial<ObservedMesh> | null,
  reason?: string,
): CoverageReport => ({
  mesh,
  coverage: 100,
  items: [],
  covered: [],
  implementedByApp: [],
  gaps: [],
  errors: [],
  observed: observed && {
    mesh: null,
    pods: 0,
    meshedPods: 0,
    dataPlanes: [],
    clusters: ['demo'],
    checkedAt: '2026-12-01T00:00:00Z',
    ...observed,
  },
  ...(reason && {
    observedReason: { reason: reason as never, message: `because ${reason}` },
  }),
});

describe('observedView', () => {
  it('stays quiet where nobody looked', () => {
    for (const reason of [
      'no-kubernetes-annotation',
      'kubernetes-unavailable',
      'disabled',
    ]) {
      expect(observedView(report('istio', null, reason), index)).toEqual({
        kind: 'hidden',
      });
    }
    expect(observedView(report('istio', null), index)).toEqual({
      kind: 'hidden',
    });
  });

  it('says so where looking failed', () => {
    expect(observedView(report('istio', null, 'timeout'), index)).toEqual({
      kind: 'unavailable',
      message: 'because timeout',
    });
  });

  it('offers the what-if of what runs when it differs', () => {
    expect(
      observedView(report('linkerd', { pods: 2, meshedPods: 0 }), index),
    ).toMatchObject({ agreement: 'differs', asObservedMesh: 'kubernetes' });
    expect(
      observedView(
        report('istio', { mesh: 'linkerd', pods: 2, meshedPods: 2 }),
        index,
      ),
    ).toMatchObject({ agreement: 'differs', asObservedMesh: 'linkerd' });
    // Partly meshed: the unmeshed pods run without a mesh.
    expect(
      observedView(
        report('istio', { mesh: 'istio', pods: 5, meshedPods: 4 }),
        index,
      ),
    ).toMatchObject({ agreement: 'partial', asObservedMesh: 'kubernetes' });
  });

  it('offers no what-if when what runs matches', () => {
    const view = observedView(
      report('istio', { mesh: 'istio', pods: 3, meshedPods: 3 }),
      index,
    );
    expect(view).toMatchObject({ agreement: 'matches' });
    expect(view).not.toHaveProperty('asObservedMesh', expect.anything());
  });

  it('compares a misspelt mesh as no declared mesh', () => {
    expect(
      observedView(
        report('istoi', { mesh: 'istio', pods: 1, meshedPods: 1 }),
        index,
      ),
    ).toMatchObject({ agreement: 'differs', asObservedMesh: 'istio' });
  });
});
