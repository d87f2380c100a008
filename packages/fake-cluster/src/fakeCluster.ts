import { createHash } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A container of a {@link FakePod}. */
export interface FakeContainer {
  name: string;
  image?: string;
}

/** A pod the fake cluster serves; expanded into a realistic Kubernetes Pod object. */
export interface FakePod {
  name: string;
  /** default 'default' */
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  containers: FakeContainer[];
  /** init containers; `restartPolicy: 'Always'` makes one a Kubernetes native sidecar */
  initContainers?: (FakeContainer & { restartPolicy?: 'Always' })[];
}

/**
 * Any Kubernetes object the fake cluster serves in lists: a Service, a ConfigMap, an Istio
 * AuthorizationPolicy, ... Served as given, with `uid`, `resourceVersion` and
 * `creationTimestamp` added to its metadata.
 */
export interface FakeResource {
  /** 'v1' for the core group, else '<group>/<version>', e.g. 'security.istio.io/v1' */
  apiVersion: string;
  kind: string;
  /** the resource name in list paths, e.g. 'authorizationpolicies'; not part of the object served */
  plural: string;
  metadata: {
    name: string;
    /** absent = cluster-scoped */
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  /** spec, data, status, ... copied as is */
  [field: string]: unknown;
}

/** A CustomResourceDefinition the fake cluster treats as installed; see {@link FakeClusterOptions.crds}. */
export interface FakeCrd {
  /** e.g. 'security.istio.io' */
  group: string;
  /** e.g. 'v1'; list one entry per served version */
  version: string;
  /** e.g. 'authorizationpolicies' */
  plural: string;
  /** e.g. 'AuthorizationPolicy' */
  kind: string;
}

/**
 * How the fake cluster misbehaves on list requests; see {@link FakeCluster.setFault}.
 * 'error': 500; 'hang': never answers; 'garbage': 200 with a body that is not JSON;
 * 'forbidden': 403 as RBAC would answer; 'not-found': 404 as for an API that is not installed.
 */
export type FakeClusterFault =
  | 'error'
  | 'hang'
  | 'garbage'
  | 'forbidden'
  | 'not-found';

/** Options of {@link startFakeCluster}. */
export interface FakeClusterOptions {
  /** 0 / undefined = a free port */
  port?: number;
  /** default '127.0.0.1' */
  host?: string;
  /** when set (non-empty), requests without `Authorization: Bearer <token>` get 401 (Kubernetes Status JSON) */
  token?: string;
  pods?: FakePod[];
  /** objects served in the lists of their apiVersion and plural, next to the pods */
  resources?: FakeResource[];
  /**
   * The installed CRDs. Undefined (the default) = every API group counts as installed: the
   * resources' own CRDs are served, and any other list answers an empty list. When given, a list
   * of a group that is neither built in nor listed here answers 404, as a missing CRD does, and
   * resources of such a group are not served.
   */
  crds?: FakeCrd[];
}

/** A running fake Kubernetes API server. */
export interface FakeCluster {
  /** e.g. http://127.0.0.1:43121 */
  url: string;
  port: number;
  setPods(pods: FakePod[]): void;
  /** replaces the {@link FakeResource}s served */
  setResources(resources: FakeResource[]): void;
  /** replaces the installed CRDs; undefined = every API group is installed (see {@link FakeClusterOptions.crds}) */
  setCrds(crds: FakeCrd[] | undefined): void;
  /**
   * Makes list requests whose pathname matches `match` misbehave (see {@link FakeClusterFault}).
   * `match`: a string the pathname contains, or a RegExp tested against it; undefined = every
   * list. Faults for different matches are active together; where several match, the one set
   * last wins. `setFault(fault, match)` replaces the fault of the same match,
   * `setFault(undefined, match)` clears it, `setFault(undefined)` clears all.
   */
  setFault(fault: FakeClusterFault | undefined, match?: string | RegExp): void;
  /** paths+queries received, in order (for tests) */
  readonly requests: string[];
  /** Stops listening and ends every connection, hanging and keep-alive ones included. */
  close(): Promise<void>;
}

// The built-in API groups ('' = core), always installed, and the kinds of their plurals: those
// Backstage's Kubernetes backend asks for by default and a few more. Plurals missing here get a
// kind guessed from the plural.
const KINDS_BY_GROUP: Record<string, Record<string, string>> = {
  '': {
    pods: 'Pod',
    services: 'Service',
    configmaps: 'ConfigMap',
    limitranges: 'LimitRange',
    resourcequotas: 'ResourceQuota',
    secrets: 'Secret',
    persistentvolumes: 'PersistentVolume',
    persistentvolumeclaims: 'PersistentVolumeClaim',
    namespaces: 'Namespace',
    nodes: 'Node',
    endpoints: 'Endpoints',
    events: 'Event',
    serviceaccounts: 'ServiceAccount',
  },
  apps: {
    deployments: 'Deployment',
    replicasets: 'ReplicaSet',
    statefulsets: 'StatefulSet',
    daemonsets: 'DaemonSet',
  },
  autoscaling: { horizontalpodautoscalers: 'HorizontalPodAutoscaler' },
  batch: { jobs: 'Job', cronjobs: 'CronJob' },
  'networking.k8s.io': {
    ingresses: 'Ingress',
    ingressclasses: 'IngressClass',
    networkpolicies: 'NetworkPolicy',
  },
  'discovery.k8s.io': { endpointslices: 'EndpointSlice' },
  policy: { poddisruptionbudgets: 'PodDisruptionBudget' },
  'rbac.authorization.k8s.io': {
    roles: 'Role',
    rolebindings: 'RoleBinding',
    clusterroles: 'ClusterRole',
    clusterrolebindings: 'ClusterRoleBinding',
  },
  'apiextensions.k8s.io': {
    customresourcedefinitions: 'CustomResourceDefinition',
  },
  'metrics.k8s.io': {
    pods: 'PodMetrics',
    podmetrics: 'PodMetrics',
    nodes: 'NodeMetrics',
  },
};

/** The kind of a plural: built in, else from a CRD or resource of it, else guessed from the plural. */
function kindOf(
  group: string,
  plural: string,
  definitions: FakeCrd[] = [],
): string {
  // A kind does not change between versions, so any version of the plural tells it.
  const known =
    KINDS_BY_GROUP[group]?.[plural] ??
    definitions.find(
      definition => definition.group === group && definition.plural === plural,
    )?.kind;
  if (known) {
    return known;
  }
  let singular = plural;
  if (/ies$/.test(plural)) {
    singular = `${plural.slice(0, -3)}y`;
  } else if (/(ss|x|ch|sh)es$/.test(plural)) {
    singular = plural.slice(0, -2);
  } else if (/s$/.test(plural)) {
    singular = plural.slice(0, -1);
  }
  return singular.charAt(0).toUpperCase() + singular.slice(1);
}

interface ListRoute {
  /** '' for the core group (`/api/...`) */
  group: string;
  version: string;
  /** undefined = all namespaces */
  namespace?: string;
  plural: string;
}

/**
 * Recognises `/api/<v>/[namespaces/<ns>/]<plural>` and `/apis/<g>/<v>/[namespaces/<ns>/]<plural>`;
 * anything else (single objects, subresources, discovery) is not served.
 */
function parseListRoute(pathname: string): ListRoute | undefined {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 3) {
    group = '';
    rest = segments.slice(1);
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    group = segments[1];
    rest = segments.slice(2);
  } else {
    return undefined;
  }
  const [version, ...resource] = rest;
  if (resource.length === 1) {
    return { group, version, plural: resource[0] };
  }
  if (resource.length === 3 && resource[0] === 'namespaces') {
    return { group, version, namespace: resource[1], plural: resource[2] };
  }
  return undefined;
}

