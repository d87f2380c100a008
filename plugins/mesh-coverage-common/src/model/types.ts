/**
 * Text in both languages the product ships: English and Japanese.
 *
 * @public
 */
export interface LocalizedText {
  en: string;
  ja: string;
}

/**
 * Language codes a {@link LocalizedText} carries.
 *
 * @public
 */
export type Language = keyof LocalizedText;

/**
 * What a tool is: `baseline` is Kubernetes without a mesh, `mesh` a service mesh a component can
 * run, `observability` a tool compared only for topology (Kiali, X-Ray).
 *
 * @public
 */
export type ToolKind = 'baseline' | 'mesh' | 'observability';

export const TOOL_KINDS: readonly ToolKind[] = [
  'baseline',
  'mesh',
  'observability',
];

/**
 * One sourced fact about a tool, as a team weighs it beside the cells.
 *
 * @public
 */
export interface ToolFact {
  text: LocalizedText;
  /** Where the fact is stated (http or https URL). */
  source: string;
  /** The day the fact was checked (ISO date). */
  verifiedAt: string;
  /** Served by `GET /matrix` when the fact is older than `meta.claimMaxAge`. */
  recheck?: boolean;
}

/**
 * What a team weighs beside the cells when choosing a tool; every fact sourced and dated.
 *
 * @public
 */
export interface ToolProfile {
  /** e.g. Apache-2.0, or Business Source License 1.1. */
  licence?: ToolFact;
  /** Who governs the project, e.g. its CNCF status. */
  governance?: ToolFact;
  /** The newest version the matrix was checked against. */
  version?: ToolFact;
  /** Support status, e.g. an end of support. */
  status?: ToolFact;
}

/**
 * A column of the matrix.
 *
 * @public
 */
export interface MeshTool {
  id: string;
  name: string;
  kind: ToolKind;
  description?: LocalizedText;
  profile?: ToolProfile;
}

/**
 * How far a tool takes a responsibility off the app: `yes` (⭕️), `no` (×), `partial`,
 * `unknown` (記入中... — not yet researched) and `not-applicable` (-).
 *
 * @public
 */
export type Support = 'yes' | 'no' | 'partial' | 'unknown' | 'not-applicable';

/**
 * Every support value, in the legend's order.
 *
 * @public
 */
export const SUPPORT_VALUES: readonly Support[] = [
  'yes',
  'no',
  'partial',
  'unknown',
  'not-applicable',
];

/**
 * A tool takes a responsibility off the app when it supports it fully or partly.
 *
 * @public
 */
export function carriesResponsibility(support: Support): boolean {
  return support === 'yes' || support === 'partial';
}

/**
 * A row of the matrix. One responsibility may be listed by several groups.
 *
 * @public
 */
export interface Responsibility {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
}

/**
 * A sub-table of a category, comparing its own set of tools.
 *
 * @public
 */
export interface MatrixGroup {
  id: string;
  /** Absent when the category holds a single unnamed table. */
  title?: LocalizedText;
  description?: LocalizedText;
  toolIds: string[];
  responsibilityIds: string[];
}

/**
 * A numbered section of the source document (02–07).
 *
 * @public
 */
export interface MatrixCategory {
  id: string;
  /** The section number as the source document prints it, e.g. `02`. */
  number?: string;
  title: LocalizedText;
  description?: LocalizedText;
  groups: MatrixGroup[];
}

/**
 * What a cell says, without the tool and responsibility it belongs to.
 *
 * @public
 */
export interface CellValue {
  support: Support;
  note?: LocalizedText;
  /** Baseline cells only: how to cover the responsibility without a mesh. */
  alternative?: LocalizedText;
  /** The tool version that introduced the support. */
  since?: string;
  /** Where the judgement comes from (http or https URL). */
  source?: string;
  /** When the judgement was last checked (ISO date). */
  verifiedAt?: string;
}

/**
 * One tool × responsibility judgement.
 *
 * @public
 */
export interface MatrixCell extends CellValue {
  toolId: string;
  responsibilityId: string;
  /**
   * Set on a cell an overlay claim changed: the value it replaced, or `null` when the base matrix
   * did not compare the tool for this responsibility.
   */
  replaces?: CellValue | null;
  /** Served by `GET /matrix` when `verifiedAt` is older than `meta.claimMaxAge`. */
  recheck?: boolean;
}

/**
 * A whole comparison matrix: the built-in seed dataset, an operator's override file, and the body
 * of `GET /matrix` without its `meta`.
 *
 * @public
 */
export interface MeshMatrix {
  /** The document's own title and introduction (the source's section 01). */
  title?: LocalizedText;
  description?: LocalizedText;
  tools: MeshTool[];
  categories: MatrixCategory[];
  responsibilities: Responsibility[];
  cells: MatrixCell[];
}

/**
 * The built-in editions: `seed` is the source document exactly, `current` the source document
 * corrected and completed by sourced, dated claims (an overlay on `seed`).
 *
 * @public
 */
export type MatrixEdition = 'seed' | 'current';

/**
 * The built-in editions: `seed` (the source document) and `current` (re-checked claims).
 *
 * @public
 */
export const MATRIX_EDITIONS: readonly MatrixEdition[] = ['seed', 'current'];

/**
 * Where a served matrix came from, as `GET /matrix` reports it.
 *
 * @public
 */
export interface MatrixMeta {
  source: string;
  /** The built-in edition the matrix is based on; absent for an operator's own matrix file. */
  edition?: MatrixEdition;
  /** The day the edition's claims were last checked (the `current` edition's date). */
  editionDate?: string;
  /** The operator overlays applied on top, in order (files or URLs). */
  overlays?: string[];
  /** The built-in editions `GET /matrix?edition=` serves, with the day each was checked. */
  editions?: { edition: MatrixEdition; date?: string }[];
  loadedAt: string;
  version: string;
  /**
   * How old a claim may grow before it is served with `recheck: true`
   * (`meshCoverage.matrix.claimMaxAge`, default 180 days).
   */
  claimMaxAge?: { days: number };
  /** Present while the latest attempt to re-read the source failed. */
  error?: { message: string; at: string };
}

/**
 * The matrix as `GET /matrix` serves it: with where it came from and when it was loaded.
 *
 * @public
 */
export type ServedMeshMatrix = MeshMatrix & { meta: MatrixMeta };
