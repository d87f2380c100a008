/**
 * `npm run claims:report`: every dated claim of a built-in edition by tool, with its age, its
 * source's host and `since`; each tool's newest version as checked; claims past the max age first.
 * `--overlay <file>` (repeatable) validates an operator's overlay offline, with the errors the
 * backend gives, and reports its claims too (docs/contributing-claims.md).
 *
 *   npm run claims:report -- [--edition current|seed] [--overlay my-claims.yaml]…
 *                            [--max-age-days 180] [--as-of 2026-12-07] [--json]
 */
import { parseArgs } from 'util';
import {
  builtinEdition,
  claimAgeInDays,
  MATRIX_EDITIONS,
  MatrixEdition,
  MeshMatrix,
  parseMatrixOverlay,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { DEFAULT_CLAIM_MAX_AGE_DAYS } from '@meshcoverage/plugin-mesh-coverage-node';
// The backend's own reader: the same size limit, parser and messages as a deployed overlay gets.
import { readMatrixDocument } from '../plugins/mesh-coverage-node/src/readMatrixDocument';

interface ReportedClaim {
  toolId: string;
  /** A responsibility id, or `profile.<fact>` for a tool fact. */
  claim: string;
  support?: string;
  verifiedAt: string;
  ageDays: number;
  pastMaxAge: boolean;
  sourceHost: string;
  since?: string;
  /** Where the claim comes from: the edition, or an overlay file. */
  from: string;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function hostOf(url: string) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Which claims of `matrix` came from where: the edition's claims, then each overlay's. */
function claimsOf(
  matrix: MeshMatrix,
  origins: Map<string, string>,
  maxAgeDays: number,
  asOf: Date,
): ReportedClaim[] {
  const reported: ReportedClaim[] = [];
  const add = (
    toolId: string,
    claim: string,
    fact: {
      verifiedAt?: string;
      source?: string;
      since?: string;
      support?: string;
    },
  ) => {
    const ageDays = claimAgeInDays(fact.verifiedAt, asOf);
    if (ageDays === undefined || !fact.source) {
      return; // the source document's own cells carry no date: nothing to age
    }
    reported.push({
      toolId,
      claim,
      support: fact.support,
      verifiedAt: fact.verifiedAt!,
      ageDays,
      pastMaxAge: ageDays > maxAgeDays,
      sourceHost: hostOf(fact.source),
      since: fact.since,
      from: origins.get(`${toolId}/${claim}`) ?? 'edition',
    });
  };
  for (const tool of matrix.tools) {
    for (const [name, fact] of Object.entries(tool.profile ?? {})) {
      if (fact) add(tool.id, `profile.${name}`, fact);
    }
  }
  for (const cell of matrix.cells) {
    add(cell.toolId, cell.responsibilityId, cell);
  }
  return reported;
}

async function main() {
  const { values } = parseArgs({
    options: {
      edition: { type: 'string', default: 'current' },
      overlay: { type: 'string', multiple: true, default: [] },
      'max-age-days': {
        type: 'string',
        default: String(DEFAULT_CLAIM_MAX_AGE_DAYS),
      },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const edition = values.edition as MatrixEdition;
  if (!MATRIX_EDITIONS.includes(edition)) {
    fail(
      `--edition: unknown edition '${edition}'; use one of ${MATRIX_EDITIONS.join(
        ', ',
      )}`,
    );
  }
  const maxAgeDays = Number(values['max-age-days']);
  if (!Number.isInteger(maxAgeDays) || maxAgeDays < 1) {
    fail(
      `--max-age-days: '${values['max-age-days']}' is not a whole number of days; give e.g. 180`,
    );
  }
  const asOf = values['as-of'] ? new Date(values['as-of']) : new Date();
  if (Number.isNaN(asOf.getTime())) {
    fail(`--as-of: '${values['as-of']}' is not a date; give e.g. 2026-12-07`);
  }

  const base = builtinEdition(edition);
  let matrix = base.matrix;
  const origins = new Map<string, string>();
  for (const path of values.overlay as string[]) {
    let document: unknown;
    try {
      document = await readMatrixDocument(
        { type: 'file', path },
        undefined as never, // files only: the URL reader is never asked
        'overlay',
      );
      matrix = parseMatrixOverlay(matrix, document, path);
    } catch (error) {
      fail((error as Error).message);
    }
    const overlay = document as {
      tools?: { toolId: string; [fact: string]: unknown }[];
      cells: { toolId: string; responsibilityId: string }[];
    };
    for (const tool of overlay.tools ?? []) {
      for (const fact of ['licence', 'governance', 'version', 'status']) {
        if (tool[fact]) origins.set(`${tool.toolId}/profile.${fact}`, path);
      }
    }
    for (const cell of overlay.cells) {
      origins.set(`${cell.toolId}/${cell.responsibilityId}`, path);
    }
    process.stderr.write(
      `${path}: a valid overlay on the ${edition} edition\n`,
    );
  }

  const claims = claimsOf(matrix, origins, maxAgeDays, asOf);
  const toolOrder = matrix.tools.map(t => t.id);
  claims.sort(
    (a, b) =>
      Number(b.pastMaxAge) - Number(a.pastMaxAge) ||
      toolOrder.indexOf(a.toolId) - toolOrder.indexOf(b.toolId) ||
      b.ageDays - a.ageDays,
  );
  const versions = matrix.tools.map(tool => ({
    toolId: tool.id,
    version: tool.profile?.version?.text.en,
    verifiedAt: tool.profile?.version?.verifiedAt,
  }));
  const summary = {
    edition,
    editionDate: base.date,
    overlays: values.overlay,
    asOf: asOf.toISOString().slice(0, 10),
    maxAgeDays,
    claims: claims.length,
    pastMaxAge: claims.filter(c => c.pastMaxAge).length,
  };

  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ ...summary, versions, claims }, null, 2)}\n`,
    );
    return;
  }
  const lines = [
    `# Claims of the ${edition} edition${
      base.date ? ` (${base.date})` : ''
    }, as of ${summary.asOf}`,
    '',
    `${summary.claims} dated claims; ${
      summary.pastMaxAge
    } older than ${maxAgeDays} days${
      summary.overlays.length
        ? `; overlays: ${summary.overlays.join(', ')}`
        : ''
    }`,
    '',
    '## Newest version as checked',
    '',
    ...versions
      .filter(v => v.version)
      .map(v => `- ${v.toolId}: ${v.version} (checked ${v.verifiedAt})`),
  ];
  const section = (title: string, rows: ReportedClaim[]) => {
    if (!rows.length) return;
    lines.push('', `## ${title}`, '');
    let tool = '';
    for (const c of rows) {
      if (c.toolId !== tool) {
        if (tool) lines.push('');
        tool = c.toolId;
        lines.push(`### ${tool}`, '');
      }
      lines.push(
        `- ${c.claim}${c.support ? ` = ${c.support}` : ''} · ${
          c.ageDays
        } days (${c.verifiedAt}) · ${c.sourceHost}${
          c.since ? ` · since ${c.since}` : ''
        }${c.from === 'edition' ? '' : ` · from ${c.from}`}`,
      );
    }
  };
  section(
    `Past the max age (${maxAgeDays} days): re-check these first`,
    claims.filter(c => c.pastMaxAge),
  );
  section(
    'Within the max age',
    claims.filter(c => !c.pastMaxAge),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch(error => fail(String(error?.stack ?? error)));
