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
  scanMeshDeclarationWith,
  ScannedMeshDeclaration,
} from '../annotations/parseAnnotations';
import { MatrixIndex } from '../model/matrixIndex';
import {
  addToPositionSet,
  countPositions,
  createPositionSet,
  lowestPosition,
  NO_POSITIONS,
  PositionSet,
} from '../model/positions';
import {
  coveragePercent,
  coverageStatus,
  evaluateCoverageAt,
  unknownMesh,
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
  return scanMeshDeclaration(
    component.annotations,
    index,
    defaultsFor(defaultRequirements, component.type),
  );
}

/** The config defaults for a `spec.type`; own keys only: a type named `constructor` has none. */
function defaultsFor(
  defaultRequirements: DefaultRequirements | undefined,
  type: string | undefined,
): readonly string[] {
  return type !== undefined &&
    defaultRequirements &&
    Object.hasOwn(defaultRequirements, type)
    ? defaultRequirements[type]
    : NONE;
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

/** Scratch sets for {@link coverageAnnotations}, all zero between calls (grown for larger matrices). */
let requiredScratch: PositionSet = createPositionSet(64);
let implementedScratch: PositionSet = createPositionSet(64);

/**
 * The computed annotations of DESIGN §5 for a parsed component: `covered`, `gaps` and `coverage`
 * when its mesh is valid, `errors` when any input annotation is wrong. The catalog processor does
 * this for every component on every pass, so it works on position sets, without a full report:
 * the rule of {@link coverageStatus} word by word (covered: required and carried by the mesh;
 * gaps: required, not carried, not implemented; the rest the app's), matrix order and
 * de-duplication by bit order. They are added to `annotations` when given (to save a copy), else
 * to a new object.
 */
export function coverageAnnotations(
  index: MatrixIndex,
  scanned: ScannedMeshDeclaration,
  annotations: Record<string, string> = {},
): Record<string, string> {
  const { mesh } = scanned;
  if (mesh) {
    const carried = index.carriedPositions(mesh) ?? unknownMesh(mesh);
    const words = carried.length;
    if (requiredScratch.length < words) {
      requiredScratch = new Int32Array(words);
      implementedScratch = new Int32Array(words);
    }
    const required = requiredScratch;
    const implemented = implementedScratch;
    addToPositionSet(required, scanned.requiredPositions);
    addToPositionSet(implemented, scanned.implementedPositions);
    const { responsibilityIds } = index;
    let covered = '';
    let gaps = '';
    let requiredCount = 0;
    let gapCount = 0;
    for (let word = 0; word < words; word += 1) {
      const requiredHere = required[word];
      const byMesh = requiredHere & carried[word];
      const missing = requiredHere & ~byMesh & ~implemented[word];
      required[word] = 0;
      implemented[word] = 0;
      requiredCount += countPositions(requiredHere);
      gapCount += countPositions(missing);
      covered = appendIdsAt(covered, byMesh, word, responsibilityIds);
      gaps = appendIdsAt(gaps, missing, word, responsibilityIds);
    }
    annotations[ANNOTATION_COVERED] = covered;
    annotations[ANNOTATION_GAPS] = gaps;
    const coverage = coveragePercent(requiredCount - gapCount, requiredCount);
    if (coverage !== null) {
      annotations[ANNOTATION_COVERAGE] = PERCENT_TEXT[coverage];
    }
  }
  if (scanned.errors.length) {
    annotations[ANNOTATION_ERRORS] = scanned.errors.join(ERROR_SEPARATOR);
  }
  return annotations;
}

/** A component's annotations with the computed ones written over a copy: {@link createCoverageAnnotator}. */
export type CoverageAnnotator = (
  component: ComponentLike,
) => Record<string, string> | undefined;

/**
 * What the catalog processor calls for every component: its annotations with the computed ones of
 * DESIGN §5 written over a copy; undefined when coverage does not concern it
 * ({@link isCoverageSubject}). Prepared once per matrix and config: the defaults by `spec.type` are
 * resolved to positions here, not per component.
 */
export function createCoverageAnnotator(
  index: MatrixIndex,
  defaultRequirements: DefaultRequirements = {},
): CoverageAnnotator {
  const defaultsByType = new Map<string, readonly number[]>();
  for (const type of Object.keys(defaultRequirements)) {
    defaultsByType.set(type, index.positionsOf(defaultRequirements[type]));
  }
  return component => {
    const defaults =
      (component.type !== undefined && defaultsByType.get(component.type)) ||
      NO_POSITIONS;
    const scanned = scanMeshDeclarationWith(
      component.annotations,
      index,
      defaults,
    );
    return isCoverageSubject(scanned)
      ? coverageAnnotations(
          index,
          scanned,
          Object.assign({}, component.annotations),
        )
      : undefined;
  };
}

/**
 * `list` with the ids at the positions of one word of a position set appended, comma-separated, in
 * matrix order. Built by concatenation: several times faster than `join` for a few ids.
 */
function appendIdsAt(
  list: string,
  word: number,
  wordIndex: number,
  ids: readonly string[],
): string {
  let result = list;
  for (let rest = word; rest !== 0; rest &= rest - 1) {
    const id = ids[(wordIndex << 5) + lowestPosition(rest)];
    result = result ? `${result},${id}` : id;
  }
  return result;
}
