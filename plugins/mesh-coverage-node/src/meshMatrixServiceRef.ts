import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  BUILTIN_MATRIX,
  BUILTIN_MATRIX_SOURCE,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { loadedMatrix } from './loadedMatrix';
import { MeshMatrixService } from './types';

/** The matrix every Mesh Coverage backend piece (plugin, catalog and tech-insights modules) reads. */
export const meshMatrixServiceRef = createServiceRef<MeshMatrixService>({
  id: 'mesh-coverage.matrix',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { logger: coreServices.logger },
      async factory({ logger }) {
        const current = loadedMatrix(
          BUILTIN_MATRIX,
          BUILTIN_MATRIX_SOURCE,
          new Date(),
        );
        logger.info('Loaded mesh matrix', {
          source: current.meta.source,
          version: current.meta.version,
          cells: current.matrix.cells.length,
        });
        return { getMatrix: async () => current };
      },
    }),
});
