import { suggestId } from '../annotations/suggest';
import {
  carriesResponsibility,
  CellValue,
  LocalizedText,
  MatrixCell,
  MeshMatrix,
  MeshTool,
  Support,
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
 * Sourced facts about one tool (licence, governance, checked version, status).
 *
 * @public
 */
export interface ToolClaim extends ToolProfile {
  toolId: string;
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

/** Checks each claim against the base; the shape is already valid. */
function checkClaims(base: MeshMatrix, overlay: MatrixOverlay) {
  const problems: MatrixProblem[] = [];
  const tools = new Map(base.tools.map(t => [t.id, t]));
  const toolIds = base.tools.map(t => t.id);
  const responsibilityIds = base.responsibilities.map(r => r.id);
  const responsibilities = new Set(responsibilityIds);
  const baseCells = new Map(
    base.cells.map(c => [cellKey(c.toolId, c.responsibilityId), c]),
  );

  overlay.tools?.forEach((claim, i) => {
    if (!tools.has(claim.toolId)) {
      problems.push({
        path: `tools[${i}].toolId`,
        message: unknownId('tool', claim.toolId, toolIds),
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
        message: unknownId('tool', claim.toolId, toolIds),
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
  const profiles = new Map(
    (overlay.tools ?? []).map(({ toolId, ...facts }) => [toolId, facts]),
  );
  const tools: MeshTool[] = base.tools.map(tool => {
    const facts = profiles.get(tool.id);
    return facts ? { ...tool, profile: { ...tool.profile, ...facts } } : tool;
  });

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
  const toolOrder = new Map(base.tools.map((t, i) => [t.id, i]));
  const categories = base.categories.map(category => ({
    ...category,
    groups: category.groups.map(group => {
      const newTools = added
        .filter(
          c =>
            group.responsibilityIds.includes(c.responsibilityId) &&
            !group.toolIds.includes(c.toolId),
        )
        .map(c => c.toolId);
      if (newTools.length === 0) {
        return group;
      }
      const toolIds = [...new Set([...group.toolIds, ...newTools])].sort(
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
 * Applies an overlay, or throws a {@link MatrixValidationError} naming its source and paths.
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
