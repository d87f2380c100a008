import {
  Language,
  MatrixCategory,
  MatrixEdition,
  MatrixCell,
  MatrixGroup,
  MatrixIndex,
  MeshTool,
  Responsibility,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** What the comparison page shows; kept in the URL so a view can be shared. */
export interface ComparisonViewState {
  /** Tool ids to compare; undefined means every tool. */
  tools?: string[];
  differencesOnly: boolean;
  /** Only rows with a cell a claim changed since the source document. */
  changedOnly: boolean;
  /** A built-in edition to show; undefined means the matrix in service. */
  edition?: MatrixEdition;
  /** Matches responsibility, group and category titles in both languages, and ids. */
  filter: string;
  language: Language;
}

export interface ViewRow {
  responsibility: Responsibility;
  /** One per column of the group, undefined where the matrix has no cell. */
  cells: (MatrixCell | undefined)[];
}

export interface ViewGroup {
  group: MatrixGroup;
  tools: MeshTool[];
  rows: ViewRow[];
}

interface ViewCategory {
  category: MatrixCategory;
  groups: ViewGroup[];
}

export interface ComparisonView {
  categories: ViewCategory[];
  /** Distinct responsibilities shown / in the matrix. */
  shownCount: number;
  totalCount: number;
  /** Every tool shown in some table, matrix order. */
  tools: MeshTool[];
}

/** Folds case, width and line breaks so a filter matches titles however they are wrapped. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Whether the compared tools disagree on a row. The baseline (Kubernetes without a mesh) only
 * takes part when fewer than two other tools are compared, since it never covers anything.
 */
function rowDiffers(
  tools: MeshTool[],
  cells: (MatrixCell | undefined)[],
): boolean {
  const meshColumns = tools
    .map((tool, i) => ({ tool, cell: cells[i] }))
    .filter(({ tool }) => tool.kind !== 'baseline');
  const columns =
    meshColumns.length >= 2
      ? meshColumns
      : tools.map((tool, i) => ({ tool, cell: cells[i] }));
  const values = new Set(columns.map(({ cell }) => cell?.support ?? 'missing'));
  return values.size > 1;
}

/** Whether an overlay claim changed the cell: it keeps the value it replaced. */
export function isChangedCell(cell: MatrixCell | undefined): boolean {
  return cell?.replaces !== undefined;
}

/**
 * Builds the grouped tables for a view state: selected tools, text filter, differences only,
 * changed since the source document only.
 */
export function buildComparisonView(
  index: MatrixIndex,
  state: ComparisonViewState,
): ComparisonView {
  const { matrix } = index;
  const selected = state.tools ? new Set(state.tools) : undefined;
  const query = normalizeForSearch(state.filter);
  const matches = (texts: (string | undefined)[]) =>
    !query ||
    texts.some(text => text && normalizeForSearch(text).includes(query));
  const responsibilities = new Map(matrix.responsibilities.map(r => [r.id, r]));
  const shown = new Set<string>();
  const shownTools = new Set<string>();

  const categories: ViewCategory[] = [];
  for (const category of matrix.categories) {
    const categoryMatches = matches([category.title.en, category.title.ja]);
    const groups: ViewGroup[] = [];
    for (const group of category.groups) {
      const tools = group.toolIds
        .filter(id => !selected || selected.has(id))
        .map(id => index.tool(id))
        .filter((tool): tool is MeshTool => Boolean(tool));
      if (tools.length === 0) {
        continue;
      }
      const groupMatches =
        categoryMatches || matches([group.title?.en, group.title?.ja]);
      const rows: ViewRow[] = [];
      for (const responsibilityId of group.responsibilityIds) {
        const responsibility = responsibilities.get(responsibilityId);
        if (!responsibility) {
          continue;
        }
        if (
          !groupMatches &&
          !matches([
            responsibility.id,
            responsibility.title.en,
            responsibility.title.ja,
          ])
        ) {
          continue;
        }
        const cells = tools.map(tool => index.cell(tool.id, responsibilityId));
        if (state.differencesOnly && !rowDiffers(tools, cells)) {
          continue;
        }
        if (state.changedOnly && !cells.some(isChangedCell)) {
          continue;
        }
        rows.push({ responsibility, cells });
        shown.add(responsibilityId);
      }
      if (rows.length) {
        groups.push({ group, tools, rows });
        tools.forEach(tool => shownTools.add(tool.id));
      }
    }
    if (groups.length) {
      categories.push({ category, groups });
    }
  }
  return {
    categories,
    shownCount: shown.size,
    totalCount: matrix.responsibilities.length,
    tools: matrix.tools.filter(tool => shownTools.has(tool.id)),
  };
}

/**
 * Every row the chosen tools give, before any row filter: the page keeps these mounted and only
 * hides rows a filter leaves out, so a keystroke changes attributes rather than the document.
 */
export function buildComparisonLayout(
  index: MatrixIndex,
  state: ComparisonViewState,
): ComparisonView {
  return buildComparisonView(index, {
    ...state,
    filter: '',
    differencesOnly: false,
    changedOnly: false,
  });
}

/** Identifies a row on the page: a responsibility may appear in several groups. */
export function rowKey(group: MatrixGroup, responsibility: Responsibility) {
  return `${group.id}/${responsibility.id}`;
}

/** The rows a view shows, by `rowKey`. */
export function shownRowKeys(view: ComparisonView): Set<string> {
  const keys = new Set<string>();
  for (const { groups } of view.categories) {
    for (const { group, rows } of groups) {
      for (const { responsibility } of rows) {
        keys.add(rowKey(group, responsibility));
      }
    }
  }
  return keys;
}
