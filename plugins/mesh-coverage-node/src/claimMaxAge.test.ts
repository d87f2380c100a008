import {
  builtinEdition,
  markClaimsToRecheck,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { DEFAULT_CLAIM_MAX_AGE_DAYS } from './matrixSourceConfig';

describe('the default claim max age', () => {
  it('holds every built-in claim within the default max age at the edition’s own date', () => {
    // The edition's date, never today's: this test must not fail with the calendar.
    const { matrix: current, date } = builtinEdition('current');
    const editionDay = new Date(`${date}T00:00:00Z`);
    const marked = markClaimsToRecheck(
      current,
      DEFAULT_CLAIM_MAX_AGE_DAYS,
      editionDay,
    );
    const stale = [
      ...marked.cells
        .filter(c => c.recheck)
        .map(c => `${c.toolId} × ${c.responsibilityId} (${c.verifiedAt})`),
      ...marked.tools.flatMap(tool =>
        Object.entries(tool.profile ?? {})
          .filter(([, f]) => f?.recheck)
          .map(([name, f]) => `${tool.id} ${name} (${f!.verifiedAt})`),
      ),
    ];
    expect(stale).toEqual([]);
    // And no claim is dated after the edition: its date is the day of the last review.
    const dates = [
      ...current.cells.flatMap(c => (c.verifiedAt ? [c.verifiedAt] : [])),
      ...current.tools.flatMap(t =>
        Object.values(t.profile ?? {}).map(f => f!.verifiedAt),
      ),
    ];
    expect(dates.filter(d => d > date!)).toEqual([]);
  });
});
