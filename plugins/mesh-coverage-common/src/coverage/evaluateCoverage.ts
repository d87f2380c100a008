import { inMatrixOrder, MatrixIndex } from '../model/matrixIndex';
import { carriesResponsibility, Support } from '../model/types';
import { Configuration } from './types';
import { EvaluateRequest } from '../api/types';
import { CoverageReport, CoverageStatus } from './types';

/**
 * The coverage rule (docs/coverage.md): a required responsibility the mesh supports, fully or
 * partly, is the mesh's — unless its configuration is known to be off (`configured` `no`); else
 * the app's when it implements it; else a gap, `turned-off` where the mesh could carry it.
 *
 * @public
 */
export function coverageStatus(
  /** The mesh's cell; a missing cell is `unknown`: nobody has compared it. */
  support: Support | undefined,
  implemented: boolean,
  configured?: Configuration['state'],
): CoverageStatus {
  const carried = carriesResponsibility(support ?? 'unknown');
  if (carried && configured !== 'no') {
    return 'mesh';
  }
  if (implemented) {
    return 'app';
  }
  return carried ? 'turned-off' : 'gap';
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
  request: EvaluateRequest,
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
  configured?: ReadonlyMap<string, Configuration>,
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
  // Only reports that read the configuration list what it turns off.
  if (configured) {
    report.turnedOff = [];
  }
  const cells = index.cellsOf(mesh);
  const baselineCells = index.cellsOf(index.baselineTool.id);
  for (const responsibilityId of requires) {
    const support = cells.get(responsibilityId)?.support ?? 'unknown';
    const configuration = carriesResponsibility(support)
      ? configured?.get(responsibilityId)
      : undefined;
    const status = coverageStatus(
      support,
      implemented.includes(responsibilityId),
      configuration?.state,
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
      alternative:
        gap || status === 'turned-off'
          ? baselineCells.get(responsibilityId)?.alternative
          : undefined,
      configured: configuration,
    });
    if (status === 'mesh') {
      report.covered.push(responsibilityId);
    } else if (status === 'app') {
      report.implementedByApp.push(responsibilityId);
    } else if (status === 'turned-off') {
      report.turnedOff!.push(responsibilityId);
    } else {
      report.gaps.push(responsibilityId);
    }
  }
  report.coverage = coveragePercent(
    report.covered.length + report.implementedByApp.length,
    report.items.length,
  );

  return report;
}
