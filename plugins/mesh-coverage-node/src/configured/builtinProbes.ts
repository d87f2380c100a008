import { ConfigProbe, KubernetesKind, ProbeResource } from './types';

/*
 * The built-in configuration probes: for each mesh, the responsibilities it carries only once a
 * resource turns them on (or that a resource can turn off), the resources and fields that do, how
 * they select a workload, and what holds without any. docs/configured.md lists them with their
 * sources; each was read against the project's own reference or code on 2026-12-07.
 */

const kind = (
  group: string,
  version: string,
  plural: string,
  kindName: string,
): KubernetesKind => ({ group, version, plural, kind: kindName });

const SERVICE = kind('', 'v1', 'services', 'Service');
const NAMESPACE = kind('', 'v1', 'namespaces', 'Namespace');
const HTTP_ROUTE = kind(
  'gateway.networking.k8s.io',
  'v1',
  'httproutes',
  'HTTPRoute',
);

const ISTIO_ROOT = 'istio-system';
const PEER_AUTHENTICATION = kind(
  'security.istio.io',
  'v1',
  'peerauthentications',
  'PeerAuthentication',
);
const AUTHORIZATION_POLICY = kind(
  'security.istio.io',
  'v1',
  'authorizationpolicies',
  'AuthorizationPolicy',
);
const DESTINATION_RULE = kind(
  'networking.istio.io',
  'v1',
  'destinationrules',
  'DestinationRule',
);
const VIRTUAL_SERVICE = kind(
  'networking.istio.io',
  'v1',
  'virtualservices',
  'VirtualService',
);
const ENVOY_FILTER = kind(
  'networking.istio.io',
  'v1alpha3',
  'envoyfilters',
  'EnvoyFilter',
);

const SERVICE_PROFILE = kind(
  'linkerd.io',
  'v1alpha2',
  'serviceprofiles',
  'ServiceProfile',
);
const LINKERD_RATE_LIMIT = kind(
  'policy.linkerd.io',
  'v1alpha1',
  'httplocalratelimitpolicies',
  'HTTPLocalRateLimitPolicy',
);

const consul = (plural: string, kindName: string) =>
  kind('consul.hashicorp.com', 'v1alpha1', plural, kindName);
const SERVICE_DEFAULTS = consul('servicedefaults', 'ServiceDefaults');
const PROXY_DEFAULTS = consul('proxydefaults', 'ProxyDefaults');
const SERVICE_ROUTER = consul('servicerouters', 'ServiceRouter');
const SERVICE_RESOLVER = consul('serviceresolvers', 'ServiceResolver');
const SERVICE_INTENTIONS = consul('serviceintentions', 'ServiceIntentions');

const CILIUM_NETWORK_POLICY = kind(
  'cilium.io',
  'v2',
  'ciliumnetworkpolicies',
  'CiliumNetworkPolicy',
);
const CILIUM_ENVOY_CONFIG = kind(
  'cilium.io',
  'v2',
  'ciliumenvoyconfigs',
  'CiliumEnvoyConfig',
);

const kuma = (plural: string, kindName: string) =>
  kind('kuma.io', 'v1alpha1', plural, kindName);

/** A Gateway API route whose parentRefs name the Service (GAMMA), for the meshes that read it. */
const gammaRoute = (
  on: ProbeResource['on'],
  off?: ProbeResource['off'],
): ProbeResource => ({
  kind: HTTP_ROUTE,
  selects: { by: 'service-parent-ref' },
  on,
  ...(off && { off }),
});

const GAMMA_TIMEOUTS = gammaRoute(
  [
    { path: 'spec.rules[].timeouts.request', exists: true },
    { path: 'spec.rules[].timeouts.backendRequest', exists: true },
  ],
  [{ path: 'spec.rules[].timeouts.request', in: ['0s'] }],
);
const GAMMA_RETRY = gammaRoute(
  [{ path: 'spec.rules[].retry', exists: true }],
  [{ path: 'spec.rules[].retry.attempts', in: ['0'] }],
);

const istioHostRule = (
  resourceKind: KubernetesKind,
  on: ProbeResource['on'],
  off?: ProbeResource['off'],
): ProbeResource => ({
  kind: resourceKind,
  selects: {
    by: 'service-host',
    path: resourceKind === DESTINATION_RULE ? 'spec.host' : 'spec.hosts[]',
  },
  on,
  ...(off && { off }),
});

/** A Kuma policy kind, its defaults named `<prefix><mesh>` in the system namespace. */
const kumaPolicy = (
  plural: string,
  kindName: string,
  on: ProbeResource['on'],
  off?: ProbeResource['off'],
  defaultNamePrefix?: string,
): ProbeResource => ({
  kind: kuma(plural, kindName),
  selects: { by: 'kuma-target-ref' },
  on,
  ...(off && { off }),
  ...(defaultNamePrefix && { defaultNamePrefix }),
});

