import { SEED_MATRIX } from '../data/builtinMatrix';
import { indexMatrix } from '../model/matrixIndex';
import { ObservedMesh } from '../observed/observedMesh';
import {
  evaluateDeclaration,
  MeshSourceMode,
  parseComponent,
  resolveMesh,
} from './componentCoverage';

const index = indexMatrix(SEED_MATRIX);
const runsIstio: ObservedMesh = {
  mesh: 'istio',
  pods: 2,
  meshedPods: 2,
  dataPlanes: [],
  clusters: ['c'],
  checkedAt: '2026-12-07T00:00:00Z',
};
const ERROR =
  "meshcoverage.io/mesh: unknown mesh 'istoi' (did you mean 'istio'?)";

/**
 * The one rule for an unknown mesh (docs/coverage.md), as every consumer meets it: resolveMesh
 * picks the mesh, evaluateDeclaration evaluates on it or a what-if's. No figures means no report.
 */
describe('an unknown mesh', () => {
  it.each([
    // mode, annotation, pods, what-if → figures on, error
    ['declared', 'istoi', null, undefined, undefined, ERROR],
    // What runs never stands in for a typo.
    ['declared-or-observed', 'istoi', runsIstio, undefined, undefined, ERROR],
    // A what-if evaluates it on the what-if mesh, like every component.
    ['declared', 'istoi', null, 'linkerd', 'linkerd', ERROR],
    // Where the mode reads no annotation for the mesh, the pods decide; the typo stays an error.
    ['observed', 'istoi', runsIstio, undefined, 'istio', ERROR],
    ['declared', 'istio', null, undefined, 'istio', undefined],
    ['declared', undefined, null, undefined, 'kubernetes', undefined],
  ] as const)(
    '%s, annotation %s, pods %j, what-if %s → figures on %s',
    (mode: MeshSourceMode, annotation, seen, whatIf, figuresOn, error) => {
      const component = {
        annotations: {
          'meshcoverage.io/requires': 'mtls',
          ...(annotation && { 'meshcoverage.io/mesh': annotation }),
        },
      };
      const declaration = parseComponent(index, component);
      const { mesh } = resolveMesh(
        component,
        declaration,
        seen,
        mode,
        index.baselineTool.id,
      );
      const { report } = evaluateDeclaration(
        index,
        declaration,
        whatIf ?? mesh,
      );
      expect(report?.mesh).toBe(figuresOn);
      expect(declaration.meshError).toBe(error);
      expect(declaration.errors).toEqual(error ? [error] : []);
    },
  );
});
