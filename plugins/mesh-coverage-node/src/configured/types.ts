import { LocalizedText } from '@meshcoverage/plugin-mesh-coverage-common';

/**
 * What a mesh is configured to do for a workload, as opposed to what it can do: the probes that
 * say which cluster resources turn a responsibility on (docs/configured.md).
 */

/**
 * A Kubernetes resource kind as the API serves it.
 *
 * @public
 */
export interface KubernetesKind {
  /** '' for the core group. */
  group: string;
  version: string;
  plural: string;
  kind: string;
}

/**
 * A condition on a resource's fields. `path` is dotted; `[]` steps into every element of a list
 * (`spec.http[].retries.attempts`). The condition holds when any value at the path (or the
 * annotation) satisfies it.
 *
 * @public
 */
export interface FieldCondition {
  /** A dotted path into the resource; or else `annotation`. */
  path?: string;
  /** An annotation of the resource, by its full key (keys hold dots: `retry.linkerd.io/http`). */
  annotation?: string;
  /** A label of the resource, by its full key. */
  label?: string;
  /** The value is present (not null). */
  exists?: boolean;
  /** The value is one of these (compared as strings). */
  in?: string[];
  /** The value, as JSON text, contains this (an Envoy filter name inside raw proxy config). */
  contains?: string;
}

/**
 * How a resource applies to a workload.
 * - `workload-selector`: a label selector at `path` (matchLabels) on the workload's pods; without
 *   one the resource applies to its whole namespace, and in `rootNamespace` to the whole mesh.
 * - `service-host`: the host names at `path` name one of the workload's Services (short name,
 *   `name.namespace`, `name.namespace.svc`, the cluster-local FQDN, or a `*.` wildcard).
 * - `service-parent-ref`: a Gateway API route whose `spec.parentRefs` name one of the workload's
 *   Services (GAMMA).
 * - `service`: the workload's Service itself (annotations on it).
 * - `service-name`: a resource named after one of the workload's Services, in its namespace, or
 *   named by `path` (Consul's config entries, Linkerd's ServiceProfile FQDN).
 * - `workload-namespace`: the workload's Namespace object itself (labels on it).
 * - `kuma-target-ref`: a Kuma policy whose `spec.to[].targetRef` names one of the workload's
 *   Services (MeshService) or whose `spec.targetRef` selects its pods' labels (Dataplane), or, with
 *   neither, the whole mesh (`kind: Mesh` or no targetRef).
 * - `namespace`: any resource of the kind in the workload's namespace.
 * - `cluster`: any resource of the kind in the cluster (mesh-wide).
 *
 * @public
 */
export type ProbeSelection =
  | { by: 'workload-selector'; path: string; rootNamespace?: string }
  | { by: 'service-host'; path: string }
  | { by: 'service-parent-ref' }
  | { by: 'service' }
  | { by: 'service-name'; path?: string }
  | { by: 'workload-namespace' }
  | { by: 'kuma-target-ref' }
  | { by: 'namespace' }
  | { by: 'cluster' };

/**
 * One kind of resource a probe reads.
 *
 * @public
 */
export interface ProbeResource {
  kind: KubernetesKind;
  selects: ProbeSelection;
  /** Any condition holding turns the responsibility on. */
  on: FieldCondition[];
  /** Any condition holding turns it off explicitly (e.g. mTLS PERMISSIVE). */
  off?: FieldCondition[];
  /**
   * Higher wins over lower where several resources apply (default 10). A namespace-wide selector
   * counts 5 less, the root namespace 9 less.
   */
  precedence?: number;
  /** Where it applies, it decides alone: on if a condition holds, else off (ServiceProfile). */
  exclusive?: boolean;
  /**
   * Resources whose name starts with this are the mesh's own defaults (Kuma creates
   * `mesh-retry-all-<mesh>` with every Mesh): turning it on, they count as `default`, not `yes`.
   */
  defaultNamePrefix?: string;
}

/**
 * A configuration probe: for one mesh and one responsibility, which resources turn it on, how they
 * select a workload, and what holds when none does.
 *
 * @public
 */
export interface ConfigProbe {
  mesh: string;
  responsibilityId: string;
  /** What holds when no resource decides: `on` (the mesh does it anyway) or `off`. */
  default: 'on' | 'off';
  resources: ProbeResource[];
  /** The smallest resource that turns it on; `{{service}}` and `{{namespace}}` are the Service's. */
  fix?: string;
  /** What the probe checks, for people, in both languages. */
  description: LocalizedText;
  /** Where the kinds, fields and default are documented (https). */
  sources: string[];
}

/**
 * The parts of a Kubernetes object the probes read.
 *
 * @public
 */
export interface KubeObject {
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

/**
 * A component's workload in one cluster: its namespace, its pods' labels and its Services.
 *
 * @public
 */
export interface WorkloadInCluster {
  cluster: string;
  namespace: string;
  podLabels: Record<string, string>[];
  services: KubeObject[];
}

/**
 * A list of one kind from one cluster, or why it could not be read.
 *
 * @public
 */
export type KindListing =
  | { items: KubeObject[] }
  | { failure: { reason: string; message: string } };
