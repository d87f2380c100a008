/**
 * Mesh Coverage for Backstage's new frontend system.
 *
 * @packageDocumentation
 */
export { default } from './alpha/plugin';
export { meshCoverageApi, meshCoverageChecksApi } from './alpha/apis';
export { meshComparisonPage } from './alpha/pages';
export { entityMeshCoverageCard } from './alpha/entityCards';
export { entityMeshCoverageContent } from './alpha/entityContent';
export { meshCoverageTranslationRef } from './translation';
