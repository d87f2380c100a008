import { ServedMeshMatrix } from '@meshcoverage/plugin-mesh-coverage-common';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { CheckResult } from '@backstage-community/plugin-tech-insights-common';
import {
  MESH_COVERAGE_CHECK_IDS,
  MeshCoverageApi,
  MeshCoverageChecksApi,
} from '../api';
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
    getFleetHistory: jest.fn(async () => ({
      from: '2026-04-14T12:00:00.000Z',
      to: '2026-05-14T12:00:00.000Z',
      points: [],
    })),
    getCoverageHistory: jest.fn(async (entityRef: string) => ({
      entityRef,
      from: '2026-04-14T12:00:00.000Z',
      to: '2026-05-14T12:00:00.000Z',
      points: [],
    })),
    ...methods,
  } as jest.Mocked<MeshCoverageApi>;
}

/** A checks API answering fixed Tech Insights results, or failing. */
export function mockChecksApi(
  results: CheckResult[] | Error = [],
  configured: readonly string[] = MESH_COVERAGE_CHECK_IDS,
): jest.Mocked<MeshCoverageChecksApi> {
  return {
    getAllChecks: jest.fn(async () => {
      if (results instanceof Error) {
        throw results;
      }
      return configured.map(id => ({
        id,
        type: 'json-rules-engine',
        name: `${id} name`,
        description: `${id} description`,
        factIds: ['meshCoverageFactRetriever'],
      }));
    }),
    runChecks: jest.fn(
      async (_entity: CompoundEntityRef, _checks?: string[]) => {
        if (results instanceof Error) {
          throw results;
        }
        return results;
      },
    ),
  };
}

/** A Tech Insights result of one mesh coverage check. */
export function checkResult(
  id: string,
  result: boolean,
  facts: Record<string, boolean | number | string> = {},
): CheckResult {
  return {
    check: {
      id,
      type: 'json-rules-engine',
      name: `${id} name`,
      description: `${id} description`,
      factIds: ['meshCoverageFactRetriever'],
    },
    result,
    facts: Object.fromEntries(
      Object.entries(facts).map(([key, value]) => [
        key,
        {
          id: key,
          type: typeof value === 'number' ? 'integer' : typeof value,
          description: key,
          value,
        },
      ]),
    ),
  } as unknown as CheckResult;
}
