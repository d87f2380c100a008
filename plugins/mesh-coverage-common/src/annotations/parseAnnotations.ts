import { ScannedIdList } from '../model/idListScanner';
import { MatrixIndex } from '../model/matrixIndex';
import { hasPosition, NO_POSITIONS } from '../model/positions';
import {
  ANNOTATION_IMPLEMENTS,
  ANNOTATION_MESH,
  ANNOTATION_REQUIRES,
} from './annotations';
import { suggestId } from './suggest';

/** How many bad ids one annotation reports by name before summarising the rest. */
const MAX_REPORTED_PER_ANNOTATION = 10;
/** A value this long is no id; it is reported shortened. */
const MAX_SHOWN_VALUE = 64;

export interface ParsedIds {
  /** Valid ids, de-duplicated, in the order written. */
  ids: string[];
  errors: string[];
}

const show = (value: string) =>
  value.length > MAX_SHOWN_VALUE
    ? `${value.slice(0, MAX_SHOWN_VALUE)}…`
    : value;

function unknownIdMessage(
  annotation: string,
  what: string,
  value: string,
  validIds: readonly string[],
): string {
  const base = `${annotation}: unknown ${what} '${show(value)}'`;
  if (/[\s;|]/.test(value)) {
    return `${base} (separate ids with commas)`;
  }
  const suggestion = suggestId(value, validIds);
  return suggestion
    ? `${base} (did you mean '${suggestion}'?)`
    : `${base} (see the Mesh comparison page for valid ids)`;
}

/**
 * Checks a list of responsibility ids: white space around ids and empty entries are ignored,
 * duplicates kept once; unknown ids are left out and reported, under `label`, with a suggestion.
 * Never throws.
 */
export function checkResponsibilityIds(
  candidates: readonly string[],
  index: MatrixIndex,
  label: string,
): ParsedIds {
  const positions: number[] = [];
  const unknown: string[] = [];
  for (const raw of candidates) {
    const candidate = raw.trim();
    const position = index.position(candidate);
    if (position !== undefined) {
      positions.push(position);
    } else if (candidate) {
      unknown.push(candidate);
    }
  }
  const scanned = collectIds({ positions, unknown }, index, label);
  return { ids: idsAt(scanned.positions, index), errors: [...scanned.errors] };
}

/** Parses a comma-separated annotation value of responsibility ids (see {@link checkResponsibilityIds}). */
export function parseResponsibilityIds(
  value: string | undefined,
  index: MatrixIndex,
  annotation: string,
): ParsedIds {
  const { positions, errors } = scanResponsibilityIds(value, index, annotation);
  return { ids: idsAt(positions, index), errors: [...errors] };
}

/** Valid ids as positions in the matrix (de-duplicated, in the order written) and the errors. */
interface ScannedIds {
  positions: readonly number[];
  errors: readonly string[];
}

/** The errors of input without any: shared, read-only by type (not frozen, see {@link ABSENT}). */
const NO_ERRORS: readonly string[] = [];

/**
 * What an absent annotation holds: shared (most components have no `implements`), and read-only
 * by type. Not frozen: a frozen array is a different kind of array to the JIT, and the hot loops
 * over positions would see two.
 */
const ABSENT: ScannedIds = { positions: NO_POSITIONS, errors: NO_ERRORS };

function scanResponsibilityIds(
  value: string | undefined,
  index: MatrixIndex,
  annotation: string,
): ScannedIds {
  return typeof value === 'string'
    ? collectIds(index.scanResponsibilityList(value), index, annotation)
    : ABSENT;
}

function idsAt(positions: readonly number[], index: MatrixIndex): string[] {
  const { responsibilityIds } = index;
  return positions.map(position => responsibilityIds[position]);
}

/** Marks by position, all zero between calls: de-duplication without Sets or nested loops. */
let seen = new Uint8Array(64);

/** The positions once each, in the order written; the list itself when it has no duplicates. */
function distinct(positions: number[], size: number): number[] {
  if (seen.length < size) {
    seen = new Uint8Array(size);
  }
  let duplicates = false;
  for (const position of positions) {
    duplicates ||= seen[position] === 1;
    seen[position] = 1;
  }
  for (const position of positions) {
    seen[position] = 0;
  }
  if (!duplicates) {
    return positions;
  }
  const unique: number[] = [];
  for (const position of positions) {
    if (seen[position] === 0) {
      seen[position] = 1;
      unique.push(position);
    }
  }
  for (const position of unique) {
    seen[position] = 0;
  }
  return unique;
}

function collectIds(
  scanned: ScannedIdList,
  index: MatrixIndex,
  label: string,
): ScannedIds {
  const { unknown } = scanned;
  const positions = distinct(scanned.positions, index.responsibilityIds.length);
  if (!unknown.length) {
    return { positions, errors: NO_ERRORS };
  }
  const { responsibilityIds } = index;
  const distinctUnknown = [...new Set(unknown)];
  const errors = distinctUnknown
    .slice(0, MAX_REPORTED_PER_ANNOTATION)
    .map(value =>
      unknownIdMessage(label, 'responsibility', value, responsibilityIds),
    );
  if (distinctUnknown.length > MAX_REPORTED_PER_ANNOTATION) {
    errors.push(
      `${label}: ${
        distinctUnknown.length - MAX_REPORTED_PER_ANNOTATION
      } more unknown responsibilities`,
    );
  }
  return { positions, errors };
}

export interface ParsedMesh {
  /** The mesh tool id; the baseline tool when the annotation is absent; undefined when invalid. */
  mesh: string | undefined;
  errors: string[];
}

