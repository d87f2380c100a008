export { EntityMeshCoverageContent } from './EntityMeshCoverageContent';
