import { Entity } from '@backstage/catalog-model';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { meshCoverageApiRef, meshCoverageChecksApiRef } from '../api';
import {
  checkResult,
  mockChecksApi,
  mockMeshCoverageApi,
} from '../__testUtils__/mockApi';
import plugin from './plugin';
import { meshCoverageApi } from './apis';
import { entityMeshCoverageCard } from './entityCards';
import { entityMeshCoverageContent } from './entityContent';
import { meshComparisonPage } from './pages';

const component = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-service', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'team' },
});

const api = () =>
  mockMeshCoverageApi({
    getCoverage: jest.fn(async () => ({
      mesh: 'linkerd',
      coverage: 50,
      items: [
        {
          responsibilityId: 'mtls',
          status: 'mesh' as const,
          support: 'yes' as const,
        },
        {
          responsibilityId: 'circuit-breaker',
          status: 'gap' as const,
          support: 'no' as const,
        },
      ],
      covered: ['mtls'],
      implementedByApp: [],
      gaps: ['circuit-breaker'],
      errors: [],
    })),
  });

describe('mesh-coverage /alpha', () => {
  it('is a frontend plugin with the api, page, card and content extensions', () => {
    expect(plugin.pluginId).toBe('mesh-coverage');
    expect(plugin.getExtension('api:mesh-coverage')).toBeDefined();
    expect(plugin.getExtension('api:mesh-coverage/checks')).toBeDefined();
    expect(plugin.getExtension('page:mesh-coverage')).toBeDefined();
    expect(plugin.getExtension('entity-card:mesh-coverage')).toBeDefined();
    expect(plugin.getExtension('entity-content:mesh-coverage')).toBeDefined();
    // The API extension provides the client for meshCoverageApiRef.
    const factory = createExtensionTester(meshCoverageApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe('plugin.mesh-coverage.service');
  });

  it('renders the entity card on a component page', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: component({ 'meshcoverage.io/mesh': 'linkerd' }),
        }),
        entityMeshCoverageCard,
      ],
      apis: [
        [meshCoverageApiRef, api()],
        [meshCoverageChecksApiRef, mockChecksApi()],
      ],
    });
    expect(await screen.findByTestId('mesh-coverage-value')).toHaveTextContent(
      '50 %',
    );
    expect(screen.getByText('Circuit breaker')).toBeInTheDocument();
  });

  const renderCard = (cardConfig: { showScorecard?: boolean }) => {
    const checksApi = mockChecksApi([checkResult('meshCoverageMtls', true)]);
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: component({ 'meshcoverage.io/mesh': 'linkerd' }),
        }),
        plugin.getExtension('entity-card:mesh-coverage'),
      ],
      apis: [
        [meshCoverageApiRef, api()],
        [meshCoverageChecksApiRef, checksApi],
      ],
      config: {
        app: {
          extensions: [{ 'entity-card:mesh-coverage': { config: cardConfig } }],
        },
      },
    });
    return checksApi;
  };

  it('shows the scorecard on the card by default', async () => {
    renderCard({});
    expect(await screen.findByText('mTLS covered')).toBeInTheDocument();
  });

  it('leaves the scorecard out when app.extensions sets showScorecard: false', async () => {
    const checksApi = renderCard({ showScorecard: false });
    await screen.findByTestId('mesh-coverage-value');
    expect(screen.queryByText('mTLS covered')).not.toBeInTheDocument();
    expect(checksApi.runChecks).not.toHaveBeenCalled();
  });

  it('renders the Mesh coverage tab for a component that declares coverage', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: component({ 'meshcoverage.io/mesh': 'linkerd' }),
        }),
        entityMeshCoverageContent,
      ],
      apis: [
        [meshCoverageApiRef, api()],
        [meshCoverageChecksApiRef, mockChecksApi()],
      ],
    });
    expect(
      await screen.findByRole('table', { name: 'Requirements, one by one' }),
    ).toBeInTheDocument();
  });

  it('renders the comparison page', async () => {
    renderTestApp({
      extensions: [meshComparisonPage],
      apis: [
        [meshCoverageApiRef, api()],
        [meshCoverageChecksApiRef, mockChecksApi()],
      ],
      initialRouteEntries: ['/mesh-comparison'],
    } as any);
    expect(await screen.findByText('Protocols')).toBeInTheDocument();
  });
});