/**
 * A Linkerd ServiceProfile for the Service (named by its FQDN): where one exists it decides alone,
 * over annotations and routes.
 */
const linkerdServiceProfile = (on: ProbeResource['on']): ProbeResource => ({
  kind: SERVICE_PROFILE,
  selects: { by: 'service-name', path: 'metadata.name' },
  on,
  exclusive: true,
  precedence: 20,
});

/** Raw Envoy configuration for the Service in a CiliumEnvoyConfig, found by a text in it. */
const ciliumEnvoyConfig = (contains: string): ProbeResource => ({
  kind: CILIUM_ENVOY_CONFIG,
  selects: { by: 'service-name', path: 'spec.services[].name' },
  on: [{ path: 'spec.resources', contains }],
});

const ISTIO_SOURCES = {
  peer: 'https://istio.io/latest/docs/reference/config/security/peer_authentication/',
  requestAuth:
    'https://istio.io/latest/docs/reference/config/security/request_authentication/',
  authz:
    'https://istio.io/latest/docs/reference/config/security/authorization-policy/',
  destinationRule:
    'https://istio.io/latest/docs/reference/config/networking/destination-rule/',
  virtualService:
    'https://istio.io/latest/docs/reference/config/networking/virtual-service/',
  meshConfig:
    'https://istio.io/latest/docs/reference/config/istio.mesh.v1alpha1/',
  rateLimit:
    'https://istio.io/latest/docs/tasks/policy-enforcement/rate-limit/',
};
const GATEWAY_API_SOURCES = {
  timeouts: 'https://gateway-api.sigs.k8s.io/reference/spec/#httproutetimeouts',
  retries: 'https://gateway-api.sigs.k8s.io/guides/user-guides/http-retries/',
};

