import { readFileSync } from 'fs';
import { resolve as resolvePath } from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import jsonfcModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  DEMO_CLUSTER_TOKEN,
  DEMO_PODS,
  DEMO_RESOURCES,
  FakeCluster,
  kubernetesConfigFor,
  startFakeCluster,
} from '@internal/fake-cluster';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { techInsightsModuleMeshCoverage } from './module';

jest.setTimeout(60_000);

// SQLite always; PostgreSQL wherever BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING is set (CI).
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15'],
  disableDocker: true,
});

/** The checks exactly as shipped for adopters (and $included by the example app-config). */
const checks = parseYaml(
  readFileSync(resolvePath(__dirname, '../checks.yaml'), 'utf8'),
);

const component = (
  name: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
});

const entities = [
  component('payments-api', {
    'meshcoverage.io/mesh': 'istio',
    'meshcoverage.io/requires': 'jwt-auth, circuit-breaker',
  }),
  component('orders-service', {
    'meshcoverage.io/mesh': 'linkerd',
    'meshcoverage.io/requires': 'jwt-auth, circuit-breaker',
    'meshcoverage.io/implements': 'jwt-auth',
  }),
  component('legacy-billing', {
    'meshcoverage.io/requires': 'retries',
    'meshcoverage.io/implements': 'retries',
  }),
  component('search-api', {
    'meshcoverage.io/mesh': 'istio',
    'meshcoverage.io/requires': 'circuit-braker, retries',
  }),
];

/** orders-service runs Linkerd and requires circuit breaking: a gap only in the seed edition. */
const editions = [
  { edition: 'current', coverage: 100, gapCount: 0 },
  { edition: 'seed', coverage: 67, gapCount: 1 },
];

describe.each(
  databases
    .eachSupportedId()
    .flatMap(([databaseId]) => editions.map(e => [databaseId, e] as const)),
)(
  'meshCoverageFactRetriever in a real Tech Insights backend on %s, %o edition',
  (databaseId, expected) => {
    let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
    let stop: () => Promise<void>;
    const user = mockCredentials.user.header();

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          mockServices.database.factory({ knex }),
          techInsightsPlugin,
          jsonfcModule,
          techInsightsModuleMeshCoverage,
          catalogServiceMock.factory({ entities }),
          // Run the retriever at start-up despite the initial delay Tech Insights gives it.
          mockServices.scheduler.factory({
            includeInitialDelayedTasksOnStartup: true,
          }),
          mockServices.rootConfig.factory({
            data: {
              meshCoverage: {
                matrix: { edition: expected.edition },
                defaultRequirements: { service: ['mtls'] },
              },
              techInsights: {
                factRetrievers: {
                  meshCoverageFactRetriever: { cadence: '*/5 * * * *' },
                },
                factChecker: { checks },
              },
            },
          }),
        ],
      });
      server = backend.server;
      stop = () => backend.stop();
    });
    afterAll(() => stop());

    const latestFacts = async (name: string) => {
      const res = await request(server)
        .get('/api/tech-insights/facts/latest')
        .query({
          entity: `component:default/${name}`,
          'ids[]': 'meshCoverageFactRetriever',
        })
        .set('Authorization', user);
      expect(res.status).toBe(200);
      return res.body.meshCoverageFactRetriever?.facts;
    };

    const verdicts = async (name: string) => {
      const res = await request(server)
        .post(`/api/tech-insights/checks/run/default/component/${name}`)
        .send({ checks: Object.keys(checks) })
        .set('Authorization', user);
      expect(res.status).toBe(200);
      return Object.fromEntries(
        (res.body as { check: { id: string }; result: boolean }[]).map(r => [
          r.check.id,
          r.result,
        ]),
      );
    };

    it('stores the facts of docs/scorecards.md for every component', async () => {
      expect(await latestFacts('orders-service')).toEqual({
        hasMesh: true,
        mesh: 'linkerd',
        coverage: expected.coverage,
        gapCount: expected.gapCount,
        unknownCount: 0,
        mtlsCovered: true,
        requirementsDeclared: true,
        annotationErrors: 0,
      });
      expect(await latestFacts('legacy-billing')).toMatchObject({
        hasMesh: false,
        mesh: 'kubernetes',
        coverage: 50,
        mtlsCovered: false,
      });
    });

    it('passes every check for a fully covered component', async () => {
      expect(await verdicts('payments-api')).toEqual({
        meshCoverageNoGaps: true,
        meshCoverageMtls: true,
        meshCoverageDeclared: true,
      });
    });

    it('fails the gap check of a component with a gap, and only then', async () => {
      expect(await verdicts('orders-service')).toEqual({
        meshCoverageNoGaps: expected.gapCount === 0,
        meshCoverageMtls: true,
        meshCoverageDeclared: true,
      });
    });

    it('fails the mTLS check when neither mesh nor app covers it', async () => {
      expect(await verdicts('legacy-billing')).toMatchObject({
        meshCoverageMtls: false,
      });
    });

    it('fails the declaration check on an annotation error', async () => {
      expect(await verdicts('search-api')).toEqual({
        meshCoverageNoGaps: true,
        meshCoverageMtls: true,
        meshCoverageDeclared: false,
      });
    });
  },
);

