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
