// `npm start` in this folder: the plugin alone in a minimal new-frontend-system app on :3000,
// against the backend of `npm run start:backend` at the repository root (its app-config.yaml).
// `createApp` directly rather than `createDevApp` from @backstage/frontend-dev-utils, whose
// current release is still on frontend-plugin-api 0.18.
import { createApp } from '@backstage/frontend-defaults';
import ReactDOM from 'react-dom/client';
import meshCoveragePlugin from '../src/alpha';

const app = createApp({ features: [meshCoveragePlugin] });

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
