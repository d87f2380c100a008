import { inMatrixOrder, MatrixIndex } from '../model/matrixIndex';
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

const show = (value: string) =>
  value.length > MAX_SHOWN_VALUE
    ? `${value.slice(0, MAX_SHOWN_VALUE)}…`
    : value;

function unknownIdMessage(
  label: string,
  what: string,
  value: string,
  validIds: readonly string[],
): string {
  const base = `${label}: unknown ${what} '${show(value)}'`;
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
 * duplicates kept once; unknown ids are left out and reported, under `label`, with the closest
 * valid id. Never throws.
 *
 * @public
 */
export function checkResponsibilityIds(
  candidates: readonly string[],
  index: MatrixIndex,
  label: string,
): { ids: string[]; errors: string[] } {
  const ids: string[] = [];
  let unknown: string[] | undefined;
  for (const raw of candidates) {
    const candidate = raw.trim();
    const position = index.position(candidate);
    if (position !== undefined) {
      // The matrix's own string: later look-ups of it are cheaper than of a fresh one.
      const id = index.responsibilityIds[position];
      if (!ids.includes(id)) {
        ids.push(id);
      }
    } else if (candidate && !unknown?.includes(candidate)) {
      (unknown ??= []).push(candidate);
    }
  }
  if (!unknown) {
    return { ids, errors: [] };
  }
  const errors = unknown
    .slice(0, MAX_REPORTED_PER_ANNOTATION)
    .map(value =>
      unknownIdMessage(label, 'responsibility', value, index.responsibilityIds),
    );
  if (unknown.length > MAX_REPORTED_PER_ANNOTATION) {
    errors.push(
      `${label}: ${
        unknown.length - MAX_REPORTED_PER_ANNOTATION
      } more unknown responsibilities`,
    );
  }
  return { ids, errors };
}

/** A comma-separated annotation value of responsibility ids (see {@link checkResponsibilityIds}). */
function parseResponsibilityIds(
  value: string | undefined,
  index: MatrixIndex,
  annotation: string,
): { ids: string[]; errors: string[] } {
  return typeof value === 'string'
    ? checkResponsibilityIds(value.split(','), index, annotation)
    : { ids: [], errors: [] };
}

/**
 * Parses a mesh id (`meshcoverage.io/mesh` unless another `label` is given): a tool of kind
 * `mesh`, or the baseline. Absent or empty means the baseline. Never throws.
 *
 * @public
 */
export function parseMeshId(
  value: string | undefined,
  index: MatrixIndex,
  label: string = ANNOTATION_MESH,
): { mesh: string | undefined; errors: string[] } {
  const candidate = typeof value === 'string' ? value.trim() : '';
  if (!candidate) {
    return { mesh: index.baselineTool.id, errors: [] };
  }
  const tool = index.tool(candidate);
  if (tool && index.meshIds.includes(tool.id)) {
    return { mesh: tool.id, errors: [] };
  }
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

/**
 * What a component declares through its input annotations.
 *
 * @public
 */
export interface MeshDeclaration {
  /** The annotated mesh; the baseline (no mesh) without one; undefined when it names no known mesh. */
  mesh: string | undefined;
  /** Why `meshcoverage.io/mesh` names no known mesh (with the closest id); also in `errors`. */
  meshError?: string;
  /** Config defaults united with `meshcoverage.io/requires`, in matrix order. */
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
 * are united with `meshcoverage.io/requires`. Never throws.
 *
 * @public
 */
export function parseMeshDeclaration(
  annotations: Record<string, string> | undefined,
  index: MatrixIndex,
  defaultRequires: readonly string[] = [],
): MeshDeclaration {
  const meshValue = annotations?.[ANNOTATION_MESH];
  const requiresValue = annotations?.[ANNOTATION_REQUIRES];
  const implementsValue = annotations?.[ANNOTATION_IMPLEMENTS];
  const mesh = parseMeshId(meshValue, index);
  const requires = parseResponsibilityIds(
    requiresValue,
    index,
    ANNOTATION_REQUIRES,
  );
  const implemented = parseResponsibilityIds(
    implementsValue,
    index,
    ANNOTATION_IMPLEMENTS,
  );
  return {
    mesh: mesh.mesh,
    ...(mesh.errors.length && { meshError: mesh.errors.join('; ') }),
    requires: inMatrixOrder(index, defaultRequires, requires.ids),
    declaredRequires: requires.ids,
    implements: implemented.ids,
    // Most components have no errors: no new array for them.
    errors:
      mesh.errors.length || requires.errors.length || implemented.errors.length
        ? mesh.errors.concat(requires.errors, implemented.errors)
        : mesh.errors,
    declared:
      typeof meshValue === 'string' ||
      typeof requiresValue === 'string' ||
      typeof implementsValue === 'string',
  };
}
