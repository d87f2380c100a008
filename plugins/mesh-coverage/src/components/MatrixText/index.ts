export { MatrixText } from './MatrixText';
