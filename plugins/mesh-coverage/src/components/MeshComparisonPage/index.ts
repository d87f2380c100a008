export {
  MeshComparisonPage,
  MeshComparisonContent,
} from './MeshComparisonPage';
