import { SEED_MATRIX } from '../data/builtinMatrix';
import { applyMatrixOverlay, parseMatrixOverlay } from './applyMatrixOverlay';

const SOURCE = 'https://linkerd.io/2/reference/circuit-breaking/';

const circuitBreakerClaim = {
  toolId: 'linkerd',
  responsibilityId: 'circuit-breaker',
  support: 'yes',
  since: 'stable-2.13.0',
  source: SOURCE,
  verifiedAt: '2026-12-01',
  replaces: { support: 'no' },
};

const problemsOf = (document: unknown) => {
  const result = applyMatrixOverlay(SEED_MATRIX, document);
  return result.valid ? [] : result.problems;
};

const cellOf = (
  matrix: typeof SEED_MATRIX,
  toolId: string,
  responsibilityId: string,
) =>
  matrix.cells.find(
    c => c.toolId === toolId && c.responsibilityId === responsibilityId,
  );

describe('applyMatrixOverlay', () => {
  it('replaces a cell with the claim and keeps the value it replaced', () => {
    const result = applyMatrixOverlay(SEED_MATRIX, {
      cells: [circuitBreakerClaim],
    });
    if (!result.valid) throw new Error(JSON.stringify(result.problems));
    expect(cellOf(result.matrix, 'linkerd', 'circuit-breaker')).toEqual({
      toolId: 'linkerd',
      responsibilityId: 'circuit-breaker',
      support: 'yes',
      since: 'stable-2.13.0',
      source: SOURCE,
      verifiedAt: '2026-12-01',
      replaces: { support: 'no' },
    });
    expect(result.matrix.cells).toHaveLength(SEED_MATRIX.cells.length);
    // The base is untouched.
    expect(cellOf(SEED_MATRIX, 'linkerd', 'circuit-breaker')?.support).toBe(
      'no',
    );
  });

  it('adds a cell the base lacks and the tool to every table listing the responsibility, in tool order', () => {
    const result = applyMatrixOverlay(SEED_MATRIX, {
      cells: [
        {
          toolId: 'cilium',
          responsibilityId: 'mtls',
          support: 'partial',
          note: { en: 'beta', ja: 'ベータ' },
          source: 'https://docs.cilium.io/en/stable/network/servicemesh/',
          verifiedAt: '2026-12-01',
          replaces: null,
        },
      ],
    });
    if (!result.valid) throw new Error(JSON.stringify(result.problems));
    expect(cellOf(result.matrix, 'cilium', 'mtls')?.replaces).toBeNull();
    const groupsWithMtls = result.matrix.categories
      .flatMap(c => c.groups)
      .filter(g => g.responsibilityIds.includes('mtls'));
    expect(groupsWithMtls.map(g => g.toolIds)).toEqual([
      ['kubernetes', 'istio', 'linkerd', 'consul', 'vpc-lattice', 'cilium'],
      ['kubernetes', 'istio', 'linkerd', 'consul', 'vpc-lattice', 'cilium'],
    ]);
    // Tables without the responsibility keep their columns.
    const protocols = result.matrix.categories[0].groups[0];
    expect(protocols.toolIds).not.toContain('cilium');
  });

  it('adds a new tool with its profile, after the last tool of its kind, to the tables its cells name', () => {
    const licence = {
      text: { en: 'Apache-2.0', ja: 'Apache-2.0' },
      source: 'https://github.com/example/mesh/blob/main/LICENSE',
      verifiedAt: '2026-12-07',
    };
    const result = applyMatrixOverlay(SEED_MATRIX, {
      tools: [
        {
          toolId: 'new-mesh',
          name: 'New Mesh',
          kind: 'mesh',
          description: { en: 'A mesh', ja: 'メッシュ' },
          licence,
        },
      ],
      cells: [
        {
          toolId: 'new-mesh',
          responsibilityId: 'retries',
          support: 'yes',
          source: 'https://example.com/docs/retries',
          verifiedAt: '2026-12-07',
          replaces: null,
        },
      ],
    });
    if (!result.valid) throw new Error(JSON.stringify(result.problems));
    const ids = result.matrix.tools.map(t => t.id);
    expect(ids.indexOf('new-mesh')).toBe(ids.indexOf('cilium') + 1);
    expect(ids.slice(-2)).toEqual(['kiali', 'x-ray']);
    expect(result.matrix.tools.find(t => t.id === 'new-mesh')).toEqual({
      id: 'new-mesh',
      name: 'New Mesh',
      kind: 'mesh',
      description: { en: 'A mesh', ja: 'メッシュ' },
      profile: { licence },
    });
    const withRetries = result.matrix.categories
      .flatMap(c => c.groups)
      .filter(g => g.toolIds.includes('new-mesh'))
      .map(g => g.id);
    expect(withRetries).toEqual(['resilience-features']);
    expect(cellOf(result.matrix, 'new-mesh', 'retries')?.replaces).toBeNull();
  });

  it('refuses a new tool without a name and kind, as a second baseline, without cells, or renaming a tool', () => {
    const cell = {
      toolId: 'new-mesh',
      responsibilityId: 'retries',
      support: 'yes',
      source: 'https://example.com/docs/retries',
      verifiedAt: '2026-12-07',
      replaces: null,
    };
    expect(
      problemsOf({
        tools: [{ toolId: 'new-mesh', name: 'New' }],
        cells: [cell],
      }),
    ).toEqual([
      {
        path: 'tools[0].toolId',
        message:
          "unknown tool 'new-mesh': to add it as a new tool, give its name and kind (mesh or observability)",
      },
      {
        path: 'cells[0].toolId',
        message:
          "unknown tool 'new-mesh'; a new tool needs a tool claim with its name and kind",
      },
    ]);
    expect(
      problemsOf({
        tools: [{ toolId: 'new-mesh', name: 'New', kind: 'baseline' }],
        cells: [cell],
      }),
    ).toContainEqual({
      path: 'tools[0].kind',
      message:
        "a matrix has exactly one baseline tool; add 'new-mesh' as a mesh or observability tool",
    });
    expect(
      problemsOf({
        tools: [{ toolId: 'new-mesh', name: 'New', kind: 'mesh' }],
        cells: [],
      }),
    ).toEqual([
      {
        path: 'tools[0]',
        message:
          "the new tool 'new-mesh' has no cell claims: add at least one, so that it joins the tables listing those responsibilities",
      },
    ]);
    expect(
      problemsOf({ tools: [{ toolId: 'istio', name: 'Istio 2' }], cells: [] }),
    ).toEqual([
      {
        path: 'tools[0].name',
        message:
          "'istio' is already a tool of the base matrix: only a new tool's claim gives its name and kind; remove the field to add facts to it",
      },
    ]);
    expect(
      problemsOf({
        tools: [{ toolId: 'new-mesh', name: 'New', kind: 'mesh' }],
        cells: [{ ...cell, support: 'maybe' }],
      })[0].path,
    ).toBe('cells[0].support');
  });

  it("sets a tool's profile facts", () => {
    const licence = {
      text: { en: 'Business Source License 1.1', ja: 'BSL 1.1' },
      source: 'https://github.com/hashicorp/consul/blob/main/LICENSE',
      verifiedAt: '2026-12-01',
    };
    const result = applyMatrixOverlay(SEED_MATRIX, {
      tools: [{ toolId: 'consul', licence }],
      cells: [],
    });
    if (!result.valid) throw new Error(JSON.stringify(result.problems));
    expect(result.matrix.tools.find(t => t.id === 'consul')?.profile).toEqual({
      licence,
    });
  });

  it('names unknown ids with the closest valid one', () => {
    expect(
      problemsOf({
        tools: [{ toolId: 'consull' }],
        cells: [
          {
            ...circuitBreakerClaim,
            toolId: 'linkerd2',
          },
          {
            ...circuitBreakerClaim,
            responsibilityId: 'circuit-breakers',
          },
        ],
      }),
    ).toEqual([
      {
        path: 'tools[0].toolId',
        message:
          "unknown tool 'consull' (did you mean 'consul'?); to add a new tool, give its name and kind",
      },
      {
        path: 'cells[0].toolId',
        message:
          "unknown tool 'linkerd2' (did you mean 'linkerd'?); a new tool needs a tool claim with its name and kind",
      },
      {
        path: 'cells[1].responsibilityId',
        message:
          "unknown responsibility 'circuit-breakers' (did you mean 'circuit-breaker'?)",
      },
    ]);
  });

  it('refuses a claim without an https source, a real day or what it replaces', () => {
    const { source, verifiedAt, replaces, ...bare } = circuitBreakerClaim;
    const problems = problemsOf({ cells: [bare] });
    expect(problems.map(p => p.path)).toEqual([
      'cells[0].source',
      'cells[0].verifiedAt',
      'cells[0].replaces',
    ]);
    expect(problems[2].message).toMatch(/state the value this claim replaces/);

    expect(
      problemsOf({
        cells: [
          {
            ...circuitBreakerClaim,
            source: 'http://linkerd.io/',
            verifiedAt: '2026-02-30',
          },
        ],
      }),
    ).toEqual([
      {
        path: 'cells[0].source',
        message: "expected an https URL, got 'http://linkerd.io/'",
      },
      {
        path: 'cells[0].verifiedAt',
        message: "expected a day like 2026-01-31, got '2026-02-30'",
      },
    ]);
  });

  it('refuses a claim whose replaced value is not what the base says', () => {
    expect(
      problemsOf({
        cells: [{ ...circuitBreakerClaim, replaces: { support: 'yes' } }],
      }),
    ).toEqual([
      {
        path: 'cells[0].replaces',
        message:
          'the base matrix says {"support":"no"} for linkerd × circuit-breaker, not {"support":"yes"}; check the claim against the base and state what it replaces',
      },
    ]);
    expect(
      problemsOf({ cells: [{ ...circuitBreakerClaim, replaces: null }] }),
    ).toHaveLength(1);
  });

  it('refuses claims that change nothing, repeat a cell, or break the baseline rules', () => {
    expect(
      problemsOf({
        cells: [
          { ...circuitBreakerClaim, support: 'no' },
          circuitBreakerClaim,
          {
            ...circuitBreakerClaim,
            toolId: 'kubernetes',
            support: 'yes',
            replaces: { support: 'unknown' },
          },
          {
            ...circuitBreakerClaim,
            responsibilityId: 'retries',
            alternative: { en: 'a library', ja: 'ライブラリ' },
            replaces: { support: 'yes' },
          },
        ],
      }),
    ).toEqual([
      {
        path: 'cells[0]',
        message: expect.stringMatching(/^changes nothing: the base matrix/),
      },
      {
        path: 'cells[1]',
        message: expect.stringMatching(/^a second claim for linkerd ×/),
      },
      {
        path: 'cells[2].support',
        message: expect.stringMatching(/^the baseline tool never takes/),
      },
      {
        path: 'cells[3].alternative',
        message: expect.stringMatching(/^only the baseline tool's cells/),
      },
    ]);
  });

  it('refuses a document that is not an overlay, and unknown fields', () => {
    expect(problemsOf([])).toEqual([
      {
        path: '',
        message:
          'expected a matrix overlay { cells, tools?, description?, date? }, got []',
      },
    ]);
    expect(
      problemsOf({ cells: [{ ...circuitBreakerClaim, sorce: SOURCE }] }),
    ).toEqual([
      {
        path: 'cells[0]',
        message: "unknown field 'sorce' (check its spelling)",
      },
    ]);
  });

  it('throws naming the source and the paths', () => {
    expect(() =>
      parseMatrixOverlay(
        SEED_MATRIX,
        { cells: [{ ...circuitBreakerClaim, toolId: 'linkerd2' }] },
        'our-claims.yaml',
      ),
    ).toThrow(
      "Invalid mesh overlay in our-claims.yaml:\n  cells[0].toolId: unknown tool 'linkerd2' (did you mean 'linkerd'?)",
    );
  });
});
