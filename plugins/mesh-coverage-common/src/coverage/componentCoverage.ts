import {
  ANNOTATION_COVERAGE,
  ANNOTATION_COVERED,
  ANNOTATION_ERRORS,
  ANNOTATION_GAPS,
  ERROR_SEPARATOR,
} from '../annotations/annotations';
import {
  MeshDeclaration,
  parseMeshDeclaration,
} from '../annotations/parseAnnotations';
import { MatrixIndex } from '../model/matrixIndex';
import { evaluateCoverage } from './evaluateCoverage';
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
  const defaults =
    (component.type && options.defaultRequirements?.[component.type]) || [];
  const declaration = parseMeshDeclaration(
    component.annotations,
    index,
    defaults,
  );
  const mesh = options.meshOverride ?? declaration.mesh;
  if (!mesh) {
    return { declaration };
  }
  const report = evaluateCoverage(index, {
    mesh,
    requires: declaration.requires,
    implements: declaration.implements,
  });
  report.errors = declaration.errors;
  if (component.entityRef) {
    report.entityRef = component.entityRef;
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
    annotations[ANNOTATION_COVERED] = report.covered.join(',');
    annotations[ANNOTATION_GAPS] = report.gaps.join(',');
    if (report.coverage !== null) {
      annotations[ANNOTATION_COVERAGE] = String(report.coverage);
    }
  }
  if (declaration.errors.length) {
    annotations[ANNOTATION_ERRORS] = declaration.errors.join(ERROR_SEPARATOR);
  }
  return annotations;
}
