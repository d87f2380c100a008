/**
 * Node library of the Mesh Coverage plugins: the service that loads, validates, caches and
 * refreshes the matrix, and the shared config readers.
 *
 * @packageDocumentation
 */
export * from './types';
export { meshMatrixServiceRef } from './meshMatrixServiceRef';
export {
  DefaultMeshMatrixService,
  REFRESH_TASK_ID,
  SYNC_TASK_ID,
} from './DefaultMeshMatrixService';
export type { MeshMatrixServiceDeps } from './DefaultMeshMatrixService';
export { matrixVersion } from './loadedMatrix';
export {
  readDefaultRequirements,
  DEFAULT_REQUIREMENTS_KEY,
} from './defaultRequirements';
export {
  readMatrixSourceConfig,
  MATRIX_CONFIG_KEY,
} from './matrixSourceConfig';
export type {
  MatrixSourceConfig,
  MatrixDocumentSource,
} from './matrixSourceConfig';
export {
  readCatalogComponents,
  resolveOwnerRef,
  toComponentLike,
  COVERAGE_FIELDS,
} from './readCatalogComponents';
export {
  createObservedMeshReader,
  readObservedConfig,
  KUBERNETES_ANNOTATIONS,
  OBSERVED_CONFIG_KEY,
} from './observedMeshReader';
export type {
  ObservedConfig,
  ObservedMeshReader,
  ObservedMeshReaderOptions,
  ObservedMeshResult,
} from './observedMeshReader';
export { runMigrations } from './runMigrations';
export { MESH_SOURCE_CONFIG_KEY, readMeshSourceMode } from './meshSourceConfig';
export { createClusterReader } from './clusterReader';
export type {
  ClusterNames,
  ClusterReader,
  ClusterReaderOptions,
} from './clusterReader';
export {
  CONFIGURED_CONFIG_KEY,
  createConfigurationReader,
  readConfiguredConfig,
} from './configurationReader';
export type {
  ConfigurationReader,
  ConfiguredConfig,
  KindListings,
} from './configurationReader';
export {
  createAsItRunsReaders,
  createComponentEvaluator,
  readFleetInventory,
} from './componentEvaluator';
export type {
  ComponentEvaluation,
  ComponentEvaluator,
  FleetInventory,
} from './componentEvaluator';
export type { ComponentAsItRuns } from './componentEvaluator';
export { DEFAULT_CLAIM_MAX_AGE_DAYS } from './matrixSourceConfig';
export { BUILTIN_CONFIG_PROBES } from './configured/builtinProbes';
export type {
  ConfigProbe,
  FieldCondition,
  KindListing,
  KubeObject,
  KubernetesKind,
  ProbeResource,
  ProbeSelection,
  WorkloadInCluster,
} from './configured/types';
export type { DataPlaneRule, PodLike } from './observed/dataPlanes';
