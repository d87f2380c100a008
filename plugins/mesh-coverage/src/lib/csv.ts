import {
  Language,
  MatrixCell,
  MeshTool,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { localize } from './localize';
import { ComparisonView } from './comparisonView';

/**
 * Quotes a CSV field (RFC 4180) and defuses spreadsheet formulas: matrix text is untrusted, and a
 * field starting with = + - @ would run as a formula when the CSV is opened.
 */
export function csvField(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused)
    ? `"${defused.replace(/"/g, '""')}"`
    : defused;
}

function cellValue(
  tool: MeshTool,
  cell: MatrixCell | undefined,
  language: Language,
): string {
  if (!cell) {
    return '';
  }
  const text =
    tool.kind === 'baseline' ? cell.alternative ?? cell.note : cell.note;
  return text ? `${cell.support}: ${localize(text, language)}` : cell.support;
}

/**
 * The current view as CSV: one line per shown row, a column per shown tool. A cell holds the
 * support value, then `: ` and its note (or, for the baseline, how to do it without a mesh).
 */
export function comparisonViewToCsv(
  view: ComparisonView,
  language: Language,
): string {
  const header = [
    'category',
    'group',
    'responsibilityId',
    'responsibility',
    ...view.tools.map(t => t.name),
  ];
  const lines = [header];
  for (const { category, groups } of view.categories) {
    for (const { group, tools, rows } of groups) {
      for (const { responsibility, cells } of rows) {
        const byTool = new Map(
          tools.map((tool, i) => [
            tool.id,
            cellValue(tool, cells[i], language),
          ]),
        );
        lines.push([
          localize(category.title, language),
          localize(group.title ?? category.title, language),
          responsibility.id,
          localize(responsibility.title, language).replace(/\s*\n\s*/g, ' '),
          ...view.tools.map(tool => byTool.get(tool.id) ?? ''),
        ]);
      }
    }
  }
  return `${lines.map(line => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}
