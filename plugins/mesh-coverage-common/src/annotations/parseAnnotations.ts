import { ScannedIdList } from '../model/idListScanner';
import { MatrixIndex } from '../model/matrixIndex';
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
  const { ids, errors } = collectIds({ positions, unknown }, index, label);
  return { ids, errors };
}

/** Parses a comma-separated annotation value of responsibility ids (see {@link checkResponsibilityIds}). */
export function parseResponsibilityIds(
  value: string | undefined,
  index: MatrixIndex,
  annotation: string,
): ParsedIds {
  const { ids, errors } = scanResponsibilityIds(value, index, annotation);
  return { ids, errors };
}

/** {@link ParsedIds} with the ids' positions in matrix order, for evaluation without look-ups. */
interface ParsedPositions extends ParsedIds {
  positions: number[];
}

function scanResponsibilityIds(
  value: string | undefined,
  index: MatrixIndex,
  annotation: string,
): ParsedPositions {
  return typeof value === 'string'
    ? collectIds(index.scanResponsibilityList(value), index, annotation)
    : { ids: [], positions: [], errors: [] };
}

/** Lists up to this long are de-duplicated by scanning; longer ones (hostile input) through a Set. */
const SCAN_LIMIT = 32;

function collectIds(
  scanned: ScannedIdList,
  index: MatrixIndex,
  label: string,
): ParsedPositions {
  const { unknown } = scanned;
  const { responsibilityIds } = index;
  const positions =
    scanned.positions.length <= SCAN_LIMIT
      ? scanned.positions.filter((p, i, all) => all.indexOf(p) === i)
      : [...new Set(scanned.positions)];
  const ids = positions.map(position => responsibilityIds[position]);
  if (!unknown.length) {
    return { ids, positions, errors: [] };
  }
  const distinct = [...new Set(unknown)];
  const errors = distinct
    .slice(0, MAX_REPORTED_PER_ANNOTATION)
    .map(value =>
      unknownIdMessage(label, 'responsibility', value, responsibilityIds),
    );
  if (distinct.length > MAX_REPORTED_PER_ANNOTATION) {
    errors.push(
      `${label}: ${
        distinct.length - MAX_REPORTED_PER_ANNOTATION
      } more unknown responsibilities`,
    );
  }
  return { ids, positions, errors };
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
  const candidate = typeof value === 'string' ? value.trim() : '';
  if (!candidate) {
    return { mesh: index.baselineTool.id, errors: [] };
  }
  const tool = index.tool(candidate);
  if (tool && index.meshIds.includes(tool.id)) {
    return { mesh: tool.id, errors: [] };
  }
  if (tool) {
    return {
      mesh: undefined,
      errors: [
        `${label}: '${tool.id}' is a tool of kind ${
          tool.kind
        }, not a mesh (use one of ${index.meshIds.join(', ')})`,
      ],
    };
  }
  return {
    mesh: undefined,
    errors: [unknownIdMessage(label, 'mesh', candidate, index.meshIds)],
  };
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
  return scanMeshDeclaration(annotations, index, defaultRequires).declaration;
}

/** A parsed declaration with the positions (matrix order) of what it requires and implements. */
export interface ScannedMeshDeclaration {
  declaration: MeshDeclaration;
  requiredPositions: number[];
  implementedPositions: number[];
}

/** {@link parseMeshDeclaration}, keeping the positions for {@link evaluateCoverageAt}. */
export function scanMeshDeclaration(
  annotations: Record<string, string> | undefined,
  index: MatrixIndex,
  defaultRequires: readonly string[] = [],
): ScannedMeshDeclaration {
  const values = annotations ?? {};
  const meshValue = values[ANNOTATION_MESH];
  const requiresValue = values[ANNOTATION_REQUIRES];
  const implementsValue = values[ANNOTATION_IMPLEMENTS];
  const mesh = parseMeshId(meshValue, index);
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
  const requiredPositions = uniteWithDefaults(
    defaultRequires,
    requires.positions,
    index,
  );
  return {
    declaration: {
      mesh: mesh.mesh,
      requires:
        requiredPositions === requires.positions
          ? requires.ids
          : requiredPositions.map(p => index.responsibilityIds[p]),
      declaredRequires: requires.ids,
      implements: implemented.ids,
      errors: concatErrors(mesh.errors, requires.errors, implemented.errors),
      declared:
        typeof meshValue === 'string' ||
        typeof requiresValue === 'string' ||
        typeof implementsValue === 'string',
    },
    requiredPositions,
    implementedPositions: implemented.positions,
  };
}

/** Positions of the valid defaults first, then the declared ones not among them. */
function uniteWithDefaults(
  defaults: readonly string[],
  declared: number[],
  index: MatrixIndex,
): number[] {
  if (!defaults.length) {
    return declared;
  }
  const united: number[] = [];
  for (const id of defaults) {
    const position = index.position(id);
    if (position !== undefined && !united.includes(position)) {
      united.push(position);
    }
  }
  for (const position of declared) {
    if (!united.includes(position)) {
      united.push(position);
    }
  }
  return united;
}

function concatErrors(...lists: string[][]): string[] {
  const nonEmpty = lists.filter(list => list.length);
  return nonEmpty.length === 1
    ? nonEmpty[0]
    : ([] as string[]).concat(...nonEmpty);
}
