/**
 * Tech Insights module: mesh coverage fact retriever and checks.
 *
 * @packageDocumentation
 */
export { techInsightsModuleMeshCoverage as default } from './module';
