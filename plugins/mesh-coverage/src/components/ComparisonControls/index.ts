export { ComparisonControls } from './ComparisonControls';
