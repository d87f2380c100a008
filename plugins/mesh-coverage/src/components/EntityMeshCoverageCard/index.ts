export { EntityMeshCoverageCard } from './EntityMeshCoverageCard';
export type { EntityMeshCoverageCardProps } from './EntityMeshCoverageCard';
