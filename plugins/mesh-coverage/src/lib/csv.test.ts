import { builtinIndex } from '../__testUtils__/fixtures';
import { buildComparisonView } from './comparisonView';
import { comparisonViewToCsv, csvField } from './csv';

/** A small RFC 4180 reader, enough to read back what the export writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('comparisonViewToCsv', () => {
  it('writes a line per shown row and a column per shown tool', () => {
    const view = buildComparisonView(builtinIndex, {
      differencesOnly: false,
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
