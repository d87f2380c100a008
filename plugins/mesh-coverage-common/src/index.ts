/**
 * Common types and pure logic of the Mesh Coverage plugins: the matrix model and its built-in
 * editions, validation and overlays, annotation parsing, coverage evaluation, ranking, fleet
 * summaries and scorecard facts. No I/O: it runs in the browser and in the backend alike.
 *
 * @packageDocumentation
 */

// Permissions
export {
  meshCoverageFleetReadPermission,
  meshCoveragePermissions,
} from './permissions/permissions';

// The matrix model
export type {
  CellValue,
  Language,
  LocalizedText,
  MatrixCategory,
  MatrixCell,
  MatrixEdition,
  MatrixGroup,
  MatrixMeta,
  MeshMatrix,
  MeshTool,
  Responsibility,
  ServedMeshMatrix,
  Support,
  ToolFact,
  ToolKind,
  ToolProfile,
} from './model/types';
export {
  carriesResponsibility,
  MATRIX_EDITIONS,
  SUPPORT_VALUES,
} from './model/types';
export { indexMatrix } from './model/matrixIndex';
export type { MatrixIndex } from './model/matrixIndex';

// Validation and overlays
export {
  MatrixValidationError,
  parseMeshMatrix,
  validateMeshMatrix,
} from './schema/validateMeshMatrix';
export type {
  MatrixProblem,
  MatrixValidation,
} from './schema/validateMeshMatrix';
export {
  applyMatrixOverlay,
  parseMatrixOverlay,
} from './overlay/applyMatrixOverlay';
export type {
  CellClaim,
  MatrixOverlay,
  ToolClaim,
} from './overlay/applyMatrixOverlay';
export {
  claimAgeInDays,
  DEFAULT_CLAIM_MAX_AGE_DAYS,
  markClaimsToRecheck,
} from './claims/claimAge';

// The built-in editions
export {
  BUILTIN_MATRIX_SOURCE,
  builtinEdition,
  CURRENT_OVERLAY,
  DEFAULT_EDITION,
  SEED_MATRIX,
} from './data/builtinMatrix';
export type { BuiltinEdition } from './data/builtinMatrix';

// Annotations
export {
  ANNOTATION_COVERAGE,
  ANNOTATION_COVERED,
  ANNOTATION_ERRORS,
  ANNOTATION_GAPS,
  ANNOTATION_IMPLEMENTS,
  ANNOTATION_MESH,
  ANNOTATION_REQUIRES,
  COMPUTED_ANNOTATIONS,
} from './annotations/annotations';
export {
  checkResponsibilityIds,
  parseMeshDeclaration,
  parseMeshId,
} from './annotations/parseAnnotations';
export type {
  MeshDeclaration,
  ParsedIds,
  ParsedMesh,
} from './annotations/parseAnnotations';
export { suggestId } from './annotations/suggest';

// Coverage
export { evaluateCoverage } from './coverage/evaluateCoverage';
export type {
  CoverageItem,
  CoverageReport,
  CoverageRequest,
  CoverageStatus,
  MeshSource,
} from './coverage/types';
export {
  coverageAnnotations,
  evaluateComponentCoverage,
  evaluateDeclaration,
  isCoverageSubject,
  MESH_SOURCE_MODES,
  parseComponent,
  resolveMesh,
} from './coverage/componentCoverage';
export type {
  ComponentCoverage,
  ComponentLike,
  DefaultRequirements,
  MeshSourceMode,
} from './coverage/componentCoverage';
export { rankTools } from './coverage/rankTools';
export type { ToolRanking } from './coverage/rankTools';
export {
  compareFleetSummaries,
  requirementCoverage,
} from './coverage/summarizeFleet';
export type {
  FleetResponsibility,
  FleetResponsibilityChange,
  FleetSummary,
} from './coverage/summarizeFleet';
export {
  FleetSnapshotAccumulator,
  fleetOwners,
  fleetWhatIf,
  summarizeFleet,
  totalOfGroups,
} from './coverage/fleetSnapshot';
export type {
  ComponentAsItRuns,
  ComponentCoverageFigures,
  CoverageBucket,
  FleetAdoption,
  FleetAdoptionFigures,
  FleetGroup,
  FleetOptions,
  FleetOwner,
  FleetRequirementCount,
  FleetSnapshotSummary,
} from './coverage/fleetSnapshot';

// Observed meshes: what runs, against what is declared
export {
  compareObservedMesh,
  DEFAULT_DATA_PLANE_RULES,
  detectDataPlane,
  summarizeObservedPods,
} from './observed/observedMesh';
export type {
  DataPlaneRule,
  ObservedAgreement,
  ObservedDataPlane,
  ObservedMesh,
  ObservedReason,
  ObservedUnavailable,
  PodLike,
} from './observed/observedMesh';

// The REST API's bodies, shared by the backend and the frontend
export type {
  CoverageHistoryPoint,
  CoverageHistoryResponse,
  EvaluateRequest,
  FleetHistoryPoint,
  FleetHistoryResponse,
  FleetResponse,
} from './api/types';

// What a mesh is configured to do for a workload
export { evaluateConfiguration } from './configured/evaluateConfiguration';
export { BUILTIN_CONFIG_PROBES } from './configured/builtinProbes';
export {
  mergeConfigProbes,
  parseConfigProbes,
} from './configured/parseConfigProbes';
export type {
  ConfigProbe,
  Configuration,
  ConfiguredEvidence,
  ConfiguredState,
  FieldCondition,
  KindListing,
  KubeObject,
  KubernetesKind,
  ProbeResource,
  ProbeSelection,
  WorkloadInCluster,
} from './configured/types';
