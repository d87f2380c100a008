import { resolve as resolvePath } from 'path';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DEMO_CLUSTER_TOKEN,
  DEMO_PODS,
  DEMO_RESOURCES,
  FakeCluster,
  FakePod,
  FakeResource,
  kubernetesConfigFor,
  startFakeCluster,
} from '@internal/fake-cluster';
import { BUILTIN_CONFIG_PROBES } from '@meshcoverage/plugin-mesh-coverage-node';
import request from 'supertest';
import { meshCoveragePlugin } from './plugin';

jest.setTimeout(60_000);

const BASE = '/api/mesh-coverage';
const COMPONENTS = 5;
const TIMEOUT_MS = 1500;
const NS = 'shop';

const pod = (app: string, proxy: string): FakePod => ({
  name: `${app}-5c8d7f9b4-x7k2p`,
  namespace: NS,
  labels: { 'backstage.io/kubernetes-id': app, app },
  containers: [{ name: app }, { name: proxy }],
});
const service = (
  name: string,
  annotations?: Record<string, string>,
): FakeResource => ({
  apiVersion: 'v1',
  kind: 'Service',
  plural: 'services',
  metadata: {
    name,
    namespace: NS,
    labels: { 'backstage.io/kubernetes-id': name },
    ...(annotations && { annotations }),
  },
  spec: { selector: { app: name }, ports: [{ port: 80 }] },
});
const istio = (
  plural: string,
  kind: string,
  name: string,
  namespace: string,
  spec: object,
  group = plural === 'peerauthentications' ? 'security' : 'networking',
): FakeResource => ({
  apiVersion: `${group}.istio.io/v1`,
  kind,
  plural,
  metadata: { name, namespace },
  spec,
});

const PODS = [
  pod('checkout', 'istio-proxy'),
  pod('cart', 'istio-proxy'),
  pod('ledger', 'linkerd-proxy'),
  pod('ledger-plain', 'linkerd-proxy'),
];
const RESOURCES: FakeResource[] = [
  service('checkout'),
  service('cart'),
  service('ledger', { 'retry.linkerd.io/http': '5xx' }),
  service('ledger-plain'),
  // The namespace is PERMISSIVE; checkout's own policy says STRICT (workload over namespace).
  istio('peerauthentications', 'PeerAuthentication', 'default', NS, {
    mtls: { mode: 'PERMISSIVE' },
  }),
  istio('peerauthentications', 'PeerAuthentication', 'checkout', NS, {
    selector: { matchLabels: { app: 'checkout' } },
    mtls: { mode: 'STRICT' },
  }),
  istio('destinationrules', 'DestinationRule', 'checkout', NS, {
    host: 'checkout',
    trafficPolicy: { outlierDetection: { consecutive5xxErrors: 5 } },
  }),
  // A rule for another host: it does not count for cart.
  istio('destinationrules', 'DestinationRule', 'payments', NS, {
    host: 'payments.shop.svc.cluster.local',
    trafficPolicy: { outlierDetection: { consecutive5xxErrors: 5 } },
  }),
];

