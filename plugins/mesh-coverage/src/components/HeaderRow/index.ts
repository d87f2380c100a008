export { HeaderRow } from './HeaderRow';
