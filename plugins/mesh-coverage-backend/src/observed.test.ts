import { resolve as resolvePath } from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  DEMO_CLUSTER_TOKEN,
  DEMO_PODS,
  FakeCluster,
  kubernetesConfigFor,
  startFakeCluster,
} from '@internal/fake-cluster';
import request from 'supertest';
import { meshCoveragePlugin } from './plugin';

jest.setTimeout(60_000);

const BASE = '/api/mesh-coverage';
const COMPONENTS = 16;
const TIMEOUT_MS = 1500;

/**
 * The real catalog and the real Kubernetes backend, pointed at a fake cluster (no real cluster
 * can run here) that serves the demo pods.
 */
async function startPortal(options: {
  kubernetes: boolean;
  cluster?: FakeCluster;
}) {
  const backend = await startTestBackend({
    features: [
      meshCoveragePlugin,
      catalogPlugin,
      ...(options.kubernetes ? [kubernetesPlugin] : []),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [
              {
                type: 'file',
                target: resolvePath(
                  __dirname,
                  '__fixtures__/observed-entities.yaml',
                ),
              },
            ],
          },
          meshCoverage: {
            observed: { timeout: { milliseconds: TIMEOUT_MS } },
            // What is configured has its own suite (configured.test.ts).
            configured: { enabled: false },
            defaultRequirements: { service: ['mtls', 'retries'] },
          },
          kubernetes:
            options.cluster &&
            kubernetesConfigFor(options.cluster, {
              name: 'fake-cluster',
              token: DEMO_CLUSTER_TOKEN,
            }),
        },
      }),
    ],
  });
  const user = mockCredentials.user.header();
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const res = await request(backend.server)
      .get('/api/catalog/entities/by-query?filter=kind=component')
      .set('Authorization', user);
    if (res.body.items?.length === COMPONENTS) {
      break;
    }
    await new Promise(r => setTimeout(r, 200));
  }
  const coverage = async (name: string) => {
    const res = await request(backend.server)
      .get(`${BASE}/coverage?entityRef=component:default/${name}`)
      .set('Authorization', user);
    expect(res.status).toBe(200);
    return res.body;
  };
  return { backend, coverage };
}

describe('observed meshes through the Kubernetes backend', () => {
  let cluster: FakeCluster;
  let portal: Awaited<ReturnType<typeof startPortal>>;

  beforeAll(async () => {
    cluster = await startFakeCluster({
      pods: DEMO_PODS,
      token: DEMO_CLUSTER_TOKEN,
    });
    portal = await startPortal({ kubernetes: true, cluster });
    // The Kubernetes backend loads its client on its first request: not what the tests time.
    await request(portal.backend.server)
      .post('/api/kubernetes/resources/workloads/query')
      .set('Authorization', mockCredentials.user.header())
      .send({ entityRef: 'component:default/not-on-kubernetes', auth: {} });
  });

  afterAll(async () => {
    await portal?.backend.stop();
    await cluster?.close();
  });

  afterEach(() => cluster.setFault(undefined));

  it.each([
    ['payments-api', { mesh: 'istio', pods: 3, meshedPods: 3 }, 'sidecar'],
    ['storefront-web', { mesh: 'istio', pods: 5, meshedPods: 4 }, 'sidecar'],
    ['orders-service', { mesh: 'linkerd', pods: 2, meshedPods: 2 }, 'sidecar'],
    [
      'inventory-service',
      { mesh: 'consul', pods: 2, meshedPods: 2 },
      'sidecar',
    ],
    ['search-api', { mesh: 'istio', pods: 2, meshedPods: 2 }, 'ambient'],
    ['notifications-worker', { mesh: null, pods: 2, meshedPods: 0 }, undefined],
    ['legacy-billing', { mesh: null, pods: 1, meshedPods: 0 }, undefined],
    [
      'orders-by-selector',
      { mesh: 'linkerd', pods: 2, meshedPods: 2 },
      'sidecar',
    ],
  ])('%s: %j', async (name, figures, mode) => {
    const body = await portal.coverage(name);
    expect(body.observed).toMatchObject({
      ...figures,
      clusters: ['fake-cluster'],
      checkedAt: expect.any(String),
    });
    expect(
      body.observed.dataPlanes.map((p: { mode: string }) => p.mode),
    ).toEqual(mode ? [mode] : []);
    expect(body.observedReason).toBeUndefined();
    // The coverage report itself is unchanged by what runs.
    expect(body.covered).toEqual(
      name === 'legacy-billing' ? [] : ['retries', 'mtls'],
    );
  });

  it('takes the mesh from the pods of a component without a mesh annotation, and says so', async () => {
    const body = await portal.coverage('search-unannotated');
    expect(body).toMatchObject({
      mesh: 'istio',
      meshSource: 'observed',
      covered: ['retries', 'mtls'],
      coverage: 100,
    });
    // Pods without any data plane: Kubernetes without a mesh, all gaps.
    const billing = await portal.coverage('billing-unannotated');
    expect(billing).toMatchObject({
      mesh: 'kubernetes',
      meshSource: 'observed',
      gaps: ['retries', 'mtls'],
    });
    // A declared mesh says it is declared.
    expect((await portal.coverage('payments-api')).meshSource).toBe('declared');
  });

  it('keeps a mesh annotation naming an unknown mesh an error, never replaced by what runs', async () => {
    const body = await portal.coverage('payments-typo');
    expect(body.mesh).toBe('isito');
    expect(body.meshSource).toBe('declared');
    expect(body.coverage).toBeNull();
    expect(body.errors.join()).toMatch(/did you mean 'istio'/);
    expect(body.observed.mesh).toBe('istio');
  });

  it('reports no pods as an observation of nothing running', async () => {
    const body = await portal.coverage('nothing-running');
    expect(body.observed).toMatchObject({ mesh: null, pods: 0, meshedPods: 0 });
  });

  it('does not look without a Kubernetes annotation', async () => {
    const before = cluster.requests.length;
    const body = await portal.coverage('not-on-kubernetes');
    expect(body.observed).toBeNull();
    expect(body.observedReason.reason).toBe('no-kubernetes-annotation');
    expect(cluster.requests.length).toBe(before);
  });

  it('caches an answer, so an entity page does not reach the cluster on every view', async () => {
    await portal.coverage('orders-service');
    const before = cluster.requests.length;
    const body = await portal.coverage('orders-service');
    expect(body.observed.meshedPods).toBe(2);
    expect(cluster.requests.length).toBe(before);
  });

  it.each([
    ['error', 'fault-error', 'cluster-error', /fake-cluster.*500/],
    ['garbage', 'fault-garbage', 'cluster-error', /fake-cluster/],
    ['hang', 'fault-hang', 'timeout', /did not answer within 1500 ms/],
  ] as const)(
    'a cluster answering %s: observed null with a reason, coverage still 200',
    async (fault, name, reason, message) => {
      cluster.setFault(fault);
      const body = await portal.coverage(name);
      expect(body.observed).toBeNull();
      expect(body.observedReason).toEqual({
        reason,
        message: expect.stringMatching(message),
      });
      expect(body.coverage).toBe(100);
    },
  );
});

describe('observed meshes without the Kubernetes backend', () => {
  it('answers observed null, reason kubernetes-unavailable', async () => {
    const portal = await startPortal({ kubernetes: false });
    try {
      const body = await portal.coverage('payments-api');
      expect(body.observed).toBeNull();
      expect(body.observedReason.reason).toBe('kubernetes-unavailable');
      expect(body.covered).toEqual(['retries', 'mtls']);
    } finally {
      await portal.backend.stop();
    }
  });
});
