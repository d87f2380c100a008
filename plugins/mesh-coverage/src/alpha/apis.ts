import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
} from '@backstage/frontend-plugin-api';
import { TechInsightsClient } from '@backstage-community/plugin-tech-insights-common/client';
import {
  meshCoverageApiRef,
  meshCoverageChecksApiRef,
  MeshCoverageClient,
} from '../api';

/**
 * The Mesh Coverage API client.
 *
 * @alpha
 */
export const meshCoverageApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: meshCoverageApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MeshCoverageClient(deps),
    }),
});

/**
 * The Tech Insights checks client, for the scorecard verdicts.
 *
 * @alpha
 */
export const meshCoverageChecksApi = ApiBlueprint.make({
  name: 'checks',
  params: defineParams =>
    defineParams({
      api: meshCoverageChecksApiRef,
      deps: { discoveryApi: discoveryApiRef, identityApi: identityApiRef },
      factory: deps => new TechInsightsClient(deps),
    }),
});
