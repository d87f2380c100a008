/**
 * Common types and pure logic of the Mesh Coverage plugins: the matrix model and its built-in seed
 * dataset, validation, coverage evaluation, annotation parsing, ranking and fleet summaries.
 *
 * @packageDocumentation
 */
export * from './model/types';
export * from './model/ids';
export * from './model/matrixIndex';
export type { ScannedIdList } from './model/idListScanner';
export type { PositionSet } from './model/positions';
export * from './schema/validateMeshMatrix';
export { meshMatrixSchema, matrixOverlaySchema } from './schema/matrixSchema';
export * from './data/builtinMatrix';
export * from './overlay/applyMatrixOverlay';
export * from './annotations/annotations';
export * from './annotations/parseAnnotations';
export { suggestId } from './annotations/suggest';
export * from './coverage/types';
export * from './coverage/evaluateCoverage';
export * from './coverage/componentCoverage';
export * from './coverage/rankTools';
export * from './coverage/summarizeFleet';
export * from './coverage/meshCoverageFacts';
