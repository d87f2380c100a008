import {
  builtinEdition,
  indexMatrix,
  MeshMatrix,
  ServedMeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';

const SEED_MATRIX = builtinEdition('seed').matrix;

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

export const currentIndex = indexMatrix(builtinEdition('current').matrix);

/** The current edition as `GET /matrix` serves it by default. */
export function servedCurrentMatrix(): ServedMeshMatrix {
  const { matrix, date } = builtinEdition('current');
  const served = servedMatrix(matrix);
  return {
    ...served,
    meta: {
      ...served.meta,
      edition: 'current',
      editionDate: date,
      editions: [{ edition: 'seed' }, { edition: 'current', date }],
    },
  };
}
