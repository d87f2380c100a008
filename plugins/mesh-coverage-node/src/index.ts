/**
 * Node library of the Mesh Coverage plugins: the service that loads and serves the matrix.
 *
 * @packageDocumentation
 */
export * from './types';
export { meshMatrixServiceRef } from './meshMatrixServiceRef';
export { matrixVersion } from './loadedMatrix';
export {
  readDefaultRequirements,
  DEFAULT_REQUIREMENTS_KEY,
} from './defaultRequirements';
