import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  CoverageHistoryPoint,
  evaluateCoverage,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { meshCoverageApiRef, meshCoverageChecksApiRef } from '../../api';
import { builtinIndex } from '../../__testUtils__/fixtures';
import {
  mockChecksApi,
  mockMeshCoverageApi,
} from '../../__testUtils__/mockApi';
import { EntityMeshCoverageContent } from './EntityMeshCoverageContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders-service',
    annotations: {
      'meshcoverage.io/mesh': 'linkerd',
      'meshcoverage.io/requires': 'mtls, jwt-auth, circuit-breaker',
      'meshcoverage.io/implements': 'jwt-auth',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team' },
};

const row = (id: string) =>
  document.querySelector(`tr[data-responsibility="${id}"]`) as HTMLElement;

describe('EntityMeshCoverageContent', () => {
  beforeEach(async () => {
    const report = {
      ...evaluateCoverage(builtinIndex, {
        mesh: 'linkerd',
        requires: ['mtls', 'jwt-auth', 'circuit-breaker'],
        implements: ['jwt-auth'],
      }),
      entityRef: 'component:default/orders-service',
    };
    const api = mockMeshCoverageApi({
      getCoverage: jest.fn(async () => report),
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [meshCoverageApiRef, api],
          [meshCoverageChecksApiRef, mockChecksApi()],
        ]}
      >
        <EntityProvider entity={entity}>
          <EntityMeshCoverageContent />
        </EntityProvider>
      </TestApiProvider>,
    );
  });

  it('lists every required responsibility with its status, cell and alternative', async () => {
    expect(
      await screen.findByRole('table', { name: 'Requirements, one by one' }),
    ).toBeInTheDocument();
    expect(row('circuit-breaker')).toHaveTextContent('Circuit breaker');
    expect(within(row('circuit-breaker')).getByText('Gap')).toBeInTheDocument();
    expect(
      within(row('circuit-breaker')).getByText('Not supported'),
    ).toBeInTheDocument();
    expect(within(row('mtls')).getByText('Mesh')).toBeInTheDocument();
    expect(within(row('jwt-auth')).getByText('App')).toBeInTheDocument();
    expect(row('jwt-auth')).not.toHaveTextContent('OAuth2 Proxy'); // only gaps carry alternatives
  });

  it('shows what would change on another mesh', async () => {
    await screen.findByRole('table', { name: 'Requirements, one by one' });
    await userEvent.click(screen.getByLabelText('What if this component ran'));
    await userEvent.click(await screen.findByRole('option', { name: 'Istio' }));
    expect(
      await screen.findByText(/Coverage would change from 67 % to 100 %/),
    ).toBeInTheDocument();
    expect(row('circuit-breaker')).toHaveTextContent('Mesh (changes)');
    expect(row('jwt-auth')).toHaveTextContent('Mesh (changes)');
    expect(row('mtls').querySelectorAll('[data-status="mesh"]')).toHaveLength(
      2,
    );
  });
});

describe('EntityMeshCoverageContent as observed', () => {
  it('offers the what-if of what runs when no pod runs the declared mesh', async () => {
    const api = mockMeshCoverageApi({
      getCoverage: jest.fn(async () => ({
        ...evaluateCoverage(builtinIndex, {
          mesh: 'linkerd',
          requires: ['mtls', 'jwt-auth', 'circuit-breaker'],
          implements: ['jwt-auth'],
        }),
        entityRef: 'component:default/orders-service',
        observed: {
          mesh: null,
          pods: 2,
          meshedPods: 0,
          dataPlanes: [],
          clusters: ['demo-cluster'],
          checkedAt: '2026-12-01T10:00:00Z',
        },
      })),
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [meshCoverageApiRef, api],
          [meshCoverageChecksApiRef, mockChecksApi()],
        ]}
      >
        <EntityProvider entity={entity}>
          <EntityMeshCoverageContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    await screen.findByRole('table', { name: 'Requirements, one by one' });
    await userEvent.click(screen.getByLabelText('What if this component ran'));
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'As observed: Kubernetes',
      }),
    );
    // Without Linkerd, mTLS is nobody's: jwt-auth stays the app's.
    expect(
      await screen.findByText(/Coverage would change from 67 % to 33 %/),
    ).toBeInTheDocument();
    expect(row('mtls')).toHaveTextContent('Gap (changes)');
    expect(row('jwt-auth')).not.toHaveTextContent('changes');
  });
});

