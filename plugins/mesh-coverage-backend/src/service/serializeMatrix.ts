import { createHash } from 'crypto';
import { LoadedMatrix } from '@meshcoverage/plugin-mesh-coverage-node';
import { SerializedMatrix } from './types';

const serialized = new WeakMap<LoadedMatrix, SerializedMatrix>();

/**
 * The `GET /matrix` body and its ETag, computed once per matrix state (a new version, or a new
 * refresh error in `meta`), not per request.
 */
export function serializeMatrix(loaded: LoadedMatrix): SerializedMatrix {
  let result = serialized.get(loaded);
  if (!result) {
    // Bytes, not a string: the body is written as is on every request, never re-encoded.
    const body = Buffer.from(
      JSON.stringify({ ...loaded.matrix, meta: loaded.meta }),
    );
    const state = loaded.meta.error
      ? `${loaded.meta.version}-${loaded.meta.error.at}`
      : loaded.meta.version;
    const tag = createHash('sha256').update(state).digest('hex').slice(0, 20);
    result = { body, etag: `"${tag}"` };
    serialized.set(loaded, result);
  }
  return result;
}
