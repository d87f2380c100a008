import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { CoverageReport } from '@meshcoverage/plugin-mesh-coverage-common';
import { screen, waitFor } from '@testing-library/react';
import { meshCoverageApiRef, meshCoverageChecksApiRef } from '../../api';
import { servedCurrentMatrix } from '../../__testUtils__/fixtures';
import {
  mockChecksApi,
  mockMeshCoverageApi,
} from '../../__testUtils__/mockApi';
import { EntityMeshCoverageCard } from './EntityMeshCoverageCard';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-service', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'team' },
});

const report: CoverageReport = {
  entityRef: 'component:default/orders-service',
  mesh: 'linkerd',
  coverage: 67,
  items: [
    {
      responsibilityId: 'circuit-breaker',
      status: 'gap',
      support: 'no',
    },
    { responsibilityId: 'mtls', status: 'mesh', support: 'yes' },
    {
      responsibilityId: 'jwt-auth',
      status: 'gap',
      support: 'no',
      alternative: { en: 'Run OAuth2 Proxy', ja: 'OAuth2 Proxy を使う' },
    },
  ],
  covered: ['mtls'],
  implementedByApp: [],
  gaps: ['circuit-breaker', 'jwt-auth'],
  errors: [],
};

async function render(
  subject: Entity,
  coverage?: Partial<CoverageReport> | Error,
) {
  const api = mockMeshCoverageApi({
    matrix: servedCurrentMatrix(),
    getCoverage: jest.fn(async () => {
      if (coverage instanceof Error) {
        throw coverage;
      }
      return { ...report, ...coverage };
    }),
  });
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [meshCoverageApiRef, api],
        [meshCoverageChecksApiRef, mockChecksApi()],
      ]}
    >
      <EntityProvider entity={subject}>
        <EntityMeshCoverageCard />
      </EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

