/**
 * Mesh Coverage frontend plugin: comparison page, entity card and tab, fleet and what-if.
 *
 * @packageDocumentation
 */
export {
  meshCoveragePlugin,
  MeshComparisonPage,
  EntityMeshCoverageCard,
  EntityMeshCoverageContent,
} from './plugin';
export type { EntityMeshCoverageCardProps } from './components/EntityMeshCoverageCard';
export { isMeshCoverageAvailable } from './conditions';
export { meshCoverageApiRef, MeshCoverageClient } from './api';
export type {
  MeshCoverageApi,
  CoverageHistoryResponse,
  FleetHistoryResponse,
  FleetResponse,
} from './api';
export { meshCoverageTranslationRef } from './translation';
