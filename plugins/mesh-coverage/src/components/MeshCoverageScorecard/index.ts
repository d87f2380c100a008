export { MeshCoverageScorecard } from './MeshCoverageScorecard';
