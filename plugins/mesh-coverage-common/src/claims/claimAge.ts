import { MeshMatrix, ToolFact, ToolProfile } from '../model/types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days from a claim's `verifiedAt` (a day or an ISO time) to `asOf`; undefined when it is
 * missing or unreadable. A claim dated after `asOf` is 0 days old.
 *
 * @public
 */
export function claimAgeInDays(
  verifiedAt: string | undefined,
  asOf: Date,
): number | undefined {
  const checked = verifiedAt ? Date.parse(verifiedAt) : NaN;
  return Number.isNaN(checked)
    ? undefined
    : Math.max(0, Math.floor((asOf.getTime() - checked) / DAY_MS));
}

const PROFILE_FACTS = ['licence', 'governance', 'version', 'status'] as const;

/**
 * The matrix with every dated claim older than `maxAgeDays` on `asOf` marked `recheck: true`:
 * cells with a `verifiedAt`, and tool profile facts. A claim without a date (the source
 * document's own cells) is never marked; nothing else changes, and unchanged parts are shared.
 *
 * @public
 */
export function markClaimsToRecheck(
  matrix: MeshMatrix,
  maxAgeDays: number,
  asOf: Date,
): MeshMatrix {
  const stale = (verifiedAt: string | undefined) => {
    const age = claimAgeInDays(verifiedAt, asOf);
    return age !== undefined && age > maxAgeDays;
  };
  const tools = matrix.tools.map(tool => {
    const profile = tool.profile;
    if (!profile || !PROFILE_FACTS.some(f => stale(profile[f]?.verifiedAt))) {
      return tool;
    }
    const marked: ToolProfile = { ...profile };
    for (const name of PROFILE_FACTS) {
      const fact: ToolFact | undefined = profile[name];
      if (fact && stale(fact.verifiedAt)) {
        marked[name] = { ...fact, recheck: true };
      }
    }
    return { ...tool, profile: marked };
  });
  const cells = matrix.cells.map(cell =>
    stale(cell.verifiedAt) ? { ...cell, recheck: true } : cell,
  );
  return { ...matrix, tools, cells };
}
