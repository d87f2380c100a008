/*
 * `npm start` in this package: Tech Insights with the json-rules-engine checker, the catalog and
 * this module, on a backend of its own.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
);
backend.add(import('../src'));
backend.start();
