import { LocalizedText, MatrixCell, MeshMatrix, MeshTool } from './types';

/**
 * Constant-time look-ups over a validated matrix. Built once per matrix object and cached, because
 * coverage is evaluated for every component of a catalog against the same matrix.
 */
export interface MatrixIndex {
  matrix: MeshMatrix;
  tool(toolId: string): MeshTool | undefined;
  /** The single `baseline` tool (Kubernetes without a mesh in the seed). */
  baselineTool: MeshTool;
  hasResponsibility(responsibilityId: string): boolean;
  /** Position of a responsibility in the matrix's `responsibilities` list ("matrix order"). */
  order(responsibilityId: string): number;
  cell(toolId: string, responsibilityId: string): MatrixCell | undefined;
  /** How to cover a responsibility without a mesh: the baseline tool's `alternative`. */
  alternative(responsibilityId: string): LocalizedText | undefined;
  /** Position of a responsibility in matrix order, or undefined when the matrix lacks it. */
  position(responsibilityId: string): number | undefined;
  /** A tool's cells by responsibility position (undefined where the matrix has no cell). */
  cellsByPosition(
    toolId: string,
  ): ReadonlyArray<MatrixCell | undefined> | undefined;
  /** The baseline's alternatives by responsibility position. */
  alternativesByPosition: ReadonlyArray<LocalizedText | undefined>;
  /** Tool ids a component may name as its mesh: `mesh` tools and the baseline, matrix order. */
  meshIds: string[];
  responsibilityIds: string[];
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
  const order = new Map(matrix.responsibilities.map((r, i) => [r.id, i]));
  const cells = new Map(
    matrix.cells.map(c => [cellKey(c.toolId, c.responsibilityId), c]),
  );
  const baselineTool = matrix.tools.find(t => t.kind === 'baseline');
  if (!baselineTool) {
    throw new Error('A mesh matrix needs exactly one tool of kind baseline');
  }
  // Dense rows by position: coverage is evaluated for every component, so no string keys there.
  const rows = new Map<string, (MatrixCell | undefined)[]>(
    matrix.tools.map(t => [
      t.id,
      new Array(matrix.responsibilities.length).fill(undefined),
    ]),
  );
  for (const cell of matrix.cells) {
    const position = order.get(cell.responsibilityId);
    const row = rows.get(cell.toolId);
    if (row && position !== undefined) {
      row[position] = cell;
    }
  }
  const baselineRow = rows.get(baselineTool.id)!;
  const index: MatrixIndex = {
    matrix,
    tool: id => tools.get(id),
    baselineTool,
    hasResponsibility: id => order.has(id),
    order: id => order.get(id) ?? Number.MAX_SAFE_INTEGER,
    cell: (toolId, responsibilityId) =>
      cells.get(cellKey(toolId, responsibilityId)),
    alternative: responsibilityId =>
      cells.get(cellKey(baselineTool.id, responsibilityId))?.alternative,
    position: id => order.get(id),
    cellsByPosition: toolId => rows.get(toolId),
    alternativesByPosition: baselineRow.map(cell => cell?.alternative),
    meshIds: matrix.tools
      .filter(t => t.kind === 'mesh' || t.kind === 'baseline')
      .map(t => t.id),
    responsibilityIds: matrix.responsibilities.map(r => r.id),
  };
  cache.set(matrix, index);
  return index;
}
