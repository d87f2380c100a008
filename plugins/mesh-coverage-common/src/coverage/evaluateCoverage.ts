import { inMatrixOrder, MatrixIndex } from '../model/matrixIndex';
import { carriesResponsibility, Support } from '../model/types';
import {
  CoverageItem,
  CoverageReport,
  CoverageRequest,
  CoverageStatus,
} from './types';

/**
 * The coverage rule (docs/coverage.md): a required responsibility the mesh supports, fully or
 * partly, is the mesh's; else the app's when it implements it; else a gap.
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

/**
 * Evaluates coverage of a mesh for a set of requirements. Ids the matrix does not know are left
 * out (the annotation parser reports them); the lists come in matrix order. Throws for a mesh the
 * matrix does not have: callers pass meshes they validated.
 */
export function evaluateCoverage(
  index: MatrixIndex,
  request: CoverageRequest,
): CoverageReport {
  const { mesh } = request;
  if (!index.tool(mesh)) {
    throw new Error(`Unknown mesh '${mesh}'`);
  }
  const implemented = new Set(request.implements ?? []);
  const items: CoverageItem[] = inMatrixOrder(index, request.requires).map(
    responsibilityId => {
      const support = index.cell(mesh, responsibilityId)?.support ?? 'unknown';
      const status = coverageStatus(support, implemented.has(responsibilityId));
      const item: CoverageItem = { responsibilityId, status, support };
      if (status === 'mesh' && support === 'partial') {
        item.partial = true;
      }
      if (status === 'gap') {
        if (support === 'unknown') {
          item.unknown = true;
        }
        // How to cover it without a mesh: the baseline's cell.
        const alternative = index.cell(
          index.baselineTool.id,
          responsibilityId,
        )?.alternative;
        if (alternative) {
          item.alternative = alternative;
        }
      }
      return item;
    },
  );
  const idsWith = (status: CoverageStatus) =>
    items.filter(i => i.status === status).map(i => i.responsibilityId);
  const gaps = idsWith('gap');
  return {
    mesh,
    coverage: coveragePercent(items.length - gaps.length, items.length),
    items,
    covered: idsWith('mesh'),
    implementedByApp: idsWith('app'),
    gaps,
    errors: [],
  };
}
