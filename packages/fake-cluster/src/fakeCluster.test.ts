import { DEMO_CLUSTER_TOKEN, DEMO_PODS } from './demoPods';
import {
  FakeCluster,
  FakeCrd,
  FakePod,
  FakeResource,
  startFakeCluster,
} from './fakeCluster';

const TOKEN = 'test-token';

const SELECTOR_PODS: FakePod[] = [
  {
    name: 'alpha',
    namespace: 'shop',
    labels: { app: 'alpha', tier: 'web' },
    containers: [{ name: 'alpha', image: 'alpha:1' }],
  },
  {
    name: 'bravo',
    namespace: 'shop',
    labels: { app: 'bravo', tier: 'api' },
    containers: [{ name: 'bravo', image: 'bravo:1' }],
  },
  {
    name: 'charlie',
    namespace: 'shop',
    labels: { app: 'charlie' },
    containers: [{ name: 'charlie', image: 'charlie:1' }],
  },
  {
    name: 'delta',
    namespace: 'ops',
    labels: { app: 'delta', tier: 'web', canary: 'true' },
    containers: [{ name: 'delta', image: 'delta:1' }],
  },
  {
    name: 'echo',
    labels: { 'backstage.io/kubernetes-id': 'payments-api' },
    containers: [{ name: 'echo', image: 'echo:1' }],
  },
];

const authorizationPolicy = (
  name: string,
  namespace: string,
  labels: Record<string, string> = {},
): FakeResource => ({
  apiVersion: 'security.istio.io/v1',
  kind: 'AuthorizationPolicy',
  plural: 'authorizationpolicies',
  metadata: { name, namespace, labels },
  spec: {
    action: 'ALLOW',
    rules: [{ from: [{ source: { principals: [name] } }] }],
  },
});

