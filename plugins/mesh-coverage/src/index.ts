/**
 * Mesh Coverage frontend plugin: comparison page, entity card and tab, fleet and what-if.
 *
 * @packageDocumentation
 */
export { meshCoveragePlugin, MeshComparisonPage } from './plugin';
