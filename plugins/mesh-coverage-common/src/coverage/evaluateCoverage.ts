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
  const row = index.cellsByPosition(request.mesh);
  if (!row) {
    throw new Error(`Unknown mesh '${request.mesh}'`);
  }
  const { responsibilityIds } = index;
  // How to cover a gap without a mesh: the baseline's cell.
  const baselineRow = index.cellsByPosition(index.baselineTool.id)!;
  // Mark required positions, then walk them in matrix order: no sort, no string keys.
  const required = new Uint8Array(responsibilityIds.length);
  let requiredCount = 0;
  for (const id of request.requires) {
    const position = index.position(id);
    if (position !== undefined && required[position] === 0) {
      required[position] = 1;
      requiredCount += 1;
    }
  }
  const implemented = request.implements?.length ? new Set(request.implements) : undefined;

  const items: CoverageItem[] = [];
  const covered: string[] = [];
  const implementedByApp: string[] = [];
  const gaps: string[] = [];
  for (let position = 0; position < required.length; position += 1) {
    if (required[position] === 0) {
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
    } else if (implemented?.has(responsibilityId)) {
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
    mesh: request.mesh,
    coverage: requiredCount
      ? Math.round((100 * (covered.length + implementedByApp.length)) / requiredCount)
      : null,
    items,
    covered,
    implementedByApp,
    gaps,
    errors: [],
  };
}
