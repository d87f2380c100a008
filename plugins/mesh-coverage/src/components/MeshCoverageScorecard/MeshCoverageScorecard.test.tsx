import { ResponseError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  CoverageReport,
  evaluateCoverage,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { screen, waitFor } from '@testing-library/react';
import { CheckResult } from '@backstage-community/plugin-tech-insights-common';
import { meshCoverageApiRef, meshCoverageChecksApiRef } from '../../api';
import { builtinIndex } from '../../__testUtils__/fixtures';
import {
  checkResult,
  mockChecksApi,
  mockMeshCoverageApi,
} from '../../__testUtils__/mockApi';
import { MeshCoverageScorecard } from './MeshCoverageScorecard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders-service', namespace: 'default' },
  spec: { type: 'service' },
};

const report = evaluateCoverage(builtinIndex, {
  mesh: 'linkerd',
  requires: ['mtls', 'retries', 'circuit-breaker'],
});

async function render(
  results: CheckResult[] | Error,
  configured?: readonly string[],
  shown: CoverageReport = report,
) {
  const checksApi = mockChecksApi(results, configured);
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [meshCoverageApiRef, mockMeshCoverageApi()],
        [meshCoverageChecksApiRef, checksApi],
      ]}
    >
      <EntityProvider entity={entity}>
        <MeshCoverageScorecard report={shown} />
      </EntityProvider>
    </TestApiProvider>,
  );
  return checksApi;
}

const item = (id: string) =>
  document.querySelector(`li[data-check="${id}"]`) as HTMLElement;

describe('MeshCoverageScorecard', () => {
  it('asks for the observed-mesh check where it is configured, and words its fix', async () => {
    const checksApi = await render([
      checkResult('meshCoverageObservedMatchesDeclared', false),
    ]);
    expect(
      await screen.findByText('Runs the mesh it declares'),
    ).toBeInTheDocument();
    expect(checksApi.runChecks).toHaveBeenCalledWith(expect.anything(), [
      'meshCoverageNoGaps',
      'meshCoverageMtls',
      'meshCoverageDeclared',
      'meshCoverageObservedMatchesDeclared',
      'meshCoverageRequirementsConfigured',
    ]);
    expect(item('meshCoverageObservedMatchesDeclared')).toHaveTextContent(
      'Make every pod run the declared mesh',
    );
  });

  it('words the fix of the configured check with what is turned off', async () => {
    await render(
      [checkResult('meshCoverageRequirementsConfigured', false)],
      undefined,
      { ...report, turnedOff: ['circuit-breaker', 'mtls'] },
    );
    expect(
      await screen.findByText('Mesh configured for what it covers'),
    ).toBeInTheDocument();
    expect(item('meshCoverageRequirementsConfigured')).toHaveTextContent(
      'Turn on in the cluster what the mesh already covers: circuit-breaker, mtls.',
    );
  });

  it("shows each passing verdict with its description, in the plugin's own words (translated)", async () => {
    // A portal that has not configured the observed-mesh check: only configured ones are asked for.
    const checksApi = await render(
      [
        checkResult('meshCoverageMtls', true),
        checkResult('meshCoverageDeclared', true, {
          requirementsDeclared: true,
        }),
      ],
      [
        'meshCoverageNoGaps',
        'meshCoverageMtls',
        'meshCoverageDeclared',
        'other',
      ],
    );
    expect(await screen.findByText('mTLS covered')).toBeInTheDocument();
    expect(checksApi.runChecks).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'orders-service' },
      ['meshCoverageNoGaps', 'meshCoverageMtls', 'meshCoverageDeclared'],
    );
    expect(item('meshCoverageMtls')).toHaveAttribute('data-result', 'passed');
    expect(item('meshCoverageMtls')).toHaveTextContent('Passed');
    expect(item('meshCoverageMtls')).toHaveTextContent(
      /^.*Service-to-service traffic is mutually authenticated/,
    );
    // Not the English text of the checks' config, which a Japanese card would show untranslated.
    expect(item('meshCoverageMtls')).not.toHaveTextContent(
      'meshCoverageMtls description',
    );
    expect(item('meshCoverageMtls')).not.toHaveTextContent('How to fix');
  });

  it('gives a failure its concrete fix', async () => {
    await render([
      checkResult('meshCoverageNoGaps', false, {
        requirementsDeclared: true,
        gapCount: 1,
      }),
    ]);
    expect(await screen.findByText('Failed')).toBeInTheDocument();
    expect(item('meshCoverageNoGaps')).toHaveAttribute('data-result', 'failed');
    expect(item('meshCoverageNoGaps')).toHaveTextContent(
      'Cover circuit-breaker in the app and list it in meshcoverage.io/implements, or run a mesh that covers it (istio, consul, vpc-lattice).',
    );
  });

  it('says when no facts have been collected yet', async () => {
    await render([]);
    expect(
      await screen.findByText(/No scorecard results yet/),
    ).toBeInTheDocument();
  });

  it('says when the checks cannot be run', async () => {
    await render(new Error('tech-insights is down'));
    expect(
      await screen.findByText(
        'Scorecard results are unavailable: tech-insights is down',
      ),
    ).toBeInTheDocument();
  });

  it('is left out, without an error, in an app without the Tech Insights backend', async () => {
    const checksApi = await render(
      await ResponseError.fromResponse(
        new Response(JSON.stringify({ error: { message: 'not found' } }), {
          status: 404,
          statusText: 'Not Found',
          headers: { 'Content-Type': 'application/json' },
        }) as any,
      ),
    );
    await waitFor(() => expect(checksApi.getAllChecks).toHaveBeenCalled());
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: 'Scorecard' })).toBeNull(),
    );
    expect(screen.queryByText(/unavailable/)).toBeNull();
  });
});
