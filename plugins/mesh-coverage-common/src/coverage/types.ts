import { LocalizedText, Support } from '../model/types';
import { ObservedMesh, ObservedUnavailable } from '../observed/observedMesh';

/**
 * Who carries a required responsibility: the mesh, the app itself, or nobody: a gap, or
 * `turned-off` — the mesh could carry it, but its configuration is known to leave it off.
 *
 * @public
 */
export type CoverageStatus = 'mesh' | 'app' | 'gap' | 'turned-off';

/**
 * One required responsibility of a coverage report: who carries it, and why.
 *
 * @public
 */
export interface CoverageItem {
  responsibilityId: string;
  status: CoverageStatus;
  /** The mesh's cell for this responsibility; `unknown` when the matrix has no cell. */
  support: Support;
  /** Covered by the mesh only partially. */
  partial?: boolean;
  /** A gap whose cell is `unknown` or missing: nobody has researched it yet. */
  unknown?: boolean;
  /** For a gap: how to cover it without a mesh (the baseline tool's alternative). */
  alternative?: LocalizedText;
  /** Where the mesh can carry it and its configuration was looked at: whether it is turned on. */
  configured?: Configuration;
}

/**
 * The coverage report of docs/api.md. Id lists are in matrix order.
 *
 * @public
 */
export interface CoverageReport {
  entityRef?: string;
  mesh: string;
  /** round(100 × (mesh + app) / required); null when nothing is required. */
  coverage: number | null;
  items: CoverageItem[];
  covered: string[];
  implementedByApp: string[];
  gaps: string[];
  /** Responsibilities the mesh could carry but is configured not to (present when configuration was read). */
  turnedOff?: string[];
  errors: string[];
  /**
   * For a catalog entity (`GET /coverage`): the data plane its pods run, read through the
   * Kubernetes backend; null when it could not look, and `observedReason` says why.
   */
  observed?: ObservedMesh | null;
  observedReason?: ObservedUnavailable;
  /** For a catalog entity: where `mesh` came from, its annotation or its pods. */
  meshSource?: MeshSource;
}

/**
 * Where the mesh a report is evaluated on came from: the annotation, the pods, or neither.
 *
 * @public
 */
export type MeshSource = 'declared' | 'observed' | 'none';

/**
 * A responsibility's configured state for one component (docs/configured.md): `yes` (a resource
 * turns it on), `default` (nothing is configured and the mesh does it anyway), `no` (nothing turns
 * it on, or a resource turns it off), `unknown` (it could not be read, or no probe says).
 *
 * @public
 */
export interface Configuration {
  state: 'yes' | 'default' | 'no' | 'unknown';
  /**
   * The resources that decided it. Name, namespace and cluster are left out for a caller not
   * allowed to read the cluster's resources; `effect`: whether it turns the responsibility on or
   * off, or is the mesh's own default turning it on.
   */
  evidence?: {
    kind: string;
    name?: string;
    namespace?: string;
    cluster?: string;
    effect: 'on' | 'off' | 'default';
  }[];
  /** What the probe checks, for people: how the state was decided. */
  description?: LocalizedText;
  /** Why it is `unknown` (a failure to read, no workload, no probe), for people. */
  reason?: string;
  /** For `no`: the smallest resource that would turn it on, filled in for the component. */
  fix?: string;
}
