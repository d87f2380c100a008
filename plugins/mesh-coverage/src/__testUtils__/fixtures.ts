import {
  SEED_MATRIX,
  indexMatrix,
  MeshMatrix,
  ServedMeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** The built-in matrix as `GET /matrix` serves it. */
export function servedMatrix(
  matrix: MeshMatrix = SEED_MATRIX,
): ServedMeshMatrix {
  return {
    ...matrix,
    meta: {
      source: 'built-in',
      loadedAt: '2026-11-24T10:00:00.000Z',
      version: 'v1',
    },
  };
}

export const builtinIndex = indexMatrix(SEED_MATRIX);
