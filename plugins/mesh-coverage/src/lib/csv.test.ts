import { parse } from 'csv-parse/sync';
import { builtinIndex } from '../__testUtils__/fixtures';
import { buildComparisonView } from './comparisonView';
import { comparisonViewToCsv, csvField } from './csv';

const parseCsv = (text: string): string[][] =>
  parse(text, { relaxColumnCount: false });

describe('comparisonViewToCsv', () => {
  it('writes a line per shown row and a column per shown tool', () => {
    const view = buildComparisonView(builtinIndex, {
      differencesOnly: false,
      changedOnly: false,
      filter: 'mutual tls',
      language: 'en',
    });
    const rows = parseCsv(comparisonViewToCsv(view, 'en'));
    expect(rows[0]).toEqual([
      'category',
      'group',
      'responsibilityId',
      'responsibility',
      'Kubernetes',
      'Istio',
      'Linkerd',
      'Consul',
      'AWS VPC Lattice',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      'Authentication and authorization of traffic',
      'Authentication and authorization of traffic',
      'mtls',
      'Mutual TLS authentication',
      'no: Mutual TLS tooling\n(e.g. SPIFFE)',
      'yes: (replaceable with SPIFFE)',
      'yes',
      'yes',
      'yes',
    ]);
  });

  it('writes the matrix text in the chosen language', () => {
    const view = buildComparisonView(builtinIndex, {
      differencesOnly: false,
      changedOnly: false,
      filter: 'routing',
      language: 'ja',
    });
    const rows = parseCsv(comparisonViewToCsv(view, 'ja'));
    expect(rows[1].slice(0, 5)).toEqual([
      'トラフィック管理',
      'ネットワーク',
      'routing',
      'ルーティング (ホストベース、パスベース、割合ベース)',
      'no: Service + kube-proxy、Ingress',
    ]);
  });

  it('leaves a blank where the matrix has no cell', () => {
    const view = buildComparisonView(builtinIndex, {
      differencesOnly: false,
      changedOnly: false,
      filter: 'data points',
      language: 'en',
    });
    const [header, row] = parseCsv(comparisonViewToCsv(view, 'en'));
    expect(header.slice(4)).toEqual(['Kubernetes', 'Kiali', 'X-Ray']);
    expect(row.slice(4)).toEqual(['unknown', 'yes', '']);
  });
});

describe('csvField', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
  });

  it('defuses spreadsheet formulas from untrusted matrix text', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(
      '"\'=HYPERLINK(""http://x"")"',
    );
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});
