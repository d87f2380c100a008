import fc from 'fast-check';
import { createIdListScanner } from './idListScanner';

const ids = ['mtls', 'mtls-permissive', 'retries', 'trace-spans', 'dns-ü'];
const scan = createIdListScanner(ids);

/** What the scanner must be equivalent to: split, trim, skip empty, look up. */
function reference(list: string) {
  const positions: number[] = [];
  const unknown: string[] = [];
  for (const entry of list.split(',').map(part => part.trim())) {
    const position = ids.indexOf(entry);
    if (position >= 0) positions.push(position);
    else if (entry) unknown.push(entry);
  }
  return { positions, unknown };
}

describe('createIdListScanner', () => {
  it('finds ids by position, trims ASCII and other white space, keeps the rest as written', () => {
    expect(
      scan(
        ' mtls ,\tretries\n,,mtls-perm, trace-spans\u3000,\u00a0dns-ü, mtls',
      ),
    ).toEqual({
      positions: [0, 2, 3, 4, 0],
      unknown: ['mtls-perm'],
    });
  });

  it('tells an id from its prefixes and extensions', () => {
    expect(scan('mtl,mtls-,mtls-permissive,mtlsx')).toEqual({
      positions: [1],
      unknown: ['mtl', 'mtls-', 'mtlsx'],
    });
  });

  it('reads empty and separator-only lists as empty', () => {
    expect(scan('')).toEqual({ positions: [], unknown: [] });
    expect(scan(' , ,, ')).toEqual({ positions: [], unknown: [] });
  });

  it('is equivalent to split, trim and look-up for any list', () => {
    const entry = fc.oneof(
      fc.constantFrom(...ids, 'mtl', 'MTLS', ' retries ', '\u3000mtls'),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    const separator = fc.constantFrom(',', ', ', ' ,', ',,', '\u3000,', ';');
    fc.assert(
      fc.property(
        fc.tuple(fc.array(entry, { maxLength: 12 }), separator),
        ([entries, sep]) => {
          const list = entries.join(sep);
          expect(scan(list)).toEqual(reference(list));
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
