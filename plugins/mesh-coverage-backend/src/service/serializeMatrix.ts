import { createHash } from 'crypto';
import { brotliCompressSync, constants, gzipSync } from 'zlib';
import { LoadedMatrix } from '@meshcoverage/plugin-mesh-coverage-node';
import { SerializedMatrix } from './types';

const serialized = new WeakMap<LoadedMatrix, SerializedMatrix>();

/**
 * The `GET /matrix` bodies and their ETags, computed once per matrix state (a new version, or a
 * new refresh error in `meta`), not per request: as JSON bytes and compressed with brotli and gzip
 * at their best ratios, because browsers ask for compressed bodies and compressing per request cost
 * half the route's throughput.
 */
export function serializeMatrix(loaded: LoadedMatrix): SerializedMatrix {
  let result = serialized.get(loaded);
  if (!result) {
    const json = Buffer.from(
      JSON.stringify({ ...loaded.matrix, meta: loaded.meta }),
    );
    const state = loaded.meta.error
      ? `${loaded.meta.version}-${loaded.meta.error.at}`
      : loaded.meta.version;
    const tag = createHash('sha256').update(state).digest('hex').slice(0, 20);
    result = {
      representations: {
        identity: { body: json, etag: `"${tag}"` },
        gzip: {
          body: gzipSync(json, { level: constants.Z_BEST_COMPRESSION }),
          etag: `"${tag}-gzip"`,
        },
        br: {
          body: brotliCompressSync(json, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
            },
          }),
          etag: `"${tag}-br"`,
        },
      },
    };
    serialized.set(loaded, result);
  }
  return result;
}
