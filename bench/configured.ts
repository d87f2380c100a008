/*
 * What the mesh is configured to do, against the Kubernetes backend's own work, on the fake
 * cluster (BENCHMARKS.md):
 * - `/coverage` with configuration for one component, caches cold, against the Kubernetes
 *   backend's `POST /resources/custom/query` for the same component and the same kinds, and
 *   against the reading it has to do through the Kubernetes backend's proxy (reported beside it:
 *   the kinds alone through the proxy, and the whole reading);
 * - the list requests a fleet snapshot over 1 000 components makes, from the fake cluster's log,
 *   against clusters x (probe kinds + 2).
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  listPath,
  POD_KIND,
  SERVICE_KIND,
} from '@meshcoverage/plugin-mesh-coverage-node/src/clusterReader';
import {
  BUILTIN_CONFIG_PROBES,
  KubernetesKind,
} from '@meshcoverage/plugin-mesh-coverage-node';
import {
  FLEET_SNAPSHOT_TASK_ID,
  meshCoveragePlugin,
} from '@meshcoverage/plugin-mesh-coverage-backend/src/plugin';
import {
  DEMO_CLUSTER_TOKEN,
  FakePod,
  FakeResource,
  kubernetesConfigFor,
  startFakeCluster,
} from '@internal/fake-cluster';
import request from 'supertest';
import { stringify } from 'yaml';
import { BenchResult, median } from './results';

const NAMESPACE = 'shop';

/**
 * The kinds the built-in probes list (not the component's own Service): of one mesh, for some
 * responsibilities, or all of them.
 */
function probeKinds(
  mesh?: string,
  responsibilityIds?: readonly string[],
): KubernetesKind[] {
  const kinds = new Map<string, KubernetesKind>();
  for (const probe of BUILTIN_CONFIG_PROBES) {
    if (mesh && probe.mesh !== mesh) continue;
    if (
      responsibilityIds &&
      !responsibilityIds.includes(probe.responsibilityId)
    )
      continue;
    for (const resource of probe.resources) {
      if (resource.selects.by !== 'service') {
        kinds.set(
          `${resource.kind.group}/${resource.kind.plural}`,
          resource.kind,
        );
      }
    }
  }
  return [...kinds.values()];
}

const REQUIRES = ['mtls', 'circuit-breaker', 'retries', 'timeouts', 'jwt-auth'];

function fleet(count: number) {
  const names = Array.from({ length: count }, (_, i) => `svc-${i}`);
  const entities = names.map(name => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/kubernetes-id': name,
        'meshcoverage.io/requires': REQUIRES.join(', '),
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `team-${name.length % 7}`,
    },
  }));
  const pods: FakePod[] = names.map(name => ({
    name: `${name}-5c8d7f9b4-x7k2p`,
    namespace: NAMESPACE,
    labels: { 'backstage.io/kubernetes-id': name, app: name },
    containers: [{ name }, { name: 'istio-proxy' }],
  }));
  const resources: FakeResource[] = names.flatMap((name, i) => [
    {
      apiVersion: 'v1',
      kind: 'Service',
      plural: 'services',
      metadata: {
        name,
        namespace: NAMESPACE,
        labels: { 'backstage.io/kubernetes-id': name },
      },
      spec: { selector: { app: name } },
    },
    ...(i % 2
      ? [
          {
            apiVersion: 'networking.istio.io/v1',
            kind: 'DestinationRule',
            plural: 'destinationrules',
            metadata: {
              name,
              namespace: NAMESPACE,
              labels: { 'backstage.io/kubernetes-id': name },
            },
            spec: { host: name, trafficPolicy: { outlierDetection: {} } },
          },
        ]
      : []),
  ]);
  resources.push({
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    plural: 'peerauthentications',
    metadata: { name: 'default', namespace: NAMESPACE },
    spec: { mtls: { mode: 'STRICT' } },
  });
  return { entities, pods, resources };
}

