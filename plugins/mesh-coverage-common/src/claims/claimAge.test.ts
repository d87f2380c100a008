import { builtinEdition } from '../data/builtinMatrix';
import { MeshMatrix } from '../model/types';
import {
  claimAgeInDays,
  DEFAULT_CLAIM_MAX_AGE_DAYS,
  markClaimsToRecheck,
} from './claimAge';

const fact = (verifiedAt: string) => ({
  text: { en: 'x', ja: 'x' },
  source: 'https://example.com/',
  verifiedAt,
});

const matrix: MeshMatrix = {
  tools: [
    { id: 'kubernetes', name: 'Kubernetes', kind: 'baseline' },
    {
      id: 'mesh-a',
      name: 'Mesh A',
      kind: 'mesh',
      profile: { version: fact('2026-01-01'), licence: fact('2026-11-30') },
    },
  ],
  categories: [],
  responsibilities: [],
  cells: [
    {
      toolId: 'mesh-a',
      responsibilityId: 'old',
      support: 'yes',
      verifiedAt: '2026-06-03',
    },
    {
      toolId: 'mesh-a',
      responsibilityId: 'edge',
      support: 'yes',
      verifiedAt: '2026-06-04',
    },
    { toolId: 'mesh-a', responsibilityId: 'undated', support: 'no' },
  ],
};

describe('claim age', () => {
  const asOf = new Date('2026-12-01T09:00:00Z');

  it('counts whole days since the claim was checked', () => {
    expect(claimAgeInDays('2026-12-01', asOf)).toBe(0);
    expect(claimAgeInDays('2026-11-01', asOf)).toBe(30);
    expect(claimAgeInDays('2027-01-01', asOf)).toBe(0);
    expect(claimAgeInDays(undefined, asOf)).toBeUndefined();
    expect(claimAgeInDays('not a date', asOf)).toBeUndefined();
  });

  it('marks the cells and tool facts older than the max age, and nothing else', () => {
    const marked = markClaimsToRecheck(matrix, 180, asOf);
    expect(marked.cells.map(c => [c.responsibilityId, c.recheck])).toEqual([
      ['old', true],
      ['edge', undefined],
      ['undated', undefined],
    ]);
    const profile = marked.tools[1].profile!;
    expect(profile.version!.recheck).toBe(true);
    expect(profile.licence!.recheck).toBeUndefined();
    expect(marked.tools[0]).toBe(matrix.tools[0]);
    expect(matrix.cells[0].recheck).toBeUndefined();
  });

  it('marks nothing when every claim is younger than the max age', () => {
    const marked = markClaimsToRecheck(matrix, 400, asOf);
    expect(marked.cells.some(c => c.recheck)).toBe(false);
    expect(marked.tools[1]).toBe(matrix.tools[1]);
  });

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
