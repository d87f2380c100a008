export { MeshComparisonPage } from './MeshComparisonPage';
