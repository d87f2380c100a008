import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { meshMatrixServiceRef } from '@meshcoverage/plugin-mesh-coverage-node';

/**
 * Tech Insights module for mesh coverage facts. This first cut only checks that the matrix is
 * available to it; the fact retriever and checks follow.
 */
export const techInsightsModuleMeshCoverage = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'mesh-coverage',
  register(env) {
    env.registerInit({
      deps: {
        matrixService: meshMatrixServiceRef,
        logger: coreServices.logger,
      },
      async init({ matrixService, logger }) {
        const { meta } = await matrixService.getMatrix();
        logger.info('Mesh coverage facts use matrix', {
          version: meta.version,
        });
      },
    });
  },
});
