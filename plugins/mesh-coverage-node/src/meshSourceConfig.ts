import { Config } from '@backstage/config';
import {
  MeshSourceMode,
  suggestId,
} from '@meshcoverage/plugin-mesh-coverage-common';

const MESH_SOURCE_MODES: readonly MeshSourceMode[] = [
  'declared',
  'observed',
  'declared-or-observed',
];

/** @public */
export const MESH_SOURCE_CONFIG_KEY = 'meshCoverage.mesh.source';

/**
 * Reads `meshCoverage.mesh.source` (default `declared-or-observed`); an unknown value is a config
 * error naming the closest one.
 *
 * @public
 */
export function readMeshSourceMode(config: Config): MeshSourceMode {
  const value = config.getOptionalString(MESH_SOURCE_CONFIG_KEY);
  if (value === undefined) {
    return 'declared-or-observed';
  }
  if (!MESH_SOURCE_MODES.includes(value as MeshSourceMode)) {
    const suggestion = suggestId(value, MESH_SOURCE_MODES);
    throw new Error(
      `Invalid Mesh Coverage config: ${MESH_SOURCE_CONFIG_KEY}: unknown value '${value}'${
        suggestion ? ` (did you mean '${suggestion}'?)` : ''
      }; use one of ${MESH_SOURCE_MODES.join(', ')}`,
    );
  }
  return value as MeshSourceMode;
}
