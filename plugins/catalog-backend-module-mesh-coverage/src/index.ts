/**
 * Catalog module: validates `meshcoverage.io/*` input annotations on components and writes the
 * computed coverage annotations.
 *
 * @packageDocumentation
 */
export { catalogModuleMeshCoverage as default } from './module';
export { MeshCoverageEntityProcessor } from './MeshCoverageEntityProcessor';
export type { MeshCoverageEntityProcessorOptions } from './MeshCoverageEntityProcessor';
