/**
 * Mesh Coverage backend plugin: matrix, coverage evaluation, catalog coverage and fleet what-if.
 *
 * @packageDocumentation
 */
export { meshCoveragePlugin as default } from './plugin';
