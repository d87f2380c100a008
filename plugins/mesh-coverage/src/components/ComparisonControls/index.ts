export { ComparisonControls } from './ComparisonControls';
export type { ComparisonControlsProps } from './ComparisonControls';
