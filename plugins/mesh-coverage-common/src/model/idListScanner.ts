/** What a comma-separated list of ids holds: known ids by position, the rest as written. */
export interface ScannedIdList {
  /** Positions (in the `ids` the scanner was built from) of the known ids, in the order written. */
  positions: number[];
  /** Entries that are no id, trimmed, in the order written. */
  unknown: readonly string[];
}

const NO_MATCH = -1;
const COMMA = 44;
const SPACE = -2;
const SEPARATOR = -3;
const NON_ASCII = -4;
// Read-only by type, not frozen: a frozen array is another kind of array to the JIT.
const NONE: readonly string[] = [];

/**
 * Builds a scanner for comma-separated id lists, equivalent to `list.split(',')`, `trim()` each
 * entry, skip empty ones and look the rest up, but without cutting the list into strings: it walks
 * a transition table of the ids. The catalog processor reads these lists for every component on
 * every processing pass, and cutting and hashing the substrings was most of its cost.
 */
export function createIdListScanner(
  ids: readonly string[],
): (list: string) => ScannedIdList {
  // The alphabet is the characters ids use (ASCII in practice; kebab-case after validation).
  const symbolOf = new Int16Array(128).fill(NO_MATCH);
  let alphabetSize = 0;
  for (const id of ids) {
    for (let i = 0; i < id.length; i += 1) {
      const code = id.charCodeAt(i);
      if (code < 128 && symbolOf[code] === NO_MATCH) {
        symbolOf[code] = alphabetSize++;
      }
    }
  }
  // A trie as one flat table of row offsets: next[row + symbol] is the row of the following node
  // (NO_MATCH when no id continues so); terminal[row / alphabetSize] the position of the id ending
  // there. Row 0 is the root; there are at most as many nodes as characters in all ids.
  const width = Math.max(alphabetSize, 1);
  const nodeCount = 1 + ids.reduce((sum, id) => sum + id.length, 0);
  const next = new Int32Array(nodeCount * width).fill(NO_MATCH);
  const terminal = new Int32Array(nodeCount).fill(NO_MATCH);
  const slowIds = new Map<string, number>(); // ids with characters beyond ASCII
  let nodes = 1;
  ids.forEach((id, position) => {
    let row = 0;
    for (let i = 0; i < id.length; i += 1) {
      const code = id.charCodeAt(i);
      if (code >= 128) {
        slowIds.set(id, position);
        return;
      }
      const slot = row + symbolOf[code];
      if (next[slot] === NO_MATCH) {
        next[slot] = nodes * width;
        nodes += 1;
      }
      row = next[slot];
    }
    if (terminal[row / width] === NO_MATCH) {
      terminal[row / width] = position;
    }
  });

  // What each ASCII character is to the scan: an id symbol (>= 0), white space, the separator,
  // or a character no id has (NO_MATCH); one table look-up per character.
  const charClass = Int16Array.from(symbolOf);
  for (const code of [9, 10, 11, 12, 13, 32]) charClass[code] = SPACE;
  charClass[COMMA] = SEPARATOR;

  const lookUp = (list: string, start: number, end: number): number => {
    let row = 0;
    for (let i = start; i < end; i += 1) {
      const code = list.charCodeAt(i);
      const symbol = code < 128 ? symbolOf[code] : NO_MATCH;
      if (symbol === NO_MATCH) {
        return NO_MATCH;
      }
      row = next[row + symbol];
      if (row === NO_MATCH) {
        return NO_MATCH;
      }
    }
    return terminal[row / width];
  };

  /** Position of an entry already free of white space at both ends, or NO_MATCH. */
  const positionOf = (entry: string): number => {
    const position = lookUp(entry, 0, entry.length);
    return position === NO_MATCH ? slowIds.get(entry) ?? NO_MATCH : position;
  };

  return list => {
    const positions: number[] = [];
    let unknown: string[] | undefined;
    const { length } = list;
    // One pass per entry: find the comma, trim ASCII white space and walk the trie together.
    let start = 0;
    while (start <= length) {
      let row = 0; // NO_MATCH once no id continues so
      let entryStart = -1; // first character that is no white space
      let entryEnd = start; // after the last one
      let ascii = true;
      let i = start;
      for (; i < length; i += 1) {
        const code = list.charCodeAt(i);
        const kind = code < 128 ? charClass[code] : NON_ASCII;
        if (kind >= NO_MATCH) {
          if (entryStart < 0) {
            entryStart = i;
          } else if (i > entryEnd) {
            row = NO_MATCH; // white space inside the entry: no id
          }
          if (row !== NO_MATCH) {
            row = kind === NO_MATCH ? NO_MATCH : next[row + kind];
          }
          entryEnd = i + 1;
        } else if (kind === SEPARATOR) {
          break;
        } else if (kind === NON_ASCII) {
          ascii = false;
        }
      }
      if (!ascii) {
        // Non-ASCII (an ideographic space, say): trim() decides what is white space.
        const entry = list.slice(start, i).trim();
        if (entry) {
          const position = positionOf(entry);
          if (position !== NO_MATCH) {
            positions.push(position);
          } else {
            (unknown ??= []).push(entry);
          }
        }
      } else if (entryStart >= 0) {
        const position = row === NO_MATCH ? NO_MATCH : terminal[row / width];
        if (position !== NO_MATCH) {
          positions.push(position);
        } else {
          (unknown ??= []).push(list.slice(entryStart, entryEnd));
        }
      }
      start = i + 1;
    }
    return { positions, unknown: unknown ?? NONE };
  };
}
