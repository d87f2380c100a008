import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../routes';
import { meshCoverageApi, meshCoverageChecksApi } from './apis';
import { entityMeshCoverageCard } from './entityCards';
import { entityMeshCoverageContent } from './entityContent';
import { meshComparisonPage } from './pages';

/** Mesh Coverage for the new frontend system. */
export default createFrontendPlugin({
  pluginId: 'mesh-coverage',
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
  extensions: [
    meshCoverageApi,
    meshCoverageChecksApi,
    meshComparisonPage,
    entityMeshCoverageCard,
    entityMeshCoverageContent,
  ],
});
