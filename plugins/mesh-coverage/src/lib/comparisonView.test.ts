import { builtinIndex, currentIndex } from '../__testUtils__/fixtures';
import {
  buildComparisonLayout,
  buildComparisonView,
  ComparisonViewState,
  isChangedCell,
  normalizeForSearch,
  rowKey,
  shownRowKeys,
} from './comparisonView';

const all: ComparisonViewState = {
  differencesOnly: false,
  changedOnly: false,
  filter: '',
  language: 'en',
};
const rowIds = (state: ComparisonViewState) =>
  buildComparisonView(builtinIndex, state).categories.flatMap(c =>
    c.groups.flatMap(g => g.rows.map(r => r.responsibility.id)),
  );

describe('buildComparisonView', () => {
  it('shows every tool and responsibility, grouped as the source groups them', () => {
    const view = buildComparisonView(builtinIndex, all);
    expect(view.tools.map(t => t.id)).toEqual([
      'kubernetes',
      'istio',
      'linkerd',
      'consul',
      'vpc-lattice',
      'cilium',
      'kiali',
      'x-ray',
    ]);
    expect(view.shownCount).toBe(35);
    expect(view.totalCount).toBe(35);
    expect(
      view.categories.map(c => [
        c.category.number,
        c.groups.map(g => g.group.id),
      ]),
    ).toEqual([
      ['02', ['protocols', 'network']],
      ['03', ['resilience-features']],
      ['04', ['traffic-authn-authz']],
      ['05', ['certificates']],
      ['06', ['logs', 'metrics', 'traces', 'topology']],
      ['07', ['mesh-patterns', 'external-data-planes', 'kubernetes-affinity']],
    ]);
  });

  it('gives each table its own columns', () => {
    const view = buildComparisonView(builtinIndex, all);
    const group = (id: string) =>
      view.categories.flatMap(c => c.groups).find(g => g.group.id === id)!;
    expect(group('topology').tools.map(t => t.id)).toEqual([
      'kubernetes',
      'kiali',
      'x-ray',
    ]);
    expect(group('mesh-patterns').tools.map(t => t.id)).toEqual([
      'istio',
      'linkerd',
      'consul',
      'vpc-lattice',
      'cilium',
    ]);
    const datapoints = group('topology').rows[0];
    expect(datapoints.cells.map(c => c?.support)).toEqual([
      'unknown',
      'yes',
      undefined,
    ]);
  });

  it('compares only the chosen tools, dropping tables left without any', () => {
    const view = buildComparisonView(builtinIndex, {
      ...all,
      tools: ['istio', 'linkerd'],
    });
    expect(view.tools.map(t => t.id)).toEqual(['istio', 'linkerd']);
    expect(
      view.categories.flatMap(c => c.groups).map(g => g.group.id),
    ).not.toContain('topology');
    expect(view.shownCount).toBe(33);
  });

  it('filters by English title, Japanese title or id, across line breaks and case', () => {
    expect(rowIds({ ...all, filter: 'Circuit' })).toEqual(['circuit-breaker']);
    expect(rowIds({ ...all, filter: 'サーキット' })).toEqual([
      'circuit-breaker',
    ]);
    expect(rowIds({ ...all, filter: 'jwt-auth' })).toEqual(['jwt-auth']);
    expect(rowIds({ ...all, filter: 'ルーティング (ホスト' })).toEqual([
      'routing',
    ]);
    expect(rowIds({ ...all, filter: 'mutual tls' })).toEqual(['mtls', 'mtls']);
  });

  it('matches a table or section title to show all its rows', () => {
    expect(rowIds({ ...all, filter: 'protocols' })).toEqual([
      'protocol-tcp',
      'protocol-http1',
      'protocol-http2',
      'protocol-grpc',
    ]);
    expect(rowIds({ ...all, filter: 'アーキテクチャ' })).toHaveLength(7);
  });

  it('shows only rows where the compared meshes disagree', () => {
    expect(rowIds({ ...all, differencesOnly: true })).toEqual([
      'routing',
      'circuit-breaker',
      'fault-injection',
      'jwt-auth',
      'cert-rotation',
      'metrics-per-endpoint',
      'topology-datapoints',
      'sidecar',
      'sidecarless',
      'multi-cluster',
      'vm-workloads',
      'ingress-controller',
      'egress-controller',
      'custom-resources',
    ]);
  });

  it('compares the baseline too when only one other tool is chosen', () => {
    const ids = rowIds({
      ...all,
      differencesOnly: true,
      tools: ['kubernetes', 'linkerd'],
    });
    expect(ids).toContain('protocol-tcp'); // no + alternative vs yes
    expect(ids).toContain('app-logs-create'); // not-applicable vs no
    expect(
      rowIds({ ...all, differencesOnly: true, tools: ['istio', 'consul'] }),
    ).toEqual([
      'routing',
      'fault-injection',
      'sidecarless',
      'egress-controller',
      'custom-resources',
    ]);
  });

  it('combines filter and differences only, and says when nothing matches', () => {
    expect(
      rowIds({ ...all, differencesOnly: true, filter: 'protocol' }),
    ).toEqual([]);
    expect(
      buildComparisonView(builtinIndex, { ...all, filter: 'zzz' }).shownCount,
    ).toBe(0);
  });
});

