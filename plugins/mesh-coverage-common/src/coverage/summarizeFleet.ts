import { coveragePercent } from './evaluateCoverage';

/** @public */
export interface FleetResponsibility {
  responsibilityId: string;
  /** Components that require it. */
  required: number;
  /** …of which their mesh covers it. */
  covered: number;
  /** …of which the app implements it itself. */
  implementedByApp: number;
  /** …of which nobody covers it. */
  gaps: number;
  /** …of which their mesh could cover it but is configured not to (a gap too). */
  turnedOff: number;
  /**
   * Of `covered`, how many are known to be turned on in the cluster (configured, or on by
   * default): "can cover · configured" is `covered + turnedOff` beside this.
   */
  configured: number;
  /** Component refs behind each number, when asked for. */
  entityRefs?: {
    covered: string[];
    implementedByApp: string[];
    gaps: string[];
    turnedOff: string[];
  };
}

/** @public */
export interface FleetSummary {
  /** Set when the summary is a what-if: every component as if it ran this mesh. */
  whatIfMesh?: string;
  components: number;
  /** Components per mesh they run (as declared, or the what-if mesh), matrix tool order. */
  meshes: { mesh: string; components: number }[];
  /** Components whose mesh annotation names no valid mesh (left out of the counts). */
  invalidMesh: number;
  /** Components with any annotation error. */
  withErrors: number;
  /** Components that declare nothing and get no config defaults. */
  undeclared: number;
  /**
   * Mean coverage over the components that require anything; null when none do, and in a what-if
   * derived from counts (see `fleetWhatIf`).
   */
  meanCoverage: number | null;
  /** Required responsibilities somebody carries, in percent of all; null when none are required. */
  requirementCoverage: number | null;
  /** Per responsibility, matrix order; only responsibilities some component requires. */
  responsibilities: FleetResponsibility[];
}

/** @public */
export interface FleetResponsibilityChange {
  responsibilityId: string;
  covered: number;
  implementedByApp: number;
  gaps: number;
  turnedOff: number;
}

/**
 * Per responsibility, how a what-if summary differs from today's (what-if minus today).
 *
 * @public
 */
export function compareFleetSummaries(
  today: FleetSummary,
  whatIf: FleetSummary,
): FleetResponsibilityChange[] {
  const before = new Map(
    today.responsibilities.map(r => [r.responsibilityId, r]),
  );
  return whatIf.responsibilities.map(after => {
    const was = before.get(after.responsibilityId);
    return {
      responsibilityId: after.responsibilityId,
      covered: after.covered - (was?.covered ?? 0),
      implementedByApp: after.implementedByApp - (was?.implementedByApp ?? 0),
      gaps: after.gaps - (was?.gaps ?? 0),
      turnedOff: after.turnedOff - (was?.turnedOff ?? 0),
    };
  });
}

/**
 * The share of all required responsibilities somebody carries, in percent; null when nothing is
 * required.
 *
 * @public
 */
export function requirementCoverage(
  responsibilities: readonly FleetResponsibility[],
): number | null {
  let required = 0;
  let carried = 0;
  for (const row of responsibilities) {
    required += row.required;
    carried += row.covered + row.implementedByApp;
  }
  return coveragePercent(carried, required);
}
