import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  FleetAdoption,
  FleetHistoryPoint,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FleetResponse, MeshCoverageApi, meshCoverageApiRef } from '../../api';
import { builtinIndex } from '../../__testUtils__/fixtures';
import { mockMeshCoverageApi } from '../../__testUtils__/mockApi';
import { FleetTab } from './FleetTab';

const SNAPSHOT_AT = '2026-05-14T12:00:00.000Z';

const today: FleetResponse = {
  snapshotAt: SNAPSHOT_AT,
  components: 3,
  meshes: [
    { mesh: 'kubernetes', components: 1 },
    { mesh: 'linkerd', components: 2 },
  ],
  invalidMesh: 0,
  withErrors: 1,
  undeclared: 0,
  meanCoverage: 60,
  requirementCoverage: 70,
  responsibilities: [
    {
      responsibilityId: 'circuit-breaker',
      required: 2,
      covered: 0,
      implementedByApp: 1,
      gaps: 1,
      turnedOff: 0,
      configured: 0,
    },
    {
      responsibilityId: 'mtls',
      required: 3,
      covered: 2,
      implementedByApp: 0,
      gaps: 1,
      turnedOff: 0,
      configured: 0,
    },
  ],
  byOwner: [
    {
      owner: 'group:default/team-b',
      components: 2,
      meanCoverage: 40,
      gaps: 5,
      implementedByApp: 1,
      meshes: ['istio', 'linkerd'],
    },
    {
      owner: 'group:default/team-a',
      components: 1,
      meanCoverage: null,
      gaps: 2,
      implementedByApp: 0,
      meshes: ['linkerd'],
    },
    {
      owner: '',
      components: 1,
      meanCoverage: 100,
      gaps: 0,
      implementedByApp: 3,
      meshes: [],
    },
  ],
  distribution: [],
};

/** Each mesh's adoption case: Linkerd's from the brief, Istio's singular, the rest zero. */
const adoptionOf = (mesh: string): FleetAdoption => {
  const figures =
    {
      linkerd: {
        implementationsRemoved: 37,
        teams: 9,
        turnedOffToday: 0,
        gapsClosed: 12,
        gapsOpened: 3,
      },
      istio: {
        implementationsRemoved: 1,
        teams: 1,
        turnedOffToday: 0,
        gapsClosed: 1,
        gapsOpened: 0,
      },
    }[mesh] ??
    ({
      implementationsRemoved: 0,
      teams: 0,
      turnedOffToday: 0,
      gapsClosed: 0,
      gapsOpened: 0,
    } as const);
  return {
    mesh,
    ...figures,
    byOwner:
      mesh === 'linkerd'
        ? [
            {
              owner: 'group:default/team-b',
              implementationsRemoved: 4,
              gapsClosed: 2,
              gapsOpened: 1,
            },
          ]
        : [],
  };
};

const withRefs = (fleet: FleetResponse): FleetResponse => ({
  ...fleet,
  live: true,
  snapshotAt: undefined,
  responsibilities: fleet.responsibilities.map(row =>
    row.responsibilityId === 'circuit-breaker'
      ? {
          ...row,
          entityRefs: {
            covered: [],
            implementedByApp: ['component:default/orders-service'],
            gaps: ['component:default/payments-api'],
            turnedOff: [],
          },
        }
      : {
          ...row,
          entityRefs: {
            covered: [],
            implementedByApp: [],
            gaps: [],
            turnedOff: [],
          },
        },
  ),
});

const whatIfOn = (mesh: string): FleetResponse => ({
  ...today,
  whatIfMesh: mesh,
  meanCoverage: null,
  requirementCoverage: 85,
  meshes: [{ mesh, components: 3 }],
  responsibilities: [
    {
      ...today.responsibilities[0],
      covered: 2,
      implementedByApp: 0,
      gaps: 0,
    },
    today.responsibilities[1],
  ],
  today,
  change: [
    {
      responsibilityId: 'circuit-breaker',
      covered: 2,
      implementedByApp: -1,
      gaps: -1,
      turnedOff: 0,
    },
  ],
  adoption: adoptionOf(mesh),
});

const point = (
  at: string,
  coverage: number | null,
  gaps: number,
): FleetHistoryPoint => ({ at, components: 3, coverage, gaps });

