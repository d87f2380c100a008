import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  MATRIX_EDITIONS,
  MatrixEdition,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** @public */
export const MATRIX_CONFIG_KEY = 'meshCoverage.matrix';

/** The edition served unless `meshCoverage.matrix.edition` says otherwise. */
const DEFAULT_EDITION: MatrixEdition = 'current';

/**
 * How old a claim may grow before it is served with `recheck: true`, unless
 * `meshCoverage.matrix.claimMaxAge` says otherwise (docs/editions.md).
 *
 * @public
 */
export const DEFAULT_CLAIM_MAX_AGE_DAYS = 180;

/**
 * A matrix or overlay document read from a local file or through the backend's URL reader.
 *
 * @public
 */
export type MatrixDocumentSource =
  | { type: 'file'; path: string }
  | { type: 'url'; url: string; timeoutMs: number };

/**
 * Where the matrix comes from: an operator's own document, or else a built-in edition; then the
 * operator's overlays, applied in order.
 *
 * @public
 */
export interface MatrixSourceConfig {
  /** The built-in edition served when there is no `document`. */
  edition: MatrixEdition;
  document?: MatrixDocumentSource;
  overlays: MatrixDocumentSource[];
  refresh?: HumanDuration;
  /** Claims older than this many days are served with `recheck: true`. */
  claimMaxAgeDays: number;
}

/** How long a URL source may take to answer, unless `meshCoverage.matrix.timeout` says otherwise. */
const DEFAULT_URL_TIMEOUT_MS = 30_000;

const configError = (message: string) =>
  new Error(`Invalid Mesh Coverage config: ${MATRIX_CONFIG_KEY}.${message}`);

/** A path or an http(s) URL: overlays are listed as one or the other. */
function documentSource(location: string, timeoutMs: number) {
  return /^https?:\/\//i.test(location)
    ? ({ type: 'url', url: location, timeoutMs } as const)
    : ({ type: 'file', path: location } as const);
}

/**
 * Reads `meshCoverage.matrix`; a contradiction or an unknown edition is a config error.
 *
 * @public
 */
export function readMatrixSourceConfig(config: Config): MatrixSourceConfig {
  const matrix = config.getOptionalConfig(MATRIX_CONFIG_KEY);
  const path = matrix?.getOptionalString('path');
  const url = matrix?.getOptionalString('url');
  const edition = matrix?.getOptionalString('edition');
  if (path && url) {
    throw configError('path and url are both set; keep one of them');
  }
  if (edition !== undefined && !MATRIX_EDITIONS.includes(edition as any)) {
    throw configError(
      `edition: unknown edition '${edition}'; use one of ${MATRIX_EDITIONS.join(
        ', ',
      )}`,
    );
  }
  if (edition !== undefined && (path || url)) {
    throw configError(
      `edition picks a built-in matrix, but ${
        path ? 'path' : 'url'
      } names your own; keep one of them (put your changes in overlays to build on an edition)`,
    );
  }
  const refresh = matrix?.has('refresh')
    ? readDurationFromConfig(matrix.getConfig('refresh'))
    : undefined;
  const timeoutMs = matrix?.has('timeout')
    ? durationToMilliseconds(
        readDurationFromConfig(matrix.getConfig('timeout')),
      )
    : DEFAULT_URL_TIMEOUT_MS;
  const claimMaxAgeDays = readClaimMaxAgeDays(matrix);
  const overlays = (matrix?.getOptionalStringArray('overlays') ?? []).map(
    location => documentSource(location, timeoutMs),
  );
  let document: MatrixDocumentSource | undefined;
  if (path) {
    document = { type: 'file', path };
  } else if (url) {
    document = { type: 'url', url, timeoutMs };
  }
  return {
    edition: (edition as MatrixEdition | undefined) ?? DEFAULT_EDITION,
    document,
    overlays,
    refresh,
    claimMaxAgeDays,
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `claimMaxAge` in whole days (a month counts 30 days, as Backstage counts durations). */
function readClaimMaxAgeDays(matrix: Config | undefined): number {
  if (!matrix?.has('claimMaxAge')) {
    return DEFAULT_CLAIM_MAX_AGE_DAYS;
  }
  let days: number;
  try {
    days =
      durationToMilliseconds(
        readDurationFromConfig(matrix.getConfig('claimMaxAge')),
      ) / DAY_MS;
  } catch (error) {
    throw configError(
      `claimMaxAge: ${
        (error as Error).message
      }; give a duration such as { days: 180 } or { months: 6 }`,
    );
  }
  if (!(days >= 1)) {
    throw configError(
      'claimMaxAge: is shorter than a day; give at least { days: 1 }',
    );
  }
  return Math.floor(days);
}
