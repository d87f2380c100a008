import {
  ANNOTATION_COVERAGE,
  ANNOTATION_COVERED,
  ANNOTATION_ERRORS,
  ANNOTATION_GAPS,
  ERROR_SEPARATOR,
} from '../annotations/annotations';
import {
  MeshDeclaration,
  scanMeshDeclaration,
  ScannedMeshDeclaration,
} from '../annotations/parseAnnotations';
import { MatrixIndex } from '../model/matrixIndex';
import { evaluateCoverageAt } from './evaluateCoverage';
import { CoverageReport } from './types';

/** Config defaults: required responsibility ids by a component's `spec.type`. */
export type DefaultRequirements = Readonly<Record<string, readonly string[]>>;

/** What a component looks like to coverage: its ref, `spec.type` and annotations. */
export interface ComponentLike {
  entityRef?: string;
  type?: string;
  annotations?: Record<string, string>;
}

export interface ComponentCoverage {
  declaration: MeshDeclaration;
  /** Absent when the mesh annotation names no valid mesh. */
  report?: CoverageReport;
}

/**
 * Parses a component's annotations and evaluates its coverage; `meshOverride` evaluates it as if it
 * ran that mesh (what-if), ignoring its own mesh annotation.
 */
export function evaluateComponentCoverage(
  index: MatrixIndex,
  component: ComponentLike,
  options: {
    defaultRequirements?: DefaultRequirements;
    meshOverride?: string;
  } = {},
): ComponentCoverage {
  const scanned = scanComponent(index, component, options.defaultRequirements);
  return evaluateScannedComponent(
    index,
    scanned,
    options.meshOverride ?? scanned.declaration.mesh,
    component.entityRef,
  );
}

/** Parses a component's annotations with the config defaults for its `spec.type`. */
export function scanComponent(
  index: MatrixIndex,
  component: ComponentLike,
  defaultRequirements?: DefaultRequirements,
): ScannedMeshDeclaration {
  const defaults =
    (component.type && defaultRequirements?.[component.type]) || [];
  return scanMeshDeclaration(component.annotations, index, defaults);
}

/**
 * Evaluates a parsed component on `mesh` (its own, or a what-if's); no report when there is no
 * valid mesh. A component parsed once can be evaluated on several meshes.
 */
export function evaluateScannedComponent(
  index: MatrixIndex,
  { declaration, requiredPositions, implementedPositions }: ScannedMeshDeclaration,
  mesh: string | undefined,
  entityRef?: string,
): ComponentCoverage {
  if (!mesh) {
    return { declaration };
  }
  const report = evaluateCoverageAt(
    index,
    mesh,
    requiredPositions,
    implementedPositions,
  );
  report.errors = declaration.errors;
  if (entityRef) {
    report.entityRef = entityRef;
  }
  return { declaration, report };
}

/**
 * The computed annotations of DESIGN §5 for a component: `covered`, `gaps` and `coverage` when its
 * mesh is valid, `errors` when any input annotation is wrong.
 */
export function computedAnnotations(
  result: ComponentCoverage,
): Record<string, string> {
  const annotations: Record<string, string> = {};
  const { report, declaration } = result;
  if (report) {
    annotations[ANNOTATION_COVERED] = joinIds(report.covered);
    annotations[ANNOTATION_GAPS] = joinIds(report.gaps);
    if (report.coverage !== null) {
      annotations[ANNOTATION_COVERAGE] = String(report.coverage);
    }
  }
  if (declaration.errors.length) {
    annotations[ANNOTATION_ERRORS] = declaration.errors.join(ERROR_SEPARATOR);
  }
  return annotations;
}

/** `ids.join(',')`: concatenation is several times faster for the few ids a component lists. */
function joinIds(ids: readonly string[]): string {
  let joined = ids.length ? ids[0] : '';
  for (let i = 1; i < ids.length; i += 1) {
    joined += `,${ids[i]}`;
  }
  return joined;
}
