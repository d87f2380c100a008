import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { meshCoverageApiRef, MeshCoverageClient } from '../api';

/** The Mesh Coverage API client. */
export const meshCoverageApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: meshCoverageApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MeshCoverageClient(deps),
    }),
});
