import { createApiRef } from '@backstage/core-plugin-api';
import {
  CoverageHistoryResponse,
  CoverageReport,
  EvaluateRequest,
  FleetHistoryResponse,
  FleetResponse,
  MatrixEdition,
  ServedMeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';

export type { CoverageHistoryResponse, FleetHistoryResponse, FleetResponse };

/**
 * The Mesh Coverage backend, as the frontend sees it.
 *
 * @public
 */
export interface MeshCoverageApi {
  /** The matrix in service, or a built-in edition as it ships. */
  getMatrix(options?: { edition?: MatrixEdition }): Promise<ServedMeshMatrix>;
  evaluate(request: EvaluateRequest): Promise<CoverageReport>;
  getCoverage(entityRef: string): Promise<CoverageReport>;
  /**
   * The fleet from the latest scheduled snapshot; computed now when `live` (or with
   * `includeEntityRefs`, or before the first snapshot).
   */
  getFleet(options?: {
    whatIfMesh?: string;
    includeEntityRefs?: boolean;
    live?: boolean;
  }): Promise<FleetResponse>;
  /**
   * The fleet over the stored snapshots, oldest first; `from`/`to` are ISO 8601 (the backend's
   * default: the last 30 days); `mesh` and `owner` (an entity ref) narrow it.
   */
  getFleetHistory(options?: {
    from?: string;
    to?: string;
    mesh?: string;
    owner?: string;
  }): Promise<FleetHistoryResponse>;
  /** One component's coverage over the stored snapshots, as a step series. */
  getCoverageHistory(
    entityRef: string,
    options?: { from?: string; to?: string },
  ): Promise<CoverageHistoryResponse>;
}

/** @public */
export const meshCoverageApiRef = createApiRef<MeshCoverageApi>({
  id: 'plugin.mesh-coverage.service',
});