/** Users may not read cluster resources; the plugin itself (a service) may. */
const usersMayNotReadResources = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: () => ({
    async authorize(requests: any[], options: any) {
      return requests.map(r => ({
        result:
          r.permission?.name === 'kubernetes.resources.read' &&
          options?.credentials?.principal?.type === 'user'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    },
    async authorizeConditional(requests: any[]) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
  }),
});

async function startPortal(
  cluster: FakeCluster,
  denyResourceReads = false,
  catalogFile = resolvePath(__dirname, '__fixtures__/configured-entities.yaml'),
  components = COMPONENTS,
) {
  const backend = await startTestBackend({
    features: [
      meshCoveragePlugin,
      catalogPlugin,
      kubernetesPlugin,
      ...(denyResourceReads ? [usersMayNotReadResources] : []),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [
              { allow: ['Component', 'Location', 'System', 'Domain', 'Group'] },
            ],
            locations: [{ type: 'file', target: catalogFile }],
          },
          meshCoverage: {
            observed: { timeout: { milliseconds: TIMEOUT_MS } },
            configured: {
              timeout: { milliseconds: TIMEOUT_MS },
              cacheTtl: { milliseconds: 1 },
            },
            defaultRequirements: { service: ['mtls', 'retries'] },
          },
          kubernetes: kubernetesConfigFor(cluster, {
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
    if (res.body.items?.length === components) {
      break;
    }
    await new Promise(r => setTimeout(r, 200));
  }
  // The Kubernetes backend loads its client on its first request: not what the tests time.
  await request(backend.server)
    .post('/api/kubernetes/resources/workloads/query')
    .set('Authorization', user)
    .send({ entityRef: 'component:default/no-cluster', auth: {} });
  const coverage = async (name: string) => {
    const res = await request(backend.server)
      .get(`${BASE}/coverage?entityRef=component:default/${name}`)
      .set('Authorization', user);
    expect(res.status).toBe(200);
    return res.body;
  };
  const item = async (name: string, id: string) =>
    (await coverage(name)).items.find(
      (i: { responsibilityId: string }) => i.responsibilityId === id,
    );
  return { backend, coverage, item };
}

describe('configured: what the mesh is set up to do, read through the Kubernetes backend', () => {
  let cluster: FakeCluster;
  let portal: Awaited<ReturnType<typeof startPortal>>;

  beforeAll(async () => {
    cluster = await startFakeCluster({
      pods: PODS,
      resources: RESOURCES,
      token: DEMO_CLUSTER_TOKEN,
    });
    portal = await startPortal(cluster);
  });

  afterAll(async () => {
    await portal?.backend.stop();
    await cluster?.close();
  });

  afterEach(() => {
    cluster.setFault(undefined);
    cluster.setCrds(undefined);
  });

  it('says yes with the resources that turn a responsibility on: the workload’s policy over its namespace’s', async () => {
    const body = await portal.coverage('checkout');
    const byId = Object.fromEntries(
      body.items.map((i: any) => [i.responsibilityId, i]),
    );
    expect(byId.mtls).toMatchObject({
      status: 'mesh',
      configured: {
        state: 'yes',
        evidence: [
          {
            kind: 'PeerAuthentication',
            name: 'checkout',
            namespace: NS,
            cluster: 'fake-cluster',
            effect: 'on',
          },
        ],
      },
    });
    expect(byId['circuit-breaker'].configured).toMatchObject({
      state: 'yes',
      evidence: [{ kind: 'DestinationRule', name: 'checkout' }],
    });
    // Istio retries twice without any VirtualService; no timeout without one.
    expect(byId.retries).toMatchObject({
      status: 'mesh',
      configured: { state: 'default' },
    });
    expect(byId.timeouts).toMatchObject({
      status: 'turned-off',
      configured: {
        state: 'no',
        fix: expect.stringContaining('kind: VirtualService'),
      },
    });
    expect(body.turnedOff).toEqual(['timeouts']);
    expect(body.coverage).toBe(75);
  });

  it('reports what a PERMISSIVE namespace and a rule for another host leave turned off, with the smallest fix', async () => {
    const body = await portal.coverage('cart');
    expect(body.turnedOff).toEqual(['circuit-breaker', 'mtls']);
    // retries, a default requirement of services: Istio's own default retries carry it.
    expect(body.covered).toEqual(['retries']);
    expect(body.coverage).toBe(33);
    const mtls = body.items.find((i: any) => i.responsibilityId === 'mtls');
    expect(mtls.configured).toMatchObject({
      state: 'no',
      evidence: [
        { kind: 'PeerAuthentication', name: 'default', effect: 'off' },
      ],
    });
    expect(mtls.configured.fix).toBe(`apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: cart-strict
  namespace: shop
spec:
  selector:
    matchLabels:
      app: cart
  mtls:
    mode: STRICT
`);
    const breaker = body.items.find(
      (i: any) => i.responsibilityId === 'circuit-breaker',
    );
    expect(breaker.configured.state).toBe('no');
    expect(breaker.configured.fix).toContain(
      'host: cart.shop.svc.cluster.local',
    );
  });

  it('reads Linkerd retries from the Service’s annotation, for a component whose mesh comes from its pods', async () => {
    const ledger = await portal.coverage('ledger');
    expect(ledger).toMatchObject({ mesh: 'linkerd', meshSource: 'observed' });
    const retries = ledger.items.find(
      (i: any) => i.responsibilityId === 'retries',
    );
    expect(retries.configured).toMatchObject({
      state: 'yes',
      evidence: [{ kind: 'Service', name: 'ledger' }],
    });
    // Linkerd's mTLS between meshed pods needs nothing.
    expect(
      ledger.items.find((i: any) => i.responsibilityId === 'mtls').configured
        .state,
    ).toBe('default');
    expect((await portal.item('ledger-plain', 'retries')).status).toBe(
      'turned-off',
    );
  });

  it.each([
    [
      'a missing CRD',
      () => cluster.setCrds([]),
      /not installed in the cluster \(its CRD is missing\)/,
    ],
    [
      'a forbidden list',
      () => cluster.setFault('forbidden', '/destinationrules'),
      /forbidden/,
    ],
    [
      'a cluster error',
      () => cluster.setFault('error', '/destinationrules'),
      /failed \(500/,
    ],
    [
      'garbage',
      () => cluster.setFault('garbage', '/destinationrules'),
      /not JSON|not a Kubernetes list/,
    ],
    [
      'a timeout',
      () => cluster.setFault('hang', '/destinationrules'),
      /did not answer within 1500 ms/,
    ],
  ] as const)(
    '%s: unknown with the reason, the report still 200 and the responsibility still covered',
    async (_, fault, reason) => {
      fault();
      const breaker = await portal.item('checkout', 'circuit-breaker');
      expect(breaker).toMatchObject({
        status: 'mesh',
        configured: { state: 'unknown', reason: expect.stringMatching(reason) },
      });
    },
  );

  it('is unknown, with why, for a component not on Kubernetes', async () => {
    const mtls = await portal.item('no-cluster', 'mtls');
    expect(mtls).toMatchObject({
      status: 'mesh',
      configured: {
        state: 'unknown',
        reason: expect.stringMatching(/backstage.io\/kubernetes-id/),
      },
    });
  });

  it('lists each kind once per cluster, not once per component, within the cache time', async () => {
    const before = cluster.requests.length;
    await Promise.all([portal.coverage('checkout'), portal.coverage('cart')]);
    const lists = cluster.requests
      .slice(before)
      .filter(path =>
        path.startsWith('/apis/networking.istio.io/v1/destinationrules'),
      );
    expect(lists.length).toBeLessThanOrEqual(2);
  });
});

describe('configured, for a user the permission framework does not let read cluster resources', () => {
  it('gives the state without resource names', async () => {
    const cluster = await startFakeCluster({
      pods: PODS,
      resources: RESOURCES,
      token: DEMO_CLUSTER_TOKEN,
    });
    const portal = await startPortal(cluster, true);
    try {
      const mtls = await portal.item('checkout', 'mtls');
      expect(mtls.configured).toEqual({
        state: 'yes',
        evidence: [{ kind: 'PeerAuthentication', effect: 'on' }],
        description: { en: expect.any(String), ja: expect.any(String) },
      });
    } finally {
      await portal.backend.stop();
      await cluster.close();
    }
  });
});

describe('the example store on the demo cluster, as npm start shows it', () => {
  it('has each configured case the README describes', async () => {
    const cluster = await startFakeCluster({
      pods: DEMO_PODS,
      resources: DEMO_RESOURCES,
      token: DEMO_CLUSTER_TOKEN,
    });
    const examples = resolvePath(__dirname, '../../../examples/entities.yaml');
    const portal = await startPortal(cluster, false, examples, 12);
    try {
      const state = async (name: string, id: string) =>
        (await portal.item(name, id))?.configured?.state;
      // STRICT mTLS and a DestinationRule of its own.
      expect(await state('payments-api', 'mtls')).toBe('yes');
      expect(await state('payments-api', 'circuit-breaker')).toBe('yes');
      // The namespace's PERMISSIVE policy and no DestinationRule: turned off.
      expect((await portal.item('storefront-web', 'mtls')).status).toBe(
        'turned-off',
      );
      // Linkerd: retries annotated on one Service and not on the other.
      expect(await state('orders-service', 'retries')).toBe('yes');
      expect(
        (await portal.item('notifications-worker', 'retries')).status,
      ).toBe('turned-off');
      // No meshcoverage.io annotation: Istio from its pods, requirements from the defaults.
      expect(await portal.coverage('reviews-service')).toMatchObject({
        mesh: 'istio',
        meshSource: 'observed',
      });
      // Kuma: its default MeshRetry, and a rate limit of its own.
      expect(await state('loyalty-service', 'retries')).toBe('default');
      expect(await state('loyalty-service', 'rate-limiting')).toBe('yes');

      // The fleet as it runs: reviews-service counts as Istio, turned-off requirements apart,
      // from one list per kind per cluster (pods and Services included), not one per component.
      const before = cluster.requests.length;
      const res = await request(portal.backend.server)
        .get(`${BASE}/fleet?live=true`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      const lists = cluster.requests.slice(before);
      const probeKinds = new Set(
        BUILTIN_CONFIG_PROBES.flatMap(p =>
          p.resources
            .filter(r => r.selects.by !== 'service')
            .map(r => `${r.kind.group}/${r.kind.plural}`),
        ),
      );
      expect(lists.length).toBeLessThanOrEqual(1 * (probeKinds.size + 2));
      expect(new Set(lists).size).toBe(lists.length);
      const onIstio = res.body.meshes.find((m: any) => m.mesh === 'istio');
      expect(onIstio.components).toBe(4); // payments-api, storefront-web, search-api, reviews-service
      const mtls = res.body.responsibilities.find(
        (r: any) => r.responsibilityId === 'mtls',
      );
      expect(mtls.turnedOff).toBeGreaterThanOrEqual(1);
      expect(mtls.configured).toBeGreaterThanOrEqual(1);
    } finally {
      await portal.backend.stop();
      await cluster.close();
    }
  });
});
