import { ANNOTATION_MESH } from '../annotations/annotations';
import { MatrixIndex } from '../model/matrixIndex';
import {
  ComponentLike,
  DefaultRequirements,
  evaluateComponentCoverage,
} from './componentCoverage';
import { evaluateCoverage } from './evaluateCoverage';
import { MeshDeclaration } from '../annotations/parseAnnotations';
import { CoverageReport } from './types';
import { parseMeshId } from '../annotations/parseAnnotations';
import { compareObservedMesh, ObservedMesh } from '../observed/observedMesh';

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
  /**
   * The component as it runs, already evaluated (its mesh from the annotation or its pods, its
   * configuration): then nothing is parsed or evaluated again.
   */
  asItRuns?: { declaration: MeshDeclaration; report?: CoverageReport },
): MeshCoverageFacts {
  const { declaration, report: evaluated } =
    asItRuns ??
    evaluateComponentCoverage(index, component, { defaultRequirements });
  const report =
    evaluated ??
    evaluateCoverage(index, {
      mesh: index.baselineTool.id,
      requires: declaration.requires,
      implements: declaration.implements,
    });
  return {
    hasMesh:
      evaluated !== undefined && evaluated.mesh !== index.baselineTool.id,
    mesh:
      evaluated?.mesh ?? component.annotations?.[ANNOTATION_MESH]?.trim() ?? '',
    coverage: report.coverage ?? -1,
    gapCount: report.gaps.length,
    unknownCount: report.items.filter(item => item.unknown).length,
    mtlsCovered:
      report.covered.includes('mtls') ||
      report.implementedByApp.includes('mtls'),
    requirementsDeclared: declaration.declaredRequires.length > 0,
    annotationErrors: declaration.errors.length,
  };
}

/**
 * The scorecard facts of what a component runs against what it declares (docs/scorecards.md).
 *
 * @public
 */
export interface ObservedMeshFacts {
  /** The mesh most of its meshed pods run; `kubernetes` (the baseline) when none runs one. */
  meshObserved: string;
  /** Pods on the observed mesh over all its pods, 0 to 1. */
  meshedPodRatio: number;
  /** Every pod runs the declared mesh (or none, when it declares none). */
  meshDeclaredMatchesObserved: boolean;
}

/**
 * The observed-mesh facts of a component; undefined when no pod was found (nothing to compare:
 * the facts stay unset rather than claim a mismatch).
 *
 * @public
 */
export function computeObservedMeshFacts(
  index: MatrixIndex,
  component: ComponentLike,
  observed: ObservedMesh,
): ObservedMeshFacts | undefined {
  const declared = parseMeshId(component.annotations?.[ANNOTATION_MESH], index);
  const agreement = compareObservedMesh(
    declared.mesh,
    observed,
    index.baselineTool.id,
  );
  if (agreement === 'no-pods') {
    return undefined;
  }
  return {
    meshObserved: observed.mesh ?? index.baselineTool.id,
    meshedPodRatio: observed.meshedPods / observed.pods,
    meshDeclaredMatchesObserved: agreement === 'matches',
  };
}

/**
 * The scorecard facts of what a component's mesh is configured to do (docs/scorecards.md).
 *
 * @public
 */
export interface ConfiguredFacts {
  /**
   * Of the requirements its mesh can carry and whose configuration is known, the share turned on
   * (configured or by default), 0 to 1.
   */
  meshConfiguredRatio: number;
  /** Requirements its mesh can carry but is configured not to. */
  meshTurnedOffResponsibilities: string[];
}

/**
 * The configured-state facts of a report; undefined when no requirement's configuration is known
 * (not on Kubernetes, or nothing could be read): the check is then skipped, not failed.
 *
 * @public
 */
export function computeConfiguredFacts(
  report: CoverageReport | undefined,
): ConfiguredFacts | undefined {
  const known = (report?.items ?? []).filter(
    item => item.configured && item.configured.state !== 'unknown',
  );
  if (!report || known.length === 0) {
    return undefined;
  }
  const on = known.filter(item => item.configured!.state !== 'no').length;
  return {
    meshConfiguredRatio: on / known.length,
    meshTurnedOffResponsibilities: report.turnedOff ?? [],
  };
}
