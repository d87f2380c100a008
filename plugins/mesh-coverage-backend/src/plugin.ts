import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { meshCoveragePermissions } from '@meshcoverage/plugin-mesh-coverage-common';
import {
  createAsItRunsReaders,
  meshMatrixServiceRef,
  readDefaultRequirements,
  readMatrixSourceConfig,
} from '@meshcoverage/plugin-mesh-coverage-node';
import { createRouter } from './router';
import { createFleetSnapshots } from './service/FleetSnapshots';
import { FleetSnapshotStore } from './service/FleetSnapshotStore';
import { createMeshCoverageService } from './service/createMeshCoverageService';

/** The scheduled fleet snapshot's task id (one run per period across all instances). */
export const FLEET_SNAPSHOT_TASK_ID = 'mesh-coverage-fleet-snapshot';

const DEFAULT_FREQUENCY: HumanDuration = { hours: 1 };
const DEFAULT_RETENTION: HumanDuration = { days: 400 };

function readDuration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

/**
 * The Mesh Coverage backend plugin: REST API under `/api/mesh-coverage`, and the scheduled fleet
 * snapshot its `/fleet` and history routes serve. `/coverage` also says what runs, read through the
 * Kubernetes backend when it is installed.
 *
 * @public
 */
export const meshCoveragePlugin = createBackendPlugin({
  pluginId: 'mesh-coverage',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        logger: coreServices.logger,
        discovery: coreServices.discovery,
        cache: coreServices.cache,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        matrixService: meshMatrixServiceRef,
      },
      async init(deps) {
        const { httpRouter, httpAuth, auth, config, catalog, matrixService } =
          deps;
        deps.permissionsRegistry.addPermissions(meshCoveragePermissions);
        const { index } = await matrixService.getMatrix();
        const defaultRequirements = readDefaultRequirements(config, index);
        const frequency = readDuration(
          config,
          'meshCoverage.fleet.snapshot.frequency',
          DEFAULT_FREQUENCY,
        );
        const retention = readDuration(
          config,
          'meshCoverage.fleet.snapshot.retention',
          DEFAULT_RETENTION,
        );
        const { evaluator, readInventory } = createAsItRunsReaders({
          config,
          index,
          defaultRequirements,
          discovery: deps.discovery,
          auth,
          cache: deps.cache,
          logger: deps.logger,
        });
        const snapshots = createFleetSnapshots({
          store: await FleetSnapshotStore.create(deps.database),
          catalog,
          matrixService,
          defaultRequirements,
          logger: deps.logger,
          retentionMs: durationToMilliseconds(retention),
          readInventory,
        });
        // Global scope: one run per period across every instance. No initial delay: the first
        // snapshot is taken as the backend starts.
        await deps.scheduler.scheduleTask({
          id: FLEET_SNAPSHOT_TASK_ID,
          scope: 'global',
          frequency,
          timeout: { minutes: 15 },
          fn: async () => {
            // Read with the plugin's own credentials: on the audit record, as every run.
            const event = await deps.auditor.createEvent({
              eventId: 'fleet-snapshot',
              severityLevel: 'low',
            });
            try {
              const taken = await snapshots.take(
                await auth.getOwnServiceCredentials(),
              );
              await event.success({ meta: { ...taken } });
            } catch (error) {
              await event.fail({ error: error as Error });
              throw error;
            }
          },
        });

        const meshCoverage = createMeshCoverageService({
          matrixService,
          catalog,
          snapshots,
          claimMaxAgeDays: readMatrixSourceConfig(config).claimMaxAgeDays,
          evaluator,
          permissions: deps.permissions,
        });
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions: deps.permissions,
            meshCoverage,
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
