import { MatrixIndex } from '../model/matrixIndex';
import { hasPosition } from '../model/positions';
import { carriesResponsibility, MatrixCell, Support } from '../model/types';
import {
  CoverageItem,
  CoverageReport,
  CoverageRequest,
  CoverageStatus,
} from './types';

/**
 * Evaluates coverage exactly per DESIGN §4. Ids the matrix does not know are left out (the
 * annotation parser reports them); the mesh must be a tool of the matrix.
 */
export function evaluateCoverage(
  index: MatrixIndex,
  request: CoverageRequest,
): CoverageReport {
  return evaluateCoverageAt(
    index,
    request.mesh,
    positionsOf(request.requires, index),
    request.implements ? positionsOf(request.implements, index) : [],
  );
}

function positionsOf(ids: readonly string[], index: MatrixIndex): number[] {
  const positions: number[] = [];
  for (const id of ids) {
    const position = index.position(id);
    if (position !== undefined) {
      positions.push(position);
    }
  }
  return positions;
}

/**
 * {@link evaluateCoverage} over responsibility positions (matrix order), as the annotation parser
 * finds them: the catalog processor evaluates every component on every pass, so ids are not
 * looked up a second time. Duplicate positions count once.
 */
export function evaluateCoverageAt(
  index: MatrixIndex,
  mesh: string,
  requiredPositions: readonly number[],
  implementedPositions: readonly number[],
): CoverageReport {
  const row = meshRow(index, mesh);
  const { responsibilityIds } = index;
  // How to cover a gap without a mesh: the baseline's cell.
  const baselineRow = index.cellsByPosition(index.baselineTool.id)!;
  const required = inMatrixOrder(requiredPositions);
  const items: CoverageItem[] = [];
  const covered: string[] = [];
  const implementedByApp: string[] = [];
  const gaps: string[] = [];
  for (const position of required) {
    const responsibilityId = responsibilityIds[position];
    const support = row[position]?.support ?? 'unknown';
    const status = coverageStatus(
      support,
      hasPosition(implementedPositions, position),
    );
    if (status === 'mesh') {
      covered.push(responsibilityId);
      items.push(
        support === 'partial'
          ? { responsibilityId, status, support, partial: true }
          : { responsibilityId, status, support },
      );
    } else if (status === 'app') {
      implementedByApp.push(responsibilityId);
      items.push({ responsibilityId, status, support });
    } else {
      gaps.push(responsibilityId);
      const item: CoverageItem = { responsibilityId, status, support };
      if (support === 'unknown') {
        item.unknown = true;
      }
      const alternative = baselineRow[position]?.alternative;
      if (alternative) {
        item.alternative = alternative;
      }
      items.push(item);
    }
  }
  return {
    mesh,
    coverage: coveragePercent(
      covered.length + implementedByApp.length,
      required.length,
    ),
    items,
    covered,
    implementedByApp,
    gaps,
    errors: [],
  };
}

/** A tool's cells by position; throws for a tool the matrix does not have. */
export function meshRow(
  index: MatrixIndex,
  mesh: string,
): ReadonlyArray<MatrixCell | undefined> {
  return index.cellsByPosition(mesh) ?? unknownMesh(mesh);
}

/** Thrown for a mesh the matrix does not have: callers pass meshes they validated. */
export function unknownMesh(mesh: string): never {
  throw new Error(`Unknown mesh '${mesh}'`);
}

/**
 * DESIGN §4: a required responsibility the mesh supports (fully or partly) is the mesh's; else the
 * app's when it implements it; else a gap. `coverageAnnotations` applies it to position sets (a
 * property test holds the two equal).
 */
export function coverageStatus(
  support: Support,
  implemented: boolean,
): CoverageStatus {
  if (carriesResponsibility(support)) {
    return 'mesh';
  }
  return implemented ? 'app' : 'gap';
}

/** round(100 × carried / required); null when nothing is required. */
export function coveragePercent(
  carried: number,
  required: number,
): number | null {
  return required ? Math.round((100 * carried) / required) : null;
}

/** Lists up to this long are sorted by insertion (the usual few ids); longer ones natively. */
const INSERTION_LIMIT = 32;

/** The positions sorted ascending (matrix order), each once; a new array. */
export function inMatrixOrder(positions: readonly number[]): number[] {
  const sorted =
    positions.length > INSERTION_LIMIT
      ? Array.from(Int32Array.from(positions).sort())
      : insertionSorted(positions);
  let kept = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    if (i === 0 || sorted[i] !== sorted[kept - 1]) {
      sorted[kept] = sorted[i];
      kept += 1;
    }
  }
  if (kept < sorted.length) {
    sorted.length = kept;
  }
  return sorted;
}

function insertionSorted(positions: readonly number[]): number[] {
  const sorted = positions.slice();
  for (let i = 1; i < sorted.length; i += 1) {
    const value = sorted[i];
    let at = i - 1;
    while (at >= 0 && sorted[at] > value) {
      sorted[at + 1] = sorted[at];
      at -= 1;
    }
    sorted[at + 1] = value;
  }
  return sorted;
}
