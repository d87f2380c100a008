import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import {
  createAsItRunsReaders,
  meshMatrixServiceRef,
  readDefaultRequirements,
} from '@meshcoverage/plugin-mesh-coverage-node';
import {
  createMeshCoverageFactRetriever,
  MESH_COVERAGE_FACT_RETRIEVER_ID,
} from './meshCoverageFactRetriever';

/**
 * Adds `meshCoverageFactRetriever` to Tech Insights. Like every retriever it only runs when
 * `techInsights.factRetrievers.meshCoverageFactRetriever.cadence` is configured.
 *
 * @public
 */
export const techInsightsModuleMeshCoverage = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'mesh-coverage',
  register(env) {
    env.registerInit({
      deps: {
        factRetrievers: techInsightsFactRetrieversExtensionPoint,
        matrixService: meshMatrixServiceRef,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        cache: coreServices.cache,
        logger: coreServices.logger,
      },
      async init({
        factRetrievers,
        matrixService,
        catalog,
        auth,
        config,
        discovery,
        cache,
        logger,
      }) {
        const { index } = await matrixService.getMatrix();
        const defaultRequirements = readDefaultRequirements(config, index);
        const { evaluator } = createAsItRunsReaders({
          config,
          index,
          defaultRequirements,
          discovery,
          auth,
          cache,
          logger,
        });
        factRetrievers.addFactRetrievers({
          [MESH_COVERAGE_FACT_RETRIEVER_ID]: createMeshCoverageFactRetriever({
            matrixService,
            catalog,
            auth,
            // The same evaluation as /coverage: mesh source, observed pods, configured states.
            evaluator,
          }),
        });
      },
    });
  },
});
