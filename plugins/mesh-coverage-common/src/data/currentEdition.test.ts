import { CellValue, LocalizedText, MatrixCell } from '../model/types';
import { validateMeshMatrix } from '../schema/validateMeshMatrix';
import { builtinEdition, CURRENT_OVERLAY, SEED_MATRIX } from './builtinMatrix';
import currentReview from './current-review.json';

const current = builtinEdition('current');
const key = (c: { toolId: string; responsibilityId: string }) =>
  `${c.toolId} × ${c.responsibilityId}`;
const seedCells = new Map(SEED_MATRIX.cells.map(c => [key(c), c]));
const currentCell = (toolId: string, responsibilityId: string) =>
  current.matrix.cells.find(
    c => c.toolId === toolId && c.responsibilityId === responsibilityId,
  );

const sameText = (a?: LocalizedText, b?: LocalizedText) =>
  a?.en === b?.en && a?.ja === b?.ja;
const differs = (cell: MatrixCell, seed?: MatrixCell) =>
  !seed ||
  cell.support !== seed.support ||
  !sameText(cell.note, seed.note) ||
  !sameText(cell.alternative, seed.alternative);

const isDay = (value?: string) =>
  !!value &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

const seedValue = (cell: MatrixCell): CellValue => {
  const { toolId, responsibilityId, ...value } = cell;
  return value;
};

