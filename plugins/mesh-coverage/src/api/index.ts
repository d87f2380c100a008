export { meshCoverageApiRef } from './MeshCoverageApi';
export type { MeshCoverageApi, FleetResponse } from './MeshCoverageApi';
export { MeshCoverageClient } from './MeshCoverageClient';
