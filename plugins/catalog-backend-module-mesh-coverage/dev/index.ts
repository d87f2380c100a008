/*
 * `npm start` in this package: the catalog with this module, on a backend of its own (the example
 * entities of the repository's app-config.yaml get their computed annotations).
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('../src'));
backend.start();
