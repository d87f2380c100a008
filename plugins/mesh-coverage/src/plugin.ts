import {
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { rootRouteRef } from './routes';

/** The Mesh Coverage frontend plugin (legacy frontend system). */
export const meshCoveragePlugin = createPlugin({
  id: 'mesh-coverage',
  routes: { root: rootRouteRef },
});

/** The comparison page, mounted at `/mesh-comparison` by the app. */
export const MeshComparisonPage = meshCoveragePlugin.provide(
  createRoutableExtension({
    name: 'MeshComparisonPage',
    component: () =>
      import('./components/MeshComparisonPage').then(m => m.MeshComparisonPage),
    mountPoint: rootRouteRef,
  }),
);
