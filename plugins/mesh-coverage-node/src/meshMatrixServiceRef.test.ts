import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend } from '@backstage/backend-test-utils';
import { builtinEdition } from '@meshcoverage/plugin-mesh-coverage-common';
import { meshMatrixServiceRef } from './meshMatrixServiceRef';
import { LoadedMatrix } from './types';

describe('meshMatrixServiceRef', () => {
  it('serves the built-in current edition with its meta to a plugin that asks for it', async () => {
    let served: LoadedMatrix | undefined;
    await startTestBackend({
      features: [
        createBackendPlugin({
          pluginId: 'probe',
          register(env) {
            env.registerInit({
              deps: {
                matrix: meshMatrixServiceRef,
                logger: coreServices.logger,
              },
              async init({ matrix }) {
                served = await matrix.getMatrix();
              },
            });
          },
        }),
      ],
    });
    expect(served?.matrix).toEqual(builtinEdition('current').matrix);
    expect(served?.meta).toEqual({
      source: 'built-in',
      edition: 'current',
      editionDate: builtinEdition('current').date,
      loadedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      version: expect.stringMatching(/^[0-9a-f]{16}$/),
      editions: [
        { edition: 'seed' },
        { edition: 'current', date: builtinEdition('current').date },
      ],
    });
    expect(served?.index.cell('istio', 'mtls')?.support).toBe('yes');
  });
});
