import {
  MatrixEdition,
  MatrixIndex,
  MatrixMeta,
  MeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';

/**
 * The matrix in service, with its index and where it came from.
 *
 * @public
 */
export interface LoadedMatrix {
  matrix: MeshMatrix;
  index: MatrixIndex;
  meta: MatrixMeta;
}

/**
 * Gives every backend piece the current, validated matrix.
 *
 * @public
 */
export interface MeshMatrixService {
  getMatrix(): Promise<LoadedMatrix>;
  /**
   * The matrix in service now, without waiting: there always is one (the built-in matrix until a
   * source loads). For hot paths: the catalog processor reads it for every entity it processes.
   */
  currentMatrix(): LoadedMatrix;
  /**
   * A built-in edition as it ships, without the operator's overlays: what `GET /matrix?edition=`
   * serves. When the configured matrix is that edition, the same object as `currentMatrix()`.
   */
  getEdition(edition: MatrixEdition): LoadedMatrix;
}
