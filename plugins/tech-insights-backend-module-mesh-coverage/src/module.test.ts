import {
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import {
  BUILTIN_MATRIX,
  indexMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { meshMatrixServiceRef } from '@meshcoverage/plugin-mesh-coverage-node';
import { techInsightsModuleMeshCoverage } from './module';

describe('techInsightsModuleMeshCoverage', () => {
  it('starts inside the tech-insights plugin and reads the matrix service', async () => {
    const getMatrix = jest.fn(async () => ({
      matrix: BUILTIN_MATRIX,
      index: indexMatrix(BUILTIN_MATRIX),
      meta: {
        source: 'test',
        loadedAt: new Date().toISOString(),
        version: 'v1',
      },
    }));
    await startTestBackend({
      features: [
        createBackendPlugin({
          pluginId: 'tech-insights',
          register(env) {
            env.registerInit({ deps: {}, async init() {} });
          },
        }),
        techInsightsModuleMeshCoverage,
        createServiceFactory({
          service: meshMatrixServiceRef,
          deps: {},
          factory: () => ({ getMatrix }),
        }),
      ],
    });
    expect(getMatrix).toHaveBeenCalledTimes(1);
  });
});
