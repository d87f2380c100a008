import { resolve as resolvePath } from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import { FLEET_SNAPSHOT_TASK_ID, meshCoveragePlugin } from './plugin';
import { createRouter } from './router';

jest.setTimeout(60_000);

// SQLite always; PostgreSQL wherever BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING is set (CI).
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15'],
  disableDocker: true,
});

const BASE = '/api/mesh-coverage';

/** A real catalog over a file location; the processing loop ingests the test entities. */
async function startPortal(
  databaseId: TestDatabaseId,
  matrix?: { edition?: string; claimMaxAge?: object },
) {
  const knex = await databases.init(databaseId);
  // The test scheduler runs tasks when told: snapshots are taken once the catalog is ingested.
  const scheduler = mockServices.scheduler() as ReturnType<
    typeof mockServices.scheduler
  > & {
    factory(options?: { skipTaskRunOnStartup?: boolean }): any;
  };
  const backend = await startTestBackend({
    features: [
      mockServices.database.factory({ knex }),
      scheduler.factory({ skipTaskRunOnStartup: true }),
      meshCoveragePlugin,
      catalogPlugin,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component', 'API', 'Location'] }],
            locations: [
              {
                type: 'file',
                target: resolvePath(__dirname, '__fixtures__/entities.yaml'),
              },
            ],
          },
          meshCoverage: { matrix, defaultRequirements: { service: ['mtls'] } },
        },
      }),
      // Requests without a token are anonymous, as in a real backend.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  const user = mockCredentials.user.header();
  // Wait until the catalog has processed the file location.
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const res = await request(backend.server)
      .get('/api/catalog/entities/by-query?filter=kind=component')
      .set('Authorization', user);
    if (res.body.items?.length === 3) {
      break;
    }
    await new Promise(r => setTimeout(r, 200));
  }
  const takeSnapshot = () => scheduler.triggerTask(FLEET_SNAPSHOT_TASK_ID);
  return { backend, server: backend.server, user, takeSnapshot, knex };
}

