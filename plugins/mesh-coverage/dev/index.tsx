// `npm start` in this folder: the plugin alone in a minimal new-frontend-system app on :3000,
// against the backend of `npm run start:backend` at the repository root (its app-config.yaml).
import { createDevApp } from '@backstage/frontend-dev-utils';
import meshCoveragePlugin from '../src/alpha';

createDevApp({ features: [meshCoveragePlugin] });
