import {
  MatrixOverlay,
  parseMatrixOverlay,
} from '../overlay/applyMatrixOverlay';
import { MatrixEdition, MeshMatrix } from '../model/types';
import seedMatrixDocument from './seed-matrix.json';
import currentOverlayDocument from './current-overlay.json';

/**
 * The `seed` edition: every table, row, cell, note and intro of the source document
 * (`seed/000_5c2218e7f4c05990.txt`), Japanese verbatim, English translated. Its tests validate it
 * and rebuild the source's tables from it.
 *
 * @public
 */
export const SEED_MATRIX: MeshMatrix = seedMatrixDocument as MeshMatrix;

/**
 * The claims that make the `current` edition out of the seed: each cell that differs from the
 * source document, with its https source, the version that introduced it and the day it was
 * checked, and the seed value it replaces; and each tool's licence, governance, checked version
 * and support status.
 *
 * @public
 */
export const CURRENT_OVERLAY: MatrixOverlay =
  currentOverlayDocument as MatrixOverlay;

/**
 * A built-in edition and the day its claims were checked (the seed has no date of its own).
 *
 * @public
 */
export interface BuiltinEdition {
  edition: MatrixEdition;
  matrix: MeshMatrix;
  date?: string;
}

let current: BuiltinEdition | undefined;

/**
 * A built-in edition; `current` is the seed with the claims of `current-overlay.json` applied and validated.
 *
 * @public
 */
export function builtinEdition(edition: MatrixEdition): BuiltinEdition {
  if (edition === 'seed') {
    return { edition, matrix: SEED_MATRIX };
  }
  current ??= {
    edition,
    matrix: parseMatrixOverlay(
      SEED_MATRIX,
      CURRENT_OVERLAY,
      'the built-in current edition',
    ),
    date: CURRENT_OVERLAY.date,
  };
  return current;
}