describe('observed-mesh facts and check, with the Kubernetes backend over a fake cluster', () => {
  const observedEntities = [
    // Declared Istio; every pod carries istio-proxy.
    component('payments-api', {
      'meshcoverage.io/mesh': 'istio',
      'backstage.io/kubernetes-id': 'payments-api',
    }),
    // Declared Istio; 4 of 5 pods meshed.
    component('storefront-web', {
      'meshcoverage.io/mesh': 'istio',
      'backstage.io/kubernetes-id': 'storefront-web',
    }),
    // Declared Linkerd; no pod injected.
    component('notifications-worker', {
      'meshcoverage.io/mesh': 'linkerd',
      'backstage.io/kubernetes-id': 'notifications-worker',
    }),
    // Nothing to look up.
    component('shipping-service', { 'meshcoverage.io/mesh': 'vpc-lattice' }),
  ];
  let cluster: FakeCluster;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: () => Promise<void>;
  const user = mockCredentials.user.header();

  beforeAll(async () => {
    cluster = await startFakeCluster({
      pods: DEMO_PODS,
      resources: DEMO_RESOURCES,
      token: DEMO_CLUSTER_TOKEN,
    });
    const backend = await startTestBackend({
      features: [
        techInsightsPlugin,
        jsonfcModule,
        techInsightsModuleMeshCoverage,
        kubernetesPlugin,
        catalogServiceMock.factory({ entities: observedEntities }),
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        mockServices.rootConfig.factory({
          data: {
            // The Kubernetes backend loads its client on its first request, slowly under a
            // loaded test run: these tests are about the facts, not the timeout.
            meshCoverage: {
              observed: { timeout: { seconds: 60 } },
              configured: { timeout: { seconds: 60 } },
              defaultRequirements: { service: ['mtls', 'circuit-breaker'] },
            },
            techInsights: {
              factRetrievers: {
                meshCoverageFactRetriever: { cadence: '*/5 * * * *' },
              },
              factChecker: { checks },
            },
            kubernetes: kubernetesConfigFor(cluster, {
              name: 'fake-cluster',
              token: DEMO_CLUSTER_TOKEN,
            }),
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });
  afterAll(async () => {
    await stop?.();
    await cluster?.close();
  });

  /** The retriever runs at start-up; its facts land a moment later. */
  const latestFacts = async (name: string) => {
    for (let attempt = 0; attempt < 250; attempt += 1) {
      const res = await request(server)
        .get('/api/tech-insights/facts/latest')
        .query({
          entity: `component:default/${name}`,
          'ids[]': 'meshCoverageFactRetriever',
        })
        .set('Authorization', user);
      const facts = res.body.meshCoverageFactRetriever?.facts;
      if (facts) return facts;
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error(`no facts for ${name}`);
  };

  const observedVerdict = async (name: string) => {
    await latestFacts(name);
    const res = await request(server)
      .post(`/api/tech-insights/checks/run/default/component/${name}`)
      .send({ checks: ['meshCoverageObservedMatchesDeclared'] })
      .set('Authorization', user);
    expect(res.status).toBe(200);
    return (res.body as { result: boolean }[]).map(r => r.result);
  };

  it('stores what runs next to what is declared', async () => {
    expect(await latestFacts('payments-api')).toMatchObject({
      mesh: 'istio',
      meshObserved: 'istio',
      meshedPodRatio: 1,
      meshDeclaredMatchesObserved: true,
    });
    expect(await latestFacts('storefront-web')).toMatchObject({
      meshObserved: 'istio',
      meshedPodRatio: 0.8,
      meshDeclaredMatchesObserved: false,
    });
    expect(await latestFacts('notifications-worker')).toMatchObject({
      mesh: 'linkerd',
      meshObserved: 'kubernetes',
      meshedPodRatio: 0,
      meshDeclaredMatchesObserved: false,
    });
    const unobserved = await latestFacts('shipping-service');
    expect(unobserved.mesh).toBe('vpc-lattice');
    expect(unobserved).not.toHaveProperty('meshObserved');
  });

  it('fails meshCoverageObservedMatchesDeclared for a declared but unmeshed component', async () => {
    expect(await observedVerdict('notifications-worker')).toEqual([false]);
    expect(await observedVerdict('storefront-web')).toEqual([false]);
    expect(await observedVerdict('payments-api')).toEqual([true]);
  });

  it('stores what the mesh is configured to do, as /coverage reads it, and checks it', async () => {
    // payments-api: STRICT mTLS and a DestinationRule of its own.
    expect(await latestFacts('payments-api')).toMatchObject({
      meshConfiguredRatio: 1,
      meshTurnedOffResponsibilities: [],
    });
    // storefront-web: the namespace's PERMISSIVE policy and no DestinationRule.
    expect(await latestFacts('storefront-web')).toMatchObject({
      meshConfiguredRatio: 0,
      meshTurnedOffResponsibilities: ['circuit-breaker', 'mtls'],
    });
    const verdict = async (name: string) => {
      const res = await request(server)
        .post(`/api/tech-insights/checks/run/default/component/${name}`)
        .send({ checks: ['meshCoverageRequirementsConfigured'] })
        .set('Authorization', user);
      return (res.body as { result: boolean }[]).map(r => r.result);
    };
    expect(await verdict('payments-api')).toEqual([true]);
    expect(await verdict('storefront-web')).toEqual([false]);
    // Nothing read for a component not on Kubernetes: skipped, not failed.
    expect(await latestFacts('shipping-service')).not.toHaveProperty(
      'meshConfiguredRatio',
    );
    expect(await verdict('shipping-service')).toEqual([]);
  });

  it('skips the check where nothing was observed', async () => {
    expect(await observedVerdict('shipping-service')).toEqual([]);
  });
});
