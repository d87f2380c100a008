import { FleetAdoption, FleetOwner, FleetSummary } from '../coverage/fleet';

/**
 * The body of `POST /evaluate`, and what `evaluateCoverage` evaluates.
 *
 * @public
 */
export interface EvaluateRequest {
  mesh: string;
  requires: readonly string[];
  implements?: readonly string[];
}

/**
 * `GET /fleet`: the fleet summary with its owners and coverage distribution, from the latest
 * snapshot (`snapshotAt`) or computed now (`live`). With `?mesh=` it is the what-if on that mesh,
 * with today's summary, the change against it and the adoption case.
 *
 * @public
 */
export type FleetResponse = FleetSummary & {
  /** When the snapshot it comes from was taken (ISO 8601); absent when computed now. */
  snapshotAt?: string;
  /** True when computed now from the catalog rather than served from a snapshot. */
  live?: boolean;
  /** Per owner (`spec.owner`), most gaps first. */
  byOwner: FleetOwner[];
  /** Components by coverage: `from`–`to` inclusive, in steps of ten, the last one 100 alone. */
  distribution: { from: number; to: number; components: number }[];
  today?: FleetSummary;
  /** Per responsibility, the what-if minus today. */
  change?: {
    responsibilityId: string;
    covered: number;
    implementedByApp: number;
    gaps: number;
    turnedOff: number;
  }[];
  adoption?: FleetAdoption;
};

/**
 * One point of `GET /fleet/history`: the fleet (or the part the filters select) at a snapshot.
 *
 * @public
 */
export interface FleetHistoryPoint {
  at: string;
  components: number;
  /** Mean coverage of the components that require anything; null when none do. */
  coverage: number | null;
  gaps: number;
}

/**
 * `GET /fleet/history`: the range asked for and a point per stored snapshot in it.
 *
 * @public
 */
export interface FleetHistoryResponse {
  from: string;
  to: string;
  mesh?: string;
  owner?: string;
  /** Oldest first. */
  points: FleetHistoryPoint[];
}

/**
 * One component's coverage from `at` until the next point.
 *
 * @public
 */
export interface CoverageHistoryPoint {
  at: string;
  /** Absent while its mesh annotation named no valid mesh. */
  mesh?: string;
  owner?: string;
  coverage: number | null;
  gaps: number;
}

/**
 * `GET /coverage/history`: a component's coverage over the stored snapshots. The first point is
 * the value in force at `from` when it changed before it.
 *
 * @public
 */
export interface CoverageHistoryResponse {
  entityRef: string;
  from: string;
  to: string;
  points: CoverageHistoryPoint[];
}
