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
  if (!index.tool(request.mesh)) {
    throw new Error(`Unknown mesh '${request.mesh}'`);
  }
  const implemented = new Set(request.implements ?? []);
  const required = [...new Set(request.requires)]
    .filter(id => index.hasResponsibility(id))
    .sort((a, b) => index.order(a) - index.order(b));

  const items: CoverageItem[] = [];
  const covered: string[] = [];
  const implementedByApp: string[] = [];
  const gaps: string[] = [];
  for (const responsibilityId of required) {
    const cell = index.cell(request.mesh, responsibilityId);
    const support = cell?.support ?? 'unknown';
    if (support === 'yes' || support === 'partial') {
      covered.push(responsibilityId);
      items.push(
        support === 'partial'
          ? { responsibilityId, status: 'mesh', support, partial: true }
          : { responsibilityId, status: 'mesh', support },
      );
    } else if (implemented.has(responsibilityId)) {
      implementedByApp.push(responsibilityId);
      items.push({ responsibilityId, status: 'app', support });
    } else {
      gaps.push(responsibilityId);
      const item: CoverageItem = { responsibilityId, status: 'gap', support };
      if (support === 'unknown') {
        item.unknown = true;
      }
      const alternative = index.alternative(responsibilityId);
      if (alternative) {
        item.alternative = alternative;
      }
      items.push(item);
    }
  }
  return {
    mesh: request.mesh,
    coverage: required.length
      ? Math.round(
          (100 * (covered.length + implementedByApp.length)) / required.length,
        )
      : null,
    items,
    covered,
    implementedByApp,
    gaps,
    errors: [],
  };
}
