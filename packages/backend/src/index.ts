/*
 * The Mesh Coverage example portal's backend: catalog, guest sign-in and the Mesh Coverage
 * plugins, on SQLite in memory unless configured otherwise.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in for local use; see app-config.production.yaml for real providers
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, with mesh coverage annotations computed on components
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@meshcoverage/plugin-catalog-backend-module-mesh-coverage'),
);

// mesh coverage API
backend.add(import('@meshcoverage/plugin-mesh-coverage-backend'));

// scorecards: Tech Insights with the json-rules-engine checker and the mesh coverage facts
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);
backend.add(
  import('@meshcoverage/plugin-tech-insights-backend-module-mesh-coverage'),
);

backend.start();