describe('the current edition', () => {
  it('is a valid matrix with the seed’s rows and tools, and Kuma after the other meshes', () => {
    const result = validateMeshMatrix(current.matrix);
    expect(result.valid ? [] : result.problems).toEqual([]);
    expect(current.matrix.responsibilities).toEqual(
      SEED_MATRIX.responsibilities,
    );
    const seedIds = SEED_MATRIX.tools.map(t => t.id);
    expect(current.matrix.tools.map(t => t.id)).toEqual([
      ...seedIds.slice(0, seedIds.indexOf('cilium') + 1),
      'kuma',
      ...seedIds.slice(seedIds.indexOf('cilium') + 1),
    ]);
    expect(isDay(current.date)).toBe(true);
  });

  it('compares Kuma, a mesh the seed lacks, on at least 30 of the 33 rows meshes are compared on, each cell sourced', () => {
    const meshRows = new Set(
      current.matrix.categories
        .flatMap(c => c.groups)
        .filter(g => g.toolIds.includes('istio'))
        .flatMap(g => g.responsibilityIds),
    );
    expect(meshRows.size).toBe(33);
    const kuma = current.matrix.cells.filter(c => c.toolId === 'kuma');
    expect(kuma.length).toBeGreaterThanOrEqual(30);
    for (const cell of kuma) {
      expect({
        row: cell.responsibilityId,
        meshRow: true,
        replaces: null,
      }).toEqual({
        row: cell.responsibilityId,
        meshRow: meshRows.has(cell.responsibilityId),
        replaces: cell.replaces,
      });
      expect(cell.source).toMatch(/^https:\/\//);
    }
    const tool = current.matrix.tools.find(t => t.id === 'kuma')!;
    expect(tool.kind).toBe('mesh');
    expect(Object.keys(tool.profile ?? {}).sort()).toEqual([
      'governance',
      'licence',
      'status',
      'version',
    ]);
  });

  it('records a review of every claim: the same source and day, a verdict, the section that supports it', () => {
    type Entry = (typeof currentReview.claims)[number];
    const reviews = new Map<string, Entry>(
      currentReview.claims.map(r => [`${r.toolId}/${r.claim}`, r]),
    );
    expect(reviews.size).toBe(currentReview.claims.length);
    const claims = [
      ...CURRENT_OVERLAY.cells.map(c => ({
        key: `${c.toolId}/${c.responsibilityId}`,
        source: c.source,
        verifiedAt: c.verifiedAt,
      })),
      ...(CURRENT_OVERLAY.tools ?? []).flatMap(tool =>
        (['licence', 'governance', 'version', 'status'] as const).flatMap(
          name => {
            const fact = tool[name];
            return fact
              ? [
                  {
                    key: `${tool.toolId}/profile.${name}`,
                    source: fact.source,
                    verifiedAt: fact.verifiedAt,
                  },
                ]
              : [];
          },
        ),
      ),
    ];
    for (const claim of claims) {
      const review = reviews.get(claim.key);
      expect({
        claim: claim.key,
        source: review?.source,
        reviewedAt: review?.reviewedAt,
      }).toEqual({
        claim: claim.key,
        source: claim.source,
        reviewedAt: claim.verifiedAt,
      });
      expect(review!.section.length).toBeGreaterThan(0);
    }
    const verdicts = ['right', 'partly-right', 'wrong', 'unsupported', 'new'];
    for (const review of currentReview.claims) {
      expect({ claim: review.claim, verdict: review.verdict }).toEqual({
        claim: review.claim,
        verdict: expect.stringMatching(new RegExp(`^(${verdicts.join('|')})$`)),
      });
      expect(isDay(review.reviewedAt)).toBe(true);
    }
    // An entry without a claim is a withdrawal, and says so.
    const claimed = new Set(claims.map(c => c.key));
    for (const review of currentReview.claims.filter(
      r => !claimed.has(`${r.toolId}/${r.claim}`),
    )) {
      expect(review.change).toMatch(/withdraw/i);
    }
    expect(currentReview.date).toBe(current.date);
  });

  it('holds the corrections its review found', () => {
    const cell = (toolId: string, row: string) => currentCell(toolId, row)!;
    // VPC Lattice is not a CNI and creates no spans; TCP goes through resource configurations.
    expect(cell('vpc-lattice', 'cni').support).toBe('no');
    expect(cell('vpc-lattice', 'trace-spans').support).toBe('no');
    expect(cell('vpc-lattice', 'trace-export').support).toBe('no');
    expect(cell('vpc-lattice', 'protocol-tcp').note!.en).toMatch(
      /resource configuration/,
    );
    // Consul's tracing is raw Envoy configuration: partial.
    expect(cell('consul', 'trace-spans').support).toBe('partial');
    expect(cell('consul', 'trace-export').support).toBe('partial');
    expect(cell('consul', 'trace-spans').note!.en).toMatch(
      /envoy_tracing_json/,
    );
    // Istio's ambient fault injection: only through VirtualService, never mixed with HTTPRoute.
    expect(cell('istio', 'fault-injection').note!.en).toMatch(
      /VirtualService.*HTTPRoute/,
    );
    // A claim about Gateway API cites Gateway API itself.
    expect(cell('kubernetes', 'retries').source).toMatch(
      /^https:\/\/gateway-api\.sigs\.k8s\.io\//,
    );
    // Cilium's blank rows answered where a public answer exists.
    for (const row of [
      'fault-injection',
      'rate-limiting',
      'jwt-auth',
      'trace-spans',
      'trace-export',
    ]) {
      expect(cell('cilium', row).source).toMatch(/^https:\/\//);
    }
  });

  it('sources and dates every cell that differs from the source document, and keeps the value it replaced', () => {
    const changed = current.matrix.cells.filter(c =>
      differs(c, seedCells.get(key(c))),
    );
    expect(changed.length).toBe(CURRENT_OVERLAY.cells.length);
    for (const cell of changed) {
      const seed = seedCells.get(key(cell));
      expect({
        cell: key(cell),
        https: cell.source?.startsWith('https://'),
        day: isDay(cell.verifiedAt),
        replaces: cell.replaces,
      }).toEqual({
        cell: key(cell),
        https: true,
        day: true,
        replaces: seed ? seedValue(seed) : null,
      });
    }
    // Cells no claim touched are the seed's, unchanged.
    const untouched = current.matrix.cells.filter(
      c => c.replaces === undefined,
    );
    expect(untouched.length + changed.length).toBe(current.matrix.cells.length);
    for (const cell of untouched) {
      expect(cell).toEqual(seedCells.get(key(cell)));
    }
  });

  it('states, in each claim, the day it was checked, which is not in the future', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const claim of CURRENT_OVERLAY.cells) {
      expect(claim).toHaveProperty('replaces');
      expect(claim.verifiedAt <= today).toBe(true);
      expect(claim.since === undefined || claim.since.length > 0).toBe(true);
    }
  });

  it('fills every Kubernetes cell the source document left 記入中 with a sourced alternative', () => {
    const unresearched = SEED_MATRIX.cells.filter(
      c => c.toolId === 'kubernetes' && c.support === 'unknown',
    );
    expect(unresearched).toHaveLength(9);
    for (const seed of unresearched) {
      const cell = currentCell('kubernetes', seed.responsibilityId)!;
      // `unknown` stays only with a reason in the note.
      expect(cell.support === 'no' ? !!cell.alternative : !!cell.note).toBe(
        true,
      );
      expect(cell.source).toMatch(/^https:\/\//);
    }
  });

  it('compares Cilium on at least 25 of the 35 rows', () => {
    const rows = current.matrix.cells.filter(c => c.toolId === 'cilium');
    expect(rows.length).toBeGreaterThanOrEqual(25);
    // and every table listing those rows compares Cilium.
    for (const cell of rows) {
      const groups = current.matrix.categories
        .flatMap(c => c.groups)
        .filter(g => g.responsibilityIds.includes(cell.responsibilityId));
      expect(groups.every(g => g.toolIds.includes('cilium'))).toBe(true);
    }
  });

  it('corrects the cells public releases contradict, with the version that changed them', () => {
    expect(currentCell('linkerd', 'circuit-breaker')).toMatchObject({
      support: 'yes',
      since: 'stable-2.13.0',
      replaces: { support: 'no' },
    });
    expect(currentCell('linkerd', 'vm-workloads')).toMatchObject({
      support: 'yes',
      since: '2.15',
    });
    expect(currentCell('consul', 'fault-injection')).toMatchObject({
      support: 'partial',
      since: '1.18.0',
      note: { en: expect.stringMatching(/Enterprise/) },
    });
  });

  it('gives each tool its licence, governance and support status, sourced and dated', () => {
    for (const tool of current.matrix.tools) {
      const { licence, governance, status } = tool.profile ?? {};
      for (const fact of [licence, governance, status]) {
        expect({ tool: tool.id, source: fact?.source?.slice(0, 8) }).toEqual({
          tool: tool.id,
          source: 'https://',
        });
        expect(isDay(fact!.verifiedAt)).toBe(true);
      }
    }
    // Managed observability services have no version; every mesh and Kubernetes does.
    expect(
      current.matrix.tools
        .filter(t => t.kind !== 'observability' && !t.profile?.version)
        .map(t => t.id),
    ).toEqual([]);
    const profile = (id: string) =>
      current.matrix.tools.find(t => t.id === id)!.profile!;
    expect(profile('consul').licence!.text.en).toMatch(
      /Business Source License/,
    );
    expect(profile('vpc-lattice').status!.text.en).toMatch(/2026-09-30/);
    expect(profile('linkerd').governance!.text.en).toMatch(/CNCF graduated/);
  });

  it('leaves the seed edition as the source document', () => {
    expect(builtinEdition('seed').matrix).toBe(SEED_MATRIX);
    expect(SEED_MATRIX.cells.some(c => c.source || c.replaces)).toBe(false);
    expect(SEED_MATRIX.tools.some(t => t.profile)).toBe(false);
  });
});
