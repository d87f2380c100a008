import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { meshMatrixServiceRef } from '@meshcoverage/plugin-mesh-coverage-node';
import { createRouter } from './router';

/** The Mesh Coverage backend plugin: REST API under `/api/mesh-coverage`. */
export const meshCoveragePlugin = createBackendPlugin({
  pluginId: 'mesh-coverage',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        matrixService: meshMatrixServiceRef,
      },
      async init({ httpRouter, matrixService }) {
        httpRouter.use(await createRouter({ matrixService }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
