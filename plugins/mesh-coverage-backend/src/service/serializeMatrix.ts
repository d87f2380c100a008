import { createHash } from 'crypto';
import { brotliCompressSync, constants, gzipSync } from 'zlib';
import { markClaimsToRecheck } from '@meshcoverage/plugin-mesh-coverage-common';
import { LoadedMatrix } from '@meshcoverage/plugin-mesh-coverage-node';
import { SerializedMatrix } from './types';

/** Per matrix state, the body for one day and max age (built-in editions are shared per process). */
const serialized = new WeakMap<
  LoadedMatrix,
  { key: string; result: SerializedMatrix }
>();

/**
 * The `GET /matrix` bodies and their ETags, computed once per matrix state (a new version, a new
 * refresh error in `meta`, or a new day, on which more claims may need a re-check), not per
 * request: as JSON bytes and compressed with brotli and gzip at their best ratios, because browsers
 * ask for compressed bodies and compressing per request cost half the route's throughput.
 */
export function serializeMatrix(
  loaded: LoadedMatrix,
  claimMaxAgeDays: number,
  now: Date = new Date(),
): SerializedMatrix {
  const day = now.toISOString().slice(0, 10);
  const key = `${day}/${claimMaxAgeDays}`;
  const cached = serialized.get(loaded);
  let result = cached?.key === key ? cached.result : undefined;
  if (!result) {
    const json = Buffer.from(
      JSON.stringify({
        ...markClaimsToRecheck(loaded.matrix, claimMaxAgeDays, now),
        meta: { ...loaded.meta, claimMaxAge: { days: claimMaxAgeDays } },
      }),
    );
    const version = `${loaded.meta.version}-${day}-${claimMaxAgeDays}`;
    const state = loaded.meta.error
      ? `${version}-${loaded.meta.error.at}`
      : version;
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
    serialized.set(loaded, { key, result });
  }
  return result;
}
