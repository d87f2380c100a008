import {
  BackstageCredentials,
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
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

/**
 * A catalog module whose entity provider hands `entities` to the real catalog in one full
 * mutation under `location`, then calls `onApplied`.
 */
export function entityProviderModule(
  id: string,
  entities: () => Entity[],
  location: string,
  onApplied: () => void = () => {},
) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: id,
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => id,
            async connect(connection) {
              await connection.applyMutation({
                type: 'full',
                entities: entities().map(entity => ({
                  entity,
                  locationKey: location,
                })),
              });
              onApplied();
            },
          });
        },
      });
    },
  });
}
