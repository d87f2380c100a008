/**
 * Input annotations, written by service owners in `catalog-info.yaml`.
 *
 * @public
 */
export const ANNOTATION_MESH = 'meshcoverage.io/mesh';
/** @public */
export const ANNOTATION_REQUIRES = 'meshcoverage.io/requires';
/** @public */
export const ANNOTATION_IMPLEMENTS = 'meshcoverage.io/implements';

/**
 * Computed annotations, written by the catalog module on `Component` entities.
 *
 * @public
 */
export const ANNOTATION_COVERED = 'meshcoverage.io/covered';
/** @public */
export const ANNOTATION_GAPS = 'meshcoverage.io/gaps';
/** @public */
export const ANNOTATION_COVERAGE = 'meshcoverage.io/coverage';
/** @public */
export const ANNOTATION_ERRORS = 'meshcoverage.io/errors';

/** @public */
export const COMPUTED_ANNOTATIONS = [
  ANNOTATION_COVERED,
  ANNOTATION_GAPS,
  ANNOTATION_COVERAGE,
  ANNOTATION_ERRORS,
] as const;

/** Separator between messages in `meshcoverage.io/errors`. */
export const ERROR_SEPARATOR = '; ';