describe('EntityMeshCoverageContent history', () => {
  async function renderWithHistory(points: CoverageHistoryPoint[]) {
    const api = mockMeshCoverageApi({
      getCoverage: jest.fn(async () => ({
        ...evaluateCoverage(builtinIndex, {
          mesh: 'linkerd',
          requires: ['mtls', 'jwt-auth', 'circuit-breaker'],
          implements: ['jwt-auth'],
        }),
        entityRef: 'component:default/orders-service',
      })),
      getCoverageHistory: jest.fn(async (entityRef: string) => ({
        entityRef,
        from: '2026-04-14T12:00:00.000Z',
        to: '2026-05-14T12:00:00.000Z',
        points,
      })),
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [meshCoverageApiRef, api],
          [meshCoverageChecksApiRef, mockChecksApi()],
        ]}
      >
        <EntityProvider entity={entity}>
          <EntityMeshCoverageContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    return api;
  }

  it('lists the changes, newest first, marking what changed', async () => {
    const api = await renderWithHistory([
      // In force at the start of the range: changed before it.
      {
        at: '2026-03-02T12:00:00.000Z',
        mesh: 'istio',
        owner: 'group:default/team',
        coverage: 100,
        gaps: 0,
      },
      {
        at: '2026-04-20T12:00:00.000Z',
        mesh: 'linkerd',
        owner: 'group:default/team',
        coverage: 67,
        gaps: 1,
      },
      {
        at: '2026-05-10T12:00:00.000Z',
        mesh: 'linkerd',
        owner: 'group:default/team',
        coverage: 67,
        gaps: 1,
      },
    ]);
    const table = await screen.findByRole('table', {
      name: 'Coverage over time',
    });
    expect(api.getCoverageHistory).toHaveBeenCalledWith(
      'component:default/orders-service',
    );
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      expect.stringMatching(/^May 10, 2026.*Linkerd67 %1$/),
      expect.stringMatching(
        /^Apr 20, 2026.*Linkerd \(changed\)67 % \(changed\)1 \(changed\)$/,
      ),
      expect.stringMatching(/^Mar 2, 2026.*Istio100 %0$/),
    ]);
    expect(screen.queryByText(/No change yet/)).not.toBeInTheDocument();
  });

  it('says there is no change yet with a single point', async () => {
    await renderWithHistory([
      { at: '2026-04-01T12:00:00.000Z', coverage: null, gaps: 0 },
    ]);
    expect(
      await screen.findByText(
        /^No change yet: the same figures since Apr 1, 2026.*\.$/,
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Coverage over time' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(
      /No valid meshNo requirements declared0$/,
    );
  });

  it('says when there is no history yet', async () => {
    await renderWithHistory([]);
    expect(
      await screen.findByText(
        'No history yet: coverage is recorded with each scheduled fleet snapshot.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Coverage over time' }),
    ).not.toBeInTheDocument();
  });
});

describe('EntityMeshCoverageContent with the configured state', () => {
  const FIX = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments-api-circuit-breaker
  namespace: shop
`;
  beforeEach(async () => {
    const base = evaluateCoverage(builtinIndex, {
      mesh: 'istio',
      requires: ['mtls', 'circuit-breaker', 'retries'],
    });
    const report = {
      ...base,
      entityRef: 'component:default/payments-api',
      meshSource: 'observed' as const,
      covered: ['mtls', 'retries'],
      turnedOff: ['circuit-breaker'],
      coverage: 67,
      items: base.items.map(item => {
        if (item.responsibilityId === 'mtls') {
          return {
            ...item,
            configured: {
              state: 'yes' as const,
              evidence: [
                {
                  kind: 'PeerAuthentication',
                  name: 'payments-api-strict',
                  namespace: 'shop',
                  cluster: 'prod',
                  effect: 'on' as const,
                },
              ],
            },
          };
        }
        if (item.responsibilityId === 'circuit-breaker') {
          return {
            ...item,
            status: 'turned-off' as const,
            configured: {
              state: 'no' as const,
              reason:
                'No DestinationRule for the Service sets outlierDetection.',
              fix: FIX,
            },
          };
        }
        // A caller not allowed to read cluster resources gets the kind without names.
        return {
          ...item,
          configured: {
            state: 'default' as const,
            evidence: [{ kind: 'VirtualService', effect: 'on' as const }],
          },
        };
      }),
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            meshCoverageApiRef,
            mockMeshCoverageApi({ getCoverage: jest.fn(async () => report) }),
          ],
          [meshCoverageChecksApiRef, mockChecksApi()],
        ]}
      >
        <EntityProvider
          entity={{
            ...entity,
            metadata: {
              name: 'payments-api',
              annotations: { 'backstage.io/kubernetes-id': 'payments-api' },
            },
          }}
        >
          <EntityMeshCoverageContent />
        </EntityProvider>
      </TestApiProvider>,
    );
  });

  it('shows per requirement whether it is configured, the resource behind it, and the fix for one turned off', async () => {
    await screen.findByRole('table', { name: 'Requirements, one by one' });
    expect(within(row('mtls')).getByText('On')).toBeInTheDocument();
    expect(row('mtls')).toHaveTextContent(
      'PeerAuthentication shop/payments-api-strict (prod)',
    );
    expect(
      within(row('retries')).getByText('On by default'),
    ).toBeInTheDocument();
    expect(row('retries')).toHaveTextContent('a VirtualService');
    expect(
      within(row('circuit-breaker')).getByText('Turned off'),
    ).toBeInTheDocument();
    const fix = document.querySelector(
      'tr[data-fix-for="circuit-breaker"]',
    ) as HTMLElement;
    expect(fix).toHaveTextContent(
      'Istio can take Circuit breaker for payments-api, but its configuration leaves it off. No DestinationRule for the Service sets outlierDetection.',
    );
    expect(fix).toHaveTextContent('kind: DestinationRule');
    expect(
      within(fix).getByRole('button', { name: /copy/i }),
    ).toBeInTheDocument();
  });

  it('says on the card that the mesh was found in the pods, and what is turned off', async () => {
    await screen.findByRole('table', { name: 'Requirements, one by one' });
    expect(screen.getByTestId('mesh-coverage-mesh-source')).toHaveTextContent(
      '(found in its pods)',
    );
    const turnedOff = screen.getByRole('list', { name: 'Turned off' });
    expect(turnedOff).toHaveTextContent('Circuit breaker');
  });
});
