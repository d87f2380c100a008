import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { KindListing, KubeObject, KubernetesKind } from './configured/types';

const KUBERNETES_PLUGIN_ID = 'kubernetes';
/** The Kubernetes backend's proxy picks the cluster by this header. */
const CLUSTER_HEADER = 'Backstage-Kubernetes-Cluster';

/**
 * The clusters the Kubernetes backend knows, or why they could not be read.
 *
 * @public
 */
export type ClusterNames =
  | { names: string[] }
  | { failure: { reason: string; message: string } };

/**
 * Reads cluster resources through Backstage's Kubernetes backend, never around it: with the
 * plugin's own service credentials, through its `/clusters` route and its proxy (which uses each
 * cluster's configured auth). Each kind is listed once per cluster, across namespaces, and the list
 * is kept for `cacheTtlMs`, so the components of one page or one snapshot share it.
 *
 * @public
 */
export interface ClusterReader {
  clusters(): Promise<ClusterNames>;
  /**
   * Every object of the kind in the cluster (or in `namespace`, matching `labelSelector`); a
   * failure names why (never throws).
   */
  list(
    cluster: string,
    kind: KubernetesKind,
    options?: { namespace?: string; labelSelector?: string },
  ): Promise<KindListing>;
}

/** @public */
export interface ClusterReaderOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  timeoutMs: number;
  cacheTtlMs: number;
}

/** The kinds every workload has: what runs, and the Services the probes select by. */
export const POD_KIND: KubernetesKind = {
  group: '',
  version: 'v1',
  plural: 'pods',
  kind: 'Pod',
};
export const SERVICE_KIND: KubernetesKind = {
  group: '',
  version: 'v1',
  plural: 'services',
  kind: 'Service',
};

const failure = (reason: string, message: string) => ({
  failure: { reason, message },
});

/** The Kubernetes API path of a list of every object of a kind (in one namespace, if given). */
export function listPath(kind: KubernetesKind, namespace?: string): string {
  const scope = namespace
    ? `/namespaces/${encodeURIComponent(namespace)}/${kind.plural}`
    : `/${kind.plural}`;
  return kind.group
    ? `/apis/${kind.group}/${kind.version}${scope}`
    : `/api/${kind.version}${scope}`;
}

/** @public */
export function createClusterReader(
  options: ClusterReaderOptions,
): ClusterReader {
  const { discovery, auth, timeoutMs, cacheTtlMs } = options;
  const cached = new Map<string, { at: number; value: Promise<unknown> }>();

  /**
   * One request per key at a time, its answer kept for the TTL — a failure too, so a cluster that
   * times out costs one wait per TTL, not one per page view.
   */
  function memo<T>(key: string, load: () => Promise<T>) {
    const hit = cached.get(key);
    if (hit && Date.now() - hit.at < cacheTtlMs) {
      return hit.value as Promise<T>;
    }
    const value = load();
    cached.set(key, { at: Date.now(), value });
    return value;
  }

  async function request(path: string, headers: Record<string, string> = {}) {
    const baseUrl = await discovery.getBaseUrl(KUBERNETES_PLUGIN_ID);
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: KUBERNETES_PLUGIN_ID,
    });
    return fetch(`${baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
      signal: AbortSignal.timeout(timeoutMs),
    });
  }

  /** The body as JSON, or a failure naming the status and what went wrong. */
  async function read(
    path: string,
    what: string,
    headers?: Record<string, string>,
  ): Promise<{ body: unknown } | ReturnType<typeof failure>> {
    let response: Response;
    try {
      response = await request(path, headers);
    } catch (error) {
      const name = (error as Error).name;
      return name === 'TimeoutError' || name === 'AbortError'
        ? failure('timeout', `${what}: did not answer within ${timeoutMs} ms`)
        : failure(
            'kubernetes-error',
            `${what}: could not reach the Kubernetes backend (${
              (error as Error).message
            })`,
          );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure(
        response.ok ? 'cluster-error' : statusReason(response.status),
        `${what}: answered ${response.status} with a body that is not JSON`,
      );
    }
    if (!response.ok) {
      const message =
        (body as { message?: string })?.message ??
        (body as { error?: { message?: string } })?.error?.message;
      return failure(
        statusReason(response.status),
        `${what}: ${statusMeaning(response.status)} (${response.status}${
          message ? `: ${message}` : ''
        })`,
      );
    }
    return { body };
  }

  return {
    clusters() {
      return memo('clusters', async (): Promise<ClusterNames> => {
        const result = await read('/clusters', 'the Kubernetes backend');
        if ('failure' in result) {
          return result.failure.reason === 'not-found'
            ? failure(
                'kubernetes-unavailable',
                'The Kubernetes backend plugin is not installed in this Backstage, or has no clusters configured',
              )
            : result;
        }
        const items = (result.body as { items?: { name?: unknown }[] })?.items;
        return {
          names: Array.isArray(items)
            ? items
                .map(item => item?.name)
                .filter((n): n is string => typeof n === 'string')
            : [],
        };
      });
    },
    list(cluster, kind, { namespace, labelSelector } = {}) {
      const path = `${listPath(kind, namespace)}${
        labelSelector
          ? `?labelSelector=${encodeURIComponent(labelSelector)}`
          : ''
      }`;
      return memo(`${cluster}\n${path}`, async (): Promise<KindListing> => {
        const result = await read(
          `/proxy${path}`,
          `listing ${kind.plural} in cluster '${cluster}'`,
          { [CLUSTER_HEADER]: cluster },
        );
        if ('failure' in result) {
          return result;
        }
        const items = (result.body as { items?: unknown })?.items;
        if (!Array.isArray(items)) {
          return failure(
            'cluster-error',
            `listing ${kind.plural} in cluster '${cluster}': the answer is not a Kubernetes list`,
          );
        }
        return {
          items: items.filter(
            (item): item is KubeObject =>
              typeof item === 'object' && item !== null,
          ),
        };
      });
    },
  };
}

function statusReason(status: number): string {
  if (status === 404) return 'not-found';
  if (status === 401 || status === 403) return 'forbidden';
  return 'cluster-error';
}

function statusMeaning(status: number): string {
  if (status === 404) {
    return 'not found: the resource kind is not installed in the cluster (its CRD is missing)';
  }
  if (status === 401 || status === 403) {
    return 'forbidden: the cluster credentials the Kubernetes backend uses may not list it';
  }
  return 'the cluster or the Kubernetes backend failed';
}
