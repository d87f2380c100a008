import { inMatrixOrder, MatrixIndex } from '../model/matrixIndex';
import { carriesResponsibility, Support } from '../model/types';
import {
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
 *
 * @public
 */
export function evaluateCoverage(
  index: MatrixIndex,
  request: CoverageRequest,
): CoverageReport {
  return evaluateRequirements(
    index,
    request.mesh,
    inMatrixOrder(index, request.requires),
    request.implements ?? [],
  );
}

/**
 * {@link evaluateCoverage} for requirements already known, unique and in matrix order, as the
 * annotation parser yields them (`MeshDeclaration.requires`).
 */
export function evaluateRequirements(
  index: MatrixIndex,
  mesh: string,
  requires: readonly string[],
  implemented: readonly string[],
  errors: string[] = [],
): CoverageReport {
  if (!index.tool(mesh)) {
    throw new Error(`Unknown mesh '${mesh}'`);
  }
  const report: CoverageReport = {
    mesh,
    coverage: null,
    items: [],
    covered: [],
    implementedByApp: [],
    gaps: [],
    errors,
  };
  const cells = index.cellsOf(mesh);
  const baselineCells = index.cellsOf(index.baselineTool.id);
  for (const responsibilityId of requires) {
    const support = cells.get(responsibilityId)?.support ?? 'unknown';
    const status = coverageStatus(
      support,
      implemented.includes(responsibilityId),
    );
    const gap = status === 'gap';
    // Every item has every field (undefined ones are left out of JSON): one shape for the engine.
    report.items.push({
      responsibilityId,
      status,
      support,
      partial: status === 'mesh' && support === 'partial' ? true : undefined,
      unknown: gap && support === 'unknown' ? true : undefined,
      // How to cover a gap without a mesh: the baseline's cell.
      alternative: gap
        ? baselineCells.get(responsibilityId)?.alternative
        : undefined,
    });
    if (status === 'mesh') {
      report.covered.push(responsibilityId);
    } else if (status === 'app') {
      report.implementedByApp.push(responsibilityId);
    } else {
      report.gaps.push(responsibilityId);
    }
  }
  report.coverage = coveragePercent(
    report.items.length - report.gaps.length,
    report.items.length,
  );
  return report;
}
