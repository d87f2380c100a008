import { z } from 'zod';
import { carriesResponsibility, MeshMatrix } from '../model/types';
import { meshMatrixSchema } from './matrixSchema';

/** One thing wrong with a matrix document, located by its path inside it. */
export interface MatrixProblem {
  /** e.g. `cells[12].support`; empty for the document itself. */
  path: string;
  message: string;
}

export type MatrixValidation =
  | { valid: true; matrix: MeshMatrix }
  | { valid: false; problems: MatrixProblem[] };

/** `['cells', 12, 'support']` → `cells[12].support`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, i) =>
      typeof key === 'number'
        ? `[${key}]`
        : `${i === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

export function formatProblem(problem: MatrixProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/**
 * One schema issue as a problem at a path inside the document, worded as every Mesh Coverage
 * validation words it (an unknown field is named, with a hint to check its spelling).
 *
 * @public
 */
export function fromZodIssue(issue: z.core.$ZodIssue): {
  path: string;
  message: string;
} {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map(k => `'${k}'`).join(', ');
    return { path, message: `unknown field ${keys} (check its spelling)` };
  }
  return { path, message: issue.message };
}

/** Checks what the shape cannot: unique ids and that every reference names something real. */
function crossCheck(matrix: MeshMatrix): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  const report = (path: string, message: string) =>
    problems.push({ path, message });

  const uniqueIds = (
    items: { id: string }[],
    listPath: string,
    what: string,
  ) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        report(
          `${listPath}[${i}].id`,
          `duplicate ${what} id '${item.id}' (first used at ${listPath}[${first}])`,
        );
      } else {
        seen.set(item.id, i);
      }
    });
  };
  uniqueIds(matrix.tools, 'tools', 'tool');
  uniqueIds(matrix.responsibilities, 'responsibilities', 'responsibility');
  uniqueIds(matrix.categories, 'categories', 'category');

  const tools = new Map(matrix.tools.map(t => [t.id, t]));
  const responsibilities = new Set(matrix.responsibilities.map(r => r.id));

  const baselines = matrix.tools.filter(t => t.kind === 'baseline');
  if (baselines.length !== 1) {
    report(
      'tools',
      `expected exactly one tool of kind 'baseline' (how to do it without a mesh), found ${baselines.length}`,
    );
  }

  // For each responsibility, the tools some group compares it with.
  const comparedTools = new Map<string, Set<string>>();
  const groupIds = new Map<string, string>();
  matrix.categories.forEach((category, c) =>
    category.groups.forEach((group, g) => {
      const groupPath = `categories[${c}].groups[${g}]`;
      const firstUse = groupIds.get(group.id);
      if (firstUse) {
        report(
          `${groupPath}.id`,
          `duplicate group id '${group.id}' (first used at ${firstUse})`,
        );
      } else {
        groupIds.set(group.id, groupPath);
      }
      group.toolIds.forEach((toolId, i) => {
        if (!tools.has(toolId)) {
          report(
            `${groupPath}.toolIds[${i}]`,
            `unknown tool '${toolId}' (add it to tools or remove it here)`,
          );
        }
      });
      if (
        new Set(group.responsibilityIds).size !== group.responsibilityIds.length
      ) {
        report(
          `${groupPath}.responsibilityIds`,
          'lists a responsibility twice',
        );
      }
      group.responsibilityIds.forEach((responsibilityId, i) => {
        if (!responsibilities.has(responsibilityId)) {
          report(
            `${groupPath}.responsibilityIds[${i}]`,
            `unknown responsibility '${responsibilityId}' (add it to responsibilities or remove it here)`,
          );
        }
        const compared =
          comparedTools.get(responsibilityId) ?? new Set<string>();
        group.toolIds.forEach(t => compared.add(t));
        comparedTools.set(responsibilityId, compared);
      });
    }),
  );

  matrix.responsibilities.forEach((responsibility, i) => {
    if (!comparedTools.has(responsibility.id)) {
      report(
        `responsibilities[${i}]`,
        `'${responsibility.id}' is not listed in any group, so no table shows it`,
      );
    }
  });

  const seenCells = new Map<string, number>();
  matrix.cells.forEach((cell, i) => {
    const path = `cells[${i}]`;
    const tool = tools.get(cell.toolId);
    if (!tool) {
      report(`${path}.toolId`, `unknown tool '${cell.toolId}'`);
    }
    if (!responsibilities.has(cell.responsibilityId)) {
      report(
        `${path}.responsibilityId`,
        `unknown responsibility '${cell.responsibilityId}'`,
      );
    } else if (
      tool &&
      !comparedTools.get(cell.responsibilityId)?.has(cell.toolId)
    ) {
      report(
        path,
        `no group compares '${cell.toolId}' for '${cell.responsibilityId}' (add the tool to that responsibility's group, or drop the cell)`,
      );
    }
    const key = `${cell.toolId} × ${cell.responsibilityId}`;
    const first = seenCells.get(key);
    if (first !== undefined) {
      report(path, `duplicate cell ${key} (first at cells[${first}])`);
    } else {
      seenCells.set(key, i);
    }
    if (tool?.kind === 'baseline' && carriesResponsibility(cell.support)) {
      report(
        `${path}.support`,
        `the baseline tool never takes a responsibility off the app: use no (with an alternative), unknown or not-applicable, got '${cell.support}'`,
      );
    }
    if (tool && tool.kind !== 'baseline' && cell.alternative) {
      report(
        `${path}.alternative`,
        `only the baseline tool's cells carry an alternative ('${cell.toolId}' is a ${tool.kind} tool)`,
      );
    }
  });
  return problems;
}

/**
 * Validates any matrix document: its shape, then its cross-references. Never throws.
 *
 * @public
 */
export function validateMeshMatrix(document: unknown): MatrixValidation {
  const parsed = meshMatrixSchema.safeParse(document);
  if (!parsed.success) {
    return { valid: false, problems: parsed.error.issues.map(fromZodIssue) };
  }
  const matrix = parsed.data as MeshMatrix;
  const problems = crossCheck(matrix);
  return problems.length ? { valid: false, problems } : { valid: true, matrix };
}

/**
 * Thrown by {@link parseMeshMatrix}; its message names the source and every problem's path.
 *
 * @public
 */
export class MatrixValidationError extends Error {
  readonly problems: MatrixProblem[];
  constructor(
    source: string,
    problems: MatrixProblem[],
    what: 'matrix' | 'overlay' = 'matrix',
  ) {
    const shown = problems.slice(0, 20).map(p => `  ${formatProblem(p)}`);
    const more =
      problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
    super(
      `Invalid mesh ${what} in ${source}:\n${[...shown, ...more].join('\n')}`,
    );
    this.name = 'MatrixValidationError';
    this.problems = problems;
  }
}

/**
 * Validates a document and returns it as a matrix, or throws an error naming the source and every problem's path (at most 20).
 *
 * @public
 */
export function parseMeshMatrix(document: unknown, source: string): MeshMatrix {
  const result = validateMeshMatrix(document);
  if (!result.valid) {
    throw new MatrixValidationError(source, result.problems);
  }
  return result.matrix;
}
