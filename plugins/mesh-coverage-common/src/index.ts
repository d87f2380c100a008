/**
 * Common types and pure logic of the Mesh Coverage plugins: the matrix model and its built-in
 * editions, overlays, annotation parsing, coverage evaluation and ranking, and the REST API's
 * bodies. No I/O: it runs in the browser and in the backend alike.
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

// Matrix documents, overlays and their claims
export { parseMeshMatrix } from './schema/validateMeshMatrix';
export { parseMatrixOverlay } from './overlay/applyMatrixOverlay';
export { claimAgeInDays, markClaimsToRecheck } from './claims/claimAge';
export { builtinEdition } from './data/builtinMatrix';
export type { BuiltinEdition } from './data/builtinMatrix';
export { fromZodIssue } from './schema/validateMeshMatrix';

// Annotations
export {
  ANNOTATION_IMPLEMENTS,
  ANNOTATION_MESH,
  ANNOTATION_REQUIRES,
  COMPUTED_ANNOTATIONS,
} from './annotations/annotations';
export {
  checkResponsibilityIds,
  parseMeshId,
} from './annotations/parseAnnotations';
export type { MeshDeclaration } from './annotations/parseAnnotations';
export { suggestId } from './annotations/suggest';

// Coverage
export { coverageStatus, evaluateCoverage } from './coverage/evaluateCoverage';
export type {
  Configuration,
  CoverageItem,
  CoverageReport,
  CoverageStatus,
  MeshSource,
} from './coverage/types';
export {
  coverageAnnotations,
  evaluateDeclaration,
  isCoverageSubject,
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

// What runs, against what is declared
export { compareObservedMesh } from './observed/observedMesh';
export type {
  ObservedMesh,
  ObservedUnavailable,
} from './observed/observedMesh';

// The REST API's bodies, shared by the backend and the frontend
export { requirementCoverage } from './coverage/fleet';
export type {
  FleetAdoption,
  FleetOwner,
  FleetResponsibility,
  FleetSummary,
} from './coverage/fleet';
export type {
  CoverageHistoryPoint,
  CoverageHistoryResponse,
  EvaluateRequest,
  FleetHistoryPoint,
  FleetHistoryResponse,
  FleetResponse,
} from './api/types';