/**
 * Parses a mesh id (`meshcoverage.io/mesh` unless another `label` is given): a tool of kind
 * `mesh`, or the baseline. Absent or empty means the baseline. Never throws.
 */
export function parseMeshId(
  value: string | undefined,
  index: MatrixIndex,
  label: string = ANNOTATION_MESH,
): ParsedMesh {
  const mesh = meshOf(value, index);
  if (mesh !== undefined) {
    return { mesh, errors: [] };
  }
  const candidate = (value ?? '').trim();
  const tool = index.tool(candidate);
  return {
    mesh: undefined,
    errors: [
      tool
        ? `${label}: '${tool.id}' is a tool of kind ${
            tool.kind
          }, not a mesh (use one of ${index.meshIds.join(', ')})`
        : unknownIdMessage(label, 'mesh', candidate, index.meshIds),
    ],
  };
}

/** {@link parseMeshId}'s mesh alone, without building its errors: the processor's common case. */
function meshOf(value: string | undefined, index: MatrixIndex) {
  const candidate = typeof value === 'string' ? value.trim() : '';
  if (!candidate) {
    return index.baselineTool.id;
  }
  const tool = index.tool(candidate);
  return tool && (tool.kind === 'mesh' || tool.kind === 'baseline')
    ? tool.id
    : undefined;
}

/** What a component declares through its input annotations. */
export interface MeshDeclaration {
  mesh: string | undefined;
  /** Config defaults united with `meshcoverage.io/requires`. */
  requires: string[];
  /** The valid ids `meshcoverage.io/requires` itself names (what the owner declared). */
  declaredRequires: string[];
  implements: string[];
  errors: string[];
  /** True when any input annotation is present. */
  declared: boolean;
}

/**
 * Parses a component's input annotations. `defaultRequires` (config defaults for its `spec.type`)
 * are united with `meshcoverage.io/requires`.
 */
export function parseMeshDeclaration(
  annotations: Record<string, string> | undefined,
  index: MatrixIndex,
  defaultRequires: readonly string[] = [],
): MeshDeclaration {
  return declarationOf(
    scanMeshDeclaration(annotations, index, defaultRequires),
    index,
  );
}

/**
 * A parsed declaration as responsibility positions (matrix order numbers): what evaluation works
 * on. The catalog processor parses every component on every pass and needs no id lists, so they
 * are only made by {@link declarationOf}.
 */
export interface ScannedMeshDeclaration {
  mesh: string | undefined;
  /** Defaults first, then the declared ones not among them; each once. */
  requiredPositions: readonly number[];
  /** What `meshcoverage.io/requires` itself names, each once, in the order written. */
  declaredRequiredPositions: readonly number[];
  implementedPositions: readonly number[];
  errors: readonly string[];
  /** True when any input annotation is present. */
  declared: boolean;
}

/** {@link parseMeshDeclaration} as positions, for {@link evaluateCoverageAt}. */
export function scanMeshDeclaration(
  annotations: Record<string, string> | undefined,
  index: MatrixIndex,
  defaultRequires: readonly string[] = [],
): ScannedMeshDeclaration {
  return scanMeshDeclarationWith(
    annotations,
    index,
    defaultRequires.length ? index.positionsOf(defaultRequires) : NO_POSITIONS,
  );
}

/** {@link scanMeshDeclaration} with the defaults already resolved to positions. */
export function scanMeshDeclarationWith(
  annotations: Record<string, string> | undefined,
  index: MatrixIndex,
  defaultRequiredPositions: readonly number[],
): ScannedMeshDeclaration {
  const values = annotations ?? {};
  const meshValue = values[ANNOTATION_MESH];
  const requiresValue = values[ANNOTATION_REQUIRES];
  const implementsValue = values[ANNOTATION_IMPLEMENTS];
  const mesh = meshOf(meshValue, index);
  const requires = scanResponsibilityIds(
    requiresValue,
    index,
    ANNOTATION_REQUIRES,
  );
  const implemented = scanResponsibilityIds(
    implementsValue,
    index,
    ANNOTATION_IMPLEMENTS,
  );
  return {
    mesh,
    requiredPositions: uniteWithDefaults(
      defaultRequiredPositions,
      requires.positions,
    ),
    declaredRequiredPositions: requires.positions,
    implementedPositions: implemented.positions,
    errors: concatErrors(
      mesh === undefined ? parseMeshId(meshValue, index).errors : NO_ERRORS,
      requires.errors,
      implemented.errors,
    ),
    declared:
      typeof meshValue === 'string' ||
      typeof requiresValue === 'string' ||
      typeof implementsValue === 'string',
  };
}

/** The ids of a scanned declaration. */
export function declarationOf(
  scanned: ScannedMeshDeclaration,
  index: MatrixIndex,
): MeshDeclaration {
  return {
    mesh: scanned.mesh,
    requires: idsAt(scanned.requiredPositions, index),
    declaredRequires: idsAt(scanned.declaredRequiredPositions, index),
    implements: idsAt(scanned.implementedPositions, index),
    errors: [...scanned.errors],
    declared: scanned.declared,
  };
}

/** The defaults first, then the declared positions not among them. */
function uniteWithDefaults(
  defaults: readonly number[],
  declared: readonly number[],
): readonly number[] {
  if (!defaults.length) {
    return declared;
  }
  const united = defaults.slice();
  for (const position of declared) {
    if (!hasPosition(defaults, position)) {
      united.push(position);
    }
  }
  return united;
}

function concatErrors(
  mesh: readonly string[],
  requires: readonly string[],
  implemented: readonly string[],
): readonly string[] {
  if (!requires.length && !implemented.length) {
    return mesh;
  }
  if (!mesh.length && !implemented.length) {
    return requires;
  }
  return mesh.concat(requires, implemented);
}
