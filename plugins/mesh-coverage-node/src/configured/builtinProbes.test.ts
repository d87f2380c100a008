import {
  builtinEdition,
  carriesResponsibility,
  indexMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { BUILTIN_CONFIG_PROBES } from './builtinProbes';
import { evaluateConfiguration } from './evaluateConfiguration';
import { mergeConfigProbes, parseConfigProbes } from './parseConfigProbes';
import { KubeObject, WorkloadInCluster } from './types';

const index = indexMatrix(builtinEdition('current').matrix);
const probe = (mesh: string, responsibilityId: string) =>
  BUILTIN_CONFIG_PROBES.find(
    p => p.mesh === mesh && p.responsibilityId === responsibilityId,
  )!;
const workload: WorkloadInCluster = {
  cluster: 'prod',
  namespace: 'shop',
  podLabels: [{ app: 'checkout' }],
  services: [{ metadata: { name: 'checkout', namespace: 'shop' } }],
};
const only =
  (plural: string, items: KubeObject[]) =>
  (_: string, kind: { plural: string }) => ({
    items: kind.plural === plural ? items : [],
  });

describe('the built-in configuration probes', () => {
  it('are valid probes on ids the current edition has, one per mesh and responsibility', () => {
    expect(
      parseConfigProbes(
        JSON.parse(JSON.stringify(BUILTIN_CONFIG_PROBES)),
        index,
      ).problems.filter(p => !p.path.endsWith('.on')),
    ).toEqual([]);
    const keys = BUILTIN_CONFIG_PROBES.map(
      p => `${p.mesh}/${p.responsibilityId}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of BUILTIN_CONFIG_PROBES) {
      expect(p.sources.every(s => s.startsWith('https://'))).toBe(true);
      // Said in both languages the product ships.
      expect(p.description.ja).not.toBe(p.description.en);
      expect(p.description.ja.length).toBeGreaterThan(0);
      // A probe only matters where the mesh can carry the responsibility.
      const support = index.cellsOf(p.mesh).get(p.responsibilityId)?.support;
      expect({
        probe: `${p.mesh}/${p.responsibilityId}`,
        carries: carriesResponsibility(support ?? 'unknown'),
      }).toEqual({ probe: `${p.mesh}/${p.responsibilityId}`, carries: true });
    }
  });

  it('cover what the issue of record names for Istio, Linkerd, Consul, Cilium and Kuma', () => {
    const covered = (mesh: string) =>
      BUILTIN_CONFIG_PROBES.filter(p => p.mesh === mesh).map(
        p => p.responsibilityId,
      );
    expect(covered('istio')).toEqual(
      expect.arrayContaining([
        'mtls',
        'jwt-auth',
        'circuit-breaker',
        'retries',
        'timeouts',
        'fault-injection',
        'rate-limiting',
      ]),
    );
    expect(covered('linkerd')).toEqual(
      expect.arrayContaining([
        'mtls',
        'retries',
        'timeouts',
        'circuit-breaker',
        'rate-limiting',
      ]),
    );
    expect(covered('consul').length).toBeGreaterThanOrEqual(5);
    expect(covered('cilium').length).toBeGreaterThanOrEqual(3);
    expect(covered('kuma').length).toBeGreaterThanOrEqual(5);
  });

  it('know each mesh’s default: Istio retries and Linkerd mTLS without configuration, Istio mTLS permissive', () => {
    expect(
      evaluateConfiguration(probe('istio', 'retries'), [workload], only('', []))
        .state,
    ).toBe('default');
    expect(
      evaluateConfiguration(probe('linkerd', 'mtls'), [workload], only('', []))
        .state,
    ).toBe('default');
    expect(
      evaluateConfiguration(probe('istio', 'mtls'), [workload], only('', [])),
    ).toMatchObject({
      state: 'no',
      fix: expect.stringContaining('name: checkout-strict\n  namespace: shop'),
    });
    // Istio retries turned off by a VirtualService with attempts: 0.
    const off = {
      metadata: { name: 'checkout', namespace: 'shop' },
      spec: { hosts: ['checkout'], http: [{ retries: { attempts: 0 } }] },
    };
    expect(
      evaluateConfiguration(
        probe('istio', 'retries'),
        [workload],
        only('virtualservices', [off]),
      ).state,
    ).toBe('no');
  });

  it('tell Kuma’s own default policies from the Service’s', () => {
    const retry = (name: string, to: object) => ({
      metadata: { name, namespace: 'kuma-system' },
      spec: { to: [{ targetRef: to, default: { http: { numRetries: 5 } } }] },
    });
    const meshDefault = retry('mesh-retry-all-default', { kind: 'Mesh' });
    expect(
      evaluateConfiguration(
        probe('kuma', 'retries'),
        [workload],
        only('meshretries', [meshDefault]),
      ).state,
    ).toBe('default');
    const own = retry('checkout-retries', {
      kind: 'MeshService',
      name: 'checkout',
    });
    expect(
      evaluateConfiguration(
        probe('kuma', 'retries'),
        [workload],
        only('meshretries', [meshDefault, own]),
      ),
    ).toMatchObject({ state: 'yes', evidence: [{ name: 'checkout-retries' }] });
  });

  it('let an operator replace a built-in row or add one, validated with did-you-mean', () => {
    const own = {
      mesh: 'istio',
      responsibilityId: 'rate-limiting',
      default: 'off',
      description: 'Our company rate-limit EnvoyFilter',
      sources: ['https://example.com/platform/rate-limits'],
      resources: [
        {
          kind: {
            group: 'networking.istio.io',
            version: 'v1alpha3',
            plural: 'envoyfilters',
            kind: 'EnvoyFilter',
          },
          selects: { by: 'namespace' },
          on: [{ label: 'platform.example.com/rate-limit', exists: true }],
        },
      ],
    };
    const { probes, problems } = parseConfigProbes([own], index);
    expect(problems).toEqual([]);
    const merged = mergeConfigProbes(BUILTIN_CONFIG_PROBES, probes);
    // One text written by the operator serves both languages.
    expect(
      merged.filter(
        p => p.mesh === 'istio' && p.responsibilityId === 'rate-limiting',
      ),
    ).toEqual([
      {
        ...own,
        description: { en: own.description, ja: own.description },
      },
    ]);
    expect(merged).toHaveLength(BUILTIN_CONFIG_PROBES.length);
    expect(
      parseConfigProbes(
        [{ ...own, mesh: 'isto', responsibilityId: 'rate-limit' }],
        index,
      ).problems,
    ).toEqual([
      {
        path: '[0].mesh',
        message: "unknown mesh 'isto' (did you mean 'istio'?)",
      },
      {
        path: '[0].responsibilityId',
        message:
          "unknown responsibility 'rate-limit' (did you mean 'rate-limiting'?)",
      },
    ]);
    expect(
      parseConfigProbes(
        [
          {
            ...own,
            resources: [{ ...own.resources[0], selects: { by: 'pods' } }],
          },
        ],
        index,
      ).problems[0].path,
    ).toBe('[0].resources[0].selects.by');
  });
});
