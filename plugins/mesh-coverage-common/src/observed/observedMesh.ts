/**
 * What runs, as opposed to what a component declares: the data plane its pods carry, as read from
 * the clusters through Backstage's Kubernetes backend (docs/observed.md).
 */

/**
 * The data plane a component's pods run, as observed.
 *
 * @public
 */
export interface ObservedMesh {
  /** The mesh most of its meshed pods run; null when no pod runs one. */
  mesh: string | null;
  pods: number;
  /** Pods on `mesh`. */
  meshedPods: number;
  /** Every data plane seen (mesh, how it reaches the pods, how many pods), most pods first. */
  dataPlanes: { mesh: string; mode: string; pods: number }[];
  /** The clusters the pods were read from. */
  clusters: string[];
  /** ISO 8601. */
  checkedAt: string;
}

/**
 * Why a component's pods could not be looked at.
 *
 * @public
 */
export interface ObservedUnavailable {
  reason:
    | 'disabled'
    | 'no-kubernetes-annotation'
    | 'kubernetes-unavailable'
    | 'kubernetes-error'
    | 'cluster-error'
    | 'timeout';
  /** For people: what went wrong and what to do. */
  message: string;
}

/**
 * Compares the declared mesh (undefined when its annotation names no valid mesh) with the observed
 * one; `baselineMesh` is the matrix's no-mesh tool (`kubernetes`). `matches`: every pod on the
 * declared mesh, or no pod meshed when the component declares none; `partial`: some pods on it;
 * `differs`: none on it, or meshed though it declares none; `no-pods`: nothing to compare.
 *
 * @public
 */
export function compareObservedMesh(
  declaredMesh: string | undefined,
  observed: ObservedMesh,
  baselineMesh: string,
): 'matches' | 'partial' | 'differs' | 'no-pods' {
  if (observed.pods === 0) {
    return 'no-pods';
  }
  if (declaredMesh === baselineMesh) {
    return observed.mesh === null ? 'matches' : 'differs';
  }
  if (declaredMesh === undefined || observed.mesh !== declaredMesh) {
    return 'differs';
  }
  return observed.meshedPods === observed.pods ? 'matches' : 'partial';
}
