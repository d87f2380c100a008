import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  meshMatrixServiceRef,
  readDefaultRequirements,
} from '@meshcoverage/plugin-mesh-coverage-node';
import { createRouter } from './router';
import { createMeshCoverageService } from './service/createMeshCoverageService';

/**
 * The Mesh Coverage backend plugin: REST API under `/api/mesh-coverage`.
 *
 * @public
 */
export const meshCoveragePlugin = createBackendPlugin({
  pluginId: 'mesh-coverage',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
        matrixService: meshMatrixServiceRef,
      },
      async init({ httpRouter, httpAuth, config, catalog, matrixService }) {
        const { index } = await matrixService.getMatrix();
        const meshCoverage = createMeshCoverageService({
          matrixService,
          catalog,
          defaultRequirements: readDefaultRequirements(config, index),
        });
        httpRouter.use(await createRouter({ httpAuth, meshCoverage }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
