import { ServedMeshMatrix } from '@meshcoverage/plugin-mesh-coverage-common';
import { MeshCoverageApi } from '../api';
import { servedMatrix } from './fixtures';

/** A MeshCoverageApi backed by fixed answers; each method can be overridden. */
export function mockMeshCoverageApi(
  overrides: Partial<MeshCoverageApi> & { matrix?: ServedMeshMatrix } = {},
): jest.Mocked<MeshCoverageApi> {
  const { matrix = servedMatrix(), ...methods } = overrides;
  return {
    getMatrix: jest.fn(async () => matrix),
    evaluate: jest.fn(),
    getCoverage: jest.fn(),
    getFleet: jest.fn(),
    ...methods,
  } as jest.Mocked<MeshCoverageApi>;
}
