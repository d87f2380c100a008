import {
  BackstageCredentials,
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  catalogServiceRef,
  CatalogService,
} from '@backstage/plugin-catalog-node';

/** Lends the bench the catalog client and service credentials of a running test backend. */
export function catalogAccess() {
  const access: {
    catalog?: CatalogService;
    credentials?: BackstageCredentials;
  } = {};
  const plugin = createBackendPlugin({
    pluginId: 'bench',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogServiceRef, auth: coreServices.auth },
        async init({ catalog, auth }) {
          access.catalog = catalog;
          access.credentials = await auth.getOwnServiceCredentials();
        },
      });
    },
  });
  return { plugin, access };
}
