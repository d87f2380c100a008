import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { evaluateCoverage } from '@meshcoverage/plugin-mesh-coverage-common';
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

  const row = (id: string) =>
    document.querySelector(`tr[data-responsibility="${id}"]`) as HTMLElement;

  it('lists every required responsibility with its status, cell and alternative', async () => {
    expect(
      await screen.findByRole('table', { name: 'Mesh coverage' }),
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
    await screen.findByRole('table', { name: 'Mesh coverage' });
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