/** 'v1' -> core group; 'security.istio.io/v1' -> that group and version. */
function splitApiVersion(apiVersion: string): {
  group: string;
  version: string;
} {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : {
        group: apiVersion.slice(0, slash),
        version: apiVersion.slice(slash + 1),
      };
}

function isBuiltInGroup(group: string): boolean {
  return Object.hasOwn(KINDS_BY_GROUP, group);
}

/** The group, version, plural and kind a resource is served under, shaped like a CRD. */
function definitionOf(resource: FakeResource): FakeCrd {
  return {
    ...splitApiVersion(resource.apiVersion),
    plural: resource.plural,
    kind: resource.kind,
  };
}

const kindKey = (kind: { group: string; version: string; plural: string }) =>
  `${kind.group}/${kind.version}/${kind.plural}`;

function resourceIsAt(resource: FakeResource, route: ListRoute): boolean {
  const { group, version } = splitApiVersion(resource.apiVersion);
  return (
    group === route.group &&
    version === route.version &&
    resource.plural === route.plural &&
    (route.namespace === undefined ||
      resource.metadata.namespace === route.namespace)
  );
}

type LabelRequirement =
  | { key: string; operator: 'equals' | 'notEquals'; value: string }
  | { key: string; operator: 'in' | 'notIn'; values: string[] }
  | { key: string; operator: 'exists' | 'doesNotExist' };

