export { EntityMeshCoverageCard } from './EntityMeshCoverageCard';
