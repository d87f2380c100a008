import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  meshMatrixServiceRef,
  readDefaultRequirements,
} from '@meshcoverage/plugin-mesh-coverage-node';
import { MeshCoverageEntityProcessor } from './MeshCoverageEntityProcessor';

/**
 * Adds the processor that writes computed `meshcoverage.io/*` annotations on components.
 *
 * @public
 */
export const catalogModuleMeshCoverage = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'mesh-coverage',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        matrixService: meshMatrixServiceRef,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ catalog, matrixService, config, logger }) {
        const { index } = await matrixService.getMatrix();
        catalog.addProcessor(
          new MeshCoverageEntityProcessor({
            matrixService,
            logger,
            defaultRequirements: readDefaultRequirements(config, index),
          }),
        );
      },
    });
  },
});