/** @public */
export const BUILTIN_CONFIG_PROBES: readonly ConfigProbe[] = [
  // Istio
  {
    mesh: 'istio',
    responsibilityId: 'mtls',
    default: 'off',
    description: {
      en: 'Istio accepts plain text (PERMISSIVE) until a PeerAuthentication says STRICT: on the workload (selector), its namespace, or the root namespace istio-system, the most specific deciding.',
      ja: 'Istio は PeerAuthentication で STRICT が指定されるまで平文も受け付けます (PERMISSIVE)。PeerAuthentication はワークロード (selector)、その namespace、ルート namespace の istio-system のいずれにも置くことができ、最も具体的なものが優先されます。',
    },
    resources: [
      {
        kind: PEER_AUTHENTICATION,
        selects: {
          by: 'workload-selector',
          path: 'spec.selector.matchLabels',
          rootNamespace: ISTIO_ROOT,
        },
        on: [{ path: 'spec.mtls.mode', in: ['STRICT'] }],
        off: [{ path: 'spec.mtls.mode', in: ['PERMISSIVE', 'DISABLE'] }],
      },
    ],
    fix: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: {{service}}-strict
  namespace: {{namespace}}
spec:
  selector:
    matchLabels:
      app: {{service}}
  mtls:
    mode: STRICT
`,
    sources: [ISTIO_SOURCES.peer],
  },
  {
    mesh: 'istio',
    responsibilityId: 'jwt-auth',
    default: 'off',
    description: {
      en: 'A RequestAuthentication alone rejects bad tokens but lets requests without one through: JWT is enforced once an AuthorizationPolicy for the workload requires a request principal.',
      ja: 'RequestAuthentication 単体では不正なトークンを拒否するだけで、トークンのないリクエストは通してしまいます。JWT が強制されるのは、ワークロードに対する AuthorizationPolicy で request principal を必須にした場合です。',
    },
    resources: [
      {
        kind: AUTHORIZATION_POLICY,
        selects: {
          by: 'workload-selector',
          path: 'spec.selector.matchLabels',
          rootNamespace: ISTIO_ROOT,
        },
        on: [
          {
            path: 'spec.rules[].from[].source.requestPrincipals',
            exists: true,
          },
          {
            path: 'spec.rules[].from[].source.notRequestPrincipals',
            exists: true,
          },
        ],
      },
    ],
    fix: `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata:
  name: {{service}}-jwt
  namespace: {{namespace}}
spec:
  selector:
    matchLabels:
      app: {{service}}
  jwtRules:
  - issuer: "<issuer>"
    jwksUri: "<jwks-url>"
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: {{service}}-require-jwt
  namespace: {{namespace}}
spec:
  selector:
    matchLabels:
      app: {{service}}
  rules:
  - from:
    - source:
        requestPrincipals: ["*"]
`,
    sources: [ISTIO_SOURCES.requestAuth, ISTIO_SOURCES.authz],
  },
  {
    mesh: 'istio',
    responsibilityId: 'circuit-breaker',
    default: 'off',
    description: {
      en: 'No outlier detection and unlimited connection pools until a DestinationRule for the Service sets trafficPolicy.outlierDetection or connectionPool (a short host name is read in the rule’s own namespace).',
      ja: 'Service に対する DestinationRule で trafficPolicy.outlierDetection または connectionPool を設定するまで、外れ値検出は行われず、コネクションプールも無制限です (短いホスト名は DestinationRule 自身の namespace で解決されます)。',
    },
    resources: [
      istioHostRule(DESTINATION_RULE, [
        { path: 'spec.trafficPolicy.outlierDetection', exists: true },
        { path: 'spec.trafficPolicy.connectionPool', exists: true },
        {
          path: 'spec.trafficPolicy.portLevelSettings[].outlierDetection',
          exists: true,
        },
      ]),
    ],
    fix: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: {{service}}-circuit-breaker
  namespace: {{namespace}}
spec:
  host: {{service}}.{{namespace}}.svc.cluster.local
  trafficPolicy:
    outlierDetection:
      consecutive5xxErrors: 5
      interval: 10s
      baseEjectionTime: 30s
`,
    sources: [ISTIO_SOURCES.destinationRule],
  },
  {
    mesh: 'istio',
    responsibilityId: 'retries',
    default: 'on',
    description: {
      en: 'Istio retries twice on connection failures without any VirtualService (unless meshConfig.defaultHttpRetryPolicy says otherwise, which this probe cannot see); a VirtualService or HTTPRoute for the Service sets its own, attempts: 0 turns them off.',
      ja: 'Istio は VirtualService がなくても接続失敗時に 2 回リトライします (meshConfig.defaultHttpRetryPolicy で変更されている場合を除きますが、このプローブからは確認できません)。Service に対する VirtualService または HTTPRoute があればその設定が使われ、attempts: 0 でリトライは無効になります。',
    },
    resources: [
      istioHostRule(
        VIRTUAL_SERVICE,
        [{ path: 'spec.http[].retries', exists: true }],
        [{ path: 'spec.http[].retries.attempts', in: ['0'] }],
      ),
      GAMMA_RETRY,
    ],
    sources: [
      ISTIO_SOURCES.virtualService,
      ISTIO_SOURCES.meshConfig,
      GATEWAY_API_SOURCES.retries,
    ],
  },
  {
    mesh: 'istio',
    responsibilityId: 'timeouts',
    default: 'off',
    description: {
      en: 'No request timeout until a VirtualService route for the Service sets http[].timeout, or an HTTPRoute with the Service as parent sets rules[].timeouts (Gateway API Standard channel since v1.2.0).',
      ja: 'Service に対する VirtualService のルートで http[].timeout を設定するか、Service を parent とする HTTPRoute で rules[].timeouts を設定するまで、リクエストタイムアウトはありません (rules[].timeouts は Gateway API v1.2.0 以降 Standard channel)。',
    },
    resources: [
      istioHostRule(
        VIRTUAL_SERVICE,
        [{ path: 'spec.http[].timeout', exists: true }],
        [{ path: 'spec.http[].timeout', in: ['0s'] }],
      ),
      GAMMA_TIMEOUTS,
    ],
    fix: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: {{service}}-timeouts
  namespace: {{namespace}}
spec:
  hosts:
  - {{service}}.{{namespace}}.svc.cluster.local
  http:
  - route:
    - destination:
        host: {{service}}.{{namespace}}.svc.cluster.local
    timeout: 10s
`,
    sources: [ISTIO_SOURCES.virtualService, GATEWAY_API_SOURCES.timeouts],
  },
  {
    mesh: 'istio',
    responsibilityId: 'fault-injection',
    default: 'off',
    description: {
      en: 'Faults are injected only where a VirtualService route for the Service has http[].fault (delay or abort); such a route gets no retries or timeouts.',
      ja: 'フォールトが注入されるのは、Service に対する VirtualService のルートに http[].fault (delay または abort) がある場合だけです。そのルートにはリトライもタイムアウトも適用されません。',
    },
    resources: [
      istioHostRule(VIRTUAL_SERVICE, [
        { path: 'spec.http[].fault', exists: true },
      ]),
    ],
    sources: [ISTIO_SOURCES.virtualService],
  },
  {
    mesh: 'istio',
    responsibilityId: 'rate-limiting',
    default: 'off',
    description: {
      en: 'Istio has no rate-limit API: only an EnvoyFilter patching in Envoy’s local_ratelimit or ratelimit filter, found here by the filter name in its patch; whether its token bucket enforces cannot be read from it.',
      ja: 'Istio にはレート制限の API がなく、Envoy の local_ratelimit または ratelimit フィルターを差し込む EnvoyFilter を使うしかありません。ここでは patch 内のフィルター名で検出しますが、トークンバケットが実際に制限をかけているかはそこからは判断できません。',
    },
    resources: [
      {
        kind: ENVOY_FILTER,
        selects: {
          by: 'workload-selector',
          path: 'spec.workloadSelector.labels',
          rootNamespace: ISTIO_ROOT,
        },
        on: [
          {
            path: 'spec.configPatches',
            contains: 'envoy.filters.http.local_ratelimit',
          },
          {
            path: 'spec.configPatches',
            contains: 'envoy.filters.http.ratelimit',
          },
        ],
      },
    ],
    sources: [ISTIO_SOURCES.rateLimit],
  },

  // Linkerd
  {
    mesh: 'linkerd',
    responsibilityId: 'mtls',
    default: 'on',
    description: {
      en: 'Linkerd encrypts and authenticates all TCP between meshed pods without any configuration (not enforced: plain-text clients are still accepted unless an authorization policy requires authentication).',
      ja: 'Linkerd は設定なしで、メッシュ内の Pod 間のすべての TCP 通信を暗号化・認証します (ただし強制ではなく、認証を必須とする authorization policy がない限り、平文のクライアントも受け付けます)。',
    },
    resources: [],
    sources: ['https://linkerd.io/2-edge/features/automatic-mtls/'],
  },
  {
    mesh: 'linkerd',
    responsibilityId: 'retries',
    default: 'off',
    description: {
      en: 'No retries until the Service, or an HTTPRoute with it as parent, carries retry.linkerd.io/http or retry.linkerd.io/grpc (2.16 and later); a ServiceProfile for the Service wins over both where it exists (isRetryable routes).',
      ja: 'Service、またはそれを parent とする HTTPRoute に retry.linkerd.io/http または retry.linkerd.io/grpc (2.16 以降) が付与されるまで、リトライは行われません。Service に対する ServiceProfile が存在する場合は、そちらがどちらよりも優先されます (isRetryable なルート)。',
    },
    resources: [
      linkerdServiceProfile([
        { path: 'spec.routes[].isRetryable', in: ['true'] },
      ]),
      {
        kind: HTTP_ROUTE,
        selects: { by: 'service-parent-ref' },
        on: [
          { annotation: 'retry.linkerd.io/http', exists: true },
          { annotation: 'retry.linkerd.io/grpc', exists: true },
        ],
        precedence: 15,
      },
      {
        kind: SERVICE,
        selects: { by: 'service' },
        on: [
          { annotation: 'retry.linkerd.io/http', exists: true },
          { annotation: 'retry.linkerd.io/grpc', exists: true },
        ],
      },
    ],
    fix: `apiVersion: v1
kind: Service
metadata:
  name: {{service}}
  namespace: {{namespace}}
  annotations:
    retry.linkerd.io/http: "5xx"
`,
    sources: [
      'https://linkerd.io/2-edge/reference/retries/',
      'https://linkerd.io/2-edge/reference/service-profiles/',
    ],
  },
  {
    mesh: 'linkerd',
    responsibilityId: 'timeouts',
    default: 'off',
    description: {
      en: 'No request timeout until the Service or an HTTPRoute with it as parent carries timeout.linkerd.io/request (or response, idle), or the route sets rules[].timeouts.request (backendRequest is not read); a ServiceProfile route timeout wins where a ServiceProfile exists.',
      ja: 'Service またはそれを parent とする HTTPRoute に timeout.linkerd.io/request (または response、idle) が付与されるか、ルートで rules[].timeouts.request が設定されるまで、リクエストタイムアウトはありません (backendRequest は参照しません)。ServiceProfile が存在する場合は、そのルートのタイムアウトが優先されます。',
    },
    resources: [
      linkerdServiceProfile([{ path: 'spec.routes[].timeout', exists: true }]),
      {
        kind: HTTP_ROUTE,
        selects: { by: 'service-parent-ref' },
        on: [
          { annotation: 'timeout.linkerd.io/request', exists: true },
          { annotation: 'timeout.linkerd.io/response', exists: true },
          { path: 'spec.rules[].timeouts.request', exists: true },
        ],
        precedence: 15,
      },
      {
        kind: SERVICE,
        selects: { by: 'service' },
        on: [
          { annotation: 'timeout.linkerd.io/request', exists: true },
          { annotation: 'timeout.linkerd.io/response', exists: true },
          { annotation: 'timeout.linkerd.io/idle', exists: true },
        ],
      },
    ],
    fix: `apiVersion: v1
kind: Service
metadata:
  name: {{service}}
  namespace: {{namespace}}
  annotations:
    timeout.linkerd.io/request: "10s"
`,
    sources: [
      'https://linkerd.io/2-edge/reference/timeouts/',
      'https://linkerd.io/2-edge/reference/service-profiles/',
    ],
  },
  {
    mesh: 'linkerd',
    responsibilityId: 'circuit-breaker',
    default: 'off',
    description: {
      en: 'No failure accrual until the Service carries balancer.linkerd.io/failure-accrual: consecutive (2.13 and later) or unified (2.20); it is off while a ServiceProfile exists for the Service.',
      ja: 'Service に balancer.linkerd.io/failure-accrual: consecutive (2.13 以降) または unified (2.20) が付与されるまで、failure accrual は行われません。Service に対する ServiceProfile が存在する間は無効です。',
    },
    resources: [
      linkerdServiceProfile([]),
      {
        kind: SERVICE,
        selects: { by: 'service' },
        on: [
          {
            annotation: 'balancer.linkerd.io/failure-accrual',
            in: ['consecutive', 'unified'],
          },
        ],
      },
    ],
    fix: `apiVersion: v1
kind: Service
metadata:
  name: {{service}}
  namespace: {{namespace}}
  annotations:
    balancer.linkerd.io/failure-accrual: "consecutive"
`,
    sources: ['https://linkerd.io/2-edge/reference/circuit-breaking/'],
  },
  {
    mesh: 'linkerd',
    responsibilityId: 'rate-limiting',
    default: 'off',
    description: {
      en: 'No rate limit until an HTTPLocalRateLimitPolicy (2.17 and later, v1alpha1) targets a Server for the workload; counted here for any such policy in the component’s namespace, since the Server it targets is not resolved.',
      ja: 'HTTPLocalRateLimitPolicy (2.17 以降、v1alpha1) がワークロードの Server を対象にするまで、レート制限はありません。対象の Server までは解決しないため、ここではコンポーネントの namespace にそのようなポリシーが 1 つでもあれば有効とみなします。',
    },
    resources: [
      {
        kind: LINKERD_RATE_LIMIT,
        selects: { by: 'namespace' },
        on: [
          { path: 'spec.total.requestsPerSecond', exists: true },
          { path: 'spec.identity.requestsPerSecond', exists: true },
          { path: 'spec.overrides[].requestsPerSecond', exists: true },
        ],
      },
    ],
    sources: ['https://linkerd.io/2-edge/reference/rate-limiting/'],
  },

  // Consul (consul-k8s config entries)
  {
    mesh: 'consul',
    responsibilityId: 'mtls',
    default: 'on',
    description: {
      en: 'Sidecar-to-sidecar traffic is always mTLS, and strict unless ServiceDefaults or the global ProxyDefaults set mutualTLSMode: permissive (which the Mesh entry must allow).',
      ja: 'サイドカー間の通信は常に mTLS で、ServiceDefaults またはグローバルな ProxyDefaults で mutualTLSMode: permissive を設定しない限り strict です (permissive にするには Mesh エントリーでの許可が必要です)。',
    },
    resources: [
      {
        kind: SERVICE_DEFAULTS,
        selects: { by: 'service-name' },
        on: [{ path: 'spec.mutualTLSMode', in: ['strict'] }],
        off: [{ path: 'spec.mutualTLSMode', in: ['permissive'] }],
      },
      {
        kind: PROXY_DEFAULTS,
        selects: { by: 'cluster' },
        on: [{ path: 'spec.mutualTLSMode', in: ['strict'] }],
        off: [{ path: 'spec.mutualTLSMode', in: ['permissive'] }],
      },
    ],
    sources: [
      'https://developer.hashicorp.com/consul/docs/reference/config-entry/service-defaults',
      'https://developer.hashicorp.com/consul/docs/reference/config-entry/mesh',
    ],
  },
  {
    mesh: 'consul',
    responsibilityId: 'jwt-auth',
    default: 'off',
    description: {
      en: 'No JWT check until ServiceIntentions for the Service reference a JWTProvider (spec.jwt, or per permission).',
      ja: 'Service に対する ServiceIntentions が JWTProvider を参照するまで (spec.jwt、または permission ごと)、JWT の検証は行われません。',
    },
    resources: [
      {
        kind: SERVICE_INTENTIONS,
        selects: { by: 'service-name', path: 'spec.destination.name' },
        on: [
          { path: 'spec.jwt.providers[].name', exists: true },
          { path: 'spec.sources[].permissions[].jwt', exists: true },
        ],
      },
    ],
    sources: [
      'https://developer.hashicorp.com/consul/docs/secure-mesh/intention/jwt',
    ],
  },
  {
    mesh: 'consul',
    responsibilityId: 'circuit-breaker',
    default: 'off',
    description: {
      en: 'No outlier ejection until a calling service’s ServiceDefaults sets upstreamConfig overrides for this Service with passiveHealthCheck or limits (the setting belongs to the caller).',
      ja: '呼び出し側サービスの ServiceDefaults で、この Service 向けの upstreamConfig overrides に passiveHealthCheck または limits を設定するまで、外れ値の排除は行われません (この設定は呼び出し側に属します)。',
    },
    resources: [
      {
        kind: SERVICE_DEFAULTS,
        selects: {
          by: 'service-name',
          path: 'spec.upstreamConfig.overrides[].name',
        },
        on: [
          {
            path: 'spec.upstreamConfig.overrides[].passiveHealthCheck',
            exists: true,
          },
          { path: 'spec.upstreamConfig.overrides[].limits', exists: true },
        ],
      },
    ],
    sources: [
      'https://developer.hashicorp.com/consul/docs/reference/config-entry/service-defaults',
    ],
  },
  {
    mesh: 'consul',
    responsibilityId: 'retries',
    default: 'off',
    description: {
      en: 'No retry policy until a ServiceRouter for the Service sets retryOnConnectFailure, retryOn or retryOnStatusCodes on a route.',
      ja: 'Service に対する ServiceRouter のルートで retryOnConnectFailure、retryOn、retryOnStatusCodes のいずれかを設定するまで、リトライポリシーはありません。',
    },
    resources: [
      {
        kind: SERVICE_ROUTER,
        selects: { by: 'service-name' },
        on: [
          {
            path: 'spec.routes[].destination.retryOnConnectFailure',
            in: ['true'],
          },
          { path: 'spec.routes[].destination.retryOn', exists: true },
          {
            path: 'spec.routes[].destination.retryOnStatusCodes',
            exists: true,
          },
        ],
      },
    ],
    sources: [
      'https://developer.hashicorp.com/consul/docs/reference/config-entry/service-router',
    ],
  },
  {
    mesh: 'consul',
    responsibilityId: 'timeouts',
    default: 'on',
    description: {
      en: 'HTTP upstreams get a 15 s request timeout without configuration; a ServiceResolver requestTimeout or ServiceRouter route requestTimeout sets the Service’s own.',
      ja: 'HTTP の upstream には設定なしで 15 秒のリクエストタイムアウトが適用されます。ServiceResolver の requestTimeout または ServiceRouter のルートの requestTimeout で、その Service 固有の値を設定できます。',
    },
    resources: [
      {
        kind: SERVICE_RESOLVER,
        selects: { by: 'service-name' },
        on: [{ path: 'spec.requestTimeout', exists: true }],
      },
      {
        kind: SERVICE_ROUTER,
        selects: { by: 'service-name' },
        on: [
          { path: 'spec.routes[].destination.requestTimeout', exists: true },
        ],
      },
    ],
    sources: [
      'https://developer.hashicorp.com/consul/docs/reference/config-entry/service-resolver',
      'https://developer.hashicorp.com/consul/docs/reference/config-entry/service-router',
    ],
  },
  {
    mesh: 'consul',
    responsibilityId: 'fault-injection',
    default: 'off',
    description: {
      en: 'Consul Enterprise 1.18 and later only: ServiceDefaults envoyExtensions with builtin/fault-injection.',
      ja: 'Consul Enterprise 1.18 以降のみ: ServiceDefaults の envoyExtensions で builtin/fault-injection を指定します。',
    },
    resources: [
      {
        kind: SERVICE_DEFAULTS,
        selects: { by: 'service-name' },
        on: [
          {
            path: 'spec.envoyExtensions[].name',
            in: ['builtin/fault-injection'],
          },
        ],
      },
    ],
    sources: [
      'https://developer.hashicorp.com/consul/docs/troubleshoot/fault-injection',
    ],
  },
  {
    mesh: 'consul',
    responsibilityId: 'rate-limiting',
    default: 'off',
    description: {
      en: 'Consul Enterprise only: ServiceDefaults rateLimits.instanceLevel (the RateLimit CRD of consul-k8s 2.0 limits Consul’s own API, not service traffic).',
      ja: 'Consul Enterprise のみ: ServiceDefaults の rateLimits.instanceLevel で設定します (consul-k8s 2.0 の RateLimit CRD が制限するのは Consul 自体の API であり、サービスのトラフィックではありません)。',
    },
    resources: [
      {
        kind: SERVICE_DEFAULTS,
        selects: { by: 'service-name' },
        on: [
          {
            path: 'spec.rateLimits.instanceLevel.requestsPerSecond',
            exists: true,
          },
          {
            path: 'spec.rateLimits.instanceLevel.routes[].requestsPerSecond',
            exists: true,
          },
        ],
      },
    ],
    sources: [
      'https://developer.hashicorp.com/consul/docs/reference/config-entry/service-defaults',
    ],
  },

  // Cilium
  {
    mesh: 'cilium',
    responsibilityId: 'mtls',
    default: 'off',
    description: {
      en: 'Nothing is encrypted by default: ztunnel mTLS (beta) is on for namespaces labelled io.cilium/mtls-enabled=true; SPIFFE mutual authentication (a CiliumNetworkPolicy with authentication.mode: required) is deprecated in 1.20.',
      ja: 'デフォルトでは何も暗号化されません。ztunnel による mTLS (beta) は io.cilium/mtls-enabled=true ラベルの付いた namespace で有効になります。SPIFFE による相互認証 (authentication.mode: required を指定した CiliumNetworkPolicy) は 1.20 で非推奨になりました。',
    },
    resources: [
      {
        kind: NAMESPACE,
        selects: { by: 'workload-namespace' },
        on: [{ label: 'io.cilium/mtls-enabled', in: ['true'] }],
      },
      {
        kind: CILIUM_NETWORK_POLICY,
        selects: {
          by: 'workload-selector',
          path: 'spec.endpointSelector.matchLabels',
        },
        on: [{ path: 'spec.ingress[].authentication.mode', in: ['required'] }],
      },
    ],
    sources: [
      'https://docs.cilium.io/en/latest/security/network/encryption-ztunnel/',
      'https://docs.cilium.io/en/stable/network/servicemesh/mutual-authentication/mutual-authentication/',
    ],
  },
  {
    mesh: 'cilium',
    responsibilityId: 'retries',
    default: 'off',
    description: {
      en: 'No retries until an HTTPRoute with the Service as parent (producer route) sets rules[].retry (Gateway API Standard channel since v1.7.0), or a CiliumEnvoyConfig for the Service sets a retry_policy.',
      ja: 'Service を parent とする HTTPRoute (producer route) で rules[].retry を設定するか (Gateway API v1.7.0 以降 Standard channel)、Service に対する CiliumEnvoyConfig で retry_policy を設定するまで、リトライは行われません。',
    },
    resources: [GAMMA_RETRY, ciliumEnvoyConfig('retry_policy')],
    sources: [
      'https://docs.cilium.io/en/stable/network/servicemesh/gateway-api/gamma/',
      GATEWAY_API_SOURCES.retries,
    ],
  },
  {
    mesh: 'cilium',
    responsibilityId: 'timeouts',
    default: 'off',
    description: {
      en: 'No request timeout until an HTTPRoute with the Service as parent sets rules[].timeouts, or a CiliumEnvoyConfig for the Service sets a route timeout.',
      ja: 'Service を parent とする HTTPRoute で rules[].timeouts を設定するか、Service に対する CiliumEnvoyConfig でルートのタイムアウトを設定するまで、リクエストタイムアウトはありません。',
    },
    resources: [GAMMA_TIMEOUTS, ciliumEnvoyConfig('"timeout"')],
    sources: [
      'https://docs.cilium.io/en/stable/network/servicemesh/gateway-api/gamma/',
      GATEWAY_API_SOURCES.timeouts,
    ],
  },
  {
    mesh: 'cilium',
    responsibilityId: 'rate-limiting',
    default: 'off',
    description: {
      en: 'Only raw Envoy configuration: a CiliumEnvoyConfig for the Service with the local_ratelimit filter.',
      ja: '生の Envoy 設定でのみ実現できます: Service に対する、local_ratelimit フィルターを含む CiliumEnvoyConfig。',
    },
    resources: [ciliumEnvoyConfig('envoy.filters.http.local_ratelimit')],
    sources: [
      'https://docs.cilium.io/en/stable/network/servicemesh/l7-traffic-management/',
    ],
  },
  {
    mesh: 'cilium',
    responsibilityId: 'jwt-auth',
    default: 'off',
    description: {
      en: 'Only raw Envoy configuration: a CiliumEnvoyConfig for the Service with the jwt_authn filter.',
      ja: '生の Envoy 設定でのみ実現できます: Service に対する、jwt_authn フィルターを含む CiliumEnvoyConfig。',
    },
    resources: [ciliumEnvoyConfig('envoy.filters.http.jwt_authn')],
    sources: [
      'https://docs.cilium.io/en/stable/network/servicemesh/l7-traffic-management/',
    ],
  },

  // Kuma
  {
    mesh: 'kuma',
    responsibilityId: 'mtls',
    default: 'off',
    description: {
      en: 'mTLS is off until the Mesh names an enabled backend (spec.mtls.enabledBackend; mode STRICT unless PERMISSIVE); a MeshTLS policy can set the mode per workload.',
      ja: 'Mesh で有効なバックエンドを指定するまで mTLS は無効です (spec.mtls.enabledBackend。モードは PERMISSIVE を指定しない限り STRICT)。MeshTLS ポリシーでワークロードごとにモードを設定できます。',
    },
    resources: [
      kumaPolicy(
        'meshtlses',
        'MeshTLS',
        [{ path: 'spec.rules[].default.mode', in: ['Strict'] }],
        [{ path: 'spec.rules[].default.mode', in: ['Permissive'] }],
      ),
      {
        kind: kuma('meshes', 'Mesh'),
        selects: { by: 'cluster' },
        on: [{ path: 'spec.mtls.enabledBackend', exists: true }],
      },
    ],
    sources: [
      'https://kuma.io/docs/latest/policies/mutual-tls/',
      'https://kuma.io/docs/latest/policies/meshtls/',
    ],
  },
  {
    mesh: 'kuma',
    responsibilityId: 'retries',
    default: 'off',
    description: {
      en: 'Each new Mesh gets a MeshRetry mesh-retry-all-<mesh> (5 retries): that counts as the default; a MeshRetry for the Service or its pods is its own.',
      ja: '新しい Mesh にはそれぞれ MeshRetry mesh-retry-all-<mesh> (リトライ 5 回) が作成され、これをデフォルトとみなします。Service またはその Pod に対する MeshRetry があれば、それが固有の設定になります。',
    },
    resources: [
      kumaPolicy(
        'meshretries',
        'MeshRetry',
        [
          { path: 'spec.to[].default.http.numRetries', exists: true },
          { path: 'spec.to[].default.grpc.numRetries', exists: true },
        ],
        [{ path: 'spec.to[].default.http.numRetries', in: ['0'] }],
        'mesh-retry-all-',
      ),
    ],
    sources: ['https://kuma.io/docs/latest/policies/meshretry/'],
  },
  {
    mesh: 'kuma',
    responsibilityId: 'timeouts',
    default: 'off',
    description: {
      en: 'Each new Mesh gets a MeshTimeout mesh-timeout-all-<mesh> (15 s request timeout): that counts as the default; a MeshTimeout for the Service or its pods is its own.',
      ja: '新しい Mesh にはそれぞれ MeshTimeout mesh-timeout-all-<mesh> (リクエストタイムアウト 15 秒) が作成され、これをデフォルトとみなします。Service またはその Pod に対する MeshTimeout があれば、それが固有の設定になります。',
    },
    resources: [
      kumaPolicy(
        'meshtimeouts',
        'MeshTimeout',
        [
          { path: 'spec.to[].default.http.requestTimeout', exists: true },
          { path: 'spec.to[].default.connectionTimeout', exists: true },
        ],
        [{ path: 'spec.to[].default.http.requestTimeout', in: ['0s'] }],
        'mesh-timeout-all-',
      ),
    ],
    sources: ['https://kuma.io/docs/latest/policies/meshtimeout/'],
  },
  {
    mesh: 'kuma',
    responsibilityId: 'circuit-breaker',
    default: 'off',
    description: {
      en: 'The default MeshCircuitBreaker of each Mesh only limits connections (no outlier detection): circuit breaking is on where a MeshCircuitBreaker sets outlierDetection.',
      ja: '各 Mesh のデフォルトの MeshCircuitBreaker は接続数を制限するだけです (外れ値検出なし)。サーキットブレーカーが有効になるのは、MeshCircuitBreaker で outlierDetection を設定した場合です。',
    },
    resources: [
      kumaPolicy(
        'meshcircuitbreakers',
        'MeshCircuitBreaker',
        [{ path: 'spec.to[].default.outlierDetection', exists: true }],
        [{ path: 'spec.to[].default.outlierDetection.disabled', in: ['true'] }],
      ),
    ],
    sources: ['https://kuma.io/docs/latest/policies/meshcircuitbreaker/'],
  },
  {
    mesh: 'kuma',
    responsibilityId: 'fault-injection',
    default: 'off',
    description: {
      en: 'No faults until a MeshFaultInjection applies to the workload.',
      ja: 'ワークロードに MeshFaultInjection が適用されるまで、フォールトは注入されません。',
    },
    resources: [
      kumaPolicy('meshfaultinjections', 'MeshFaultInjection', [
        { path: 'spec.from[].default.http', exists: true },
        { path: 'spec.rules[].default.http', exists: true },
        { path: 'spec.to[].default.http', exists: true },
      ]),
    ],
    sources: ['https://kuma.io/docs/latest/policies/meshfaultinjection/'],
  },
  {
    mesh: 'kuma',
    responsibilityId: 'rate-limiting',
    default: 'off',
    description: {
      en: 'No rate limit until a MeshRateLimit with a local HTTP request rate applies to the workload (per instance).',
      ja: 'ローカルの HTTP リクエストレートを指定した MeshRateLimit がワークロードに適用されるまで、レート制限はありません (インスタンス単位)。',
    },
    resources: [
      kumaPolicy(
        'meshratelimits',
        'MeshRateLimit',
        [
          { path: 'spec.rules[].default.local.http.requestRate', exists: true },
          { path: 'spec.from[].default.local.http.requestRate', exists: true },
        ],
        [{ path: 'spec.rules[].default.local.http.disabled', in: ['true'] }],
      ),
    ],
    sources: ['https://kuma.io/docs/latest/policies/meshratelimit/'],
  },
];
