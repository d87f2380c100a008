import {
  ANNOTATION_COVERAGE,
  ANNOTATION_COVERED,
  ANNOTATION_ERRORS,
  ANNOTATION_GAPS,
  ERROR_SEPARATOR,
} from '../annotations/annotations';
import {
  declarationOf,
  MeshDeclaration,
  scanMeshDeclaration,
  ScannedMeshDeclaration,
} from '../annotations/parseAnnotations';
import { MatrixIndex } from '../model/matrixIndex';
import { hasPosition } from '../model/positions';
import {
  coveragePercent,
  coverageStatus,
  evaluateCoverageAt,
  inMatrixOrder,
  meshRow,
} from './evaluateCoverage';
import { CoverageReport } from './types';

const NONE: readonly string[] = [];
/** '0' … '100': the coverage annotation's text without a number conversion per component. */
const PERCENT_TEXT = Array.from({ length: 101 }, (_, percent) => String(percent));

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
    options.meshOverride ?? scanned.mesh,
    component.entityRef,
  );
}

/** Parses a component's annotations with the config defaults for its `spec.type`. */
export function scanComponent(
  index: MatrixIndex,
  component: ComponentLike,
  defaultRequirements?: DefaultRequirements,
): ScannedMeshDeclaration {
  const defaults = component.type && defaultRequirements?.[component.type];
  return scanMeshDeclaration(component.annotations, index, defaults || NONE);
}

/**
 * Evaluates a parsed component on `mesh` (its own, or a what-if's); no report when there is no
 * valid mesh. A component parsed once can be evaluated on several meshes.
 */
export function evaluateScannedComponent(
  index: MatrixIndex,
  scanned: ScannedMeshDeclaration,
  mesh: string | undefined,
  entityRef?: string,
): ComponentCoverage {
  const declaration = declarationOf(scanned, index);
  if (!mesh) {
    return { declaration };
  }
  const report = evaluateCoverageAt(
    index,
    mesh,
    scanned.requiredPositions,
    scanned.implementedPositions,
  );
  report.errors = declaration.errors;
  if (entityRef) {
    report.entityRef = entityRef;
  }
  return { declaration, report };
}

/** Whether coverage concerns a component: it declares something, or its type has defaults. */
export function isCoverageSubject(scanned: ScannedMeshDeclaration): boolean {
  return scanned.declared || scanned.requiredPositions.length > 0;
}

/**
 * The computed annotations of DESIGN §5 for a parsed component: `covered`, `gaps` and `coverage`
 * when its mesh is valid, `errors` when any input annotation is wrong. Written straight from the
 * positions, without a full report: the catalog processor does this for every component on every
 * pass. They are added to `annotations` when given (to save a copy), else to a new object.
 */
export function coverageAnnotations(
  index: MatrixIndex,
  scanned: ScannedMeshDeclaration,
  annotations: Record<string, string> = {},
): Record<string, string> {
  const { mesh, implementedPositions } = scanned;
  if (mesh) {
    const row = meshRow(index, mesh);
    const { responsibilityIds } = index;
    const required = inMatrixOrder(scanned.requiredPositions);
    let covered = '';
    let gaps = '';
    let carried = 0;
    for (const position of required) {
      const status = coverageStatus(
        row[position]?.support ?? 'unknown',
        hasPosition(implementedPositions, position),
      );
      if (status === 'mesh') {
        covered = appendId(covered, responsibilityIds[position]);
      } else if (status === 'gap') {
        gaps = appendId(gaps, responsibilityIds[position]);
        continue;
      }
      carried += 1;
    }
    annotations[ANNOTATION_COVERED] = covered;
    annotations[ANNOTATION_GAPS] = gaps;
    const coverage = coveragePercent(carried, required.length);
    if (coverage !== null) {
      annotations[ANNOTATION_COVERAGE] = PERCENT_TEXT[coverage];
    }
  }
  if (scanned.errors.length) {
    annotations[ANNOTATION_ERRORS] = scanned.errors.join(ERROR_SEPARATOR);
  }
  return annotations;
}

/**
 * A component's annotations with the computed ones of DESIGN §5 written over a copy; undefined
 * when coverage does not concern it ({@link isCoverageSubject}). What the catalog processor needs
 * in one call.
 */
export function annotateWithCoverage(
  index: MatrixIndex,
  component: ComponentLike,
  defaultRequirements?: DefaultRequirements,
): Record<string, string> | undefined {
  const scanned = scanComponent(index, component, defaultRequirements);
  return isCoverageSubject(scanned)
    ? coverageAnnotations(
        index,
        scanned,
        Object.assign({}, component.annotations),
      )
    : undefined;
}

/** Comma-separated ids, built by concatenation: several times faster than `join` for a few ids. */
function appendId(list: string, id: string): string {
  return list ? `${list},${id}` : id;
}