// Most expectations below are the source document's: this suite runs on the seed edition.
describe.each(databases.eachSupportedId())(
  'mesh-coverage routes on %s',
  databaseId => {
    let portal: Awaited<ReturnType<typeof startPortal>>;
    let server: typeof portal.server;
    let user: string;
    beforeAll(async () => {
      portal = await startPortal(databaseId, { edition: 'seed' });
      ({ server, user } = portal);
    });
    afterAll(() => portal.backend.stop());

    describe('GET /health', () => {
      it('answers without credentials', async () => {
        const res = await request(server).get(`${BASE}/health`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ status: 'ok' });
      });
    });

    describe('every route', () => {
      const routes = async () => {
        const router = await createRouter({
          httpAuth: mockServices.httpAuth(),
          permissions: mockServices.permissions(),
          meshCoverage: {} as any,
        });
        return router.stack
          .filter((layer: any) => layer.route)
          .flatMap((layer: any) =>
            Object.keys(layer.route.methods).map(
              method => [method, layer.route.path] as const,
            ),
          );
      };

      it('answers 401 without credentials, except /health', async () => {
        const all = await routes();
        expect(all.length).toBeGreaterThanOrEqual(5);
        for (const [method, path] of all) {
          const res = await (request(server) as any)[method](`${BASE}${path}`);
          expect([path, res.status]).toEqual([
            path,
            path === '/health' ? 200 : 401,
          ]);
        }
      });

      it.each([
        ['null', 'null'],
        ['an array', '[]'],
        ['a string', '"istio"'],
        ['null fields', '{"mesh":null,"requires":null}'],
        ['numbers', '{"mesh":1,"requires":[1,2]}'],
        ['a null id', '{"mesh":"istio","requires":[null]}'],
        [
          'implements of the wrong type',
          '{"mesh":"istio","requires":["mtls"],"implements":"mtls"}',
        ],
        ['nested objects', '{"mesh":{"a":{"b":1}},"requires":[{"x":[]}]}'],
        ['a truncated body', '{"mesh":"istio","requires":["mt'],
      ])('answers 400 with a message to a body of %s', async (_, body) => {
        const res = await request(server)
          .post(`${BASE}/evaluate`)
          .set('Authorization', user)
          .set('Content-Type', 'application/json')
          .send(body);
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message.length).toBeGreaterThan(5);
      });

      it.each([
        ['/coverage?entityRef[]=a&entityRef[]=b'],
        ['/coverage?entityRef[x]=1'],
        ['/fleet?mesh=istio&mesh=linkerd'],
        ['/fleet?entityRefs=maybe'],
        ['/fleet?mesh='],
        ['/fleet?live=yes'],
        ['/fleet/history?from[]=a'],
        ['/coverage/history?entityRef=x&to[]=b'],
      ])('answers 400 with a message to the query %s', async path => {
        const res = await request(server)
          .get(`${BASE}${path}`)
          .set('Authorization', user);
        expect(res.status).toBe(400);
        expect(res.body.error.message.length).toBeGreaterThan(5);
      });
    });

    describe('auth', () => {
      it.each([
        ['get', '/matrix'],
        ['post', '/evaluate'],
        ['get', '/coverage?entityRef=component:default/payments-api'],
        ['get', '/fleet'],
        ['get', '/fleet/history'],
        ['get', '/coverage/history?entityRef=component:default/payments-api'],
      ] as const)(
        '%s %s answers 401 without credentials',
        async (method, path) => {
          const res = await request(server)[method](`${BASE}${path}`);
          expect(res.status).toBe(401);
        },
      );

      it('accepts service credentials', async () => {
        const res = await request(server)
          .get(`${BASE}/matrix`)
          .set('Authorization', mockCredentials.service.header());
        expect(res.status).toBe(200);
      });
    });

    describe('GET /matrix', () => {
      it('serves the matrix with its meta and an ETag', async () => {
        const res = await request(server)
          .get(`${BASE}/matrix`)
          .set('Authorization', user);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.headers.etag).toMatch(/^"[0-9a-f]{20}-gzip"$/);
        expect(Object.keys(res.body)).toEqual([
          'title',
          'description',
          'tools',
          'categories',
          'responsibilities',
          'cells',
          'meta',
        ]);
        expect(res.body.tools).toHaveLength(8);
        expect(res.body.responsibilities).toHaveLength(35);
        expect(res.body.cells[0]).toEqual({
          toolId: 'kubernetes',
          responsibilityId: 'protocol-tcp',
          support: 'no',
          alternative: {
            en: 'Service + kube-proxy',
            ja: 'Service + kube-proxy',
          },
        });
        expect(res.body.meta).toEqual({
          source: 'built-in',
          edition: 'seed',
          loadedAt: expect.any(String),
          version: expect.any(String),
          claimMaxAge: { days: 180 },
          editions: [
            { edition: 'seed' },
            { edition: 'current', date: expect.any(String) },
          ],
        });
      });

      it('serves either built-in edition on request, each with its own ETag', async () => {
        const served = await request(server)
          .get(`${BASE}/matrix`)
          .set('Authorization', user);
        const seed = await request(server)
          .get(`${BASE}/matrix?edition=seed`)
          .set('Authorization', user);
        const current = await request(server)
          .get(`${BASE}/matrix?edition=current`)
          .set('Authorization', user);
        expect(seed.headers.etag).toBe(served.headers.etag);
        expect(current.body.meta).toMatchObject({
          source: 'built-in',
          edition: 'current',
          editionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        });
        expect(current.headers.etag).not.toBe(seed.headers.etag);
        const changed = current.body.cells.find(
          (c: any) =>
            c.toolId === 'linkerd' && c.responsibilityId === 'circuit-breaker',
        );
        expect(changed).toMatchObject({
          support: 'yes',
          source: expect.stringMatching(/^https:\/\//),
          verifiedAt: expect.any(String),
          replaces: { support: 'no' },
        });
        const again = await request(server)
          .get(`${BASE}/matrix?edition=current`)
          .set('Authorization', user)
          .set('If-None-Match', current.headers.etag);
        expect(again.status).toBe(304);
      });

      it('answers 400 naming the valid editions', async () => {
        const res = await request(server)
          .get(`${BASE}/matrix?edition=latest`)
          .set('Authorization', user);
        expect(res.status).toBe(400);
        expect(res.body.error).toEqual({
          name: 'InputError',
          message:
            'edition: unknown edition "latest"; use one of seed, current',
        });
      });

      it('answers 304 to a matching If-None-Match', async () => {
        const first = await request(server)
          .get(`${BASE}/matrix`)
          .set('Authorization', user);
        const again = await request(server)
          .get(`${BASE}/matrix`)
          .set('Authorization', user)
          .set('If-None-Match', first.headers.etag);
        expect(again.status).toBe(304);
        expect(again.text).toBe('');
        const stale = await request(server)
          .get(`${BASE}/matrix`)
          .set('Authorization', user)
          .set('If-None-Match', '"something-else"');
        expect(stale.status).toBe(200);
      });

      it.each([
        ['br', 'br', '-br'],
        ['gzip, deflate', 'gzip', '-gzip'],
        ['gzip;q=0.5, br', 'br', '-br'],
        ['gzip, deflate, br, zstd', 'br', '-br'],
        ['br;q=0, gzip', 'gzip', '-gzip'],
        ['identity', undefined, ''],
        ['deflate', undefined, ''],
      ])(
        'serves prepared bytes for Accept-Encoding %p (%p), each with its own ETag',
        async (accepted, contentEncoding, tagSuffix) => {
          const res = await request(server)
            .get(`${BASE}/matrix`)
            .set('Authorization', user)
            .set('Accept-Encoding', accepted)
            .buffer(true)
            .parse((response, done) => {
              const chunks: Buffer[] = [];
              response.on('data', (chunk: Buffer) => chunks.push(chunk));
              response.on('end', () => done(null, Buffer.concat(chunks)));
            });
          expect(res.status).toBe(200);
          expect(res.headers['content-encoding']).toBe(contentEncoding);
          expect(res.headers.vary).toMatch(/Accept-Encoding/);
          expect(res.headers.etag).toMatch(
            new RegExp(`^"[0-9a-f]{20}${tagSuffix}"$`),
          );
          const json = JSON.parse(String(res.body));
          expect(json.responsibilities).toHaveLength(35);
          const again = await request(server)
            .get(`${BASE}/matrix`)
            .set('Authorization', user)
            .set('Accept-Encoding', accepted)
            .set('If-None-Match', res.headers.etag);
          expect(again.status).toBe(304);
        },
      );
    });

    describe('POST /evaluate', () => {
      it('returns the coverage report', async () => {
        const res = await request(server)
          .post(`${BASE}/evaluate`)
          .set('Authorization', user)
          .send({
            mesh: 'linkerd',
            requires: ['jwt-auth', 'mtls', 'circuit-breaker'],
            implements: ['jwt-auth'],
          });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          mesh: 'linkerd',
          coverage: 67,
          items: [
            {
              responsibilityId: 'circuit-breaker',
              status: 'gap',
              support: 'no',
              unknown: undefined,
              alternative: undefined,
            },
            { responsibilityId: 'mtls', status: 'mesh', support: 'yes' },
            { responsibilityId: 'jwt-auth', status: 'app', support: 'no' },
          ].map(item => JSON.parse(JSON.stringify(item))),
          covered: ['mtls'],
          implementedByApp: ['jwt-auth'],
          gaps: ['circuit-breaker'],
          errors: [],
        });
      });

      it('answers 400 naming unknown ids and the closest valid ones', async () => {
        const res = await request(server)
          .post(`${BASE}/evaluate`)
          .set('Authorization', user)
          .send({ mesh: 'istoi', requires: ['mtsl', 'retries'] });
        expect(res.status).toBe(400);
        expect(res.body.error).toEqual({
          name: 'InputError',
          message:
            "mesh: unknown mesh 'istoi' (did you mean 'istio'?); requires: unknown responsibility 'mtsl' (did you mean 'mtls'?)",
        });
      });

      it('answers 400 for a body that is not JSON', async () => {
        const res = await request(server)
          .post(`${BASE}/evaluate`)
          .set('Authorization', user)
          .set('Content-Type', 'application/json')
          .send('{"mesh":');
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toMatch(
          /^request body is not valid JSON \(/,
        );
      });

      it('answers 400 for a body over the size limit', async () => {
        const res = await request(server)
          .post(`${BASE}/evaluate`)
          .set('Authorization', user)
          .send({
            mesh: 'istio',
            requires: Array.from({ length: 20_000 }, () => 'mtls'),
          });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(
          'request body is larger than 64kb; send at most 1000 ids per list',
        );
      });

      it('answers 400 for too many ids', async () => {
        const res = await request(server)
          .post(`${BASE}/evaluate`)
          .set('Authorization', user)
          .send({
            mesh: 'istio',
            requires: Array.from({ length: 1001 }, () => 'mtls'),
          });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe('requires: at most 1000 ids');
      });

      it('answers 400 for a body of the wrong shape', async () => {
        const res = await request(server)
          .post(`${BASE}/evaluate`)
          .set('Authorization', user)
          .send({ mesh: 'istio', requires: 'mtls' });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe('requires: expected a list of ids');
      });
    });

    describe('GET /coverage', () => {
      it('returns the coverage report of a catalog component, with config defaults', async () => {
        const res = await request(server)
          .get(`${BASE}/coverage?entityRef=component:default/payments-api`)
          .set('Authorization', user);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          entityRef: 'component:default/payments-api',
          mesh: 'linkerd',
          coverage: 67,
          covered: ['mtls'],
          implementedByApp: ['jwt-auth'],
          gaps: ['circuit-breaker'],
          errors: [],
        });
      });

      it('accepts a bare name as component:default/<name>', async () => {
        const res = await request(server)
          .get(`${BASE}/coverage?entityRef=batch-job`)
          .set('Authorization', user);
        expect(res.body).toMatchObject({
          mesh: 'kubernetes',
          gaps: ['app-logs-ship'],
          coverage: 0,
        });
      });

      it('reports annotation errors of a component whose mesh is unknown', async () => {
        const res = await request(server)
          .get(`${BASE}/coverage?entityRef=component:default/typo-service`)
          .set('Authorization', user);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          entityRef: 'component:default/typo-service',
          mesh: 'istoi',
          meshSource: 'declared',
          coverage: null,
          items: [],
          covered: [],
          implementedByApp: [],
          gaps: [],
          errors: [
            "meshcoverage.io/mesh: unknown mesh 'istoi' (did you mean 'istio'?)",
          ],
          // No Kubernetes annotation: nothing looked up.
          observed: null,
          observedReason: {
            reason: 'no-kubernetes-annotation',
            message: expect.stringContaining('backstage.io/kubernetes-id'),
          },
        });
      });

      it('answers 400 naming a malformed ref', async () => {
        const res = await request(server)
          .get(`${BASE}/coverage?entityRef=component:default/`)
          .set('Authorization', user);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(
          "entityRef: malformed entity ref 'component:default/' (expected kind:namespace/name, e.g. component:default/payments-api)",
        );
      });

      it('answers 400 for a ref that is not a component', async () => {
        const res = await request(server)
          .get(`${BASE}/coverage?entityRef=api:default/payments`)
          .set('Authorization', user);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(
          /'api:default\/payments' is a api; mesh coverage is computed for Component entities/,
        );
      });

      it('answers 400 without an entityRef', async () => {
        const res = await request(server)
          .get(`${BASE}/coverage`)
          .set('Authorization', user);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/^entityRef: required/);
      });

      it('answers 404 for a component that is not in the catalog', async () => {
        const res = await request(server)
          .get(`${BASE}/coverage?entityRef=component:default/nope`)
          .set('Authorization', user);
        expect(res.status).toBe(404);
        expect(res.body.error).toEqual({
          name: 'NotFoundError',
          message: "No component 'component:default/nope' in the catalog",
        });
      });
    });

    describe('GET /fleet', () => {
      const TEAM_A = 'group:default/team-a';
      const get = (path: string) =>
        request(server).get(`${BASE}${path}`).set('Authorization', user);
      let liveFleet: Record<string, unknown>;

      it('computes the fleet now before the first snapshot, and with live=true', async () => {
        const res = await get('/fleet');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          live: true,
          components: 3,
          meshes: [
            { mesh: 'kubernetes', components: 1 },
            { mesh: 'linkerd', components: 1 },
          ],
          invalidMesh: 1,
          withErrors: 1,
          undeclared: 0,
          meanCoverage: 34,
          requirementCoverage: 50,
          responsibilities: [
            {
              responsibilityId: 'circuit-breaker',
              required: 1,
              covered: 0,
              implementedByApp: 0,
              gaps: 1,
              turnedOff: 0,
              configured: 0,
            },
            {
              responsibilityId: 'mtls',
              required: 1,
              covered: 1,
              implementedByApp: 0,
              gaps: 0,
              turnedOff: 0,
              configured: 0,
            },
            {
              responsibilityId: 'jwt-auth',
              required: 1,
              covered: 0,
              implementedByApp: 1,
              gaps: 0,
              turnedOff: 0,
              configured: 0,
            },
            {
              responsibilityId: 'app-logs-ship',
              required: 1,
              covered: 0,
              implementedByApp: 0,
              gaps: 1,
              turnedOff: 0,
              configured: 0,
            },
          ],
          byOwner: [
            {
              owner: TEAM_A,
              components: 3,
              meanCoverage: 34,
              gaps: 2,
              implementedByApp: 1,
              meshes: ['kubernetes', 'linkerd'],
            },
          ],
          distribution: expect.arrayContaining([
            { from: 0, to: 9, components: 1 },
            { from: 60, to: 69, components: 1 },
            { from: 100, to: 100, components: 0 },
          ]),
        });
        liveFleet = res.body;
        expect((await get('/fleet?live=true')).body).toEqual(liveFleet);
      });

      it('serves the latest snapshot once taken, and says when it was taken', async () => {
        await portal.takeSnapshot();
        const res = await get('/fleet');
        expect(res.status).toBe(200);
        const { snapshotAt, ...figures } = res.body;
        expect(Date.parse(snapshotAt)).toBeGreaterThan(Date.now() - 60_000);
        const { live, ...liveFigures } = liveFleet;
        expect(figures).toEqual(liveFigures);
        expect((await get('/fleet?live=true')).body.live).toBe(true);
      });

      it('answers a what-if with today, the change and the adoption case', async () => {
        const res = await get('/fleet?mesh=istio');
        expect(res.status).toBe(200);
        expect(res.body.whatIfMesh).toBe('istio');
        expect(res.body.snapshotAt).toEqual(expect.any(String));
        expect(res.body.meshes).toEqual([{ mesh: 'istio', components: 3 }]);
        expect(res.body.today.meshes).toEqual([
          { mesh: 'kubernetes', components: 1 },
          { mesh: 'linkerd', components: 1 },
        ]);
        // payments-api implements jwt-auth itself and has a circuit-breaker gap: Istio carries
        // both. batch-job's log shipping stays a gap; typo-service's mesh is invalid today.
        expect(res.body.adoption).toEqual({
          mesh: 'istio',
          implementationsRemoved: 1,
          teams: 1,
          turnedOffToday: 0,
          gapsClosed: 1,
          gapsOpened: 0,
          byOwner: [
            {
              owner: TEAM_A,
              implementationsRemoved: 1,
              gapsClosed: 1,
              gapsOpened: 0,
            },
          ],
        });
        expect(res.body.change).toEqual([
          {
            responsibilityId: 'circuit-breaker',
            covered: 1,
            implementedByApp: 0,
            gaps: -1,
            turnedOff: 0,
          },
          {
            responsibilityId: 'mtls',
            covered: 1,
            implementedByApp: 0,
            gaps: 0,
            turnedOff: 0,
          },
          {
            responsibilityId: 'jwt-auth',
            covered: 1,
            implementedByApp: -1,
            gaps: 0,
            turnedOff: 0,
          },
          {
            responsibilityId: 'app-logs-ship',
            covered: 0,
            implementedByApp: 0,
            gaps: 0,
            turnedOff: 0,
          },
        ]);
      });

      it('links the components behind each number on request, computed now', async () => {
        const res = await get('/fleet?entityRefs=true');
        expect(res.body.live).toBe(true);
        expect(res.body.responsibilities[0].entityRefs).toEqual({
          covered: [],
          implementedByApp: [],
          gaps: ['component:default/payments-api'],
          turnedOff: [],
        });
      });

      it('answers 400 for an unknown what-if mesh', async () => {
        const res = await get('/fleet?mesh=linkerdd');
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(
          "mesh: unknown mesh 'linkerdd' (did you mean 'linkerd'?)",
        );
      });

      describe('GET /fleet/history', () => {
        it('returns a point per snapshot, for the fleet, a mesh or an owner', async () => {
          await portal.takeSnapshot();
          const all = await get('/fleet/history');
          expect(all.status).toBe(200);
          expect(all.body.points.length).toBeGreaterThanOrEqual(2);
          expect(all.body.points.at(-1)).toEqual({
            at: expect.any(String),
            components: 3,
            coverage: 34,
            gaps: 2,
          });
          expect(Date.parse(all.body.to) - Date.parse(all.body.from)).toBe(
            30 * 24 * 3600 * 1000,
          );
          const linkerd = await get('/fleet/history?mesh=linkerd');
          expect(linkerd.body.mesh).toBe('linkerd');
          expect(linkerd.body.points.at(-1)).toMatchObject({
            components: 1,
            coverage: 67,
            gaps: 1,
          });
          const team = await get('/fleet/history?owner=team-a');
          expect(team.body.owner).toBe(TEAM_A);
          expect(team.body.points.at(-1)).toMatchObject({ components: 3 });
          const nobody = await get('/fleet/history?owner=group:default/team-z');
          expect(nobody.body.points.at(-1)).toMatchObject({
            components: 0,
            coverage: null,
          });
        });

        it('returns no points for a range before any snapshot', async () => {
          const res = await get(
            '/fleet/history?from=2026-01-01&to=2026-01-31T23:59:59Z',
          );
          expect(res.body).toEqual({
            from: '2026-01-01T00:00:00.000Z',
            to: '2026-01-31T23:59:59.000Z',
            points: [],
          });
        });

        it.each([
          ['from=yesterday', "from: 'yesterday' is not a date"],
          ['to=2026-13-45', "to: '2026-13-45' is not a date"],
          ['from=2026-11-02&to=2026-11-01', 'is after to'],
          ['from=2020-01-01&to=2026-11-01', 'longer than the 400 days'],
          ['mesh=linkerdd', "mesh: unknown mesh 'linkerdd'"],
          ['owner=', "owner: malformed entity ref ''"],
        ])(
          'answers 400 to %s, naming the parameter',
          async (query, message) => {
            const res = await get(`/fleet/history?${query}`);
            expect(res.status).toBe(400);
            expect(res.body.error.message).toContain(message);
          },
        );
      });

      describe('GET /coverage/history', () => {
        it('returns the component’s coverage since the first snapshot, changes only', async () => {
          const res = await get(
            '/coverage/history?entityRef=component:default/payments-api',
          );
          expect(res.status).toBe(200);
          expect(res.body.entityRef).toBe('component:default/payments-api');
          // Two or more snapshots, one value: one point.
          expect(res.body.points).toEqual([
            {
              at: expect.any(String),
              mesh: 'linkerd',
              owner: TEAM_A,
              coverage: 67,
              gaps: 1,
            },
          ]);
        });

        it('answers 404 for a component the caller cannot see, 400 for a bad ref or date', async () => {
          expect(
            (await get('/coverage/history?entityRef=component:default/nope'))
              .status,
          ).toBe(404);
          const bad = await get('/coverage/history?entityRef=api:default/x');
          expect(bad.status).toBe(400);
          expect(bad.body.error.message).toContain('entityRef:');
          const date = await get(
            '/coverage/history?entityRef=payments-api&from=soon',
          );
          expect(date.status).toBe(400);
          expect(date.body.error.message).toContain("from: 'soon'");
        });
      });
    });
  },
);

