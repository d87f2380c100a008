import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { meshCoveragePlugin } from './plugin';

jest.setTimeout(120_000);

// SQLite always; PostgreSQL wherever BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING is set (CI).
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15'],
  disableDocker: true,
});

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

const entities = ['payments-api', 'orders-service'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'meshcoverage.io/mesh': 'istio' },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
}));

describe.each(databases.eachSupportedId())(
  'the scheduled fleet snapshot on %s',
  databaseId => {
    it('is taken once at start-up across two instances on one database', async () => {
      const knex = await databases.init(databaseId);
      // Two backends on the one database, with the real scheduler (its global lock is the point).
      const instance = () =>
        startTestBackend({
          features: [
            mockServices.database.factory({ knex }),
            schedulerServiceFactory,
            meshCoveragePlugin,
            // A catalog that holds components from the start: a first snapshot of an empty
            // catalog is not stored.
            catalogServiceMock.factory({ entities }),
            mockServices.rootConfig.factory({
              data: {
                meshCoverage: {
                  fleet: { snapshot: { frequency: { minutes: 10 } } },
                },
              },
            }),
          ],
        });
      // One after the other, the second while the first takes its start-up snapshot: Backstage's
      // own scheduler migrations do not wait for each other on an empty database (BENCHMARKS.md,
      // "Two instances starting at once"); ours do, tested in -node's runMigrations.test.ts.
      const backends = [await instance(), await instance()];
      try {
        const snapshots = async () =>
          Number(
            (await knex('mesh_coverage_fleet_snapshots').count({ n: '*' }))[0]
              .n,
          );
        for (let waited = 0; (await snapshots()) === 0 && waited < 60; ) {
          await sleep(1000);
          waited += 1;
        }
        // Long enough for a second instance to have run it too, if it were going to.
        await sleep(5000);
        expect(await snapshots()).toBe(1);
      } finally {
        await Promise.all(backends.map(backend => backend.stop()));
      }
    });
  },
);
