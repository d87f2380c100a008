import { MatrixIndex } from '../model/matrixIndex';
import { CoverageItem, CoverageReport, CoverageRequest } from './types';

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

const REQUIRED = 1;
const IMPLEMENTED = 2;

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
  const row = index.cellsByPosition(mesh);
  if (!row) {
    throw new Error(`Unknown mesh '${mesh}'`);
  }
  const { responsibilityIds } = index;
  // How to cover a gap without a mesh: the baseline's cell.
  const baselineRow = index.cellsByPosition(index.baselineTool.id)!;
  // Mark positions, then walk them in matrix order: no sort, no string keys.
  const marks = new Uint8Array(responsibilityIds.length);
  let requiredCount = 0;
  for (const position of requiredPositions) {
    if ((marks[position] & REQUIRED) === 0) {
      marks[position] |= REQUIRED;
      requiredCount += 1;
    }
  }
  for (const position of implementedPositions) {
    marks[position] |= IMPLEMENTED;
  }

  const items: CoverageItem[] = [];
  const covered: string[] = [];
  const implementedByApp: string[] = [];
  const gaps: string[] = [];
  for (let position = 0; position < marks.length; position += 1) {
    const mark = marks[position];
    if ((mark & REQUIRED) === 0) {
      continue;
    }
    const responsibilityId = responsibilityIds[position];
    const support = row[position]?.support ?? 'unknown';
    if (support === 'yes' || support === 'partial') {
      covered.push(responsibilityId);
      items.push(
        support === 'partial'
          ? { responsibilityId, status: 'mesh', support, partial: true }
          : { responsibilityId, status: 'mesh', support },
      );
    } else if (mark & IMPLEMENTED) {
      implementedByApp.push(responsibilityId);
      items.push({ responsibilityId, status: 'app', support });
    } else {
      gaps.push(responsibilityId);
      const item: CoverageItem = { responsibilityId, status: 'gap', support };
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
    coverage: requiredCount
      ? Math.round(
          (100 * (covered.length + implementedByApp.length)) / requiredCount,
        )
      : null,
    items,
    covered,
    implementedByApp,
    gaps,
    errors: [],
  };
}
