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
  DataPlaneRule,
  DEFAULT_DATA_PLANE_RULES,
  MatrixIndex,
  ObservedMesh,
  ObservedUnavailable,
  KubeObject,
  PodLike,
  suggestId,
  summarizeObservedPods,
  WorkloadInCluster,
} from '@meshcoverage/plugin-mesh-coverage-common';

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

/** The parts of the Kubernetes backend's `ObjectsByEntityResponse` we read. */
interface ObjectsByEntity {
  items?: {
    cluster?: { name?: string };
    resources?: { type?: string; resources?: PodLike[] }[];
    errors?: { errorType?: string; statusCode?: number; message?: string }[];
  }[];
}

const KUBERNETES_PLUGIN_ID = 'kubernetes';

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

  async function lookUp(entityRef: string): Promise<ObservedMeshResult> {
    const baseUrl = await discovery.getBaseUrl(KUBERNETES_PLUGIN_ID);
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: KUBERNETES_PLUGIN_ID,
    });
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/resources/workloads/query`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ entityRef, auth: {} }),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        return unavailable(
          'timeout',
          `The Kubernetes backend did not answer within ${config.timeoutMs} ms (meshCoverage.observed.timeout)`,
        );
      }
      return unavailable(
        'kubernetes-error',
        `Could not reach the Kubernetes backend: ${(error as Error).message}`,
      );
    }
    if (response.status === 404) {
      if (!reportedUnavailable) {
        reportedUnavailable = true;
        logger.info(
          'Observed meshes are off: the Kubernetes backend plugin (@backstage/plugin-kubernetes-backend) is not installed, or has no clusters configured',
        );
      }
      return unavailable(
        'kubernetes-unavailable',
        'The Kubernetes backend plugin is not installed in this Backstage, or has no clusters configured',
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return unavailable(
        'kubernetes-error',
        `The Kubernetes backend answered ${response.status} with a body that is not JSON`,
      );
    }
    if (!response.ok) {
      const message = (body as { error?: { message?: string } })?.error
        ?.message;
      return unavailable(
        'kubernetes-error',
        `The Kubernetes backend answered ${response.status}${
          message ? `: ${message}` : ''
        }`,
      );
    }
    const items = Array.isArray((body as ObjectsByEntity)?.items)
      ? (body as ObjectsByEntity).items!
      : [];
    const failures = items.flatMap(item =>
      (item.errors ?? []).map(
        error =>
          `cluster '${item.cluster?.name ?? '?'}': ${
            error.errorType ?? 'error'
          }${error.statusCode ? ` ${error.statusCode}` : ''}${
            error.message ? ` (${error.message})` : ''
          }`,
      ),
    );
    if (failures.length) {
      // Some pods unread: a count would be a guess.
      return unavailable('cluster-error', failures.join('; '));
    }
    const ofType = (item: (typeof items)[number], type: string) =>
      (item.resources ?? [])
        .filter(resource => resource.type === type)
        .flatMap(resource => resource.resources ?? []);
    const pods = items.flatMap(item => ofType(item, 'pods'));
    return {
      observed: summarizeObservedPods(pods, {
        rules: config.rules,
        clusters: items.map(item => item.cluster?.name ?? '').filter(Boolean),
        checkedAt: new Date().toISOString(),
      }),
      workloads: items.flatMap(item =>
        workloadsOf(
          item.cluster?.name ?? '',
          ofType(item, 'pods'),
          ofType(item, 'services') as KubeObject[],
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
        result = await lookUp(component.entityRef);
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
