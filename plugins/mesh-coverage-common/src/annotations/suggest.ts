import { closest, distance } from 'fastest-levenshtein';

const commonPrefixLength = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) {
    i += 1;
  }
  return i;
};

/**
 * The valid id closest to a mistyped one, or undefined when nothing is plausibly meant.
 * Compared case-insensitively so `MTLS` suggests `mtls`; ids themselves stay case-sensitive.
 *
 * @public
 */
export function suggestId(
  value: string,
  validIds: readonly string[],
): string | undefined {
  if (!value || validIds.length === 0) {
    return undefined;
  }
  const lowered = value.toLowerCase();
  const byLowered = new Map(validIds.map(id => [id.toLowerCase(), id]));
  const candidates = [...byLowered.keys()];
  const best = closest(lowered, candidates);
  if (distance(lowered, best) <= Math.max(2, Math.floor(lowered.length / 3))) {
    return byLowered.get(best);
  }
  // A shortened or inflected id ('retry' for 'retries') shares a long prefix with the one meant.
  const minimum = Math.max(4, Math.ceil(lowered.length / 2));
  let longest: string | undefined;
  let longestLength = minimum - 1;
  for (const candidate of candidates) {
    const length = commonPrefixLength(lowered, candidate);
    if (length > longestLength) {
      longest = candidate;
      longestLength = length;
    }
  }
  return longest && byLowered.get(longest);
}
