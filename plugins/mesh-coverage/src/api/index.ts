export { meshCoverageApiRef } from './MeshCoverageApi';
export type {
  MeshCoverageApi,
  CoverageHistoryResponse,
  FleetHistoryResponse,
  FleetResponse,
} from './MeshCoverageApi';
export { MeshCoverageClient } from './MeshCoverageClient';
export {
  meshCoverageChecksApiRef,
  MESH_COVERAGE_CHECK_IDS,
} from './MeshCoverageChecksApi';
export type { MeshCoverageChecksApi } from './MeshCoverageChecksApi';
