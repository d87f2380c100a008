import fc from 'fast-check';
import {
  addToPositionSet,
  countPositions,
  createPositionSet,
  hasPosition,
  lowestPosition,
} from './positions';

/** The positions a set holds, read bit by bit (the slow, obvious way). */
function positionsIn(set: Int32Array): number[] {
  const positions: number[] = [];
  for (let position = 0; position < set.length * 32; position += 1) {
    if ((set[position >>> 5] >>> (position & 31)) & 1) {
      positions.push(position);
    }
  }
  return positions;
}

describe('hasPosition', () => {
  it('finds a position in a list and misses one that is not there', () => {
    expect(hasPosition([4, 9, 2], 9)).toBe(true);
    expect(hasPosition([4, 9, 2], 3)).toBe(false);
    expect(hasPosition([], 0)).toBe(false);
  });
});

describe('position sets', () => {
  it('have a word for every 32 positions', () => {
    expect(createPositionSet(0)).toHaveLength(0);
    expect(createPositionSet(1)).toHaveLength(1);
    expect(createPositionSet(32)).toHaveLength(1);
    expect(createPositionSet(33)).toHaveLength(2);
    expect(createPositionSet(500)).toHaveLength(16);
  });

  it('hold each added position once, across words, including the sign bit', () => {
    const set = createPositionSet(70);
    addToPositionSet(set, [31, 0, 69, 31, 32, 0]);
    expect(positionsIn(set)).toEqual([0, 31, 32, 69]);
  });

  it('count the positions of a word, the sign bit included', () => {
    expect(countPositions(0)).toBe(0);
    expect(countPositions(1)).toBe(1);
    expect(countPositions(1 << 31)).toBe(1);
    expect(countPositions(-1)).toBe(32);
    expect(countPositions(0b1011_0000)).toBe(3);
  });

  it('count and order positions as a sorted, de-duplicated list would (any input)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 60 }),
        positions => {
          const set = createPositionSet(100);
          addToPositionSet(set, positions);
          const expected = [...new Set(positions)].sort((a, b) => a - b);
          const ordered: number[] = [];
          let count = 0;
          set.forEach((word, wordIndex) => {
            count += countPositions(word);
            for (let rest = word; rest !== 0; rest &= rest - 1) {
              ordered.push(wordIndex * 32 + lowestPosition(rest));
            }
          });
          expect(count).toBe(expected.length);
          expect(ordered).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
