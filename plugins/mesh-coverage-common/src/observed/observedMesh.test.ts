import { compareObservedMesh } from './observedMesh';

describe('compareObservedMesh', () => {
  const observed = (mesh: string | null, pods: number, meshedPods: number) => ({
    mesh,
    pods,
    meshedPods,
    dataPlanes: [],
    clusters: [],
    checkedAt: '2026-12-01T12:00:00.000Z',
  });

  it.each([
    ['istio', observed('istio', 3, 3), 'matches'],
    ['istio', observed('istio', 5, 4), 'partial'],
    ['istio', observed(null, 2, 0), 'differs'],
    ['istio', observed('linkerd', 2, 2), 'differs'],
    ['kubernetes', observed(null, 1, 0), 'matches'],
    ['kubernetes', observed('istio', 1, 1), 'differs'],
    [undefined, observed('istio', 1, 1), 'differs'],
    ['istio', observed(null, 0, 0), 'no-pods'],
  ] as const)('declared %s, observed %j: %s', (declared, seen, agreement) => {
    expect(compareObservedMesh(declared, seen, 'kubernetes')).toBe(agreement);
  });
});
