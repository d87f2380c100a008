/** What a comma-separated list of ids holds: known ids by position, the rest as written. */
export interface ScannedIdList {
  /** Positions (in the `ids` the scanner was built from) of the known ids, in the order written. */
  positions: number[];
  /** Entries that are no id, trimmed, in the order written. */
  unknown: string[];
}

const NO_MATCH = -1;
const isAsciiSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);

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
    const unknown: string[] = [];
    let start = 0;
    while (start <= list.length) {
      let end = list.indexOf(',', start);
      if (end === -1) {
        end = list.length;
      }
      const after = end + 1;
      while (start < end && isAsciiSpace(list.charCodeAt(start))) start += 1;
      while (end > start && isAsciiSpace(list.charCodeAt(end - 1))) end -= 1;
      if (start < end) {
        let entry: string | undefined;
        let position: number;
        if (list.charCodeAt(start) < 128 && list.charCodeAt(end - 1) < 128) {
          position = lookUp(list, start, end);
          if (position === NO_MATCH) {
            entry = list.slice(start, end);
            position = slowIds.get(entry) ?? NO_MATCH;
          }
        } else {
          // Non-ASCII at an end (an ideographic space, say): trim() decides what is white space.
          entry = list.slice(start, end).trim();
          position = entry ? positionOf(entry) : NO_MATCH;
        }
        if (position !== NO_MATCH) {
          positions.push(position);
        } else if (entry) {
          unknown.push(entry);
        }
      }
      start = after;
    }
    return { positions, unknown };
  };
}
