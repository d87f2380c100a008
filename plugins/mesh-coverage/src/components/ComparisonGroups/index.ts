export { ComparisonGroups } from './ComparisonGroups';
