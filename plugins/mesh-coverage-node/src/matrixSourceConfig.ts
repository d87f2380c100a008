import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

export const MATRIX_CONFIG_KEY = 'meshCoverage.matrix';

/** Where the matrix comes from: the built-in dataset, a local file or a URL. */
export type MatrixSourceConfig =
  | { type: 'built-in' }
  | { type: 'file'; path: string; refresh?: HumanDuration }
  | { type: 'url'; url: string; refresh?: HumanDuration; timeoutMs: number };

/** How long a URL source may take to answer, unless `meshCoverage.matrix.timeout` says otherwise. */
export const DEFAULT_URL_TIMEOUT_MS = 30_000;

const durationToMs = (d: HumanDuration) =>
  (d.milliseconds ?? 0) +
  1000 *
    ((d.seconds ?? 0) +
      60 * ((d.minutes ?? 0) + 60 * ((d.hours ?? 0) + 24 * (d.days ?? 0))));

/** Reads `meshCoverage.matrix`; naming both a path and a URL is a config error. */
export function readMatrixSourceConfig(config: Config): MatrixSourceConfig {
  const matrix = config.getOptionalConfig(MATRIX_CONFIG_KEY);
  const path = matrix?.getOptionalString('path');
  const url = matrix?.getOptionalString('url');
  if (path && url) {
    throw new Error(
      `Invalid Mesh Coverage config: ${MATRIX_CONFIG_KEY} has both path and url; keep one of them`,
    );
  }
  const refresh = matrix?.has('refresh')
    ? readDurationFromConfig(matrix.getConfig('refresh'))
    : undefined;
  if (path) {
    return { type: 'file', path, refresh };
  }
  if (url) {
    const timeout = matrix?.has('timeout')
      ? durationToMs(readDurationFromConfig(matrix.getConfig('timeout')))
      : DEFAULT_URL_TIMEOUT_MS;
    return { type: 'url', url, refresh, timeoutMs: timeout };
  }
  return { type: 'built-in' };
}