describe.each(databases.eachSupportedId())(
  'mesh-coverage routes on the default (current) edition on %s',
  databaseId => {
    let portal: Awaited<ReturnType<typeof startPortal>>;
    beforeAll(async () => {
      portal = await startPortal(databaseId, { claimMaxAge: { months: 3 } });
    });
    afterAll(() => portal.backend.stop());

    it('serves the current edition by default, with the configured claim max age', async () => {
      const res = await request(portal.server)
        .get(`${BASE}/matrix`)
        .set('Authorization', portal.user);
      expect(res.body.meta.edition).toBe('current');
      expect(res.body.meta.claimMaxAge).toEqual({ days: 90 });
    });

    it('compares Kuma, added by the edition, and evaluates a component on it', async () => {
      const { server, user } = portal;
      const matrix = await request(server)
        .get(`${BASE}/matrix`)
        .set('Authorization', user);
      expect(matrix.body.tools.map((t: { id: string }) => t.id)).toContain(
        'kuma',
      );
      const evaluated = await request(server)
        .post(`${BASE}/evaluate`)
        .set('Authorization', user)
        .send({ mesh: 'kuma', requires: ['mtls', 'retries'] });
      expect(evaluated.status).toBe(200);
      expect(evaluated.body).toMatchObject({ mesh: 'kuma', coverage: 100 });
      const whatIf = await request(server)
        .get(`${BASE}/fleet?mesh=kuma`)
        .set('Authorization', user);
      expect(whatIf.status).toBe(200);
    });

    it('covers circuit breaking on Linkerd, a gap under the seed edition, in /evaluate, /coverage and /fleet', async () => {
      const { server, user } = portal;
      const evaluated = await request(server)
        .post(`${BASE}/evaluate`)
        .set('Authorization', user)
        .send({ mesh: 'linkerd', requires: ['circuit-breaker'] });
      expect(evaluated.body).toMatchObject({
        coverage: 100,
        covered: ['circuit-breaker'],
        gaps: [],
      });
      const coverage = await request(server)
        .get(`${BASE}/coverage?entityRef=component:default/payments-api`)
        .set('Authorization', user);
      expect(coverage.body).toMatchObject({
        mesh: 'linkerd',
        coverage: 100,
        covered: ['circuit-breaker', 'mtls'],
        gaps: [],
      });
      const fleet = await request(server)
        .get(`${BASE}/fleet?live=true`)
        .set('Authorization', user);
      expect(
        fleet.body.responsibilities.find(
          (r: any) => r.responsibilityId === 'circuit-breaker',
        ),
      ).toMatchObject({ required: 1, covered: 1, gaps: 0 });
    });
  },
);
