import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { resolve as resolvePath } from 'path';
import { meshCoveragePlugin } from './plugin';

jest.setTimeout(120_000);

// SQLite always; PostgreSQL wherever BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING is set (CI).
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15'],
  disableDocker: true,
});

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

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
            catalogPlugin,
            mockServices.rootConfig.factory({
              data: {
                catalog: {
                  rules: [{ allow: ['Component', 'Location'] }],
                  locations: [
                    {
                      type: 'file',
                      target: resolvePath(
                        __dirname,
                        '__fixtures__/entities.yaml',
                      ),
                    },
                  ],
                },
                meshCoverage: {
                  fleet: { snapshot: { frequency: { minutes: 10 } } },
                },
              },
            }),
          ],
        });
      // One after the other, as a rolling deploy starts them: a fresh database's first
      // migrations are not safe to race (the catalog's own neither).
      const backends = [await instance()];
      backends.push(await instance());
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