const ISTIO_RESOURCES: FakeResource[] = [
  authorizationPolicy('allow-payments', 'shop', { app: 'payments-api' }),
  authorizationPolicy('allow-orders', 'shop', { app: 'orders-service' }),
  authorizationPolicy('allow-ops', 'ops', { app: 'payments-api' }),
  {
    apiVersion: 'networking.istio.io/v1',
    kind: 'DestinationRule',
    plural: 'destinationrules',
    metadata: { name: 'payments-mtls', namespace: 'shop' },
    spec: {
      host: 'payments-api',
      trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    plural: 'services',
    metadata: {
      name: 'payments-api',
      namespace: 'shop',
      labels: { app: 'payments-api' },
    },
    spec: {
      selector: { app: 'payments-api' },
      ports: [{ name: 'http', port: 8080 }],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    plural: 'configmaps',
    metadata: { name: 'istio', namespace: 'istio-system' },
    data: { mesh: 'enableAutoMtls: true' },
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    plural: 'clusterroles',
    metadata: { name: 'backstage-read' },
    rules: [],
  },
];

const ISTIO_CRDS: FakeCrd[] = [
  {
    group: 'security.istio.io',
    version: 'v1',
    plural: 'authorizationpolicies',
    kind: 'AuthorizationPolicy',
  },
  {
    group: 'networking.istio.io',
    version: 'v1',
    plural: 'destinationrules',
    kind: 'DestinationRule',
  },
];

const NOT_FOUND_STATUS = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'the server could not find the requested resource',
  reason: 'NotFound',
  code: 404,
};

const clusters: FakeCluster[] = [];

async function start(
  options: Parameters<typeof startFakeCluster>[0] = {},
): Promise<FakeCluster> {
  const cluster = await startFakeCluster({ token: TOKEN, ...options });
  clusters.push(cluster);
  return cluster;
}

function get(cluster: FakeCluster, path: string, init: RequestInit = {}) {
  return fetch(`${cluster.url}${path}`, {
    ...init,
    headers: {
      Accept: 'application/json',
      Authorization: `Bearer ${TOKEN}`,
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}

/** The names of the items of the `<kind>List` a path answers. */
async function itemNames(cluster: FakeCluster, path: string, kind: string) {
  const response = await get(cluster, path);
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.kind).toBe(kind);
  return body.items.map(
    (item: { metadata: { name: string } }) => item.metadata.name,
  );
}

async function podNames(cluster: FakeCluster, path: string) {
  const response = await get(cluster, path);
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.kind).toBe('PodList');
  return body.items.map(
    (item: { metadata: { name: string } }) => item.metadata.name,
  );
}

afterEach(async () => {
  await Promise.all(clusters.splice(0).map(cluster => cluster.close()));
});

describe('startFakeCluster', () => {
  it('listens on a free port of 127.0.0.1 by default', async () => {
    const cluster = await start();
    expect(cluster.port).toBeGreaterThan(0);
    expect(cluster.url).toBe(`http://127.0.0.1:${cluster.port}`);
  });

  it('serves realistic Pod objects in a PodList', async () => {
    const cluster = await start({
      pods: [
        {
          name: 'payments-api-7d9f8c6b5-x7k2p',
          namespace: 'shop',
          labels: { app: 'payments-api' },
          annotations: { 'linkerd.io/proxy-version': 'edge-25.11.1' },
          containers: [
            { name: 'payments-api', image: 'payments:1' },
            { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.28.0' },
          ],
        },
      ],
    });
    const response = await get(cluster, '/api/v1/pods');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await response.json();
    expect(body).toMatchObject({
      kind: 'PodList',
      apiVersion: 'v1',
      metadata: { resourceVersion: '1' },
    });
    expect(body.items).toHaveLength(1);
    const [pod] = body.items;
    expect(pod).toMatchObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'payments-api-7d9f8c6b5-x7k2p',
        namespace: 'shop',
        labels: { app: 'payments-api' },
        annotations: { 'linkerd.io/proxy-version': 'edge-25.11.1' },
      },
      spec: {
        containers: [
          { name: 'payments-api', image: 'payments:1' },
          { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.28.0' },
        ],
      },
      status: {
        phase: 'Running',
        containerStatuses: [
          { name: 'payments-api', ready: true },
          { name: 'istio-proxy', ready: true },
        ],
      },
    });
    expect(pod.spec.initContainers).toBeUndefined();
    expect(pod.metadata.uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(Number.isNaN(Date.parse(pod.metadata.creationTimestamp))).toBe(
      false,
    );
  });

  it('derives stable uids from the pod name', async () => {
    const pod = (name: string): FakePod => ({
      name,
      containers: [{ name: 'app' }],
    });
    const first = await start({ pods: [pod('one'), pod('two')] });
    const second = await start({ pods: [pod('one')] });
    const uids = async (cluster: FakeCluster) =>
      (await (await get(cluster, '/api/v1/pods')).json()).items.map(
        (item: { metadata: { uid: string } }) => item.metadata.uid,
      );
    const [uidOne, uidTwo] = await uids(first);
    expect(await uids(second)).toEqual([uidOne]);
    expect(uidTwo).not.toBe(uidOne);
  });

  it('defaults the namespace to "default" and filters by the namespace path', async () => {
    const cluster = await start({ pods: SELECTOR_PODS });
    expect(await podNames(cluster, '/api/v1/namespaces/shop/pods')).toEqual([
      'alpha',
      'bravo',
      'charlie',
    ]);
    expect(await podNames(cluster, '/api/v1/namespaces/ops/pods')).toEqual([
      'delta',
    ]);
    expect(await podNames(cluster, '/api/v1/namespaces/default/pods')).toEqual([
      'echo',
    ]);
    expect(await podNames(cluster, '/api/v1/namespaces/empty/pods')).toEqual(
      [],
    );
  });

  it.each([
    ['', ['alpha', 'bravo', 'charlie', 'delta', 'echo']],
    ['app=alpha', ['alpha']],
    ['app==bravo', ['bravo']],
    ['tier!=web', ['bravo', 'charlie', 'echo']],
    ['tier', ['alpha', 'bravo', 'delta']],
    ['!tier', ['charlie', 'echo']],
    ['app in (alpha,charlie)', ['alpha', 'charlie']],
    ['app in ( alpha , delta )', ['alpha', 'delta']],
    ['tier notin (web)', ['bravo', 'charlie', 'echo']],
    ['tier=web,!canary', ['alpha']],
    ['tier in (web,api), app notin (bravo)', ['alpha', 'delta']],
    ['backstage.io/kubernetes-id=payments-api', ['echo']],
    ['app=nobody', []],
  ])('filters pods by labelSelector %j', async (selector, expected) => {
    const cluster = await start({ pods: SELECTOR_PODS });
    const query = new URLSearchParams({ labelSelector: selector }).toString();
    expect(await podNames(cluster, `/api/v1/pods?${query}`)).toEqual(expected);
  });

  it('combines the namespace path with the label selector, encoded as the Kubernetes backend sends it', async () => {
    const cluster = await start({ pods: SELECTOR_PODS });
    expect(
      await podNames(
        cluster,
        '/api/v1/namespaces/ops/pods?labelSelector=tier%3Dweb',
      ),
    ).toEqual(['delta']);
    expect(
      await podNames(
        cluster,
        '/api/v1/pods?labelSelector=backstage.io%2Fkubernetes-id%3Dpayments-api',
      ),
    ).toEqual(['echo']);
  });

  it.each(['app in (alpha', 'app in ()', 'a=b=c', '=web', 'app in (a b)'])(
    'rejects the malformed labelSelector %j with 400',
    async selector => {
      const cluster = await start({ pods: SELECTOR_PODS });
      const query = new URLSearchParams({ labelSelector: selector }).toString();
      const response = await get(cluster, `/api/v1/pods?${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        kind: 'Status',
        reason: 'BadRequest',
        code: 400,
      });
    },
  );

  it('serves init containers, with restartPolicy for native sidecars', async () => {
    const cluster = await start({
      pods: [
        {
          name: 'native',
          containers: [{ name: 'app', image: 'app:1' }],
          initContainers: [
            { name: 'setup', image: 'setup:1' },
            { name: 'istio-proxy', image: 'proxy:1', restartPolicy: 'Always' },
          ],
        },
      ],
    });
    const [pod] = (await (await get(cluster, '/api/v1/pods')).json()).items;
    expect(pod.spec.initContainers).toEqual([
      { name: 'setup', image: 'setup:1' },
      { name: 'istio-proxy', image: 'proxy:1', restartPolicy: 'Always' },
    ]);
    expect(pod.status.initContainerStatuses).toMatchObject([
      { name: 'setup', ready: false, state: { terminated: { exitCode: 0 } } },
      { name: 'istio-proxy', ready: true, state: { running: {} } },
    ]);
  });

  it.each([
    ['/api/v1/services', 'ServiceList', 'v1'],
    ['/api/v1/namespaces/shop/configmaps', 'ConfigMapList', 'v1'],
    ['/api/v1/limitranges', 'LimitRangeList', 'v1'],
    ['/api/v1/resourcequotas', 'ResourceQuotaList', 'v1'],
    ['/api/v1/secrets', 'SecretList', 'v1'],
    ['/api/v1/persistentvolumes', 'PersistentVolumeList', 'v1'],
    ['/api/v1/persistentvolumeclaims', 'PersistentVolumeClaimList', 'v1'],
    ['/apis/apps/v1/deployments', 'DeploymentList', 'apps/v1'],
    ['/apis/apps/v1/namespaces/shop/replicasets', 'ReplicaSetList', 'apps/v1'],
    ['/apis/apps/v1/statefulsets', 'StatefulSetList', 'apps/v1'],
    ['/apis/apps/v1/daemonsets', 'DaemonSetList', 'apps/v1'],
    [
      '/apis/autoscaling/v2/horizontalpodautoscalers?labelSelector=app%3Dx',
      'HorizontalPodAutoscalerList',
      'autoscaling/v2',
    ],
    ['/apis/batch/v1/jobs', 'JobList', 'batch/v1'],
    ['/apis/batch/v1/cronjobs', 'CronJobList', 'batch/v1'],
    [
      '/apis/networking.k8s.io/v1/ingresses',
      'IngressList',
      'networking.k8s.io/v1',
    ],
    [
      '/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods',
      'PodMetricsList',
      'metrics.k8s.io/v1beta1',
    ],
    [
      '/apis/metrics.k8s.io/v1beta1/podmetrics',
      'PodMetricsList',
      'metrics.k8s.io/v1beta1',
    ],
    [
      '/apis/argoproj.io/v1alpha1/rollouts',
      'RolloutList',
      'argoproj.io/v1alpha1',
    ],
    // Unmapped plurals: capitalised singular, as the path does not tell word boundaries.
    [
      '/apis/example.com/v1/namespaces/shop/widgets',
      'WidgetList',
      'example.com/v1',
    ],
    ['/apis/example.com/v1/proxies', 'ProxyList', 'example.com/v1'],
    ['/apis/example.com/v1/boxes', 'BoxList', 'example.com/v1'],
  ])('answers %s with an empty %s', async (path, kind, apiVersion) => {
    // Pods exist, but only the core pods list may return them.
    const cluster = await start({ pods: SELECTOR_PODS });
    const response = await get(cluster, path);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      kind,
      apiVersion,
      metadata: { resourceVersion: '1' },
      items: [],
    });
  });

  it.each(['/', '/healthz', '/api', '/api/v1', '/api/v1/namespaces/shop'])(
    'answers the unserved path %s with a 404 Status',
    async path => {
      const cluster = await start();
      const response = await get(cluster, path);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        code: 404,
      });
    },
  );

  it('answers other methods than GET with a 405 Status', async () => {
    const cluster = await start();
    const response = await get(cluster, '/api/v1/pods', {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(await response.json()).toMatchObject({
      kind: 'Status',
      reason: 'MethodNotAllowed',
      code: 405,
    });
  });

  describe('authentication', () => {
    it.each([
      ['no Authorization header', undefined],
      ['a wrong token', `Bearer wrong-${TOKEN}`],
      ['the token without the Bearer scheme', TOKEN],
      ['the token with the Basic scheme', `Basic ${TOKEN}`],
    ])('answers a request with %s with a 401 Status', async (_, header) => {
      const cluster = await start({ pods: SELECTOR_PODS });
      const response = await fetch(`${cluster.url}/api/v1/pods`, {
        headers: header === undefined ? {} : { Authorization: header },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    });

    it('serves requests without a token when none is configured', async () => {
      const cluster = await start({ token: undefined, pods: SELECTOR_PODS });
      const response = await fetch(`${cluster.url}/api/v1/namespaces/ops/pods`);
      expect(response.status).toBe(200);
      expect((await response.json()).items).toHaveLength(1);
    });
  });

  describe('faults', () => {
    it("'error' answers every list with a 500 Status until cleared", async () => {
      const cluster = await start({ pods: SELECTOR_PODS });
      cluster.setFault('error');
      for (const path of ['/api/v1/pods', '/apis/apps/v1/deployments']) {
        const response = await get(cluster, path);
        expect(response.status).toBe(500);
        expect(await response.json()).toMatchObject({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: 'InternalError',
          code: 500,
        });
      }
      cluster.setFault(undefined);
      expect(await podNames(cluster, '/api/v1/namespaces/ops/pods')).toEqual([
        'delta',
      ]);
    });

    it("'garbage' answers 200 with a body that is not JSON", async () => {
      const cluster = await start({ pods: SELECTOR_PODS });
      cluster.setFault('garbage');
      const response = await get(cluster, '/api/v1/pods');
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text.length).toBeGreaterThan(0);
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
    });

    it("'hang' never answers, and close() still resolves promptly", async () => {
      const cluster = await start({ pods: SELECTOR_PODS });
      cluster.setFault('hang');

      await expect(
        get(cluster, '/api/v1/pods', { signal: AbortSignal.timeout(300) }),
      ).rejects.toMatchObject({ name: 'TimeoutError' });

      // A request still waiting when the cluster closes must fail instead of holding it open.
      const pending = get(cluster, '/apis/apps/v1/deployments');
      const settled = pending.then(
        () => 'answered',
        () => 'failed',
      );
      await new Promise(resolve => setTimeout(resolve, 100));
      expect(cluster.requests).toContain('/apis/apps/v1/deployments');

      const startedAt = Date.now();
      await cluster.close();
      expect(Date.now() - startedAt).toBeLessThan(1000);
      expect(await settled).toBe('failed');
    });

    it('does not apply to paths that are not lists', async () => {
      const cluster = await start();
      cluster.setFault('error');
      expect((await get(cluster, '/healthz')).status).toBe(404);
    });
  });

  describe('resources', () => {
    const UID =
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

    it('answers a namespaced list of a custom resource with a real *List', async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      const response = await get(
        cluster,
        '/apis/security.istio.io/v1/namespaces/shop/authorizationpolicies',
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      const body = await response.json();
      const item = (name: string, app: string) => ({
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: {
          name,
          namespace: 'shop',
          labels: { app },
          uid: expect.stringMatching(UID),
          resourceVersion: '1',
          creationTimestamp: expect.any(String),
        },
        spec: {
          action: 'ALLOW',
          rules: [{ from: [{ source: { principals: [name] } }] }],
        },
      });
      expect(body).toEqual({
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicyList',
        metadata: { resourceVersion: '1' },
        items: [
          item('allow-payments', 'payments-api'),
          item('allow-orders', 'orders-service'),
        ],
      });
      expect(
        Number.isNaN(Date.parse(body.items[0].metadata.creationTimestamp)),
      ).toBe(false);
    });

    it('answers an all-namespaces list of a custom resource', async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      expect(
        await itemNames(
          cluster,
          '/apis/security.istio.io/v1/authorizationpolicies',
          'AuthorizationPolicyList',
        ),
      ).toEqual(['allow-payments', 'allow-orders', 'allow-ops']);
      expect(
        await itemNames(
          cluster,
          '/apis/security.istio.io/v1/namespaces/ops/authorizationpolicies',
          'AuthorizationPolicyList',
        ),
      ).toEqual(['allow-ops']);
    });

    it.each([
      [
        '/apis/security.istio.io/v1/authorizationpolicies',
        'app=payments-api',
        ['allow-payments', 'allow-ops'],
      ],
      [
        '/apis/security.istio.io/v1/namespaces/shop/authorizationpolicies',
        'app=payments-api',
        ['allow-payments'],
      ],
      [
        '/apis/security.istio.io/v1/authorizationpolicies',
        'app notin (payments-api)',
        ['allow-orders'],
      ],
      ['/apis/security.istio.io/v1/authorizationpolicies', 'app=nobody', []],
      // No labels at all: only negative requirements match.
      [
        '/apis/networking.istio.io/v1/destinationrules',
        '!app',
        ['payments-mtls'],
      ],
      ['/apis/networking.istio.io/v1/destinationrules', 'app', []],
    ])('filters %s by labelSelector %j', async (path, selector, expected) => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      const query = new URLSearchParams({ labelSelector: selector }).toString();
      const response = await get(cluster, `${path}?${query}`);
      expect(response.status).toBe(200);
      expect(
        (await response.json()).items.map(
          (item: { metadata: { name: string } }) => item.metadata.name,
        ),
      ).toEqual(expected);
    });

    it('rejects a malformed labelSelector on a custom resource with 400', async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      const response = await get(
        cluster,
        '/apis/security.istio.io/v1/authorizationpolicies?labelSelector=app%20in%20(',
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ reason: 'BadRequest' });
    });

    it('serves built-in kinds, and pods as before', async () => {
      const cluster = await start({
        pods: SELECTOR_PODS,
        resources: ISTIO_RESOURCES,
      });
      const services = await (
        await get(cluster, '/api/v1/namespaces/shop/services')
      ).json();
      expect(services).toMatchObject({
        apiVersion: 'v1',
        kind: 'ServiceList',
        items: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: 'payments-api', namespace: 'shop' },
            spec: {
              selector: { app: 'payments-api' },
              ports: [{ name: 'http', port: 8080 }],
            },
          },
        ],
      });
      expect(services.items[0]).not.toHaveProperty('plural');

      const [configMap] = (
        await (await get(cluster, '/api/v1/configmaps')).json()
      ).items;
      expect(configMap).toMatchObject({
        kind: 'ConfigMap',
        metadata: { name: 'istio', namespace: 'istio-system' },
        data: { mesh: 'enableAutoMtls: true' },
      });

      expect(await podNames(cluster, '/api/v1/pods')).toEqual([
        'alpha',
        'bravo',
        'charlie',
        'delta',
        'echo',
      ]);
      expect(
        await itemNames(
          cluster,
          '/api/v1/namespaces/shop/services?labelSelector=app%3Dnobody',
          'ServiceList',
        ),
      ).toEqual([]);
    });

    it('serves a cluster-scoped resource only in the all-namespaces list', async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      const path = '/apis/rbac.authorization.k8s.io/v1/clusterroles';
      const [role] = (await (await get(cluster, path)).json()).items;
      expect(role.metadata).not.toHaveProperty('namespace');
      expect(role).toMatchObject({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'backstage-read' },
        rules: [],
      });
      expect(
        await itemNames(
          cluster,
          '/apis/rbac.authorization.k8s.io/v1/namespaces/default/clusterroles',
          'ClusterRoleList',
        ),
      ).toEqual([]);
    });

    it('serves a resource only under its own group, version and plural', async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      // The kind of an empty list still comes from the resources of that plural.
      expect(
        await itemNames(
          cluster,
          '/apis/security.istio.io/v1beta1/authorizationpolicies',
          'AuthorizationPolicyList',
        ),
      ).toEqual([]);
      expect(
        await itemNames(
          cluster,
          '/apis/security.istio.io/v1/peerauthentications',
          'PeerauthenticationList',
        ),
      ).toEqual([]);
      expect(
        await itemNames(
          cluster,
          '/apis/networking.istio.io/v1/destinationrules',
          'DestinationRuleList',
        ),
      ).toEqual(['payments-mtls']);
    });

    it('gives stable uids that differ between kinds sharing a name', async () => {
      const service = ISTIO_RESOURCES.find(r => r.kind === 'Service')!;
      const policy = authorizationPolicy('payments-api', 'shop');
      const uidsOf = async (cluster: FakeCluster) =>
        [
          ...(await (await get(cluster, '/api/v1/services')).json()).items,
          ...(
            await (
              await get(
                cluster,
                '/apis/security.istio.io/v1/authorizationpolicies',
              )
            ).json()
          ).items,
        ].map((item: { metadata: { uid: string } }) => item.metadata.uid);
      const first = await uidsOf(await start({ resources: [service, policy] }));
      const second = await uidsOf(
        await start({ resources: [service, policy] }),
      );
      expect(first).toHaveLength(2);
      expect(second).toEqual(first);
      expect(first[0]).not.toBe(first[1]);
    });

    it('setResources replaces the resources served', async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      const path = '/apis/security.istio.io/v1/authorizationpolicies';
      cluster.setResources([authorizationPolicy('fresh', 'ops')]);
      expect(await itemNames(cluster, path, 'AuthorizationPolicyList')).toEqual(
        ['fresh'],
      );
      expect(
        await itemNames(cluster, '/api/v1/services', 'ServiceList'),
      ).toEqual([]);
      cluster.setResources([]);
      // Nothing tells the kind any more, so the list's kind is guessed from the plural.
      expect(await itemNames(cluster, path, 'AuthorizationpolicyList')).toEqual(
        [],
      );
    });

    it('logs every list request, so tests can count them per kind', async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      await get(cluster, '/apis/security.istio.io/v1/authorizationpolicies');
      await get(
        cluster,
        '/apis/security.istio.io/v1/namespaces/shop/authorizationpolicies?labelSelector=app%3Dx',
      );
      await get(cluster, '/apis/networking.istio.io/v1/destinationrules');
      const count = (plural: string) =>
        cluster.requests.filter(path => path.includes(`/${plural}`)).length;
      expect(count('authorizationpolicies')).toBe(2);
      expect(count('destinationrules')).toBe(1);
      expect(cluster.requests[1]).toBe(
        '/apis/security.istio.io/v1/namespaces/shop/authorizationpolicies?labelSelector=app%3Dx',
      );
    });
  });

  describe('installed CRDs', () => {
    it("without crds, serves every group: the resources' and any other", async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      expect(
        await itemNames(
          cluster,
          '/apis/security.istio.io/v1/authorizationpolicies',
          'AuthorizationPolicyList',
        ),
      ).toHaveLength(3);
      expect(
        await itemNames(
          cluster,
          '/apis/argoproj.io/v1alpha1/rollouts',
          'RolloutList',
        ),
      ).toEqual([]);
    });

    it('answers 404 for a kind whose CRD is not installed', async () => {
      const cluster = await start({
        resources: ISTIO_RESOURCES,
        crds: ISTIO_CRDS.filter(crd => crd.kind === 'DestinationRule'),
      });
      for (const path of [
        '/apis/security.istio.io/v1/authorizationpolicies',
        '/apis/security.istio.io/v1/namespaces/shop/authorizationpolicies?labelSelector=app%3Dpayments-api',
        '/apis/argoproj.io/v1alpha1/rollouts',
      ]) {
        const response = await get(cluster, path);
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual(NOT_FOUND_STATUS);
      }
      // Installed CRDs and built-in groups are still served.
      expect(
        await itemNames(
          cluster,
          '/apis/networking.istio.io/v1/namespaces/shop/destinationrules',
          'DestinationRuleList',
        ),
      ).toEqual(['payments-mtls']);
      expect(
        await itemNames(cluster, '/api/v1/services', 'ServiceList'),
      ).toEqual(['payments-api']);
      expect(
        await itemNames(cluster, '/apis/apps/v1/deployments', 'DeploymentList'),
      ).toEqual([]);
      expect(
        await itemNames(
          cluster,
          '/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods',
          'PodMetricsList',
        ),
      ).toEqual([]);
    });

    it('serves a listed CRD without resources as an empty list of its kind, only at its version', async () => {
      const cluster = await start({ crds: ISTIO_CRDS });
      expect(
        await itemNames(
          cluster,
          '/apis/security.istio.io/v1/namespaces/shop/authorizationpolicies',
          'AuthorizationPolicyList',
        ),
      ).toEqual([]);
      const response = await get(
        cluster,
        '/apis/security.istio.io/v1beta1/authorizationpolicies',
      );
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(NOT_FOUND_STATUS);
    });

    it('setCrds changes which CRDs are installed; undefined installs every group again', async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      const path = '/apis/security.istio.io/v1/authorizationpolicies';
      cluster.setCrds([]);
      expect((await get(cluster, path)).status).toBe(404);
      cluster.setCrds(ISTIO_CRDS);
      expect(
        await itemNames(cluster, path, 'AuthorizationPolicyList'),
      ).toHaveLength(3);
      expect((await get(cluster, '/apis/example.com/v1/widgets')).status).toBe(
        404,
      );
      cluster.setCrds(undefined);
      expect((await get(cluster, '/apis/example.com/v1/widgets')).status).toBe(
        200,
      );
    });
  });

  describe('faults per path', () => {
    const POLICIES = '/apis/security.istio.io/v1/authorizationpolicies';
    const RULES = '/apis/networking.istio.io/v1/destinationrules';

    it("'forbidden' answers a matching list with a 403 Status while another path still answers", async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      cluster.setFault('forbidden', '/apis/security.istio.io/');

      const response = await get(cluster, POLICIES);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'authorizationpolicies.security.istio.io is forbidden: User "system:serviceaccount:backstage:backstage" cannot list resource "authorizationpolicies" in API group "security.istio.io" at the cluster scope',
        reason: 'Forbidden',
        details: { group: 'security.istio.io', kind: 'authorizationpolicies' },
        code: 403,
      });
      expect(await itemNames(cluster, RULES, 'DestinationRuleList')).toEqual([
        'payments-mtls',
      ]);
      expect(await podNames(cluster, '/api/v1/pods')).toEqual([]);
    });

    it("words 'forbidden' for a namespace and for the core group as RBAC does", async () => {
      const cluster = await start({ pods: SELECTOR_PODS });
      cluster.setFault('forbidden', /\/pods$/);
      const response = await get(cluster, '/api/v1/namespaces/shop/pods');
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        message:
          'pods is forbidden: User "system:serviceaccount:backstage:backstage" cannot list resource "pods" in API group "" in the namespace "shop"',
        details: { kind: 'pods' },
      });
      expect(
        await itemNames(cluster, '/api/v1/services', 'ServiceList'),
      ).toEqual([]);
    });

    it("'error' for a RegExp answers 500 there only", async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      cluster.setFault('error', /destinationrules/);
      const response = await get(cluster, `${RULES}?labelSelector=app`);
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({
        kind: 'Status',
        reason: 'InternalError',
        code: 500,
      });
      expect(
        await itemNames(cluster, POLICIES, 'AuthorizationPolicyList'),
      ).toHaveLength(3);
    });

    it('a RegExp with the g flag matches every request', async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      cluster.setFault('error', /authorizationpolicies/g);
      expect((await get(cluster, POLICIES)).status).toBe(500);
      expect((await get(cluster, POLICIES)).status).toBe(500);
    });

    it("'not-found' answers a 404 Status even for an installed kind", async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      cluster.setFault('not-found', RULES);
      const response = await get(cluster, RULES);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(NOT_FOUND_STATUS);
      expect((await get(cluster, POLICIES)).status).toBe(200);
    });

    it('keeps several faults for different paths; clears one or all', async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      cluster.setFault('forbidden', '/apis/security.istio.io/');
      cluster.setFault('hang', /destinationrules/);
      cluster.setFault('error', '/services');

      expect((await get(cluster, POLICIES)).status).toBe(403);
      await expect(
        get(cluster, RULES, { signal: AbortSignal.timeout(300) }),
      ).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(
        (await get(cluster, '/api/v1/namespaces/shop/services')).status,
      ).toBe(500);
      expect((await get(cluster, '/api/v1/pods')).status).toBe(200);

      // An equal RegExp (not the same object) names the same fault.
      cluster.setFault(undefined, /destinationrules/);
      expect((await get(cluster, RULES)).status).toBe(200);
      expect((await get(cluster, POLICIES)).status).toBe(403);

      cluster.setFault(undefined);
      expect((await get(cluster, POLICIES)).status).toBe(200);
      expect((await get(cluster, '/api/v1/services')).status).toBe(200);
    });

    it('lets the fault set last win where several match', async () => {
      const cluster = await start({ resources: ISTIO_RESOURCES });
      cluster.setFault('error');
      cluster.setFault('forbidden', 'authorizationpolicies');
      expect((await get(cluster, POLICIES)).status).toBe(403);
      expect((await get(cluster, RULES)).status).toBe(500);

      // Setting the same match again replaces its fault.
      cluster.setFault('not-found', 'authorizationpolicies');
      expect((await get(cluster, POLICIES)).status).toBe(404);

      // The catch-all set again is now the last one.
      cluster.setFault('error');
      expect((await get(cluster, POLICIES)).status).toBe(500);

      cluster.setFault(undefined, undefined);
      expect((await get(cluster, POLICIES)).status).toBe(200);
    });

    it('come before the CRD check, as RBAC does', async () => {
      const cluster = await start({ crds: [] });
      cluster.setFault('forbidden', /authorizationpolicies/);
      expect((await get(cluster, POLICIES)).status).toBe(403);
      expect((await get(cluster, RULES)).status).toBe(404);
    });
  });

  it('setPods replaces the pods served', async () => {
    const cluster = await start({ pods: SELECTOR_PODS });
    cluster.setPods([
      { name: 'fresh', namespace: 'ops', containers: [{ name: 'app' }] },
    ]);
    expect(await podNames(cluster, '/api/v1/pods')).toEqual(['fresh']);
    cluster.setPods([]);
    expect(await podNames(cluster, '/api/v1/pods')).toEqual([]);
  });

  it('logs the paths and queries it received, in order', async () => {
    const cluster = await start();
    await get(cluster, '/api/v1/pods?labelSelector=app%3Dx');
    await fetch(`${cluster.url}/apis/batch/v1/jobs`); // unauthorised, still logged
    await get(cluster, '/nope');
    expect(cluster.requests).toEqual([
      '/api/v1/pods?labelSelector=app%3Dx',
      '/apis/batch/v1/jobs',
      '/nope',
    ]);
  });

  it('closes keep-alive connections and stops serving on close()', async () => {
    const cluster = await start();
    expect((await get(cluster, '/api/v1/pods')).status).toBe(200);
    const startedAt = Date.now();
    await cluster.close();
    expect(Date.now() - startedAt).toBeLessThan(1000);
    await expect(get(cluster, '/api/v1/pods')).rejects.toThrow();
    // Closing twice is harmless.
    await expect(cluster.close()).resolves.toBeUndefined();
  });
});

describe('DEMO_PODS', () => {
  const podsOf = (component: string) =>
    DEMO_PODS.filter(
      pod => pod.labels?.['backstage.io/kubernetes-id'] === component,
    );
  const containerNames = (pod: FakePod) =>
    pod.containers.map(container => container.name);

  it('labels every pod for Backstage and names it like a ReplicaSet would', () => {
    expect(DEMO_PODS).toHaveLength(21);
    for (const pod of DEMO_PODS) {
      const component = pod.labels?.['backstage.io/kubernetes-id'];
      expect(pod.namespace).toBe('shop');
      expect(pod.labels?.app).toBe(component);
      expect(pod.name).toMatch(
        new RegExp(`^${component}-[a-z0-9]{9,10}-[a-z0-9]{5}$`),
      );
      expect(containerNames(pod)[0]).toBe(component);
    }
    expect(new Set(DEMO_PODS.map(pod => pod.name)).size).toBe(DEMO_PODS.length);
  });

  it('has the mesh situation of each example component', () => {
    const payments = podsOf('payments-api');
    expect(payments).toHaveLength(3);
    for (const pod of payments) {
      expect(containerNames(pod)).toEqual(['payments-api', 'istio-proxy']);
      expect(pod.labels?.['security.istio.io/tlsMode']).toBe('istio');
    }

    const loyalty = podsOf('loyalty-service');
    expect(loyalty).toHaveLength(2);
    for (const pod of loyalty) {
      expect(containerNames(pod)).toEqual(['loyalty-service']);
      expect(pod.initContainers).toEqual([
        expect.objectContaining({
          name: 'kuma-sidecar',
          restartPolicy: 'Always',
        }),
      ]);
    }

    const storefront = podsOf('storefront-web');
    expect(storefront).toHaveLength(5);
    expect(
      storefront.filter(pod => containerNames(pod).includes('istio-proxy')),
    ).toHaveLength(4);
    expect(
      storefront.filter(pod => containerNames(pod).join() === 'storefront-web'),
    ).toHaveLength(1);

    const orders = podsOf('orders-service');
    expect(orders).toHaveLength(2);
    for (const pod of orders) {
      expect(containerNames(pod)).toEqual(['orders-service', 'linkerd-proxy']);
      expect(pod.annotations?.['linkerd.io/proxy-version']).toBeTruthy();
    }

    expect(podsOf('notifications-worker').map(containerNames)).toEqual([
      ['notifications-worker'],
      ['notifications-worker'],
    ]);

    const inventory = podsOf('inventory-service');
    expect(inventory).toHaveLength(2);
    for (const pod of inventory) {
      expect(containerNames(pod)).toEqual([
        'inventory-service',
        'consul-dataplane',
      ]);
      expect(
        pod.annotations?.['consul.hashicorp.com/connect-inject-status'],
      ).toBe('injected');
    }

    const search = podsOf('search-api');
    expect(search).toHaveLength(2);
    for (const pod of search) {
      expect(containerNames(pod)).toEqual(['search-api']);
      expect(pod.annotations?.['ambient.istio.io/redirection']).toBe('enabled');
    }

    expect(podsOf('legacy-billing').map(containerNames)).toEqual([
      ['legacy-billing'],
    ]);
  });

  it('is served per component the way the Kubernetes backend asks for it', async () => {
    const cluster = await start({ token: DEMO_CLUSTER_TOKEN, pods: DEMO_PODS });
    const response = await fetch(
      `${cluster.url}/api/v1/namespaces/shop/pods?labelSelector=backstage.io%2Fkubernetes-id%3Dpayments-api`,
      {
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${DEMO_CLUSTER_TOKEN}`,
        },
      },
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.kind).toBe('PodList');
    expect(
      body.items.map(
        (item: { metadata: { name: string } }) => item.metadata.name,
      ),
    ).toEqual(podsOf('payments-api').map(pod => pod.name));
  });
});
