import { createApiRef } from '@backstage/core-plugin-api';
import {
  CoverageReport,
  FleetResponsibilityChange,
  FleetSummary,
  MatrixEdition,
  ServedMeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';

/** `GET /fleet?mesh=`: the what-if summary, with today's and the change against it. */
export type FleetResponse = FleetSummary & {
  today?: FleetSummary;
  change?: FleetResponsibilityChange[];
};

/** The Mesh Coverage backend, as the frontend sees it. */
export interface MeshCoverageApi {
  /** The matrix in service, or a built-in edition as it ships. */
  getMatrix(options?: { edition?: MatrixEdition }): Promise<ServedMeshMatrix>;
  evaluate(request: {
    mesh: string;
    requires: string[];
    implements?: string[];
  }): Promise<CoverageReport>;
  getCoverage(entityRef: string): Promise<CoverageReport>;
  getFleet(options?: {
    whatIfMesh?: string;
    includeEntityRefs?: boolean;
  }): Promise<FleetResponse>;
}

export const meshCoverageApiRef = createApiRef<MeshCoverageApi>({
  id: 'plugin.mesh-coverage.service',
});
