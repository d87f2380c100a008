import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DefaultMeshMatrixService } from './DefaultMeshMatrixService';
import { MeshMatrixService } from './types';

/**
 * The matrix every Mesh Coverage backend piece (the backend plugin, the catalog and Tech Insights
 * modules) reads. Plugin-scoped: each plugin that uses it keeps its own copy, in step through the
 * plugin's database when `meshCoverage.matrix.refresh` is set.
 *
 * @public
 */
export const meshMatrixServiceRef = createServiceRef<MeshMatrixService>({
  id: 'mesh-coverage.matrix',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        urlReader: coreServices.urlReader,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
        auditor: coreServices.auditor,
      },
      factory: deps => DefaultMeshMatrixService.create(deps),
    }),
});
