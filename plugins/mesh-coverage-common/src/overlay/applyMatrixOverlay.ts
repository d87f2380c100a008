import { suggestId } from '../annotations/suggest';
import {
  carriesResponsibility,
  CellValue,
  LocalizedText,
  MatrixCell,
  MeshMatrix,
  MeshTool,
  Support,
  ToolKind,
  ToolProfile,
} from '../model/types';
import { matrixOverlaySchema } from '../schema/matrixSchema';
import {
  fromZodIssue,
  MatrixProblem,
  MatrixValidation,
  MatrixValidationError,
  validateMeshMatrix,
} from '../schema/validateMeshMatrix';

/**
 * One reviewable claim: a cell's new value, where it is stated, the day it was checked and the
 * value it replaces (`null` when the base matrix does not compare the tool there).
 *
 * @public
 */
export interface CellClaim {
  toolId: string;
  responsibilityId: string;
  support: Support;
  note?: LocalizedText;
  alternative?: LocalizedText;
  since?: string;
  source: string;
  verifiedAt: string;
  replaces: CellValue | null;
}

/**
 * Sourced facts about one tool (licence, governance, checked version, status). A claim for a tool
 * the base lacks adds it: it then gives the tool's `name` and `kind`, and its cell claims say which
 * tables it joins.
 *
 * @public
 */
export interface ToolClaim extends ToolProfile {
  toolId: string;
  /** A new tool's display name. */
  name?: string;
  /** A new tool's kind; a matrix has exactly one baseline, so a new tool is `mesh` or `observability`. */
  kind?: ToolKind;
  /** A new tool's one-line description. */
  description?: LocalizedText;
}

/**
 * Sourced claims applied on top of a matrix: the `current` edition, or an operator's own.
 *
 * @public
 */
export interface MatrixOverlay {
  description?: LocalizedText;
  /** The day the overlay's claims were last checked as a whole. */
  date?: string;
  tools?: ToolClaim[];
  cells: CellClaim[];
}

const cellKey = (toolId: string, responsibilityId: string) =>
  `${toolId} × ${responsibilityId}`;

const sameText = (a?: LocalizedText, b?: LocalizedText) =>
  a?.en === b?.en && a?.ja === b?.ja;

/** Claims compare the judgement itself (support, note, alternative), not its provenance. */
const sameJudgement = (a?: CellValue, b?: CellValue) =>
  a === b ||
  (!!a &&
    !!b &&
    a.support === b.support &&
    sameText(a.note, b.note) &&
    sameText(a.alternative, b.alternative));

/** A cell's value without its ids, as a claim's `replaces` states it. */
function valueOf(cell: MatrixCell): CellValue {
  const { toolId, responsibilityId, replaces, ...value } = cell;
  return value;
}

const describeValue = (value: CellValue | undefined) =>
  value
    ? JSON.stringify({
        support: value.support,
        note: value.note,
        alternative: value.alternative,
      })
    : 'null (no cell)';

const unknownId = (what: string, value: string, valid: readonly string[]) => {
  const suggestion = suggestId(value, valid);
  return `unknown ${what} '${value}'${
    suggestion ? ` (did you mean '${suggestion}'?)` : ''
  }`;
};

/** The tools the overlay adds: claims for an id the base lacks, with a name and a kind. */
function newTools(base: MeshMatrix, overlay: MatrixOverlay): MeshTool[] {
  const known = new Set(base.tools.map(t => t.id));
  return (overlay.tools ?? [])
    .filter(c => !known.has(c.toolId) && c.name && c.kind)
    .map(({ toolId, name, kind, description, ...profile }) => ({
      id: toolId,
      name: name!,
      kind: kind!,
      ...(description && { description }),
      profile,
    }));
}

