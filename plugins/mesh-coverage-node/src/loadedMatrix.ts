import { createHash } from 'crypto';
import {
  indexMatrix,
  MatrixMeta,
  MeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { LoadedMatrix } from './types';

/** A content hash of a matrix, stable across instances: the basis of the ETag. */
export function matrixVersion(matrix: MeshMatrix): string {
  return createHash('sha256')
    .update(JSON.stringify(matrix))
    .digest('hex')
    .slice(0, 16);
}

export function loadedMatrix(
  matrix: MeshMatrix,
  source: string,
  loadedAt: Date,
  error?: MatrixMeta['error'],
): LoadedMatrix {
  const meta: MatrixMeta = {
    source,
    loadedAt: loadedAt.toISOString(),
    version: matrixVersion(matrix),
  };
  if (error) {
    meta.error = error;
  }
  return { matrix, index: indexMatrix(matrix), meta };
}
