/*
 * Two backend instances on one database, as behind a load balancer: scheduled work (the matrix
 * refresh, the fact retrieval) runs once across them, and both serve the same matrix and ETag.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { resolve as resolvePath } from 'path';
import {
  coreServices,
  createServiceFactory,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import meshCoveragePlugin from '@meshcoverage/plugin-mesh-coverage-backend';
import techInsightsMeshCoverageModule from '@meshcoverage/plugin-tech-insights-backend-module-mesh-coverage';
import { Knex } from 'knex';
import request from 'supertest';
import { stringify as toYaml } from 'yaml';

jest.setTimeout(120_000);

// SQLite always (both instances share one connection); PostgreSQL wherever
// BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING is set (CI).
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15'],
  disableDocker: true,
});

const MATRIX_URL = 'https://git.example.com/platform/mesh-matrix.yaml';
const REFRESH_SECONDS = 2;
const builtin = JSON.parse(
  readFileSync(
    resolvePath(
      __dirname,
      '../../../plugins/mesh-coverage-common/src/data/seed-matrix.json',
    ),
    'utf8',
  ),
);

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The minimum time between consecutive runs: a run on each instance would give near-zero gaps. */
const smallestGap = (times: number[]) =>
  times
    .slice(1)
    .reduce(
      (min, t, i) => Math.min(min, t - times[i]),
      Number.POSITIVE_INFINITY,
    );

describe.each(databases.eachSupportedId())(
  'two backend instances on %s',
  databaseId => {
    it('run scheduled work once across them and serve the same matrix and ETag', async () => {
      // One database per plugin, as Backstage gives them, shared by both instances.
      const pluginDatabases = new Map<string, Promise<Knex>>();
      const databaseFor = (pluginId: string) => {
        if (!pluginDatabases.has(pluginId)) {
          pluginDatabases.set(pluginId, databases.init(databaseId));
        }
        return pluginDatabases.get(pluginId)!;
      };
      let matrixDocument = toYaml(builtin);
      const matrixReads: { pluginId: string; at: number }[] = [];
      const retrieverRuns: number[] = [];
      const entities: Entity[] = [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'payments-api',
            namespace: 'default',
            annotations: { 'meshcoverage.io/mesh': 'istio' },
          },
          spec: { type: 'service' },
        },
      ];

      const instance = () => {
        const catalog = catalogServiceMock({ entities });
        return startTestBackend({
          features: [
            meshCoveragePlugin,
            techInsightsPlugin,
            techInsightsMeshCoverageModule,
            createServiceFactory({
              service: coreServices.database,
              deps: { plugin: coreServices.pluginMetadata },
              factory: ({ plugin }) => ({
                getClient: () => databaseFor(plugin.getId()),
              }),
            }),
            // The real scheduler: global tasks are coordinated through the shared database.
            schedulerServiceFactory,
            createServiceFactory({
              service: coreServices.urlReader,
              deps: { plugin: coreServices.pluginMetadata },
              factory: ({ plugin }): UrlReaderService => ({
                readUrl: async () => {
                  matrixReads.push({
                    pluginId: plugin.getId(),
                    at: Date.now(),
                  });
                  const text = matrixDocument;
                  return { buffer: async () => Buffer.from(text) } as any;
                },
                readTree: async () => {
                  throw new Error('not used');
                },
                search: async () => {
                  throw new Error('not used');
                },
              }),
            }),
            createServiceFactory({
              service: catalogServiceRef,
              deps: {},
              factory: () => ({
                ...catalog,
                queryEntities: async (
                  ...args: Parameters<typeof catalog.queryEntities>
                ) => {
                  retrieverRuns.push(Date.now());
                  return catalog.queryEntities(...args);
                },
              }),
            }),
            mockServices.rootConfig.factory({
              data: {
                meshCoverage: {
                  matrix: {
                    url: MATRIX_URL,
                    refresh: { seconds: REFRESH_SECONDS },
                  },
                },
                techInsights: {
                  factRetrievers: {
                    meshCoverageFactRetriever: {
                      cadence: `*/${REFRESH_SECONDS} * * * * *`,
                    },
                  },
                },
              },
            }),
          ],
        });
      };

      const first = await instance();
      const second = await instance();
      // Each plugin using the matrix (mesh-coverage, tech-insights) validates the source at
      // start-up, on each instance.
      const startupReads = matrixReads.length;
      expect(startupReads).toBe(4);

      const windowMs = 12_000;
      await sleep(windowMs);
      const periods = windowMs / (REFRESH_SECONDS * 1000);

      // Each plugin's refresh runs once per period across both instances, never once per instance.
      for (const pluginId of ['mesh-coverage', 'tech-insights']) {
        const refreshes = matrixReads
          .slice(startupReads)
          .filter(read => read.pluginId === pluginId)
          .map(read => read.at);
        expect(refreshes.length).toBeGreaterThanOrEqual(2);
        expect(refreshes.length).toBeLessThanOrEqual(periods + 1);
        // A run repeated by the other instance would start within milliseconds of the first.
        // Runs that are merely late come further apart: the scheduler starts the next one at
        // max(due + period, now), so on a loaded machine two runs can come closer than a period
        // (1 s apart with a 2 s period, seen in CI), but not together. The count above is the
        // main guard.
        expect(smallestGap(refreshes.slice(1))).toBeGreaterThan(
          REFRESH_SECONDS * 1000 * 0.1,
        );
      }
      expect(retrieverRuns.length).toBeGreaterThanOrEqual(2);
      expect(retrieverRuns.length).toBeLessThanOrEqual(periods + 1);
      // Cron schedules catch up after an overrun, so two runs may come close together on one
      // instance; the count is what shows the retrieval is not repeated per instance (~2x).

      const etagOf = async (server: typeof first.server) => {
        const res = await request(server)
          .get('/api/mesh-coverage/matrix')
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(200);
        return {
          etag: res.headers.etag as string,
          meta: res.body.meta,
          bodyHash: createHash('sha256').update(res.text).digest('hex'),
        };
      };
      const a = await etagOf(first.server);
      const b = await etagOf(second.server);
      expect(a.etag).toBe(b.etag);
      expect(a.meta).toEqual(b.meta);
      expect(a.bodyHash).toBe(b.bodyHash); // one ETag, one body

      // A new version of the source reaches both instances, though only one of them re-reads it.
      const edited = JSON.parse(JSON.stringify(builtin));
      edited.cells.find(
        (c: any) =>
          c.toolId === 'linkerd' && c.responsibilityId === 'circuit-breaker',
      ).support = 'yes';
      matrixDocument = toYaml(edited);
      let after = { a, b };
      for (
        let i = 0;
        i < 40 && (after.a.etag === a.etag || after.b.etag !== after.a.etag);
        i += 1
      ) {
        await sleep(1000);
        after = {
          a: await etagOf(first.server),
          b: await etagOf(second.server),
        };
      }
      expect(after.a.etag).not.toBe(a.etag);
      expect(after.b.etag).toBe(after.a.etag);
      expect(after.b.meta).toEqual(after.a.meta);
      expect(after.b.bodyHash).toBe(after.a.bodyHash);

      await first.stop();
      await second.stop();
    });
  },
);
