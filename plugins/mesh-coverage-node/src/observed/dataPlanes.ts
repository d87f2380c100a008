import { ObservedMesh } from '@meshcoverage/plugin-mesh-coverage-common';

/**
 * Recognises one mesh's data plane in a pod. A pod matches when any of the rule's conditions
 * holds: a container of one of the names (or an init container of that name that runs for the
 * pod's lifetime, a Kubernetes native sidecar), an annotation with the value, or a label with the
 * value. Rules are tried in order; the first that matches names the pod's data plane.
 *
 * @public
 */
export interface DataPlaneRule {
  /** The matrix's mesh id. */
  mesh: string;
  /** How the mesh reaches the pod, as shown to users: `sidecar`, `ambient`, … */
  mode: string;
  /** Container names; a trailing `*` matches any name that starts with the rest. */
  containers?: string[];
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
}

/**
 * The default rules (docs/observed.md cites the projects' sources for each). Istio's
 * `istio.io/dataplane-mode=ambient` label is not among them: it asks for ambient mode, while the
 * redirection annotation says istio-cni has captured the pod's traffic.
 *
 * @public
 */
export const DEFAULT_DATA_PLANE_RULES: readonly DataPlaneRule[] = [
  { mesh: 'istio', mode: 'sidecar', containers: ['istio-proxy'] },
  {
    mesh: 'istio',
    mode: 'ambient',
    annotations: { 'ambient.istio.io/redirection': 'enabled' },
  },
  { mesh: 'linkerd', mode: 'sidecar', containers: ['linkerd-proxy'] },
  {
    mesh: 'consul',
    mode: 'sidecar',
    // consul-k8s 1.0 and later; `envoy-sidecar` before. Multi-port pods name one per service.
    containers: ['consul-dataplane*', 'envoy-sidecar'],
  },
  { mesh: 'kuma', mode: 'sidecar', containers: ['kuma-sidecar'] },
];

/**
 * The parts of a Kubernetes pod the rules read.
 *
 * @public
 */
export interface PodLike {
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: {
    containers?: { name?: string }[];
    initContainers?: { name?: string; restartPolicy?: string }[];
  };
}

const matchesValues = (
  actual: Record<string, string> | undefined,
  wanted: Record<string, string> | undefined,
) =>
  !!actual &&
  !!wanted &&
  Object.entries(wanted).some(([key, value]) => actual[key] === value);

const matchesName = (name: string | undefined, pattern: string) =>
  name !== undefined &&
  (pattern.endsWith('*')
    ? name.startsWith(pattern.slice(0, -1))
    : name === pattern);

/**
 * The rule that recognises the pod's data plane; undefined when it runs none.
 *
 * @public
 */
export function detectDataPlane(
  pod: PodLike,
  rules: readonly DataPlaneRule[] = DEFAULT_DATA_PLANE_RULES,
): DataPlaneRule | undefined {
  const containers = (pod.spec?.containers ?? []).map(c => c.name);
  // An init container is a proxy only when it keeps running (restartPolicy Always): `linkerd-init`
  // or `istio-init` set up traffic capture and exit.
  const nativeSidecars = (pod.spec?.initContainers ?? [])
    .filter(c => c.restartPolicy === 'Always')
    .map(c => c.name);
  const running = [...containers, ...nativeSidecars];
  return rules.find(
    rule =>
      rule.containers?.some(pattern =>
        running.some(name => matchesName(name, pattern)),
      ) ||
      matchesValues(pod.metadata?.annotations, rule.annotations) ||
      matchesValues(pod.metadata?.labels, rule.labels),
  );
}

/**
 * Counts the pods by the data plane the rules recognise.
 *
 * @public
 */
export function summarizeObservedPods(
  pods: readonly PodLike[],
  options: {
    rules?: readonly DataPlaneRule[];
    clusters?: string[];
    checkedAt: string;
  },
): ObservedMesh {
  const planes = new Map<DataPlaneRule, number>();
  for (const pod of pods) {
    const rule = detectDataPlane(pod, options.rules);
    if (rule) {
      planes.set(rule, (planes.get(rule) ?? 0) + 1);
    }
  }
  const dataPlanes = [...planes]
    .map(([rule, count]) => ({ mesh: rule.mesh, mode: rule.mode, pods: count }))
    .sort((a, b) => b.pods - a.pods);
  const byMesh = new Map<string, number>();
  for (const plane of dataPlanes) {
    byMesh.set(plane.mesh, (byMesh.get(plane.mesh) ?? 0) + plane.pods);
  }
  const [top] = [...byMesh].sort((a, b) => b[1] - a[1]);
  return {
    mesh: top ? top[0] : null,
    pods: pods.length,
    meshedPods: top ? top[1] : 0,
    dataPlanes,
    clusters: options.clusters ?? [],
    checkedAt: options.checkedAt,
  };
}
