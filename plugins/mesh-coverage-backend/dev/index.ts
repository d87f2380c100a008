/*
 * `npm start` in this package: the plugin on a backend of its own, with the catalog it reads
 * (the example entities of the repository's app-config.yaml) and the computed annotations.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@meshcoverage/plugin-catalog-backend-module-mesh-coverage'),
);
backend.add(import('../src'));
backend.start();
