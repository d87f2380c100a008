import {
  ANNOTATION_MESH,
  compareObservedMesh,
  ComponentCoverage,
  ComponentLike,
  MatrixIndex,
  ObservedMesh,
  parseMeshId,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** The scorecard facts of a component's coverage (docs/scorecards.md). */
export interface MeshCoverageFacts {
  /** Runs a mesh (not Kubernetes alone, not an unknown mesh). */
  hasMesh: boolean;
  /** The mesh id it runs, as written when it is not a known mesh; `kubernetes` when none. */
  mesh: string;
  /** The coverage percentage; -1 when nothing is required or the mesh is unknown. */
  coverage: number;
  /** Required responsibilities nobody carries; -1 when the mesh is unknown (no figures). */
  gapCount: number;
  /** Gaps nobody has researched yet (記入中... or not compared); -1 when the mesh is unknown. */
  unknownCount: number;
  /** mTLS is covered by the mesh or implemented by the app; false when the mesh is unknown. */
  mtlsCovered: boolean;
  /** `meshcoverage.io/requires` names at least one valid responsibility. */
  requirementsDeclared: boolean;
  /** How many problems the input annotations have. */
  annotationErrors: number;
}

/**
 * The facts of a component as `/coverage` evaluated it (the same mesh source and configuration).
 * An unknown mesh has no figures: every fact a check needs figures from fails (docs/coverage.md).
 */
export function computeMeshCoverageFacts(
  index: MatrixIndex,
  component: ComponentLike,
  { declaration, report }: ComponentCoverage,
): MeshCoverageFacts {
  const declared = {
    requirementsDeclared: declaration.declaredRequires.length > 0,
    annotationErrors: declaration.errors.length,
  };
  if (!report) {
    return {
      hasMesh: false,
      mesh: component.annotations?.[ANNOTATION_MESH]?.trim() ?? '',
      coverage: -1,
      gapCount: -1,
      unknownCount: -1,
      mtlsCovered: false,
      ...declared,
    };
  }
  return {
    hasMesh: report.mesh !== index.baselineTool.id,
    mesh: report.mesh,
    coverage: report.coverage ?? -1,
    gapCount: report.gaps.length,
    unknownCount: report.items.filter(item => item.unknown).length,
    mtlsCovered:
      report.covered.includes('mtls') ||
      report.implementedByApp.includes('mtls'),
    ...declared,
  };
}

/** The scorecard facts of what a component runs against what it declares (docs/scorecards.md). */
export interface ObservedMeshFacts {
  /** The mesh most of its meshed pods run; `kubernetes` (the baseline) when none runs one. */
  meshObserved: string;
  /** Pods on the observed mesh over all its pods, 0 to 1. */
  meshedPodRatio: number;
  /** Every pod runs the declared mesh (or none, when it declares none); false for an unknown one. */
  meshDeclaredMatchesObserved: boolean;
}

/**
 * The observed-mesh facts of a component; undefined when no pod was found (nothing to compare:
 * the facts stay unset rather than claim a mismatch).
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
    // A mistyped mesh (undefined here) never matches what runs: compareObservedMesh says differs.
    meshDeclaredMatchesObserved: agreement === 'matches',
  };
}

/** The scorecard facts of what a component's mesh is configured to do (docs/scorecards.md). */
export interface ConfiguredFacts {
  /**
   * Of the requirements its mesh can carry and whose configuration is known, the share turned on
   * (configured or by default), 0 to 1; 0 when the mesh is unknown.
   */
  meshConfiguredRatio: number;
  /** Requirements its mesh can carry but is configured not to. */
  meshTurnedOffResponsibilities: string[];
}

/**
 * The configured-state facts; undefined when no requirement's configuration is known (not on
 * Kubernetes, or nothing could be read): the check is then skipped, not failed. An unknown mesh
 * fails it.
 */
export function computeConfiguredFacts({
  report,
}: ComponentCoverage): ConfiguredFacts | undefined {
  if (!report) {
    return { meshConfiguredRatio: 0, meshTurnedOffResponsibilities: [] };
  }
  const known = report.items.filter(
    item => item.configured && item.configured.state !== 'unknown',
  );
  if (known.length === 0) {
    return undefined;
  }
  const on = known.filter(item => item.configured!.state !== 'no').length;
  return {
    meshConfiguredRatio: on / known.length,
    meshTurnedOffResponsibilities: report.turnedOff ?? [],
  };
}