export async function configuredBench(quick: boolean): Promise<BenchResult[]> {
  const count = quick ? 300 : 1000;
  const { entities, pods, resources } = fleet(count);
  const cluster = await startFakeCluster({
    pods,
    resources,
    token: DEMO_CLUSTER_TOKEN,
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-configured-'));
  const catalogFile = join(dir, 'entities.yaml');
  writeFileSync(catalogFile, entities.map(e => stringify(e)).join('---\n'));
  const scheduler = mockServices.scheduler() as ReturnType<
    typeof mockServices.scheduler
  > & { factory(options?: { skipTaskRunOnStartup?: boolean }): any };
  const backend = await startTestBackend({
    features: [
      meshCoveragePlugin,
      catalogPlugin,
      kubernetesPlugin,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [{ type: 'file', target: catalogFile }],
          },
          meshCoverage: {
            // Caches cold on every request: what is measured is the reading, not the cache.
            observed: { cacheTtl: { milliseconds: 1 } },
            configured: { cacheTtl: { milliseconds: 1 } },
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
  const service = mockCredentials.service.header();
  try {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const res = await request(backend.server)
        .get('/api/catalog/entities/by-query?filter=kind=component&limit=1')
        .set('Authorization', user);
      if (res.body.totalItems >= count) break;
      await new Promise(r => setTimeout(r, 500));
    }
    const entityRef = 'component:default/svc-1';
    const kinds = probeKinds('istio', REQUIRES);
    const customResources = kinds.map(k => ({
      group: k.group,
      apiVersion: k.version,
      plural: k.plural,
    }));
    const coverage = async () => {
      const res = await request(backend.server)
        .get(`/api/mesh-coverage/coverage?entityRef=${entityRef}`)
        .set('Authorization', user);
      if (res.status !== 200) throw new Error(`/coverage ${res.status}`);
    };
    const customQuery = async () => {
      const res = await request(backend.server)
        .post('/api/kubernetes/resources/custom/query')
        .set('Authorization', user)
        .send({ entityRef, customResources, auth: {} });
      if (res.status !== 200) throw new Error(`custom/query ${res.status}`);
    };
    // The reading /coverage has to do through the Kubernetes backend (docs/configured.md), and
    // nothing else: the cluster list, then the component's pods and Services by its label, then
    // each kind across the cluster, each a request to the proxy with service credentials.
    const kubernetes = (path: string) =>
      request(backend.server)
        .get(`/api/kubernetes${path}`)
        .set('Authorization', service)
        .set('Backstage-Kubernetes-Cluster', 'fake-cluster')
        .then(res => {
          if (res.status !== 200) throw new Error(`${path} ${res.status}`);
        });
    const listKinds = () =>
      Promise.all(kinds.map(kind => kubernetes(`/proxy${listPath(kind)}`)));
    const reading = async () => {
      await kubernetes('/clusters');
      const selector = `?labelSelector=${encodeURIComponent(
        'backstage.io/kubernetes-id=svc-1',
      )}`;
      await Promise.all(
        [POD_KIND, SERVICE_KIND].map(kind =>
          kubernetes(`/proxy${listPath(kind)}${selector}`),
        ),
      );
      await listKinds();
    };
    const time = async (fn: () => Promise<unknown>) => {
      const started = process.hrtime.bigint();
      await fn();
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const measured = { coverage, customQuery, reading, listKinds };
    // Warm-up: the Kubernetes backend loads its client on its first request.
    for (let i = 0; i < 5; i += 1) {
      for (const fn of Object.values(measured)) await fn();
    }
    const rounds = quick ? 30 : 100;
    const times = Object.fromEntries(
      Object.keys(measured).map(name => [name, [] as number[]]),
    ) as Record<keyof typeof measured, number[]>;
    for (let i = 0; i < rounds; i += 1) {
      // Interleaved, each waiting out the 1 ms caches, so all meet the same machine state.
      for (const [name, fn] of Object.entries(measured)) {
        await new Promise(r => setTimeout(r, 2));
        times[name as keyof typeof measured].push(await time(fn));
      }
    }
    const ms = (name: keyof typeof measured) => median(times[name]);
    const ratio = ms('coverage') / ms('customQuery');
    const overReading = ms('coverage') / ms('reading');
    const kindsRatio = ms('listKinds') / ms('customQuery');

    // One snapshot, counted from the fake cluster's request log.
    const before = cluster.requests.length;
    await scheduler.triggerTask(FLEET_SNAPSHOT_TASK_ID);
    const lists = cluster.requests.slice(before);
    const bound = 1 * (probeKinds().length + 2);
    const snapshot = await request(backend.server)
      .get('/api/mesh-coverage/fleet')
      .set('Authorization', service);
    const components = snapshot.body.components;
    return [
      {
        name: 'coverage with configuration / custom query',
        value: ratio,
        unit: 'x',
        goal: '<= 1.5',
        pass: ratio <= 1.5,
        detail: `median ${ms('coverage').toFixed(1)} ms vs ${ms(
          'customQuery',
        ).toFixed(1)} ms over ${rounds} interleaved rounds, ${
          kinds.length
        } Istio kinds, caches cold`,
      },
      {
        name: 'the kinds through the proxy / custom query',
        value: kindsRatio,
        unit: 'x',
        goal: 'report',
        pass: true,
        detail: `the ${
          kinds.length
        } kinds listed across the cluster through the Kubernetes backend's proxy, nothing else: ${ms(
          'listKinds',
        ).toFixed(1)} ms`,
      },
      {
        name: 'coverage with configuration / its reading',
        value: overReading,
        unit: 'x',
        goal: 'report',
        pass: true,
        detail: `the cluster list, pods and Services by label, then the ${
          kinds.length
        } kinds through the proxy: ${ms('reading').toFixed(1)} ms`,
      },
      {
        name: 'snapshot list requests',
        value: lists.length,
        unit: 'requests',
        goal: `<= ${bound}`,
        pass: lists.length <= bound && components === count,
        detail: `${components} components, 1 cluster, ${
          probeKinds().length
        } probe kinds + pods + Services`,
      },
    ];
  } finally {
    await backend.stop();
    await cluster.close();
  }
}