describe('changed since the source document', () => {
  it('keeps only rows with a cell a claim changed, and none in the seed edition', () => {
    const changedRows = rowIds({ ...all, changedOnly: true }).length;
    expect(
      buildComparisonView(currentIndex, { ...all, changedOnly: true })
        .categories.flatMap(c => c.groups.flatMap(g => g.rows))
        .every(row => row.cells.some(isChangedCell)),
    ).toBe(true);
    expect(
      buildComparisonView(currentIndex, { ...all, changedOnly: true })
        .shownCount,
    ).toBeGreaterThan(20);
    expect(changedRows).toBe(0);
    const linkerdOnly = buildComparisonView(currentIndex, {
      ...all,
      changedOnly: true,
      tools: ['linkerd'],
    });
    expect(
      linkerdOnly.categories.flatMap(c =>
        c.groups.flatMap(g => g.rows.map(r => r.responsibility.id)),
      ),
    ).toContain('circuit-breaker');
    expect(
      linkerdOnly.categories.flatMap(c =>
        c.groups.flatMap(g => g.rows.map(r => r.responsibility.id)),
      ),
    ).not.toContain('mtls');
  });
});

describe('normalizeForSearch', () => {
  it('folds case, full-width characters and white space', () => {
    expect(normalizeForSearch('  ＨＴＴＰ/2\n(例:gRPC)  ')).toBe(
      'http/2 (例:grpc)',
    );
  });
});

describe('buildComparisonLayout and shownRowKeys', () => {
  const keysOf = (state: ComparisonViewState) =>
    [...shownRowKeys(buildComparisonLayout(builtinIndex, state))].sort();

  it('lays out every row of the chosen tools, whatever the row filters', () => {
    const filtered = {
      ...all,
      filter: 'circuit',
      differencesOnly: true,
      changedOnly: true,
    };
    expect(keysOf(filtered)).toEqual(keysOf(all));
    // 35 responsibilities, one of them in two groups.
    expect(keysOf(all)).toHaveLength(36);
    const layout = buildComparisonLayout(builtinIndex, {
      ...filtered,
      tools: ['istio', 'linkerd'],
    });
    expect(layout.tools.map(t => t.id)).toEqual(['istio', 'linkerd']);
  });

  it('names the rows a filtered view shows, each one a row of the layout', () => {
    const layout = shownRowKeys(buildComparisonLayout(builtinIndex, all));
    const shown = shownRowKeys(
      buildComparisonView(builtinIndex, { ...all, filter: 'circuit' }),
    );
    expect([...shown]).toEqual(['resilience-features/circuit-breaker']);
    expect([...shown].every(key => layout.has(key))).toBe(true);
    const view = buildComparisonView(builtinIndex, all);
    const { group, rows } = view.categories[0].groups[0];
    expect(layout.has(rowKey(group, rows[0].responsibility))).toBe(true);
  });
});
