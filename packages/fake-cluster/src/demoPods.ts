import type { FakeContainer, FakePod, FakeResource } from './fakeCluster';

/** Bearer token the example portal and tests configure for the fake cluster; a demo value, not a secret. */
export const DEMO_CLUSTER_TOKEN = 'mesh-coverage-demo-token';

const DEMO_NAMESPACE = 'shop';

const ISTIO_PROXY: FakeContainer = {
  name: 'istio-proxy',
  image: 'docker.io/istio/proxyv2:1.28.0',
};
const LINKERD_PROXY: FakeContainer = {
  name: 'linkerd-proxy',
  image: 'cr.l5d.io/linkerd/proxy:edge-25.11.1',
};
const CONSUL_DATAPLANE: FakeContainer = {
  name: 'consul-dataplane',
  image: 'hashicorp/consul-dataplane:1.7.0',
};

// Kuma 2.14 injects its proxy as a Kubernetes native sidecar by default (Kubernetes 1.29+).
const KUMA_SIDECAR = {
  name: 'kuma-sidecar',
  image: 'docker.io/kumahq/kuma-dp:2.14.3',
  restartPolicy: 'Always' as const,
};

const appContainer = (component: string, version: string): FakeContainer => ({
  name: component,
  image: `ghcr.io/example-shop/${component}:${version}`,
});

