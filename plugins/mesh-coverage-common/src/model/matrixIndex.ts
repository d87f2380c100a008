import { MatrixCell, MeshMatrix, MeshTool } from './types';

/**
 * Look-ups over a validated matrix, built once per matrix object and cached: coverage is evaluated
 * for every component of a catalog against the same matrix.
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
}

const cache = new WeakMap<MeshMatrix, MatrixIndex>();

const cellKey = (toolId: string, responsibilityId: string) =>
  `${toolId}\u0000${responsibilityId}`;

/** Returns the look-up index of a matrix that passed {@link validateMeshMatrix}. */
export function indexMatrix(matrix: MeshMatrix): MatrixIndex {
  const cached = cache.get(matrix);
  if (cached) {
    return cached;
  }
  const tools = new Map(matrix.tools.map(t => [t.id, t]));
  const positions = new Map(matrix.responsibilities.map((r, i) => [r.id, i]));
  const cells = new Map(
    matrix.cells.map(c => [cellKey(c.toolId, c.responsibilityId), c]),
  );
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
    cell: (toolId, responsibilityId) =>
      cells.get(cellKey(toolId, responsibilityId)),
  };
  cache.set(matrix, index);
  return index;
}

/** The known ids among `ids`, each once, in matrix order. */
export function inMatrixOrder(
  index: MatrixIndex,
  ids: Iterable<string>,
): string[] {
  const known = [...new Set(ids)].filter(
    id => index.position(id) !== undefined,
  );
  return known.sort((a, b) => index.position(a)! - index.position(b)!);
}
