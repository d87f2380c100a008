import {
  MatrixIndex,
  MatrixMeta,
  MeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** The matrix in service, with its index and where it came from. */
export interface LoadedMatrix {
  matrix: MeshMatrix;
  index: MatrixIndex;
  meta: MatrixMeta;
}

/** Gives every backend piece the current, validated matrix. */
export interface MeshMatrixService {
  getMatrix(): Promise<LoadedMatrix>;
}
