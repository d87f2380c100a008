import { createApiRef } from '@backstage/core-plugin-api';
import {
  CoverageReport,
  EvaluateRequest,
  FleetResponse,
  MatrixEdition,
  ServedMeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';

export type { FleetResponse };

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
  getFleet(options?: {
    whatIfMesh?: string;
    includeEntityRefs?: boolean;
  }): Promise<FleetResponse>;
}

/** @public */
export const meshCoverageApiRef = createApiRef<MeshCoverageApi>({
  id: 'plugin.mesh-coverage.service',
});
