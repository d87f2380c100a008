import { SEED_MATRIX } from '../data/builtinMatrix';
import { indexMatrix } from '../model/matrixIndex';
import { ObservedMesh } from '../observed/observedMesh';
import {
  ComponentLike,
  MeshSourceMode,
  parseComponent,
  resolveMesh,
} from './componentCoverage';

const index = indexMatrix(SEED_MATRIX);
const observed = (mesh: string | null, pods = 3): ObservedMesh => ({
  mesh,
  pods,
  meshedPods: mesh ? pods : 0,
  dataPlanes: [],
  clusters: ['c'],
  checkedAt: '2026-12-07T00:00:00Z',
});

const resolve = (
  annotations: Record<string, string>,
  seen: ObservedMesh | null,
  mode: MeshSourceMode = 'declared-or-observed',
) => {
  const component: ComponentLike = { annotations };
  return resolveMesh(
    component,
    parseComponent(index, component),
    seen,
    mode,
    'kubernetes',
  );
};

describe('resolveMesh: where a component’s mesh comes from', () => {
  it.each([
    // mode, annotation, observed → mesh, source
    [
      'declared-or-observed',
      'linkerd',
      observed('istio'),
      'linkerd',
      'declared',
    ],
    ['declared-or-observed', undefined, observed('istio'), 'istio', 'observed'],
    [
      'declared-or-observed',
      undefined,
      observed(null),
      'kubernetes',
      'observed',
    ],
    // Nothing declared, nothing seen: no mesh, as without this feature.
    [
      'declared-or-observed',
      undefined,
      observed(null, 0),
      'kubernetes',
      'none',
    ],
    ['declared-or-observed', undefined, null, 'kubernetes', 'none'],
    // A typo stays the declaration's error: never replaced by what runs.
    ['declared-or-observed', 'isito', observed('istio'), undefined, 'declared'],
    ['declared', undefined, observed('istio'), 'kubernetes', 'none'],
    ['declared', 'consul', observed('istio'), 'consul', 'declared'],
    ['observed', 'consul', observed('istio'), 'istio', 'observed'],
    ['observed', 'consul', null, 'kubernetes', 'none'],
  ] as const)(
    '%s, annotation %s, pods %j → %s (%s)',
    (mode, annotation, seen, mesh, meshSource) => {
      expect(
        resolve(
          annotation ? { 'meshcoverage.io/mesh': annotation } : {},
          seen,
          mode,
        ),
      ).toEqual({ mesh, meshSource });
    },
  );

  it('treats a blank annotation as none', () => {
    expect(
      resolve({ 'meshcoverage.io/mesh': '  ' }, observed('linkerd')),
    ).toEqual({
      mesh: 'linkerd',
      meshSource: 'observed',
    });
  });
});