class InvalidLabelSelectorError extends Error {}

const LABEL_KEY = String.raw`[A-Za-z0-9][A-Za-z0-9._/-]*`;
const LABEL_VALUE = String.raw`[A-Za-z0-9._-]*`;
const SET_REQUIREMENT = new RegExp(
  String.raw`^(${LABEL_KEY})\s+(in|notin)\s*\(([^()]*)\)$`,
);
const EQUALITY_REQUIREMENT = new RegExp(
  String.raw`^(${LABEL_KEY})\s*(==|!=|=)\s*(${LABEL_VALUE})$`,
);
const DOES_NOT_EXIST_REQUIREMENT = new RegExp(String.raw`^!\s*(${LABEL_KEY})$`);
const EXISTS_REQUIREMENT = new RegExp(String.raw`^(${LABEL_KEY})$`);
const VALUE = new RegExp(String.raw`^${LABEL_VALUE}$`);

/** Splits on the commas between requirements, not those inside `in (a,b)` value sets. */
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of selector) {
    if (char === '(') {
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
      if (depth < 0) {
        throw new InvalidLabelSelectorError(`unbalanced ')' in "${selector}"`);
      }
    }
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (depth !== 0) {
    throw new InvalidLabelSelectorError(`unbalanced '(' in "${selector}"`);
  }
  parts.push(current);
  return parts;
}

function parseRequirement(text: string): LabelRequirement {
  const requirement = text.trim();
  const set = SET_REQUIREMENT.exec(requirement);
  if (set) {
    const values = set[3].split(',').map(value => value.trim());
    if (values.some(value => !value || !VALUE.test(value))) {
      throw new InvalidLabelSelectorError(
        `invalid value set in "${requirement}"`,
      );
    }
    return {
      key: set[1],
      operator: set[2] === 'in' ? 'in' : 'notIn',
      values,
    };
  }
  const equality = EQUALITY_REQUIREMENT.exec(requirement);
  if (equality) {
    return {
      key: equality[1],
      operator: equality[2] === '!=' ? 'notEquals' : 'equals',
      value: equality[3],
    };
  }
  const doesNotExist = DOES_NOT_EXIST_REQUIREMENT.exec(requirement);
  if (doesNotExist) {
    return { key: doesNotExist[1], operator: 'doesNotExist' };
  }
  const exists = EXISTS_REQUIREMENT.exec(requirement);
  if (exists) {
    return { key: exists[1], operator: 'exists' };
  }
  throw new InvalidLabelSelectorError(
    `unable to parse requirement "${requirement}"`,
  );
}

function parseLabelSelector(selector: string | null): LabelRequirement[] {
  if (selector === null || selector.trim() === '') {
    return [];
  }
  return splitRequirements(selector).map(parseRequirement);
}

