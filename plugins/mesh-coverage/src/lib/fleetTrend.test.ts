import {
  adoptionSentenceParams,
  coverageChangeRows,
  formatDateTime,
  formatDay,
  ownerAdoption,
  ownerComponentsUrl,
  trendRows,
  trendSummary,
} from './fleetTrend';

const adoption = {
  mesh: 'linkerd',
  implementationsRemoved: 37,
  teams: 9,
  turnedOffToday: 0,
  gapsClosed: 12,
  gapsOpened: 3,
  byOwner: [
    {
      owner: 'group:default/team-a',
      implementationsRemoved: 30,
      gapsClosed: 2,
      gapsOpened: 0,
    },
    { owner: '', implementationsRemoved: 0, gapsClosed: 0, gapsOpened: 3 },
  ],
};

describe('trendRows', () => {
  it('turns history points into chart rows, oldest first, keeping missing coverage as a break', () => {
    expect(
      trendRows([
        {
          at: '2026-05-02T00:00:00.000Z',
          components: 4,
          coverage: 70,
          gaps: 3,
        },
        { at: 'not a date', components: 1, coverage: 10, gaps: 1 },
        {
          at: '2026-05-01T00:00:00.000Z',
          components: 3,
          coverage: null,
          gaps: 5,
        },
      ]),
    ).toEqual([
      {
        at: Date.UTC(2026, 4, 1),
        components: 3,
        coverage: null,
        gaps: 5,
      },
      { at: Date.UTC(2026, 4, 2), components: 4, coverage: 70, gaps: 3 },
    ]);
  });
});

describe('trendSummary', () => {
  it('needs two rows', () => {
    expect(trendSummary([])).toBeUndefined();
    expect(
      trendSummary([{ at: 1, components: 1, coverage: 50, gaps: 2 }]),
    ).toBeUndefined();
  });

  it('compares the first row with the last', () => {
    expect(
      trendSummary([
        { at: 1, components: 1, coverage: 50, gaps: 9 },
        { at: 2, components: 1, coverage: 10, gaps: 20 },
        { at: 3, components: 2, coverage: null, gaps: 4 },
      ]),
    ).toEqual({
      from: 1,
      to: 3,
      coverageFrom: 50,
      coverageTo: null,
      gapsFrom: 9,
      gapsTo: 4,
    });
  });
});

describe('formatDateTime and formatDay', () => {
  it('formats in the app language and the given time zone', () => {
    const at = '2026-05-14T12:30:00.000Z';
    // ICU may put a narrow no-break space before PM.
    expect(formatDateTime(at, 'en', 'UTC')).toMatch(
      /^May 14, 2026, 12:30\sPM$/,
    );
    expect(formatDateTime(at, 'ja', 'Asia/Tokyo')).toBe('2026/05/14 21:30');
    expect(formatDay(Date.parse(at), 'en', 'UTC')).toBe('May 14');
    expect(formatDay(Date.parse(at), 'ja', 'UTC')).toBe('5月14日');
  });

  it('leaves an unreadable time as it is', () => {
    expect(formatDateTime('soon', 'en')).toBe('soon');
  });
});

describe('ownerComponentsUrl', () => {
  it('filters the catalog to the owner’s components, for every user', () => {
    const url = new URL(
      ownerComponentsUrl('group:default/team-a'),
      'http://localhost',
    );
    expect(url.pathname).toBe('/catalog');
    expect([...url.searchParams]).toEqual([
      ['filters[kind]', 'component'],
      ['filters[owners]', 'group:default/team-a'],
      ['filters[user]', 'all'],
    ]);
  });
});

describe('adoption', () => {
  it('gives the sentence its numbers', () => {
    expect(adoptionSentenceParams(adoption, 'Linkerd')).toEqual({
      mesh: 'Linkerd',
      implementations: 37,
      teams: 9,
      closed: 12,
      opened: 3,
    });
  });

  it('finds one owner’s part, zero when the owner is not in it', () => {
    expect(ownerAdoption(adoption, 'group:default/team-a')).toEqual({
      implementationsRemoved: 30,
      gapsClosed: 2,
      gapsOpened: 0,
    });
    expect(ownerAdoption(adoption, '')).toEqual({
      implementationsRemoved: 0,
      gapsClosed: 0,
      gapsOpened: 3,
    });
    expect(ownerAdoption(adoption, 'group:default/team-z')).toEqual({
      implementationsRemoved: 0,
      gapsClosed: 0,
      gapsOpened: 0,
    });
  });
});

describe('coverageChangeRows', () => {
  it('lists the step series newest first with what changed against the point before', () => {
    expect(
      coverageChangeRows([
        {
          at: '2026-05-03T00:00:00.000Z',
          mesh: 'istio',
          coverage: 100,
          gaps: 0,
        },
        {
          at: '2026-05-01T00:00:00.000Z',
          mesh: 'linkerd',
          coverage: 67,
          gaps: 1,
        },
        {
          at: '2026-05-02T00:00:00.000Z',
          mesh: 'linkerd',
          owner: 'group:default/b',
          coverage: 67,
          gaps: 1,
        },
      ]),
    ).toEqual([
      {
        at: '2026-05-03T00:00:00.000Z',
        mesh: 'istio',
        coverage: 100,
        gaps: 0,
        changed: ['mesh', 'coverage', 'gaps'],
      },
      {
        at: '2026-05-02T00:00:00.000Z',
        mesh: 'linkerd',
        owner: 'group:default/b',
        coverage: 67,
        gaps: 1,
        changed: [],
      },
      {
        at: '2026-05-01T00:00:00.000Z',
        mesh: 'linkerd',
        coverage: 67,
        gaps: 1,
        changed: [],
      },
    ]);
  });

  it('sees a mesh becoming invalid as a change', () => {
    expect(
      coverageChangeRows([
        { at: '2026-05-01', mesh: 'linkerd', coverage: 67, gaps: 1 },
        { at: '2026-05-02', coverage: null, gaps: 0 },
      ])[0].changed,
    ).toEqual(['mesh', 'coverage', 'gaps']);
  });
});
