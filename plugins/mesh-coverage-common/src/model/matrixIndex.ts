import { createIdListScanner, ScannedIdList } from './idListScanner';
import { addToPositionSet, createPositionSet, PositionSet } from './positions';
import {
  carriesResponsibility,
  MatrixCell,
  MeshMatrix,
  MeshTool,
} from './types';

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
  /** Position of a responsibility in matrix order, or undefined when the matrix lacks it. */
  position(responsibilityId: string): number | undefined;
  cell(toolId: string, responsibilityId: string): MatrixCell | undefined;
  /** A tool's cells by responsibility position (undefined where the matrix has no cell). */
  cellsByPosition(
    toolId: string,
  ): ReadonlyArray<MatrixCell | undefined> | undefined;
  /**
   * The positions of the responsibilities a tool carries ({@link carriesResponsibility}), as a
   * set: the catalog processor's coverage is set operations on these.
   */
  carriedPositions(toolId: string): PositionSet | undefined;
  /**
   * Positions of the ids the matrix has, each once, in the order given. Remembered per array: the
   * config defaults are resolved once, not for every component.
   */
  positionsOf(responsibilityIds: readonly string[]): readonly number[];
  /** Reads a comma-separated list of responsibility ids (see {@link createIdListScanner}). */
  scanResponsibilityList(list: string): ScannedIdList;
  /** Tool ids a component may name as its mesh: `mesh` tools and the baseline, matrix order. */
  meshIds: string[];
  responsibilityIds: string[];
}

const cache = new WeakMap<MeshMatrix, MatrixIndex>();

/** Returns the look-up index of a matrix that passed {@link validateMeshMatrix}. */
export function indexMatrix(matrix: MeshMatrix): MatrixIndex {
  const cached = cache.get(matrix);
  if (cached) {
    return cached;
  }
  const tools = new Map(matrix.tools.map(t => [t.id, t]));
  const responsibilityIds = matrix.responsibilities.map(r => r.id);
  const order = new Map(matrix.responsibilities.map((r, i) => [r.id, i]));
  const baselineTool = matrix.tools.find(t => t.kind === 'baseline');
  if (!baselineTool) {
    throw new Error('A mesh matrix needs exactly one tool of kind baseline');
  }
  // Each tool's cells by responsibility position: coverage is evaluated for every component of a
  // catalog, so look-ups there use positions, not string keys.
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
  const carried = new Map<string, PositionSet>();
  for (const [toolId, row] of rows) {
    const set = createPositionSet(row.length);
    row.forEach((cell, position) => {
      if (cell && carriesResponsibility(cell.support)) {
        addToPositionSet(set, [position]);
      }
    });
    carried.set(toolId, set);
  }
  const resolved = new WeakMap<readonly string[], readonly number[]>();
  const positionsOf = (ids: readonly string[]) => {
    let positions = resolved.get(ids);
    if (!positions) {
      const found: number[] = [];
      for (const id of ids) {
        const position = order.get(id);
        if (position !== undefined && !found.includes(position)) {
          found.push(position);
        }
      }
      positions = found;
      resolved.set(ids, positions);
    }
    return positions;
  };
  const index: MatrixIndex = {
    matrix,
    tool: id => tools.get(id),
    baselineTool,
    hasResponsibility: id => order.has(id),
    order: id => order.get(id) ?? Number.MAX_SAFE_INTEGER,
    position: id => order.get(id),
    cell: (toolId, responsibilityId) => {
      const position = order.get(responsibilityId);
      return position === undefined ? undefined : rows.get(toolId)?.[position];
    },
    cellsByPosition: toolId => rows.get(toolId),
    carriedPositions: toolId => carried.get(toolId),
    positionsOf,
    scanResponsibilityList: createIdListScanner(responsibilityIds),
    meshIds: matrix.tools
      .filter(t => t.kind === 'mesh' || t.kind === 'baseline')
      .map(t => t.id),
    responsibilityIds,
  };
  cache.set(matrix, index);
  return index;
}