interface ReplicaOptions {
  /** pod-template-hash of the ReplicaSet, as in `<component>-<hash>-<suffix>` */
  templateHash: string;
  suffix: string;
  containers: FakeContainer[];
  initContainers?: FakePod['initContainers'];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A pod named and labelled like one a Deployment's ReplicaSet creates. */
function replica(component: string, options: ReplicaOptions): FakePod {
  return {
    name: `${component}-${options.templateHash}-${options.suffix}`,
    namespace: DEMO_NAMESPACE,
    labels: {
      'backstage.io/kubernetes-id': component,
      app: component,
      'pod-template-hash': options.templateHash,
      ...options.labels,
    },
    annotations: options.annotations,
    containers: options.containers,
    ...(options.initContainers && { initContainers: options.initContainers }),
  };
}

const ISTIO_SIDECAR_LABELS = { 'security.istio.io/tlsMode': 'istio' };
const LINKERD_ANNOTATIONS = { 'linkerd.io/proxy-version': 'edge-25.11.1' };
const LINKERD_LABELS = { 'linkerd.io/control-plane-ns': 'linkerd' };
const CONSUL_ANNOTATIONS = {
  'consul.hashicorp.com/connect-inject-status': 'injected',
};
const KUMA_LABELS = { 'kuma.io/mesh': 'default' };
const KUMA_ANNOTATIONS = { 'kuma.io/sidecar-injected': 'true' };
const AMBIENT_ANNOTATIONS = { 'ambient.istio.io/redirection': 'enabled' };

const paymentsApi = appContainer('payments-api', '2.14.3');
const storefrontWeb = appContainer('storefront-web', '5.2.0');
const ordersService = appContainer('orders-service', '1.9.4');
const notificationsWorker = appContainer('notifications-worker', '0.8.1');
const inventoryService = appContainer('inventory-service', '3.0.2');
const searchApi = appContainer('search-api', '1.21.0');
const legacyBilling = appContainer('legacy-billing', '0.3.7');
const loyaltyService = appContainer('loyalty-service', '1.2.0');
const reviewsService = appContainer('reviews-service', '0.9.0');

/**
 * Demo data for the components of examples/entities.yaml, all in namespace `shop`: what a
 * cluster running the example store would report, mesh by mesh, including the gaps (a
 * storefront-web pod without its proxy, notifications-worker never injected by Linkerd,
 * legacy-billing without a mesh, loyalty-service on Kuma with its proxy as a native sidecar).
 */
export const DEMO_PODS: FakePod[] = [
  ...['x7k2p', 'm4n9q', 'r8t5w'].map(suffix =>
    replica('payments-api', {
      templateHash: '7d9f8c6b5',
      suffix,
      containers: [paymentsApi, ISTIO_PROXY],
      labels: ISTIO_SIDECAR_LABELS,
    }),
  ),
  ...['b2c4d', 'f6g8h', 'j2k4l', 'n6p8q'].map(suffix =>
    replica('storefront-web', {
      templateHash: '5c8d7f9b4',
      suffix,
      containers: [storefrontWeb, ISTIO_PROXY],
      labels: ISTIO_SIDECAR_LABELS,
    }),
  ),
  // Started while injection was disabled for its namespace, so it runs without a proxy.
  replica('storefront-web', {
    templateHash: '5c8d7f9b4',
    suffix: 'z9v7t',
    containers: [storefrontWeb],
  }),
  ...['h5j7k', 'q3w5z'].map(suffix =>
    replica('orders-service', {
      templateHash: '6b7c9d8f5',
      suffix,
      containers: [ordersService, LINKERD_PROXY],
      labels: LINKERD_LABELS,
      annotations: LINKERD_ANNOTATIONS,
    }),
  ),
  // Declared on Linkerd in the catalog, but the proxy was never injected.
  ...['c4v6b', 'g8h2m'].map(suffix =>
    replica('notifications-worker', {
      templateHash: '84f6d9c7b',
      suffix,
      containers: [notificationsWorker],
    }),
  ),
  ...['t2r4s', 'w6x8z'].map(suffix =>
    replica('inventory-service', {
      templateHash: '9f5b8c7d6',
      suffix,
      containers: [inventoryService, CONSUL_DATAPLANE],
      annotations: CONSUL_ANNOTATIONS,
    }),
  ),
  // Istio ambient mode: ztunnel redirects the traffic, so the pod has no sidecar.
  ...['k9l2m', 'p5q7r'].map(suffix =>
    replica('search-api', {
      templateHash: '7c6d5f8b9',
      suffix,
      containers: [searchApi],
      annotations: AMBIENT_ANNOTATIONS,
    }),
  ),
  // Kuma's proxy as a native sidecar: an init container that runs for the pod's lifetime.
  ...['d3f5g', 'v7b9n'].map(suffix =>
    replica('loyalty-service', {
      templateHash: '6d8f7c9b5',
      suffix,
      containers: [loyaltyService],
      initContainers: [KUMA_SIDECAR],
      labels: KUMA_LABELS,
      annotations: KUMA_ANNOTATIONS,
    }),
  ),
  // No meshcoverage.io annotation in the catalog: its mesh is read from these pods.
  ...['e4r6t', 'y8u2i'].map(suffix =>
    replica('reviews-service', {
      templateHash: '7b9c6d8f4',
      suffix,
      containers: [reviewsService, ISTIO_PROXY],
      labels: ISTIO_SIDECAR_LABELS,
    }),
  ),
  replica('legacy-billing', {
    templateHash: '59d8c7b6f',
    suffix: 's4d6f',
    containers: [legacyBilling],
  }),
];

/** A Service of an example component, labelled so the Kubernetes backend finds it for the entity. */
const demoService = (
  component: string,
  annotations?: Record<string, string>,
): FakeResource => ({
  apiVersion: 'v1',
  kind: 'Service',
  plural: 'services',
  metadata: {
    name: component,
    namespace: DEMO_NAMESPACE,
    labels: { 'backstage.io/kubernetes-id': component, app: component },
    ...(annotations && { annotations }),
  },
  spec: { selector: { app: component }, ports: [{ name: 'http', port: 80 }] },
});

const istioResource = (
  apiVersion: string,
  kind: string,
  plural: string,
  name: string,
  spec: Record<string, unknown>,
): FakeResource => ({
  apiVersion,
  kind,
  plural,
  metadata: { name, namespace: DEMO_NAMESPACE },
  spec,
});

const kumaPolicy = (
  kind: string,
  plural: string,
  name: string,
  spec: Record<string, unknown>,
): FakeResource => ({
  apiVersion: 'kuma.io/v1alpha1',
  kind,
  plural,
  metadata: {
    name,
    namespace: 'kuma-system',
    labels: { 'kuma.io/mesh': 'default' },
  },
  spec,
});

/**
 * The mesh configuration of the example store, as a cluster running it would hold it: the
 * namespace accepts plain text (PERMISSIVE) but payments-api has its own STRICT policy, a
 * DestinationRule with outlier detection and a JWT requirement; storefront-web has neither;
 * orders-service carries Linkerd's retry, timeout and failure-accrual annotations and
 * notifications-worker none;
 * loyalty-service sits under Kuma's default policies with a rate limit of its own.
 */
export const DEMO_RESOURCES: FakeResource[] = [
  demoService('payments-api'),
  demoService('storefront-web'),
  demoService('orders-service', {
    'retry.linkerd.io/http': '5xx',
    'timeout.linkerd.io/request': '10s',
    'balancer.linkerd.io/failure-accrual': 'consecutive',
  }),
  demoService('notifications-worker'),
  demoService('inventory-service'),
  demoService('search-api'),
  demoService('legacy-billing'),
  demoService('loyalty-service'),
  demoService('reviews-service'),
  istioResource(
    'security.istio.io/v1',
    'PeerAuthentication',
    'peerauthentications',
    'default',
    { mtls: { mode: 'PERMISSIVE' } },
  ),
  istioResource(
    'security.istio.io/v1',
    'PeerAuthentication',
    'peerauthentications',
    'payments-api-strict',
    {
      selector: { matchLabels: { app: 'payments-api' } },
      mtls: { mode: 'STRICT' },
    },
  ),
  istioResource(
    'security.istio.io/v1',
    'AuthorizationPolicy',
    'authorizationpolicies',
    'payments-api-require-jwt',
    {
      selector: { matchLabels: { app: 'payments-api' } },
      rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }],
    },
  ),
  istioResource(
    'networking.istio.io/v1',
    'DestinationRule',
    'destinationrules',
    'payments-api',
    {
      host: 'payments-api.shop.svc.cluster.local',
      trafficPolicy: {
        outlierDetection: { consecutive5xxErrors: 5, interval: '10s' },
      },
    },
  ),
  kumaPolicy('MeshRetry', 'meshretries', 'mesh-retry-all-default', {
    targetRef: { kind: 'Mesh' },
    to: [
      {
        targetRef: { kind: 'Mesh' },
        default: { http: { numRetries: 5 } },
      },
    ],
  }),
  kumaPolicy('MeshRateLimit', 'meshratelimits', 'loyalty-service-rate-limit', {
    targetRef: { kind: 'Dataplane', labels: { app: 'loyalty-service' } },
    rules: [
      {
        default: {
          local: { http: { requestRate: { num: 100, interval: '1s' } } },
        },
      },
    ],
  }),
];
