export { SupportLabel } from './SupportLabel';
