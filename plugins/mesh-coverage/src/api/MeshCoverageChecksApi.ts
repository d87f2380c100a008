import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  Check,
  CheckResult,
} from '@backstage-community/plugin-tech-insights-common';

/** The mesh coverage scorecard checks, as Tech Insights defines them in config. */
export const MESH_COVERAGE_CHECK_IDS = [
  'meshCoverageNoGaps',
  'meshCoverageMtls',
  'meshCoverageDeclared',
  'meshCoverageObservedMatchesDeclared',
  'meshCoverageRequirementsConfigured',
] as const;

/** Runs Tech Insights checks; `TechInsightsClient` of the tech-insights common package fits it. */
export interface MeshCoverageChecksApi {
  /** The checks configured, so only those are asked for: Tech Insights answers 404 for others. */
  getAllChecks(): Promise<Check[]>;
  runChecks(
    entity: CompoundEntityRef,
    checks?: string[],
  ): Promise<CheckResult[]>;
}

export const meshCoverageChecksApiRef = createApiRef<MeshCoverageChecksApi>({
  id: 'plugin.mesh-coverage.checks',
});
