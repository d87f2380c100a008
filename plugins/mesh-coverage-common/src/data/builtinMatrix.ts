import { MeshMatrix } from '../model/types';
import builtinMatrixDocument from './builtin-matrix.json';

/**
 * The built-in matrix: every table, row, cell, note and intro of the source document
 * (`seed/000_5c2218e7f4c05990.txt`), Japanese verbatim, English translated. Its tests validate it
 * and rebuild the source's tables from it.
 */
export const BUILTIN_MATRIX: MeshMatrix = builtinMatrixDocument as MeshMatrix;

/** The `meta.source` name of the built-in matrix. */
export const BUILTIN_MATRIX_SOURCE = 'built-in';
