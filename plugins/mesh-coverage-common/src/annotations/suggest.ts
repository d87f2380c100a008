import { closest, distance } from 'fastest-levenshtein';

/**
 * The valid id closest to a mistyped one, or undefined when nothing is plausibly meant.
 * Compared case-insensitively so `MTLS` suggests `mtls`; ids themselves stay case-sensitive.
 */
export function suggestId(value: string, validIds: readonly string[]): string | undefined {
  if (!value || validIds.length === 0) {
    return undefined;
  }
  const lowered = value.toLowerCase();
  const byLowered = new Map(validIds.map(id => [id.toLowerCase(), id]));
  const best = closest(lowered, [...byLowered.keys()]);
  const allowed = Math.max(2, Math.floor(lowered.length / 3));
  return distance(lowered, best) <= allowed ? byLowered.get(best) : undefined;
}