/** Checks each claim against the base; the shape is already valid. */
function checkClaims(base: MeshMatrix, overlay: MatrixOverlay) {
  const problems: MatrixProblem[] = [];
  const baseToolIds = new Set(base.tools.map(t => t.id));
  const added = newTools(base, overlay);
  const tools = new Map([...base.tools, ...added].map(t => [t.id, t]));
  const toolIds = base.tools.map(t => t.id);
  const responsibilityIds = base.responsibilities.map(r => r.id);
  const responsibilities = new Set(responsibilityIds);
  const baseCells = new Map(
    base.cells.map(c => [cellKey(c.toolId, c.responsibilityId), c]),
  );

  const toolClaimed = new Map<string, number>();
  overlay.tools?.forEach((claim, i) => {
    const path = `tools[${i}]`;
    const first = toolClaimed.get(claim.toolId);
    if (first !== undefined) {
      problems.push({
        path,
        message: `a second claim for tool '${claim.toolId}' (first at tools[${first}]); keep one`,
      });
      return;
    }
    toolClaimed.set(claim.toolId, i);
    if (baseToolIds.has(claim.toolId)) {
      if (claim.name !== undefined || claim.kind !== undefined) {
        problems.push({
          path: `${path}.${claim.name !== undefined ? 'name' : 'kind'}`,
          message: `'${claim.toolId}' is already a tool of the base matrix: only a new tool's claim gives its name and kind; remove the field to add facts to it`,
        });
      }
      return;
    }
    if (claim.name === undefined || claim.kind === undefined) {
      const suggestion = suggestId(claim.toolId, toolIds);
      problems.push({
        path: `${path}.toolId`,
        message: suggestion
          ? `${unknownId(
              'tool',
              claim.toolId,
              toolIds,
            )}; to add a new tool, give its name and kind`
          : `unknown tool '${claim.toolId}': to add it as a new tool, give its name and kind (mesh or observability)`,
      });
    } else if (claim.kind === 'baseline') {
      problems.push({
        path: `${path}.kind`,
        message: `a matrix has exactly one baseline tool; add '${claim.toolId}' as a mesh or observability tool`,
      });
    } else if (!overlay.cells.some(cell => cell.toolId === claim.toolId)) {
      problems.push({
        path,
        message: `the new tool '${claim.toolId}' has no cell claims: add at least one, so that it joins the tables listing those responsibilities`,
      });
    }
  });

  const claimed = new Map<string, number>();
  overlay.cells.forEach((claim, i) => {
    const path = `cells[${i}]`;
    const tool = tools.get(claim.toolId);
    if (!tool) {
      problems.push({
        path: `${path}.toolId`,
        message: `${unknownId(
          'tool',
          claim.toolId,
          toolIds,
        )}; a new tool needs a tool claim with its name and kind`,
      });
    }
    if (!responsibilities.has(claim.responsibilityId)) {
      problems.push({
        path: `${path}.responsibilityId`,
        message: unknownId(
          'responsibility',
          claim.responsibilityId,
          responsibilityIds,
        ),
      });
    }
    if (!tool || !responsibilities.has(claim.responsibilityId)) {
      return;
    }
    const key = cellKey(claim.toolId, claim.responsibilityId);
    const first = claimed.get(key);
    if (first !== undefined) {
      problems.push({
        path,
        message: `a second claim for ${key} (first at cells[${first}]); keep one`,
      });
      return;
    }
    claimed.set(key, i);
    if (tool.kind === 'baseline' && carriesResponsibility(claim.support)) {
      problems.push({
        path: `${path}.support`,
        message: `the baseline tool never takes a responsibility off the app: use no (with an alternative), unknown or not-applicable, got '${claim.support}'`,
      });
    }
    if (tool.kind !== 'baseline' && claim.alternative) {
      problems.push({
        path: `${path}.alternative`,
        message: `only the baseline tool's cells carry an alternative ('${claim.toolId}' is a ${tool.kind} tool)`,
      });
    }
    const current = baseCells.get(key);
    const stated = claim.replaces ?? undefined;
    if (!sameJudgement(stated, current)) {
      problems.push({
        path: `${path}.replaces`,
        message: `the base matrix says ${describeValue(
          current,
        )} for ${key}, not ${describeValue(
          stated,
        )}; check the claim against the base and state what it replaces`,
      });
    } else if (sameJudgement(claim, current)) {
      problems.push({
        path,
        message: `changes nothing: the base matrix already says ${describeValue(
          current,
        )} for ${key}`,
      });
    }
  });
  return problems;
}

