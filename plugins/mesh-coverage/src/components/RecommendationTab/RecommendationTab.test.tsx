import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { meshCoverageApiRef } from '../../api';
import { mockMeshCoverageApi } from '../../__testUtils__/mockApi';
import { RecommendationTab } from './RecommendationTab';

const rankedTools = () =>
  [...document.querySelectorAll('tbody tr[data-tool]')].map(r =>
    r.getAttribute('data-tool'),
  );

async function render(route = '/', overrides = {}) {
  const api = mockMeshCoverageApi({
    getFleet: jest.fn(async () => ({
      components: 2,
      meshes: [],
      invalidMesh: 0,
      withErrors: 0,
      undeclared: 0,
      meanCoverage: 50,
      requirementCoverage: 0,
      snapshotAt: '2026-05-14T12:00:00.000Z',
      byOwner: [],
      distribution: [],
      responsibilities: [
        {
          responsibilityId: 'egress-controller',
          required: 2,
          covered: 0,
          implementedByApp: 0,
          gaps: 2,
          turnedOff: 0,
          configured: 0,
        },
        {
          responsibilityId: 'vm-workloads',
          required: 1,
          covered: 1,
          implementedByApp: 0,
          gaps: 0,
          turnedOff: 0,
          configured: 0,
        },
      ],
    })),
    ...overrides,
  });
  await renderInTestApp(
    <TestApiProvider apis={[[meshCoverageApiRef, api]]}>
      <RecommendationTab />
    </TestApiProvider>,
    { routeEntries: [route] },
  );
  return api;
}

describe('RecommendationTab', () => {
  it('ranks the meshes by how many chosen responsibilities they cover', async () => {
    await render('/?need=mtls,jwt-auth,circuit-breaker');
    expect(await screen.findByRole('table')).toBeInTheDocument();
    expect(rankedTools()).toEqual([
      'istio',
      'consul',
      'vpc-lattice',
      'linkerd',
      'cilium',
    ]);
    const lattice = document.querySelector('tr[data-tool="vpc-lattice"]')!;
    expect(lattice).toHaveTextContent('2 of 3');
    expect(lattice).toHaveTextContent('Bearer authentication with JWT');
    expect(lattice).toHaveTextContent(
      'Without a mesh: Implement it in the app, or run an OAuth proxy',
    );
    expect(document.querySelector('tr[data-tool="istio"]')).toHaveTextContent(
      'Nothing: the mesh covers every need.',
    );
  });

  it('lists each responsibility once and re-ranks as needs are picked', async () => {
    await render();
    expect(
      await screen.findByText(
        'Pick at least one responsibility to rank the meshes.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByRole('checkbox', { name: 'Mutual TLS authentication' }),
    ).toHaveLength(1);
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Fault injection' }),
    );
    expect(rankedTools()).toEqual([
      'istio',
      'linkerd',
      'consul',
      'vpc-lattice',
      'cilium',
    ]);
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Sidecarless pattern' }),
    );
    expect(rankedTools().slice(0, 2)).toEqual(['istio', 'linkerd']);
    expect(document.querySelector('tr[data-tool="cilium"]')).toHaveTextContent(
      '1 of 2',
    );
  });

  it('takes the needs from what the catalog requires', async () => {
    const api = await render();
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Use what the catalog requires',
      }),
    );
    expect(api.getFleet).toHaveBeenCalled();
    expect(
      screen.getByRole('checkbox', { name: 'Egress Controller' }),
    ).toBeChecked();
    expect(
      screen.getByRole('checkbox', {
        name: 'Manage data planes on virtual servers outside the cluster',
      }),
    ).toBeChecked();
    expect(rankedTools()[0]).toBe('istio');
  });

  it('keeps working without the fleet figures when the user may not read them', async () => {
    const forbidden = Object.assign(new Error('Forbidden'), {
      name: 'ResponseError',
      statusCode: 403,
    });
    await render('/?need=mtls', {
      getFleet: jest.fn(async () => {
        throw forbidden;
      }),
    });
    const fromFleet = await screen.findByRole('button', {
      name: 'Use what the catalog requires',
    });
    await userEvent.click(fromFleet);
    expect(
      await screen.findByText(/which your account may not see/),
    ).toBeInTheDocument();
    expect(fromFleet).toBeDisabled();
    // The picker and the ranking stay as they were.
    expect(
      screen.getByRole('checkbox', { name: 'Mutual TLS authentication' }),
    ).toBeChecked();
    expect(rankedTools()[0]).toBeDefined();
  });
});
