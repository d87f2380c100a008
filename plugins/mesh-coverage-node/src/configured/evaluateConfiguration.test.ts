import { evaluateConfiguration, valuesAt } from './evaluateConfiguration';
import {
  ConfigProbe,
  KindListing,
  KubeObject,
  WorkloadInCluster,
} from './types';

const PEER_AUTHENTICATION = {
  group: 'security.istio.io',
  version: 'v1',
  plural: 'peerauthentications',
  kind: 'PeerAuthentication',
};
const DESTINATION_RULE = {
  group: 'networking.istio.io',
  version: 'v1',
  plural: 'destinationrules',
  kind: 'DestinationRule',
};

const mtls: ConfigProbe = {
  mesh: 'istio',
  responsibilityId: 'mtls',
  default: 'off',
  description: {
    en: 'PeerAuthentication mode STRICT',
    ja: 'PeerAuthentication mode STRICT',
  },
  sources: [
    'https://istio.io/latest/docs/reference/config/security/peer_authentication/',
  ],
  fix: 'kind: PeerAuthentication\nmetadata: { name: {{service}}, namespace: {{namespace}} }',
  resources: [
    {
      kind: PEER_AUTHENTICATION,
      selects: {
        by: 'workload-selector',
        path: 'spec.selector.matchLabels',
        rootNamespace: 'istio-system',
      },
      on: [{ path: 'spec.mtls.mode', in: ['STRICT'] }],
      off: [{ path: 'spec.mtls.mode', in: ['PERMISSIVE', 'DISABLE'] }],
    },
  ],
};

const circuitBreaker: ConfigProbe = {
  mesh: 'istio',
  responsibilityId: 'circuit-breaker',
  default: 'off',
  description: {
    en: 'DestinationRule outlierDetection',
    ja: 'DestinationRule outlierDetection',
  },
  sources: ['https://istio.io/'],
  resources: [
    {
      kind: DESTINATION_RULE,
      selects: { by: 'service-host', path: 'spec.host' },
      on: [{ path: 'spec.trafficPolicy.outlierDetection', exists: true }],
    },
  ],
};

const object = (
  name: string,
  namespace: string,
  rest: Record<string, unknown> = {},
): KubeObject => ({ metadata: { name, namespace }, ...rest });

const payments: WorkloadInCluster = {
  cluster: 'prod',
  namespace: 'shop',
  podLabels: [{ app: 'payments-api', version: 'v2' }],
  services: [object('payments-api', 'shop')],
};

const listing =
  (items: Record<string, KubeObject[]>) =>
  (_cluster: string, kind: { plural: string }): KindListing => ({
    items: items[kind.plural] ?? [],
  });

const pa = (
  name: string,
  namespace: string,
  mode: string,
  matchLabels?: Record<string, string>,
) =>
  object(name, namespace, {
    spec: { ...(matchLabels && { selector: { matchLabels } }), mtls: { mode } },
  });

