/**
 * Input annotation: the mesh the component runs (a mesh id of the matrix; none means no mesh).
 *
 * @public
 */
export const ANNOTATION_MESH = 'meshcoverage.io/mesh';
/**
 * Input annotation: the responsibility ids the component needs, comma-separated.
 *
 * @public
 */
export const ANNOTATION_REQUIRES = 'meshcoverage.io/requires';
/**
 * Input annotation: the responsibility ids the app implements itself, comma-separated.
 *
 * @public
 */
export const ANNOTATION_IMPLEMENTS = 'meshcoverage.io/implements';

export const ANNOTATION_COVERED = 'meshcoverage.io/covered';
export const ANNOTATION_GAPS = 'meshcoverage.io/gaps';
export const ANNOTATION_COVERAGE = 'meshcoverage.io/coverage';
export const ANNOTATION_ERRORS = 'meshcoverage.io/errors';

/**
 * Computed annotations, written by the catalog module on `Component` entities
 * (docs/annotations.md): covered and gap ids, the coverage percentage, annotation errors.
 *
 * @public
 */
export const COMPUTED_ANNOTATIONS = {
  covered: ANNOTATION_COVERED,
  gaps: ANNOTATION_GAPS,
  coverage: ANNOTATION_COVERAGE,
  errors: ANNOTATION_ERRORS,
} as const;

/** Separator between messages in `meshcoverage.io/errors`. */
export const ERROR_SEPARATOR = '; ';