async function render(
  route = '/',
  history: FleetHistoryPoint[] = [point(SNAPSHOT_AT, 60, 2)],
  overrides: Partial<MeshCoverageApi> = {},
) {
  const api = mockMeshCoverageApi({
    getFleet: jest.fn(async ({ whatIfMesh, includeEntityRefs, live } = {}) => {
      let fleet = whatIfMesh ? whatIfOn(whatIfMesh) : today;
      if (live) {
        fleet = { ...fleet, live: true, snapshotAt: undefined };
      }
      return includeEntityRefs ? withRefs(fleet) : fleet;
    }),
    getFleetHistory: jest.fn(async ({ mesh, owner } = {}) => ({
      from: '2026-04-14T12:00:00.000Z',
      to: SNAPSHOT_AT,
      ...(mesh && { mesh }),
      ...(owner && { owner }),
      points: history,
    })),
    ...overrides,
  });
  await renderInTestApp(
    <TestApiProvider apis={[[meshCoverageApiRef, api]]}>
      <FleetTab />
    </TestApiProvider>,
    {
      routeEntries: [route],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return api;
}

const row = (id: string) =>
  document.querySelector(`tr[data-responsibility="${id}"]`) as HTMLElement;

const ownerRow = (owner: string) =>
  document.querySelector(`tr[data-owner="${owner}"]`) as HTMLElement;

const entityRefCalls = (api: jest.Mocked<MeshCoverageApi>) =>
  api.getFleet.mock.calls.filter(([options]) => options?.includeEntityRefs);

describe('FleetTab', () => {
  it('counts per mesh and per responsibility, from the latest snapshot', async () => {
    const api = await render();
    expect(await screen.findByText('Components per mesh')).toBeInTheDocument();
    expect(api.getFleet).toHaveBeenCalledWith({
      whatIfMesh: undefined,
      live: undefined,
    });
    expect(
      screen.getByText(/^As of May 14, 2026.*\(latest scheduled snapshot\)$/),
    ).toBeInTheDocument();
    // The what-if select shows "as today" under a label above it (no floating label to cut off).
    expect(
      screen.getByLabelText('What if every component ran'),
    ).toHaveTextContent('As today');
    expect(screen.getByText('Mean coverage: 60 %')).toBeInTheDocument();
    expect(
      screen.getByText('Required responsibilities carried: 70 %'),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Components per mesh' }))
        .getByText('Linkerd')
        .closest('tr'),
    ).toHaveTextContent('2');
    expect(row('circuit-breaker')).toHaveTextContent('Circuit breaker2011');
    expect(
      screen.getByText('1 component has annotation errors'),
    ).toBeInTheDocument();
  });

  it('shows per responsibility what the meshes can cover beside what is configured, and what is turned off', async () => {
    const configuredFleet = {
      ...today,
      responsibilities: today.responsibilities.map(r =>
        r.responsibilityId === 'mtls'
          ? { ...r, covered: 2, turnedOff: 1, configured: 1 }
          : r,
      ),
    };
    await render('/', undefined, {
      getFleet: jest.fn(async () => configuredFleet),
    });
    await screen.findByRole('table', { name: 'Responsibility' });
    expect(
      screen.getByRole('columnheader', { name: 'Can cover · configured' }),
    ).toBeInTheDocument();
    expect(row('mtls').querySelector('[data-can-cover]')).toHaveTextContent(
      '3 · 1',
    );
    expect(row('mtls').querySelector('[data-turned-off]')).toHaveTextContent(
      '1',
    );
  });

  it('recomputes the figures now on request', async () => {
    const api = await render();
    await screen.findByText(/^As of May 14, 2026/);
    expect(
      screen.queryByText('Computed now from the catalog'),
    ).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Recompute now' }),
    );
    expect(
      await screen.findByText('Computed now from the catalog'),
    ).toBeInTheDocument();
    expect(api.getFleet).toHaveBeenLastCalledWith({
      whatIfMesh: undefined,
      live: true,
    });
    expect(screen.queryByText(/^As of/)).not.toBeInTheDocument();
  });

  it('asks for the components behind the counts only when first shown', async () => {
    const api = await render();
    await screen.findByText('Components per mesh');
    // The adoption cases load from the snapshot too; none of them asks for component refs.
    await waitFor(() =>
      expect(api.getFleet).toHaveBeenCalledWith({ whatIfMesh: 'istio' }),
    );
    expect(entityRefCalls(api)).toHaveLength(0);

    await userEvent.click(
      within(row('circuit-breaker')).getByRole('button', {
        name: 'Show the components',
      }),
    );
    expect(
      await screen.findByRole('link', { name: 'payments-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(
      screen.getByRole('link', { name: 'orders-service' }),
    ).toBeInTheDocument();
    expect(entityRefCalls(api)).toEqual([
      [{ includeEntityRefs: true, whatIfMesh: undefined }],
    ]);

    // Another row reuses the same answer.
    await userEvent.click(
      within(row('mtls')).getByRole('button', { name: 'Show the components' }),
    );
    await waitFor(() =>
      expect(
        within(row('mtls')).getByRole('button', {
          name: 'Show the components',
        }),
      ).toHaveAttribute('aria-expanded', 'true'),
    );
    expect(entityRefCalls(api)).toHaveLength(1);
  });

  it('lists the teams as received, each linked to its components in the catalog', async () => {
    await render();
    const table = await screen.findByRole('table', { name: 'Teams' });
    expect(
      [...table.querySelectorAll('tbody tr')].map(r =>
        r.getAttribute('data-owner'),
      ),
    ).toEqual(['group:default/team-b', 'group:default/team-a', '']);

    const teamB = ownerRow('group:default/team-b');
    expect(within(teamB).getByRole('link', { name: 'team-b' })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-b',
    );
    expect(teamB).toHaveTextContent(
      'team-b240 %51Istio, LinkerdTheir components',
    );
    const catalogLink = within(teamB).getByRole('link', {
      name: 'Components of team-b in the catalog',
    });
    const url = new URL(catalogLink.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/catalog');
    expect(url.searchParams.get('filters[kind]')).toBe('component');
    expect(url.searchParams.get('filters[owners]')).toBe(
      'group:default/team-b',
    );
    expect(url.searchParams.get('filters[user]')).toBe('all');

    expect(ownerRow('group:default/team-a')).toHaveTextContent(
      'team-a1n/a20Linkerd',
    );
    const noOwner = ownerRow('');
    expect(noOwner).toHaveTextContent('No owner1100 %03');
    expect(within(noOwner).queryAllByRole('link')).toHaveLength(0);
  });

  it('shows a what-if against today with its adoption case in plain words', async () => {
    const api = await render('/?whatIf=linkerd');
    expect(
      await screen.findByText(
        'Moving to Linkerd takes 37 implementations off 9 teams, closes 12 gaps, opens 3.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Required responsibilities carried: 70 % today, 85 % on Linkerd',
      ),
    ).toBeInTheDocument();
    // The what-if has no mean coverage.
    expect(screen.queryByText(/Mean coverage:/)).not.toBeInTheDocument();
    expect(
      screen.queryByText('Required responsibilities carried: 70 %'),
    ).not.toBeInTheDocument();
    expect(api.getFleet).toHaveBeenCalledWith({
      whatIfMesh: 'linkerd',
      live: undefined,
    });
    expect(row('circuit-breaker')).toHaveTextContent('Gaps -1, Mesh covers +2');
    // Each team's part of the case: team-b in the adoption's byOwner, team-a not.
    expect(ownerRow('group:default/team-b')).toHaveTextContent(
      'Istio, Linkerd421Their components',
    );
    expect(ownerRow('group:default/team-a')).toHaveTextContent(
      'Linkerd000Their components',
    );
    // The per-mesh list is for "as today" only.
    expect(
      screen.queryByRole('list', { name: 'The case for each mesh' }),
    ).not.toBeInTheDocument();
  });

  it('lists the case for every mesh, and opens one as the what-if', async () => {
    const api = await render();
    const list = await screen.findByRole('list', {
      name: 'The case for each mesh',
    });
    expect(within(list).getAllByRole('listitem')).toHaveLength(
      builtinIndex.meshIds.length,
    );
    for (const mesh of builtinIndex.meshIds) {
      expect(api.getFleet).toHaveBeenCalledWith({ whatIfMesh: mesh });
    }
    expect(
      within(list).getByText(
        'Moving to Istio takes 1 implementation off 1 team, closes 1 gap, opens 0.',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(list).getByRole('button', { name: 'What if on Linkerd' }),
    );
    expect(
      await screen.findByText(
        'Moving to Linkerd takes 37 implementations off 9 teams, closes 12 gaps, opens 3.',
      ),
    ).toBeInTheDocument();
    expect(api.getFleet).toHaveBeenCalledWith({
      whatIfMesh: 'linkerd',
      live: undefined,
    });
  });

  it('waits for the first snapshot before reading every mesh’s case', async () => {
    const api = await render('/', [], {
      getFleet: jest.fn(async () => ({
        ...today,
        snapshotAt: undefined,
        live: true,
      })),
    });
    expect(
      await screen.findByText(
        'The case for each mesh appears once the first scheduled snapshot has been taken.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Computed now from the catalog'),
    ).toBeInTheDocument();
    expect(api.getFleet).toHaveBeenCalledTimes(1);
  });

  it('says a trend needs two snapshots, and narrows the history by owner', async () => {
    const api = await render();
    expect(
      await screen.findByText(
        'A trend needs at least two snapshots; this selection has 1 so far. Snapshots are taken on a schedule.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(api.getFleetHistory).toHaveBeenCalledWith({
      mesh: undefined,
      owner: undefined,
    });

    await userEvent.click(screen.getByLabelText('Owner'));
    const options = within(await screen.findByRole('listbox')).getAllByRole(
      'option',
    );
    // Owners from byOwner; "no owner" is not something the history can filter on.
    expect(options.map(o => o.textContent)).toEqual([
      'All',
      'team-b',
      'team-a',
    ]);
    await userEvent.click(options[2]);
    await waitFor(() =>
      expect(api.getFleetHistory).toHaveBeenLastCalledWith({
        mesh: undefined,
        owner: 'group:default/team-a',
      }),
    );

    await userEvent.click(screen.getByLabelText('Mesh'));
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByRole('option', {
        name: 'Istio',
      }),
    );
    await waitFor(() =>
      expect(api.getFleetHistory).toHaveBeenLastCalledWith({
        mesh: 'istio',
        owner: 'group:default/team-a',
      }),
    );
  });

  describe('with a trend', () => {
    beforeEach(() => {
      // jsdom lays nothing out; the chart gets a size to draw in (a new rect each call).
      jest
        .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
        .mockImplementation(() => new DOMRect(0, 0, 640, 260));
    });
    afterEach(() => jest.restoreAllMocks());

    it('draws mean coverage and gaps over the snapshots, with a summary for assistive technology', async () => {
      await render('/', [
        point('2026-04-20T12:00:00.000Z', 50, 9),
        point('2026-05-01T12:00:00.000Z', null, 7),
        point(SNAPSHOT_AT, 70, 4),
      ]);
      const chart = await screen.findByRole('img', {
        name: /^Mean coverage and gaps from Apr 20, 2026.* to May 14, 2026.*: coverage 50 % to 70 %, gaps 9 to 4$/,
      });
      expect(chart).toHaveAttribute('data-points', '3');
      expect(
        screen.queryByText(/A trend needs at least two snapshots/),
      ).not.toBeInTheDocument();
      await waitFor(() =>
        expect(chart.querySelectorAll('path.recharts-line-curve')).toHaveLength(
          2,
        ),
      );
      expect(within(chart).getByText('Mean coverage (%)')).toBeInTheDocument();
      expect(within(chart).getByText('Gaps')).toBeInTheDocument();
    });
  });
});

describe('FleetTab for a user who may not read the fleet', () => {
  it('says so plainly, and shows no figures and no broken parts', async () => {
    const forbidden = Object.assign(
      new Error(
        'The fleet figures need the mesh-coverage.fleet.read permission',
      ),
      { name: 'ResponseError', statusCode: 403 },
    );
    const api = await render('/', [], {
      getFleet: jest.fn(async () => {
        throw forbidden;
      }),
    });
    expect(
      await screen.findByText(/may not see the fleet figures/),
    ).toBeInTheDocument();
    expect(screen.getByText(/mesh-coverage\.fleet\.read/)).toBeInTheDocument();
    expect(screen.queryByLabelText('What if every component ran')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(api.getFleetHistory).not.toHaveBeenCalled();
  });
});
