import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FleetResponse, meshCoverageApiRef } from '../../api';
import { mockMeshCoverageApi } from '../../__testUtils__/mockApi';
import { FleetTab } from './FleetTab';

const today: FleetResponse = {
  components: 3,
  meshes: [
    { mesh: 'kubernetes', components: 1 },
    { mesh: 'linkerd', components: 2 },
  ],
  invalidMesh: 0,
  withErrors: 1,
  undeclared: 0,
  meanCoverage: 60,
  responsibilities: [
    {
      responsibilityId: 'circuit-breaker',
      required: 2,
      covered: 0,
      implementedByApp: 1,
      gaps: 1,
      entityRefs: {
        covered: [],
        implementedByApp: ['component:default/orders-service'],
        gaps: ['component:default/payments-api'],
      },
    },
  ],
};

async function render(route = '/') {
  const api = mockMeshCoverageApi({
    getFleet: jest.fn(async ({ whatIfMesh } = {}) =>
      whatIfMesh
        ? {
            ...today,
            whatIfMesh,
            meanCoverage: 100,
            meshes: [{ mesh: whatIfMesh, components: 3 }],
            responsibilities: [
              {
                ...today.responsibilities[0],
                covered: 2,
                implementedByApp: 0,
                gaps: 0,
              },
            ],
            today,
            change: [
              {
                responsibilityId: 'circuit-breaker',
                covered: 2,
                implementedByApp: -1,
                gaps: -1,
              },
            ],
          }
        : today,
    ),
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

const row = () =>
  document.querySelector(
    'tr[data-responsibility="circuit-breaker"]',
  ) as HTMLElement;

describe('FleetTab', () => {
  it('counts per mesh and per responsibility, with links to the components behind them', async () => {
    const api = await render();
    expect(await screen.findByText('Components per mesh')).toBeInTheDocument();
    expect(api.getFleet).toHaveBeenCalledWith({
      whatIfMesh: undefined,
      includeEntityRefs: true,
    });
    expect(screen.getByText('Linkerd').closest('tr')).toHaveTextContent('2');
    expect(row()).toHaveTextContent('Circuit breaker2011');
    expect(
      screen.getByText('1 components have annotation errors'),
    ).toBeInTheDocument();
    await userEvent.click(
      within(row()).getByRole('button', { name: 'Show the components' }),
    );
    expect(
      await screen.findByRole('link', { name: 'payments-api' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(
      screen.getByRole('link', { name: 'orders-service' }),
    ).toBeInTheDocument();
  });

  it('shows a what-if against today', async () => {
    const api = await render('/?whatIf=istio');
    expect(await screen.findByText(/Mean coverage: 100 %/)).toHaveTextContent(
      '(As today: 60 %)',
    );
    expect(api.getFleet).toHaveBeenCalledWith({
      whatIfMesh: 'istio',
      includeEntityRefs: true,
    });
    expect(row()).toHaveTextContent('Gaps -1, Mesh covers +2');
  });
});
