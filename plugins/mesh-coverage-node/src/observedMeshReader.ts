import {
  AuthService,
  CacheService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import {
  durationToMilliseconds,
  HumanDuration,
  JsonValue,
} from '@backstage/types';
import {
  ComponentLike,
  MatrixIndex,
  ObservedMesh,
  ObservedUnavailable,
  suggestId,
} from '@meshcoverage/plugin-mesh-coverage-common';
import {
  DataPlaneRule,
  DEFAULT_DATA_PLANE_RULES,
  PodLike,
  summarizeObservedPods,
} from './observed/dataPlanes';
import { KindListing, KubeObject, WorkloadInCluster } from './configured/types';
import { createClusterReader, POD_KIND, SERVICE_KIND } from './clusterReader';

/** @public */
export const OBSERVED_CONFIG_KEY = 'meshCoverage.observed';

/**
 * The Kubernetes plugin's annotations that tie a component to its workloads; without one of them
 * nothing is looked up.
 *
 * @public
 */
export const KUBERNETES_ANNOTATIONS = [
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
] as const;

const DEFAULT_TIMEOUT: HumanDuration = { seconds: 5 };
const DEFAULT_CACHE_TTL: HumanDuration = { minutes: 1 };

/** @public */
export interface ObservedConfig {
  enabled: boolean;
  timeoutMs: number;
  cacheTtlMs: number;
  rules: readonly DataPlaneRule[];
}

const duration = (config: Config, key: string, fallback: HumanDuration) =>
  durationToMilliseconds(
    config.has(key) ? readDurationFromConfig(config, { key }) : fallback,
  );

/**
 * Reads `meshCoverage.observed`. A rule naming a mesh the matrix does not have stops the backend
 * with the key and the closest mesh id, as a typo in the defaults does.
 *
 * @public
 */
export function readObservedConfig(
  config: Config,
  index: MatrixIndex,
): ObservedConfig {
  const section = config.getOptionalConfig(OBSERVED_CONFIG_KEY);
  const rulesConfig = section?.getOptionalConfigArray('rules');
  const problems: string[] = [];
  const rules = rulesConfig
    ? rulesConfig.map((rule, i): DataPlaneRule => {
        const key = `${OBSERVED_CONFIG_KEY}.rules[${i}]`;
        const mesh = rule.getString('mesh');
        if (!index.meshIds.includes(mesh)) {
          const suggestion = suggestId(mesh, index.meshIds);
          problems.push(
            `${key}.mesh: unknown mesh '${mesh}'${
              suggestion ? ` (did you mean '${suggestion}'?)` : ''
            }`,
          );
        }
        // Read whole: annotation and label names hold dots and slashes, which config keys may not.
        const values = (name: string) => {
          const raw = rule.getOptional(name);
          if (raw === undefined) {
            return undefined;
          }
          if (
            typeof raw !== 'object' ||
            raw === null ||
            Array.isArray(raw) ||
            Object.values(raw).some(value => typeof value !== 'string')
          ) {
            problems.push(
              `${key}.${name}: expected names mapped to values, e.g. { ambient.istio.io/redirection: enabled }`,
            );
            return undefined;
          }
          return raw as Record<string, string>;
        };
        const parsed: DataPlaneRule = {
          mesh,
          mode: rule.getOptionalString('mode') ?? 'sidecar',
          containers: rule.getOptionalStringArray('containers'),
          annotations: values('annotations'),
          labels: values('labels'),
        };
        if (!parsed.containers && !parsed.annotations && !parsed.labels) {
          problems.push(
            `${key}: a rule needs containers, annotations or labels to match pods by`,
          );
        }
        return parsed;
      })
    : // The defaults recognise only meshes the matrix compares (the seed edition has no Kuma).
      DEFAULT_DATA_PLANE_RULES.filter(rule =>
        index.meshIds.includes(rule.mesh),
      );
  if (problems.length) {
    throw new Error(
      `Invalid Mesh Coverage config:\n  ${problems.join('\n  ')}`,
    );
  }
  return {
    enabled: section?.getOptionalBoolean('enabled') ?? true,
    timeoutMs: duration(
      config,
      `${OBSERVED_CONFIG_KEY}.timeout`,
      DEFAULT_TIMEOUT,
    ),
    cacheTtlMs: duration(
      config,
      `${OBSERVED_CONFIG_KEY}.cacheTtl`,
      DEFAULT_CACHE_TTL,
    ),
    rules,
  };
}

/**
 * A component's observed mesh, or why it could not be looked at.
 *
 * @public
 */
export interface ObservedMeshResult {
  observed: ObservedMesh | null;
  observedReason?: ObservedUnavailable;
  /**
   * Where the component runs, per cluster and namespace: its pods' labels and its Services, as the
   * configuration probes read them. Not part of any response.
   */
  workloads?: WorkloadInCluster[];
}

/**
 * Reads what runs: a component's pods, through Backstage's Kubernetes backend.
 *
 * @public
 */
export interface ObservedMeshReader {
  observe(component: ComponentLike): Promise<ObservedMeshResult>;
}

/** @public */
export interface ObservedMeshReaderOptions {
  config: ObservedConfig;
  discovery: DiscoveryService;
  auth: AuthService;
  cache: CacheService;
  logger: LoggerService;
}

/** Only what the probes read of a Service: kept small, since answers are cached. */
const serviceEssentials = (service: KubeObject): KubeObject => ({
  metadata: {
    name: service.metadata?.name,
    namespace: service.metadata?.namespace,
    annotations: service.metadata?.annotations,
  },
});

/** A component's pods and Services in one cluster, grouped by namespace. */
export function workloadsOf(
  cluster: string,
  pods: PodLike[],
  services: KubeObject[],
): WorkloadInCluster[] {
  const byNamespace = new Map<string, WorkloadInCluster>();
  const at = (namespace: string) => {
    let workload = byNamespace.get(namespace);
    if (!workload) {
      workload = { cluster, namespace, podLabels: [], services: [] };
      byNamespace.set(namespace, workload);
    }
    return workload;
  };
  for (const pod of pods) {
    at(pod.metadata?.namespace ?? 'default').podLabels.push(
      pod.metadata?.labels ?? {},
    );
  }
  for (const service of services) {
    at(service.metadata?.namespace ?? 'default').services.push(
      serviceEssentials(service),
    );
  }
  return [...byNamespace.values()];
}

const unavailable = (
  reason: ObservedUnavailable['reason'],
  message: string,
): ObservedMeshResult => ({
  observed: null,
  observedReason: { reason, message },
});

/**
 * Reads a component's pods with the calling plugin's own service credentials (no cluster
 * credentials of its own: the Kubernetes backend holds those), recognises each pod's data plane,
 * and caches the answer for `cacheTtl` in the backend's cache, so an entity page does not reach
 * the clusters on every view and every instance shares the answer.
 *
 * @public
 */
export function createObservedMeshReader(
  options: ObservedMeshReaderOptions,
): ObservedMeshReader {
  const { config, discovery, auth, logger } = options;
  const cache = options.cache.withOptions({ defaultTtl: config.cacheTtlMs });
  let reportedUnavailable = false;

  // The pods and Services of one component: two lists per cluster, by the entity's own selector,
  // through the Kubernetes backend's proxy (its workloads query lists thirteen kinds).
  // The cluster list is kept for the TTL; a component's lists are not (its answer is cached per
  // component below, and another component with the same selector must get its own reading).
  const clusterNames = createClusterReader({
    discovery,
    auth,
    logger,
    timeoutMs: config.timeoutMs,
    cacheTtlMs: config.cacheTtlMs,
  });
  const clusterReader = createClusterReader({
    discovery,
    auth,
    logger,
    timeoutMs: config.timeoutMs,
    cacheTtlMs: 0,
  });

  async function lookUp(component: ComponentLike): Promise<ObservedMeshResult> {
    const clusters = await clusterNames.clusters();
    if ('failure' in clusters) {
      if (clusters.failure.reason === 'kubernetes-unavailable') {
        if (!reportedUnavailable) {
          reportedUnavailable = true;
          logger.info(
            'Observed meshes are off: the Kubernetes backend plugin (@backstage/plugin-kubernetes-backend) is not installed, or has no clusters configured',
          );
        }
        return unavailable('kubernetes-unavailable', clusters.failure.message);
      }
      return unavailable(
        clusters.failure.reason === 'timeout' ? 'timeout' : 'kubernetes-error',
        clusters.failure.message,
      );
    }
    const annotations = component.annotations ?? {};
    // As the Kubernetes backend finds an entity's objects: its label selector, else its id.
    const labelSelector =
      annotations['backstage.io/kubernetes-label-selector']?.trim() ||
      `backstage.io/kubernetes-id=${annotations[
        'backstage.io/kubernetes-id'
      ]!.trim()}`;
    const namespace =
      annotations['backstage.io/kubernetes-namespace']?.trim() || undefined;
    const listed = await Promise.all(
      clusters.names.map(async cluster => {
        const [pods, services] = await Promise.all(
          [POD_KIND, SERVICE_KIND].map(kind =>
            clusterReader.list(cluster, kind, { namespace, labelSelector }),
          ),
        );
        return { cluster, pods, services };
      }),
    );
    const failures = listed.flatMap(({ pods, services }) =>
      [pods, services].flatMap(result =>
        'failure' in result ? [result.failure] : [],
      ),
    );
    if (failures.length) {
      // Some pods unread: a count would be a guess.
      return unavailable(
        failures.some(f => f.reason === 'timeout')
          ? 'timeout'
          : 'cluster-error',
        failures.map(f => f.message).join('; '),
      );
    }
    const itemsOf = (result: KindListing) =>
      'items' in result ? result.items : [];
    const pods = listed.flatMap(c => itemsOf(c.pods) as PodLike[]);
    return {
      observed: summarizeObservedPods(pods, {
        rules: config.rules,
        clusters: clusters.names,
        checkedAt: new Date().toISOString(),
      }),
      workloads: listed.flatMap(c =>
        workloadsOf(
          c.cluster,
          itemsOf(c.pods) as PodLike[],
          itemsOf(c.services),
        ),
      ),
    };
  }

  return {
    async observe(component) {
      if (!config.enabled) {
        return unavailable(
          'disabled',
          'Observed meshes are switched off (meshCoverage.observed.enabled)',
        );
      }
      const annotations = component.annotations ?? {};
      if (
        !component.entityRef ||
        !KUBERNETES_ANNOTATIONS.some(key => annotations[key]?.trim())
      ) {
        return unavailable(
          'no-kubernetes-annotation',
          `Add ${KUBERNETES_ANNOTATIONS.join(
            ' or ',
          )} to the component to compare what runs with what it declares`,
        );
      }
      const key = `observed:${component.entityRef}`;
      // The cache is a help, not a dependency: if it fails, look anyway.
      const cached = (await cache.get(key).catch(() => undefined)) as
        | ObservedMeshResult
        | undefined;
      if (cached) {
        return cached;
      }
      let result: ObservedMeshResult;
      try {
        result = await lookUp(component);
      } catch (error) {
        result = unavailable(
          'kubernetes-error',
          `Could not ask the Kubernetes backend: ${(error as Error).message}`,
        );
      }
      await cache
        .set(key, result as unknown as JsonValue)
        .catch(error =>
          logger.warn(`Could not cache the observed mesh of ${key}: ${error}`),
        );
      return result;
    },
  };
}
