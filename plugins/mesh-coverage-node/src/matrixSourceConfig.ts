import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

export const MATRIX_CONFIG_KEY = 'meshCoverage.matrix';

/** Where the matrix comes from: the built-in dataset, a local file or a URL. */
export type MatrixSourceConfig =
  | { type: 'built-in' }
  | { type: 'file'; path: string; refresh?: HumanDuration }
  | { type: 'url'; url: string; refresh?: HumanDuration };

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
    return { type: 'url', url, refresh };
  }
  return { type: 'built-in' };
}
