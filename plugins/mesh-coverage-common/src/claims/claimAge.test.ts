import { MeshMatrix } from '../model/types';
import { claimAgeInDays, markClaimsToRecheck } from './claimAge';

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
});
