/**
 * No positions: one shared empty list, read-only by type. Not frozen: a frozen array is another
 * kind of array to the JIT, and the hot loops over positions would see two.
 */
export const NO_POSITIONS: readonly number[] = [];

/**
 * Whether a short list of positions holds `position`. A plain loop, not `Array.prototype.includes`:
 * the JIT compiles it inline, where the built-in is a call, and the catalog processor asks this a
 * few times for every component on every pass.
 */
export function hasPosition(
  positions: readonly number[],
  position: number,
): boolean {
  for (let i = 0; i < positions.length; i += 1) {
    if (positions[i] === position) {
      return true;
    }
  }
  return false;
}

/**
 * A set of positions as bits, 32 to a word (position p is bit p % 32 of word p / 32). Union,
 * intersection and matrix order come from word operations, without sorting or de-duplicating
 * lists. Int32 words: values the JIT keeps unboxed.
 */
export type PositionSet = Int32Array;

/** An empty set with room for positions below `positionCount`. */
export function createPositionSet(positionCount: number): PositionSet {
  return new Int32Array((positionCount + 31) >>> 5);
}

export function addToPositionSet(
  set: PositionSet,
  positions: readonly number[],
): void {
  for (let i = 0; i < positions.length; i += 1) {
    const position = positions[i];
    set[position >>> 5] |= 1 << (position & 31);
  }
}

/** How many positions one word of a set holds (a population count). */
export function countPositions(word: number): number {
  const pairs = word - ((word >>> 1) & 0x55555555);
  const nibbles = (pairs & 0x33333333) + ((pairs >>> 2) & 0x33333333);
  return Math.imul((nibbles + (nibbles >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** The lowest position in one word of a set (the word must not be 0), relative to the word. */
export function lowestPosition(word: number): number {
  return 31 - Math.clz32(word & -word);
}
