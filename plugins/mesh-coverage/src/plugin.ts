import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
} from '@backstage/core-plugin-api';
import { TechInsightsClient } from '@backstage-community/plugin-tech-insights-common/client';
import {
  meshCoverageApiRef,
  meshCoverageChecksApiRef,
  MeshCoverageClient,
} from './api';
import type { EntityMeshCoverageCardProps } from './components/EntityMeshCoverageCard';
import { rootRouteRef } from './routes';

/**
 * The Mesh Coverage frontend plugin (legacy frontend system).
 *
 * @public
 */
export const meshCoveragePlugin = createPlugin({
  id: 'mesh-coverage',
  apis: [
    createApiFactory({
      api: meshCoverageApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MeshCoverageClient(deps),
    }),
    createApiFactory({
      api: meshCoverageChecksApiRef,
      deps: { discoveryApi: discoveryApiRef, identityApi: identityApiRef },
      factory: deps => new TechInsightsClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The comparison, recommendation and fleet page; mount it at `/mesh-comparison`.
 *
 * @public
 */
export const MeshComparisonPage = meshCoveragePlugin.provide(
  createRoutableExtension({
    name: 'MeshComparisonPage',
    component: () =>
      import('./components/MeshComparisonPage').then(m => m.MeshComparisonPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Overview card for component pages.
 *
 * @public
 */
export const EntityMeshCoverageCard: (
  props: EntityMeshCoverageCardProps,
) => JSX.Element = meshCoveragePlugin.provide(
  createComponentExtension({
    name: 'EntityMeshCoverageCard',
    component: {
      lazy: () =>
        import('./components/EntityMeshCoverageCard').then(
          m => m.EntityMeshCoverageCard,
        ),
    },
  }),
);

/**
 * "Mesh coverage" tab content for component pages.
 *
 * @public
 */
export const EntityMeshCoverageContent: () => JSX.Element =
  meshCoveragePlugin.provide(
    createComponentExtension({
      name: 'EntityMeshCoverageContent',
      component: {
        lazy: () =>
          import('./components/EntityMeshCoverageContent').then(
            m => m.EntityMeshCoverageContent,
          ),
      },
    }),
  );
