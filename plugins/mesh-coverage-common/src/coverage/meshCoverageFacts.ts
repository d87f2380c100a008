import { ANNOTATION_MESH } from '../annotations/annotations';
import { MatrixIndex } from '../model/matrixIndex';
import {
  ComponentLike,
  DefaultRequirements,
  evaluateComponentCoverage,
} from './componentCoverage';
import { evaluateCoverage } from './evaluateCoverage';

/**
 * The scorecard facts of a component (docs/scorecards.md).
 *
 * @public
 */
export interface MeshCoverageFacts {
  /** Runs a mesh (not Kubernetes alone, not an unknown mesh). */
  hasMesh: boolean;
  /** The mesh id it runs, as written when it is not a known mesh; `kubernetes` when none. */
  mesh: string;
  /** The coverage percentage; -1 when nothing is required. */
  coverage: number;
  gapCount: number;
  /** Gaps nobody has researched yet (記入中... or not compared). */
  unknownCount: number;
  /** mTLS is covered by the mesh or implemented by the app. */
  mtlsCovered: boolean;
  /** `meshcoverage.io/requires` names at least one valid responsibility. */
  requirementsDeclared: boolean;
  /** How many problems the input annotations have. */
  annotationErrors: number;
}

/**
 * Computes the facts of a component. A component whose mesh annotation names no mesh is evaluated
 * as running none: a typo must not make its gaps disappear.
 *
 * @public
 */
export function computeMeshCoverageFacts(
  index: MatrixIndex,
  component: ComponentLike,
  defaultRequirements?: DefaultRequirements,
): MeshCoverageFacts {
  const { declaration, report: evaluated } = evaluateComponentCoverage(index, component, {
    defaultRequirements,
  });
  const report =
    evaluated ??
    evaluateCoverage(index, {
      mesh: index.baselineTool.id,
      requires: declaration.requires,
      implements: declaration.implements,
    });
  return {
    hasMesh: declaration.mesh !== undefined && declaration.mesh !== index.baselineTool.id,
    mesh: declaration.mesh ?? component.annotations?.[ANNOTATION_MESH]?.trim() ?? '',
    coverage: report.coverage ?? -1,
    gapCount: report.gaps.length,
    unknownCount: report.items.filter(item => item.unknown).length,
    mtlsCovered: report.covered.includes('mtls') || report.implementedByApp.includes('mtls'),
    requirementsDeclared: declaration.declaredRequires.length > 0,
    annotationErrors: declaration.errors.length,
  };
}
