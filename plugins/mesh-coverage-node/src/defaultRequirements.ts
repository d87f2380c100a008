import { Config } from '@backstage/config';
import {
  DefaultRequirements,
  MatrixIndex,
  suggestId,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** @public */
export const DEFAULT_REQUIREMENTS_KEY = 'meshCoverage.defaultRequirements';

/**
 * Reads `meshCoverage.defaultRequirements` and checks every id against the matrix, so a typo in
 * config stops the backend with the key and the closest valid id instead of silently requiring
 * nothing.
 *
 * @public
 */
export function readDefaultRequirements(
  config: Config,
  index: MatrixIndex,
): DefaultRequirements {
  const section = config.getOptionalConfig(DEFAULT_REQUIREMENTS_KEY);
  if (!section) {
    return {};
  }
  const defaults: Record<string, string[]> = {};
  const problems: string[] = [];
  for (const type of section.keys()) {
    const ids = section.getStringArray(type).map(id => id.trim());
    ids.forEach((id, i) => {
      if (index.position(id) === undefined) {
        const suggestion = suggestId(id, index.responsibilityIds);
        problems.push(
          `${DEFAULT_REQUIREMENTS_KEY}.${type}[${i}]: unknown responsibility '${id}'${
            suggestion ? ` (did you mean '${suggestion}'?)` : ''
          }`,
        );
      }
    });
    defaults[type] = ids;
  }
  if (problems.length) {
    throw new Error(
      `Invalid Mesh Coverage config:\n  ${problems.join('\n  ')}`,
    );
  }
  return defaults;
}
