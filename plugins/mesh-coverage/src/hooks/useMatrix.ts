import { useApi } from '@backstage/core-plugin-api';
import {
  indexMatrix,
  MatrixEdition,
  MatrixIndex,
  ServedMeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { meshCoverageApiRef } from '../api';

export interface MatrixState {
  loading: boolean;
  error?: Error;
  matrix?: ServedMeshMatrix;
  index?: MatrixIndex;
}

/**
 * The matrix in service, or a built-in edition (revalidated with its ETag), and its look-up
 * index.
 */
export function useMatrix(edition?: MatrixEdition): MatrixState {
  const api = useApi(meshCoverageApiRef);
  const { loading, error, value } = useAsync(
    () => api.getMatrix(edition ? { edition } : undefined),
    [api, edition],
  );
  const index = useMemo(
    () => (value ? indexMatrix(value) : undefined),
    [value],
  );
  return { loading, error, matrix: value, index };
}