describe('evaluateConfiguration', () => {
  it('reads every value at a path, through lists', () => {
    const vs = {
      spec: { http: [{ retries: { attempts: 3 } }, { timeout: '2s' }] },
    };
    expect(valuesAt(vs, 'spec.http[].retries.attempts')).toEqual([3]);
    expect(valuesAt(vs, 'spec.http[].timeout')).toEqual(['2s']);
    expect(valuesAt(vs, 'spec.tcp[].route')).toEqual([]);
  });

  it('applies the most specific resource: workload selector over namespace over root namespace', () => {
    const root = pa('default', 'istio-system', 'STRICT');
    const namespace = pa('default', 'shop', 'PERMISSIVE');
    const workload = pa('payments', 'shop', 'STRICT', { app: 'payments-api' });
    expect(
      evaluateConfiguration(
        mtls,
        [payments],
        listing({ peerauthentications: [root] }),
      ),
    ).toMatchObject({
      state: 'yes',
      evidence: [
        {
          kind: 'PeerAuthentication',
          name: 'default',
          namespace: 'istio-system',
          cluster: 'prod',
          effect: 'on',
        },
      ],
    });
    expect(
      evaluateConfiguration(
        mtls,
        [payments],
        listing({ peerauthentications: [root, namespace] }),
      ),
    ).toMatchObject({
      state: 'no',
      evidence: [{ namespace: 'shop', effect: 'off' }],
    });
    expect(
      evaluateConfiguration(
        mtls,
        [payments],
        listing({ peerauthentications: [root, namespace, workload] }),
      ),
    ).toMatchObject({ state: 'yes', evidence: [{ name: 'payments' }] });
    // A selector for other pods, and a namespace that is not the workload's, do not apply.
    const other = pa('orders', 'shop', 'STRICT', { app: 'orders' });
    const elsewhere = pa('default', 'billing', 'STRICT');
    expect(
      evaluateConfiguration(
        mtls,
        [payments],
        listing({ peerauthentications: [other, elsewhere] }),
      ),
    ).toMatchObject({ state: 'no' });
  });

  it('holds the default when nothing applies, and fills the fix in for the component', () => {
    const result = evaluateConfiguration(mtls, [payments], listing({}));
    expect(result.state).toBe('no');
    expect(result.fix).toBe(
      'kind: PeerAuthentication\nmetadata: { name: payments-api, namespace: shop }',
    );
    expect(
      evaluateConfiguration({ ...mtls, default: 'on' }, [payments], listing({}))
        .state,
    ).toBe('default');
  });

  it('counts a DestinationRule only for the component’s own Service host', () => {
    const dr = (
      name: string,
      namespace: string,
      host: string,
      outlier = true,
    ) =>
      object(name, namespace, {
        spec: {
          host,
          ...(outlier && {
            trafficPolicy: { outlierDetection: { consecutive5xxErrors: 5 } },
          }),
        },
      });
    const check = (rules: KubeObject[]) =>
      evaluateConfiguration(
        circuitBreaker,
        [payments],
        listing({ destinationrules: rules }),
      ).state;
    expect(check([dr('orders', 'shop', 'orders-api')])).toBe('no');
    expect(check([dr('payments', 'shop', 'payments-api')])).toBe('yes');
    expect(check([dr('payments', 'other', 'payments-api')])).toBe('no');
    expect(
      check([dr('payments', 'other', 'payments-api.shop.svc.cluster.local')]),
    ).toBe('yes');
    expect(check([dr('all', 'shop', '*.shop.svc.cluster.local')])).toBe('yes');
    expect(check([dr('payments', 'shop', 'payments-api', false)])).toBe('no');
  });

  it('is unknown, with the reason, when a kind could not be listed', () => {
    const result = evaluateConfiguration(mtls, [payments], () => ({
      failure: { reason: 'not-found', message: 'the CRD is not installed' },
    }));
    expect(result).toEqual({
      state: 'unknown',
      reason:
        "Could not read PeerAuthentication (security.istio.io/v1/peerauthentications) in cluster 'prod': the CRD is not installed",
    });
    expect(evaluateConfiguration(mtls, [], listing({})).state).toBe('unknown');
  });

  it('lets an exclusive resource decide alone, and says no when any cluster has it off', () => {
    const profile: ConfigProbe = {
      mesh: 'linkerd',
      responsibilityId: 'retries',
      default: 'off',
      description: {
        en: 'ServiceProfile routes isRetryable, else Service annotations',
        ja: 'ServiceProfile routes isRetryable, else Service annotations',
      },
      sources: ['https://linkerd.io/'],
      resources: [
        {
          kind: {
            group: 'linkerd.io',
            version: 'v1alpha2',
            plural: 'serviceprofiles',
            kind: 'ServiceProfile',
          },
          selects: { by: 'service-name', path: 'metadata.name' },
          on: [{ path: 'spec.routes[].isRetryable', in: ['true'] }],
          exclusive: true,
          precedence: 20,
        },
        {
          kind: {
            group: '',
            version: 'v1',
            plural: 'services',
            kind: 'Service',
          },
          selects: { by: 'service' },
          on: [{ annotation: 'retry.linkerd.io/http', exists: true }],
        },
      ],
    };
    const annotated: WorkloadInCluster = {
      ...payments,
      services: [
        {
          metadata: {
            name: 'payments-api',
            namespace: 'shop',
            annotations: { 'retry.linkerd.io/http': '5xx' },
          },
        },
      ],
    };
    expect(evaluateConfiguration(profile, [annotated], listing({})).state).toBe(
      'yes',
    );
    const sp = object('payments-api.shop.svc.cluster.local', 'shop', {
      spec: { routes: [{ name: 'GET /' }] },
    });
    expect(
      evaluateConfiguration(
        profile,
        [annotated],
        listing({ serviceprofiles: [sp] }),
      ),
    ).toMatchObject({ state: 'no', evidence: [{ kind: 'ServiceProfile' }] });
    expect(
      evaluateConfiguration(
        profile,
        [annotated, { ...payments, cluster: 'dr' }],
        listing({}),
      ).state,
    ).toBe('no');
  });
});