describe('EntityMeshCoverageCard', () => {
  it('shows the mesh, the coverage and the gaps with their no-mesh alternatives', async () => {
    const api = await render(entity({ 'meshcoverage.io/mesh': 'linkerd' }));
    expect(await screen.findByTestId('mesh-coverage-value')).toHaveTextContent(
      '67 %',
    );
    expect(api.getCoverage).toHaveBeenCalledWith(
      'component:default/orders-service',
    );
    expect(screen.getByTestId('mesh-coverage-mesh')).toHaveTextContent(
      'Linkerd',
    );
    const gaps = screen.getByRole('list', { name: 'Gaps' });
    expect(gaps).toHaveTextContent('Circuit breaker');
    expect(gaps).toHaveTextContent('Bearer authentication with JWT');
    expect(gaps).toHaveTextContent('Without a mesh: Run OAuth2 Proxy');
    expect(gaps).not.toHaveTextContent('Mutual TLS');
    expect(screen.getByTestId('mesh-coverage-edition')).toHaveTextContent(
      /^Figures from the current edition of the matrix \(\d{4}-\d{2}-\d{2}\)$/,
    );
  });

  it("shows the catalog's computed figure while the report loads, then the report's", async () => {
    let answer: (report: CoverageReport) => void = () => {};
    const api = mockMeshCoverageApi({
      matrix: servedCurrentMatrix(),
      getCoverage: jest.fn(
        () => new Promise<CoverageReport>(resolve => (answer = resolve)),
      ),
    });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [meshCoverageApiRef, api],
          [meshCoverageChecksApiRef, mockChecksApi()],
        ]}
      >
        <EntityProvider
          entity={entity({
            'meshcoverage.io/mesh': 'linkerd',
            'meshcoverage.io/coverage': '75',
          })}
        >
          <EntityMeshCoverageCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('mesh-coverage-value')).toHaveTextContent(
      '75 %',
    );
    // The report's details are still on their way.
    expect(screen.queryByRole('list', { name: 'Gaps' })).toBeNull();
    answer(report);
    await waitFor(() =>
      expect(screen.getByTestId('mesh-coverage-value')).toHaveTextContent(
        '67 %',
      ),
    );
    expect(screen.getByRole('list', { name: 'Gaps' })).toBeInTheDocument();
  });

  it('shows annotation errors prominently', async () => {
    await render(entity({ 'meshcoverage.io/mesh': 'istoi' }), {
      mesh: 'istoi',
      coverage: null,
      items: [],
      gaps: [],
      covered: [],
      errors: [
        "meshcoverage.io/mesh: unknown mesh 'istoi' (did you mean 'istio'?)",
      ],
    });
    expect(
      await screen.findByText(
        "meshcoverage.io/mesh: unknown mesh 'istoi' (did you mean 'istio'?)",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/The mesh coverage annotations have errors/),
    ).toBeInTheDocument();
  });

  it('says when nothing is covered because nothing is required', async () => {
    await render(entity({ 'meshcoverage.io/mesh': 'istio' }), {
      mesh: 'istio',
      coverage: null,
      items: [],
      gaps: [],
      covered: [],
    });
    expect(
      await screen.findByText('No requirements declared'),
    ).toBeInTheDocument();
  });

  it('names the absence of a mesh', async () => {
    await render(entity({ 'meshcoverage.io/requires': 'mtls' }), {
      mesh: 'kubernetes',
    });
    expect(await screen.findByTestId('mesh-coverage-mesh')).toHaveTextContent(
      'Kubernetes only (no mesh)',
    );
  });

  it('offers a copyable catalog-info.yaml snippet when the component declares nothing', async () => {
    const api = await render(entity({}));
    expect(
      await screen.findByText('No mesh coverage declared'),
    ).toBeInTheDocument();
    expect(document.body.textContent).toContain('meshcoverage.io/mesh: istio');
    expect(document.body.textContent).toContain('name: orders-service');
    expect(screen.getByRole('button', { name: /copy/i })).toBeInTheDocument();
    expect(api.getCoverage).not.toHaveBeenCalled();
  });

  it('shows an API error', async () => {
    await render(
      entity({ 'meshcoverage.io/mesh': 'istio' }),
      new Error('coverage unavailable'),
    );
    expect(
      await screen.findByText('Error: coverage unavailable'),
    ).toBeInTheDocument();
  });

  describe('what runs against what is declared', () => {
    const observed = (
      mesh: string | null,
      pods: number,
      meshedPods: number,
    ): CoverageReport['observed'] => ({
      mesh,
      pods,
      meshedPods,
      dataPlanes: mesh ? [{ mesh, mode: 'sidecar', pods: meshedPods }] : [],
      clusters: ['demo-cluster'],
      checkedAt: '2026-12-01T10:00:00Z',
    });
    const linkerd = entity({ 'meshcoverage.io/mesh': 'linkerd' });

    it('says all is well when every pod runs the declared mesh', async () => {
      await render(linkerd, { observed: observed('linkerd', 2, 2) });
      const line = await screen.findByTestId('mesh-coverage-observed');
      expect(line).toHaveTextContent('Linkerd declared · 2 of 2 pods meshed');
      expect(line).toHaveAttribute('data-agreement', 'matches');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });

    it('warns when only some pods are meshed', async () => {
      await render(linkerd, { observed: observed('linkerd', 5, 4) });
      expect(
        await screen.findByTestId('mesh-coverage-observed'),
      ).toHaveTextContent('Linkerd declared · 4 of 5 pods meshed');
      const warning = screen.getByRole('alert');
      expect(warning).toHaveTextContent('Partly meshed');
      expect(warning).toHaveTextContent(
        '1 of its 5 pods do not run Linkerd: they have none of its coverage.',
      );
    });

    it('warns when no pod runs the declared mesh', async () => {
      await render(linkerd, { observed: observed(null, 2, 0) });
      expect(
        await screen.findByTestId('mesh-coverage-observed'),
      ).toHaveTextContent('Linkerd declared · 0 of 2 pods meshed');
      const warning = screen.getByRole('alert');
      expect(warning).toHaveTextContent('Not running the declared mesh');
      expect(warning).toHaveTextContent(
        'None of its 2 pods runs Linkerd: the coverage above assumes a mesh that is not there.',
      );
    });

    it('names the mesh the pods run when it is another', async () => {
      await render(linkerd, { observed: observed('istio', 3, 3) });
      expect(
        await screen.findByTestId('mesh-coverage-observed'),
      ).toHaveTextContent('Linkerd declared · 3 of 3 pods run Istio');
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Its pods run Istio, not Linkerd: correct meshcoverage.io/mesh or the deployment.',
      );
    });

    it('says when it could not look, as text', async () => {
      await render(linkerd, {
        observed: null,
        observedReason: {
          reason: 'cluster-error',
          message: "cluster 'east': <b>SYSTEM_ERROR</b> 500",
        },
      });
      expect(
        await screen.findByTestId('mesh-coverage-observed-unavailable'),
      ).toHaveTextContent(
        "Could not check what runs: cluster 'east': <b>SYSTEM_ERROR</b> 500",
      );
    });

    it('stays as today where nobody looked', async () => {
      await render(linkerd, {
        observed: null,
        observedReason: {
          reason: 'no-kubernetes-annotation',
          message: 'Add backstage.io/kubernetes-id',
        },
      });
      expect(await screen.findByTestId('mesh-coverage-value')).toBeVisible();
      expect(
        screen.queryByTestId('mesh-coverage-observed'),
      ).not.toBeInTheDocument();
      expect(
        screen.queryByTestId('mesh-coverage-observed-unavailable'),
      ).not.toBeInTheDocument();
    });
  });
});
