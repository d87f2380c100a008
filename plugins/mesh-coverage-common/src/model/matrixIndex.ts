import { MatrixCell, MeshMatrix, MeshTool } from './types';

/**
 * Look-ups over a validated matrix, built once per matrix object and cached: coverage is evaluated
 * for every component of a catalog against the same matrix.
 *
 * @public
 */
export interface MatrixIndex {
  matrix: MeshMatrix;
  tool(toolId: string): MeshTool | undefined;
  /** The single `baseline` tool (Kubernetes without a mesh). */
  baselineTool: MeshTool;
  /** Tool ids a component may name as its mesh: `mesh` tools and the baseline, matrix order. */
  meshIds: string[];
  /** Responsibility ids in matrix order (the order of the matrix's `responsibilities`). */
  responsibilityIds: string[];
  /** Position of a responsibility in matrix order; undefined when the matrix lacks it. */
  position(responsibilityId: string): number | undefined;
  cell(toolId: string, responsibilityId: string): MatrixCell | undefined;
  /** A tool's cells by responsibility id (empty for a tool the matrix lacks). */
  cellsOf(toolId: string): ReadonlyMap<string, MatrixCell>;
}

const NO_CELLS: ReadonlyMap<string, MatrixCell> = new Map();

const cache = new WeakMap<MeshMatrix, MatrixIndex>();

/**
 * Returns the look-up index of a matrix that passed validation (`parseMeshMatrix`).
 *
 * @public
 */
export function indexMatrix(matrix: MeshMatrix): MatrixIndex {
  const cached = cache.get(matrix);
  if (cached) {
    return cached;
  }
  const tools = new Map(matrix.tools.map(t => [t.id, t]));
  const positions = new Map(matrix.responsibilities.map((r, i) => [r.id, i]));
  // Each tool's cells by responsibility id.
  const rows = new Map<string, Map<string, MatrixCell>>(
    matrix.tools.map(t => [t.id, new Map()]),
  );
  for (const cell of matrix.cells) {
    rows.get(cell.toolId)?.set(cell.responsibilityId, cell);
  }
  const baselineTool = matrix.tools.find(t => t.kind === 'baseline');
  if (!baselineTool) {
    throw new Error('A mesh matrix needs exactly one tool of kind baseline');
  }
  const index: MatrixIndex = {
    matrix,
    tool: id => tools.get(id),
    baselineTool,
    meshIds: matrix.tools
      .filter(t => t.kind === 'mesh' || t.kind === 'baseline')
      .map(t => t.id),
    responsibilityIds: matrix.responsibilities.map(r => r.id),
    position: id => positions.get(id),
    cell: (toolId, responsibilityId) => rows.get(toolId)?.get(responsibilityId),
    cellsOf: toolId => rows.get(toolId) ?? NO_CELLS,
  };
  cache.set(matrix, index);
  return index;
}

/** The known ids of the lists, each once, in matrix order (as the matrix spells them). */
export function inMatrixOrder(
  index: MatrixIndex,
  ...lists: (readonly string[])[]
): string[] {
  // An insertion sort of positions: the lists are a handful of ids, where a sort with a comparator
  // or a splice per id cost more than parsing the annotations they came from.
  const positions: number[] = [];
  for (const ids of lists) {
    for (const id of ids) {
      const position = index.position(id);
      if (position === undefined || positions.includes(position)) {
        continue;
      }
      let at = positions.length;
      positions.push(position);
      while (at > 0 && positions[at - 1] > position) {
        positions[at] = positions[at - 1];
        at -= 1;
      }
      positions[at] = position;
    }
  }
  return positions.map(position => index.responsibilityIds[position]);
}
