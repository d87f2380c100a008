/** Input annotations, written by service owners in `catalog-info.yaml`. */
export const ANNOTATION_MESH = 'meshcoverage.io/mesh';
export const ANNOTATION_REQUIRES = 'meshcoverage.io/requires';
export const ANNOTATION_IMPLEMENTS = 'meshcoverage.io/implements';

/** Computed annotations, written by the catalog module on `Component` entities. */
export const ANNOTATION_COVERED = 'meshcoverage.io/covered';
export const ANNOTATION_GAPS = 'meshcoverage.io/gaps';
export const ANNOTATION_COVERAGE = 'meshcoverage.io/coverage';
export const ANNOTATION_ERRORS = 'meshcoverage.io/errors';

export const INPUT_ANNOTATIONS = [
  ANNOTATION_MESH,
  ANNOTATION_REQUIRES,
  ANNOTATION_IMPLEMENTS,
] as const;

export const COMPUTED_ANNOTATIONS = [
  ANNOTATION_COVERED,
  ANNOTATION_GAPS,
  ANNOTATION_COVERAGE,
  ANNOTATION_ERRORS,
] as const;

/** Separator between messages in `meshcoverage.io/errors`. */
export const ERROR_SEPARATOR = '; ';
