import {
  MatrixCategory,
  MatrixCell,
  MatrixGroup,
  MeshMatrix,
  MeshTool,
  Support,
} from '../model/types';

/**
 * Renders matrix data the way the source document's text prints its tables, so tests can compare
 * the built-in dataset with the source byte for byte. Test support only; not exported.
 */
const SEED_SYMBOLS: Record<Support, string> = {
  yes: '⭕️',
  no: '×',
  unknown: '記入中...',
  'not-applicable': '-',
  partial: '△',
};

/** The source separates cells with a space, but a multi-line cell ends its own line. */
function joinCells(parts: string[]): string {
  return parts.reduce((line, part, i) =>
    i === 0
      ? part
      : `${line}${parts[i - 1].includes('\n') ? '\n' : ' '}${part}`,
  );
}

function cellText(
  tool: MeshTool,
  cell: MatrixCell | undefined,
): string | undefined {
  if (!cell) {
    return undefined; // the source leaves the cell blank
  }
  if (tool.kind === 'baseline' && cell.alternative) {
    return cell.alternative.ja;
  }
  const symbol = SEED_SYMBOLS[cell.support];
  return cell.note ? `${symbol}\n${cell.note.ja}` : symbol;
}

function toolHeader(tool: MeshTool): string {
  return tool.kind === 'baseline' && tool.description
    ? `${tool.name}\n(${tool.description.ja})`
    : tool.name;
}

export function renderGroupTable(
  matrix: MeshMatrix,
  group: MatrixGroup,
): string {
  const tools = group.toolIds.map(id => matrix.tools.find(t => t.id === id)!);
  const header = joinCells(['責務', ...tools.map(toolHeader)]);
  const rows = group.responsibilityIds.map(responsibilityId => {
    const responsibility = matrix.responsibilities.find(
      r => r.id === responsibilityId,
    )!;
    const cells = tools
      .map(tool =>
        cellText(
          tool,
          matrix.cells.find(
            c =>
              c.toolId === tool.id && c.responsibilityId === responsibilityId,
          ),
        ),
      )
      .filter((text): text is string => text !== undefined);
    return joinCells([responsibility.title.ja, ...cells]);
  });
  return [header, ...rows].join('\n');
}

function renderGroup(matrix: MeshMatrix, group: MatrixGroup): string {
  return [
    group.title?.ja,
    group.description?.ja,
    renderGroupTable(matrix, group),
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function renderCategory(
  matrix: MeshMatrix,
  category: MatrixCategory,
): string {
  const heading = `${category.number}. ${category.title.ja}`;
  const [first, ...rest] = category.groups.map(g => renderGroup(matrix, g));
  // A heading is followed by one blank line, a finished table by two.
  const opening = [heading, category.description?.ja, first]
    .filter(Boolean)
    .join('\n\n');
  return [opening, ...rest].join('\n\n\n');
}
