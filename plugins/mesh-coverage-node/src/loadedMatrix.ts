import { createHash } from 'crypto';
import {
  builtinEdition,
  indexMatrix,
  MATRIX_EDITIONS,
  MatrixEdition,
  MatrixMeta,
  MeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { LoadedMatrix } from './types';

/** The `meta.source` name of a built-in edition. */
const BUILTIN_MATRIX_SOURCE = 'built-in';

/**
 * A content hash of a matrix, stable across instances: the basis of the ETag.
 *
 * @public
 */
export function matrixVersion(matrix: MeshMatrix): string {
  return createHash('sha256')
    .update(JSON.stringify(matrix))
    .digest('hex')
    .slice(0, 16);
}

/** Where a matrix came from: the parts of `meta` that do not change when it is re-read. */
export type MatrixOrigin = Pick<
  MatrixMeta,
  'source' | 'edition' | 'editionDate' | 'overlays'
>;

/** The built-in editions and their dates, named in every `meta` so clients can offer a switch. */
const EDITIONS: MatrixMeta['editions'] = MATRIX_EDITIONS.map(edition => {
  const { date } = builtinEdition(edition);
  return date ? { edition, date } : { edition };
});

export function loadedMatrix(
  matrix: MeshMatrix,
  origin: MatrixOrigin,
  loadedAt: Date,
  error?: MatrixMeta['error'],
): LoadedMatrix {
  const meta: MatrixMeta = {
    ...origin,
    loadedAt: loadedAt.toISOString(),
    version: matrixVersion(matrix),
    editions: EDITIONS,
  };
  if (error) {
    meta.error = error;
  }
  return { matrix, index: indexMatrix(matrix), meta };
}

/** The origin of a built-in edition. */
export function builtinOrigin(edition: MatrixEdition): MatrixOrigin {
  const { date } = builtinEdition(edition);
  return {
    source: BUILTIN_MATRIX_SOURCE,
    edition,
    ...(date ? { editionDate: date } : {}),
  };
}

const loadedEditions = new Map<MatrixEdition, LoadedMatrix>();

/** A built-in edition as served, prepared once per process. */
export function loadedBuiltinEdition(edition: MatrixEdition): LoadedMatrix {
  let loaded = loadedEditions.get(edition);
  if (!loaded) {
    loaded = loadedMatrix(
      builtinEdition(edition).matrix,
      builtinOrigin(edition),
      new Date(),
    );
    loadedEditions.set(edition, loaded);
  }
  return loaded;
}