// Like Kubernetes, `!=` and `notin` also match objects that lack the label.
function matchesRequirement(
  labels: Record<string, string>,
  requirement: LabelRequirement,
): boolean {
  const present = Object.hasOwn(labels, requirement.key);
  const value = present ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'equals':
      return value === requirement.value;
    case 'notEquals':
      return value !== requirement.value;
    case 'in':
      return value !== undefined && requirement.values.includes(value);
    case 'notIn':
      return value === undefined || !requirement.values.includes(value);
    case 'exists':
      return present;
    case 'doesNotExist':
      return !present;
    default:
      return false;
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The same key (namespace/name for pods) always yields the same UUID-shaped uid, so tests can rely on it. */
function stableUid(key: string): string {
  const hex = digest(`uid:${key}`);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `a${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

function stablePodIp(namespace: string, name: string): string {
  const hex = digest(`ip:${namespace}/${name}`);
  return `10.244.${parseInt(hex.slice(0, 2), 16)}.${
    (parseInt(hex.slice(2, 4), 16) % 254) + 1
  }`;
}

function toPodObject(pod: FakePod, createdAt: string) {
  const namespace = pod.namespace ?? 'default';
  const initContainers = pod.initContainers ?? [];
  const runningState = { running: { startedAt: createdAt } };
  const containerStatus = (container: FakeContainer) => ({
    name: container.name,
    image: container.image,
    ready: true,
    started: true,
    restartCount: 0,
    state: runningState,
  });
  const condition = (type: string) => ({
    type,
    status: 'True',
    lastTransitionTime: createdAt,
  });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: pod.name,
      namespace,
      labels: { ...pod.labels },
      annotations: { ...pod.annotations },
      uid: stableUid(`${namespace}/${pod.name}`),
      resourceVersion: '1',
      creationTimestamp: createdAt,
    },
    spec: {
      ...(initContainers.length > 0 && {
        initContainers: initContainers.map(container => ({
          name: container.name,
          image: container.image,
          ...(container.restartPolicy && {
            restartPolicy: container.restartPolicy,
          }),
        })),
      }),
      containers: pod.containers.map(container => ({
        name: container.name,
        image: container.image,
      })),
      restartPolicy: 'Always',
      nodeName: 'fake-node-1',
    },
    status: {
      phase: 'Running',
      conditions: [
        condition('PodReadyToStartContainers'),
        condition('Initialized'),
        condition('Ready'),
        condition('ContainersReady'),
        condition('PodScheduled'),
      ],
      hostIP: '172.18.0.2',
      podIP: stablePodIp(namespace, pod.name),
      startTime: createdAt,
      ...(initContainers.length > 0 && {
        // Native sidecars keep running; classic init containers have completed.
        initContainerStatuses: initContainers.map(container =>
          container.restartPolicy === 'Always'
            ? containerStatus(container)
            : {
                name: container.name,
                image: container.image,
                ready: false,
                started: false,
                restartCount: 0,
                state: {
                  terminated: {
                    exitCode: 0,
                    reason: 'Completed',
                    startedAt: createdAt,
                    finishedAt: createdAt,
                  },
                },
              },
        ),
      }),
      containerStatuses: pod.containers.map(containerStatus),
    },
  };
}

function toResourceObject(resource: FakeResource, createdAt: string) {
  // `plural` only routes the resource; a real object has no such field.
  const { plural, apiVersion, kind, metadata, ...fields } = resource;
  return {
    apiVersion,
    kind,
    metadata: {
      ...metadata,
      // Kind and plural are part of the key: objects of different kinds may share a name.
      uid: stableUid(
        `${apiVersion}/${plural}/${metadata.namespace ?? ''}/${metadata.name}`,
      ),
      resourceVersion: '1',
      creationTimestamp: createdAt,
    },
    ...fields,
  };
}

function sendJson(res: ServerResponse, statusCode: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(statusCode, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Answers with a Kubernetes `Status` object, the body the real API server sends on failures. */
function sendStatus(
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
  details?: Record<string, string>,
) {
  sendJson(res, code, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details && { details }),
    code,
  });
}

function sendNotFound(res: ServerResponse) {
  sendStatus(
    res,
    404,
    'NotFound',
    'the server could not find the requested resource',
  );
}

/** The service account the Forbidden messages name; any plausible one does. */
const FORBIDDEN_USER = 'system:serviceaccount:backstage:backstage';

/** Answers 403 the way the API server's RBAC authorizer words it. */
function sendForbidden(res: ServerResponse, route: ListRoute) {
  const resource = route.group
    ? `${route.plural}.${route.group}`
    : route.plural;
  const scope =
    route.namespace === undefined
      ? 'at the cluster scope'
      : `in the namespace "${route.namespace}"`;
  sendStatus(
    res,
    403,
    'Forbidden',
    `${resource} is forbidden: User "${FORBIDDEN_USER}" cannot list resource "${route.plural}" in API group "${route.group}" ${scope}`,
    { ...(route.group && { group: route.group }), kind: route.plural },
  );
}

interface ActiveFault {
  fault: FakeClusterFault;
  match?: string | RegExp;
}

function sameMatch(
  a: string | RegExp | undefined,
  b: string | RegExp | undefined,
): boolean {
  if (a instanceof RegExp && b instanceof RegExp) {
    return a.source === b.source && a.flags === b.flags;
  }
  return a === b;
}

function faultApplies(active: ActiveFault, pathname: string): boolean {
  const { match } = active;
  if (match === undefined) {
    return true;
  }
  // search() ignores lastIndex, so a RegExp with the g flag matches every time.
  return typeof match === 'string'
    ? pathname.includes(match)
    : pathname.search(match) >= 0;
}

function hasBearerToken(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return match !== null && match[1].trim() === token;
}

/** Starts a fake Kubernetes API server that serves lists of pods and other resources (empty lists of the rest). */
export async function startFakeCluster(
  options: FakeClusterOptions = {},
): Promise<FakeCluster> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token;
  let pods: FakePod[] = [...(options.pods ?? [])];
  let podsCreatedAt = new Date().toISOString();
  // Indexed once per set, as an API server serves lists from its cache: a list request does not
  // walk every object of every kind.
  let resourcesByKind = new Map<string, FakeResource[]>();
  let resourceDefinitions: FakeCrd[] = [];
  const indexResources = (newResources: readonly FakeResource[]) => {
    resourcesByKind = new Map();
    const definitions = new Map<string, FakeCrd>();
    for (const resource of newResources) {
      const definition = definitionOf(resource);
      const key = kindKey(definition);
      definitions.set(key, definition);
      const ofKind = resourcesByKind.get(key);
      if (ofKind) ofKind.push(resource);
      else resourcesByKind.set(key, [resource]);
    }
    resourceDefinitions = [...definitions.values()];
  };
  indexResources(options.resources ?? []);
  let resourcesCreatedAt = podsCreatedAt;
  let explicitCrds: FakeCrd[] | undefined = options.crds && [...options.crds];
  // In the order set, so the last one set wins where several match.
  let faults: ActiveFault[] = [];
  const requestLog: string[] = [];
  const sockets = new Set<Socket>();

  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    const rawUrl = req.url ?? '/';
    requestLog.push(rawUrl);

    if (token && !hasBearerToken(req, token)) {
      sendStatus(res, 401, 'Unauthorized', 'Unauthorized');
      return;
    }
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      sendStatus(
        res,
        405,
        'MethodNotAllowed',
        `the fake cluster only serves GET list requests, not ${req.method}`,
      );
      return;
    }
    const url = new URL(rawUrl, 'http://fake-cluster.invalid');
    const route = parseListRoute(url.pathname);
    if (!route) {
      sendNotFound(res);
      return;
    }

    // Faults come before the CRD check, as RBAC does on a real API server.
    const active = [...faults]
      .reverse()
      .find(candidate => faultApplies(candidate, url.pathname));
    switch (active?.fault) {
      case 'hang':
        // Never answer; close() destroys the socket.
        return;
      case 'error':
        sendStatus(
          res,
          500,
          'InternalError',
          'Internal error occurred: fault injected into the fake cluster',
        );
        return;
      case 'garbage':
        // Claims JSON but is not, like a proxy's error page or a truncated response.
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('<html><body>502 Bad Gateway</body></html>{"kind":"PodL');
        return;
      case 'forbidden':
        sendForbidden(res, route);
        return;
      case 'not-found':
        sendNotFound(res);
        return;
      default:
        break;
    }

    // Without explicit CRDs, the resources' own CRDs count as installed.
    const crds = explicitCrds ?? resourceDefinitions;
    const installed =
      explicitCrds === undefined ||
      isBuiltInGroup(route.group) ||
      crds.some(
        crd =>
          crd.group === route.group &&
          crd.version === route.version &&
          crd.plural === route.plural,
      );
    if (!installed) {
      // What the API server answers for a resource whose CRD is not installed.
      sendNotFound(res);
      return;
    }

    let requirements: LabelRequirement[];
    try {
      requirements = parseLabelSelector(url.searchParams.get('labelSelector'));
    } catch (error) {
      if (error instanceof InvalidLabelSelectorError) {
        sendStatus(
          res,
          400,
          'BadRequest',
          `unable to parse requirement: ${error.message}`,
        );
        return;
      }
      throw error;
    }
    const selected = (labels: Record<string, string> | undefined) =>
      requirements.every(requirement =>
        matchesRequirement(labels ?? {}, requirement),
      );

    const kind = kindOf(route.group, route.plural, [
      ...crds,
      ...resourceDefinitions,
    ]);

    const servesPods =
      route.group === '' && route.version === 'v1' && route.plural === 'pods';
    const podItems = servesPods
      ? pods
          .filter(
            pod =>
              route.namespace === undefined ||
              (pod.namespace ?? 'default') === route.namespace,
          )
          .filter(pod => selected(pod.labels))
          .map(pod => toPodObject(pod, podsCreatedAt))
      : [];
    const resourceItems = (resourcesByKind.get(kindKey(route)) ?? [])
      .filter(resource => resourceIsAt(resource, route))
      .filter(resource => selected(resource.metadata.labels))
      .map(resource => toResourceObject(resource, resourcesCreatedAt));
    sendJson(res, 200, {
      kind: `${kind}List`,
      apiVersion: route.group
        ? `${route.group}/${route.version}`
        : route.version,
      metadata: { resourceVersion: '1' },
      items: [...podItems, ...resourceItems],
    });
  };

  const server = createServer(handleRequest);
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    setPods(newPods) {
      pods = [...newPods];
      podsCreatedAt = new Date().toISOString();
    },
    setResources(newResources) {
      indexResources(newResources);
      resourcesCreatedAt = new Date().toISOString();
    },
    setCrds(newCrds) {
      explicitCrds = newCrds && [...newCrds];
    },
    setFault(newFault, match) {
      if (newFault === undefined && match === undefined) {
        faults = [];
        return;
      }
      faults = faults.filter(active => !sameMatch(active.match, match));
      if (newFault !== undefined) {
        faults.push({ fault: newFault, match });
      }
    },
    get requests() {
      return [...requestLog];
    },
    close() {
      if (!closing) {
        closing = new Promise<void>((resolve, reject) => {
          server.close(error => (error ? reject(error) : resolve()));
          // server.close() waits for open connections; hanging requests and keep-alive
          // sockets would hold it (and the process) open, so end them now.
          for (const socket of sockets) {
            socket.destroy();
          }
        });
      }
      return closing;
    },
  };
}

/**
 * The `kubernetes` config that points Backstage's Kubernetes backend at a fake cluster: one
 * cluster, service-account auth with `token`, no TLS and no metrics server (plain http on loopback).
 */
export function kubernetesConfigFor(
  cluster: Pick<FakeCluster, 'url'>,
  options: { name: string; token: string },
) {
  return {
    serviceLocatorMethod: { type: 'multiTenant' },
    clusterLocatorMethods: [
      {
        type: 'config',
        clusters: [
          {
            name: options.name,
            url: cluster.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: options.token,
            skipTLSVerify: true,
            skipMetricsLookup: true,
          },
        ],
      },
    ],
  };
}
