import { MatrixIndex } from '../model/matrixIndex';
import { ToolKind } from '../model/types';
import { evaluateCoverage } from './evaluateCoverage';
import { CoverageItem } from './types';

/**
 * One tool's place in a ranking: what it covers of the required set, and what it leaves.
 *
 * @public
 */
export interface ToolRanking {
  toolId: string;
  /** How many of the required responsibilities the tool covers (partial counts, flagged). */
  coveredCount: number;
  requiredCount: number;
  /** Percentage of the required set the tool covers; null when nothing is required. */
  coverage: number | null;
  covered: string[];
  partial: string[];
  /** What the tool leaves to the app teams, with the no-mesh alternative where the matrix has one. */
  uncovered: CoverageItem[];
}

/**
 * Ranks tools by how many of a required set they cover, most first. Stable: ties keep the matrix's
 * tool order. By default only `mesh` tools are ranked.
 *
 * @public
 */
export function rankTools(
  index: MatrixIndex,
  requires: readonly string[],
  options: { kinds?: readonly ToolKind[] } = {},
): ToolRanking[] {
  const kinds = options.kinds ?? ['mesh'];
  const rankings = index.matrix.tools
    .filter(tool => kinds.includes(tool.kind))
    .map((tool): ToolRanking => {
      const report = evaluateCoverage(index, { mesh: tool.id, requires });
      return {
        toolId: tool.id,
        coveredCount: report.covered.length,
        requiredCount: report.items.length,
        coverage: report.coverage,
        covered: report.covered,
        partial: report.items
          .filter(i => i.partial)
          .map(i => i.responsibilityId),
        uncovered: report.items.filter(i => i.status !== 'mesh'),
      };
    });
  // Array.prototype.sort is stable, so equal counts keep the matrix order.
  return rankings.sort((a, b) => b.coveredCount - a.coveredCount);
}
