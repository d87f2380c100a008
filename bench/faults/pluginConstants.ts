/*
 * Names and timings of the plugins that the fault bench needs but the plugins do not export: each
 * stated once, here, with where it comes from, so that a change there is a change here. What the
 * plugins do export (task ids, config keys, the fact retriever's id) is imported where it is used.
 */

/** The Mesh Coverage backend plugin's id (`pluginId` in plugins/mesh-coverage-backend/src/plugin.ts). */
export const MESH_COVERAGE_PLUGIN_ID = 'mesh-coverage';

/**
 * The plugins whose matrix service refreshes the matrix, each in its own database
 * (`pluginDivisionMode: database`): Mesh Coverage's, and the catalog and Tech Insights, which our
 * modules extend.
 */
export const MATRIX_REFRESH_PLUGIN_IDS = [
  MESH_COVERAGE_PLUGIN_ID,
  'catalog',
  'tech-insights',
];

/** Backstage's name for a plugin's database in `pluginDivisionMode: database`. */
export const pluginDatabase = (pluginId: string) =>
  `backstage_plugin_${pluginId}`;

/** The fleet snapshots' table (`SNAPSHOTS` in plugins/mesh-coverage-backend/src/service/FleetSnapshotStore.ts). */
export const FLEET_SNAPSHOT_TABLE = 'mesh_coverage_fleet_snapshots';

/** The fleet snapshot's period (read in plugins/mesh-coverage-backend/src/plugin.ts). */
export const FLEET_SNAPSHOT_FREQUENCY_KEY =
  'meshCoverage.fleet.snapshot.frequency';

/**
 * Each instance polls the store for a matrix another instance refreshed this often
 * (`SYNC_FREQUENCY` in plugins/mesh-coverage-node/src/DefaultMeshMatrixService.ts).
 */
export const MATRIX_SYNC_SECONDS = 15;
