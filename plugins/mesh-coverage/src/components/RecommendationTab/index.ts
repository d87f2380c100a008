export { RecommendationTab } from './RecommendationTab';
