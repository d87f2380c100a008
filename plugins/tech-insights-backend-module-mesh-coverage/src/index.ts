/**
 * Tech Insights module: the mesh coverage fact retriever; its checks are config (checks.yaml).
 *
 * @packageDocumentation
 */
export { techInsightsModuleMeshCoverage as default } from './module';
export {
  meshCoverageFactRetriever,
  createMeshCoverageFactRetriever,
  MESH_COVERAGE_FACT_RETRIEVER_ID,
} from './meshCoverageFactRetriever';
export type { MeshCoverageFactRetrieverOptions } from './meshCoverageFactRetriever';