/** The matrix with the (already checked) overlay applied; a new object, the base is untouched. */
function apply(base: MeshMatrix, overlay: MatrixOverlay): MeshMatrix {
  const toolClaims = new Map((overlay.tools ?? []).map(c => [c.toolId, c]));
  const baseTools: MeshTool[] = base.tools.map(tool => {
    const claim = toolClaims.get(tool.id);
    if (!claim) {
      return tool;
    }
    const { toolId, name, kind, description, ...facts } = claim;
    return {
      ...tool,
      ...(description && { description }),
      profile: { ...tool.profile, ...facts },
    };
  });
  // A new tool comes after the last tool of its kind, so meshes stay beside meshes in every table.
  const tools = [...baseTools];
  for (const tool of newTools(base, overlay)) {
    const lastOfKind = tools.map(t => t.kind).lastIndexOf(tool.kind);
    tools.splice(lastOfKind === -1 ? tools.length : lastOfKind + 1, 0, tool);
  }

  const claims = new Map(
    overlay.cells.map(c => [cellKey(c.toolId, c.responsibilityId), c]),
  );
  const toCell = (
    { replaces: _stated, ...claim }: CellClaim,
    replaced: MatrixCell | undefined,
  ): MatrixCell => ({
    ...claim,
    replaces: replaced ? valueOf(replaced) : null,
  });
  const cells = base.cells.map(cell => {
    const claim = claims.get(cellKey(cell.toolId, cell.responsibilityId));
    return claim ? toCell(claim, cell) : cell;
  });
  const existing = new Set(
    base.cells.map(c => cellKey(c.toolId, c.responsibilityId)),
  );
  const added = overlay.cells.filter(
    c => !existing.has(cellKey(c.toolId, c.responsibilityId)),
  );
  cells.push(...added.map(claim => toCell(claim, undefined)));

  // A new cell for a tool a table does not compare yet adds the tool to every table listing the
  // responsibility, in the matrix's tool order.
  const toolOrder = new Map(tools.map((t, i) => [t.id, i]));
  const categories = base.categories.map(category => ({
    ...category,
    groups: category.groups.map(group => {
      const joining = added
        .filter(
          c =>
            group.responsibilityIds.includes(c.responsibilityId) &&
            !group.toolIds.includes(c.toolId),
        )
        .map(c => c.toolId);
      if (joining.length === 0) {
        return group;
      }
      const toolIds = [...new Set([...group.toolIds, ...joining])].sort(
        (a, b) => toolOrder.get(a)! - toolOrder.get(b)!,
      );
      return { ...group, toolIds };
    }),
  }));

  return { ...base, tools, categories, cells };
}

/**
 * Validates an overlay against the matrix it goes on and applies it. Never throws: unknown ids
 * come with a "did you mean", a claim without an https source or a day with its path, a claim whose
 * `replaces` does not match the base with what the base says.
 *
 * @public
 */
export function applyMatrixOverlay(
  base: MeshMatrix,
  document: unknown,
): MatrixValidation {
  const parsed = matrixOverlaySchema.safeParse(document);
  if (!parsed.success) {
    return { valid: false, problems: parsed.error.issues.map(fromZodIssue) };
  }
  const overlay = parsed.data as MatrixOverlay;
  const problems = checkClaims(base, overlay);
  if (problems.length) {
    return { valid: false, problems };
  }
  const result = validateMeshMatrix(apply(base, overlay));
  return result.valid
    ? result
    : {
        valid: false,
        problems: result.problems.map(p => ({
          path: p.path,
          message: `after applying the overlay: ${p.message}`,
        })),
      };
}

/**
 * Applies an overlay, or throws an error naming its source and the paths of its problems.
 *
 * @public
 */
export function parseMatrixOverlay(
  base: MeshMatrix,
  document: unknown,
  source: string,
): MeshMatrix {
  const result = applyMatrixOverlay(base, document);
  if (!result.valid) {
    throw new MatrixValidationError(source, result.problems, 'overlay');
  }
  return result.matrix;
}
