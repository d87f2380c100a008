import { coveragePercent } from './evaluateCoverage';

/**
 * One responsibility across the fleet: how many components require it, and who carries it.
 *
 * @public
 */
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

/**
 * The fleet's figures at one moment, or as if every component ran one mesh (a what-if).
 *
 * @public
 */
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

/**
 * One owner's components, for the team table.
 *
 * @public
 */
export interface FleetOwner {
  owner: string;
  components: number;
  meanCoverage: number | null;
  gaps: number;
  implementedByApp: number;
  /** The valid meshes its components run, matrix order. */
  meshes: string[];
}

/**
 * The case for moving the whole fleet to one mesh; `byOwner` gives the same three figures per owner.
 *
 * @public
 */
export interface FleetAdoption {
  /** Responsibilities apps implement themselves today that the mesh would carry. */
  implementationsRemoved: number;
  /** Gaps today that the mesh would carry. */
  gapsClosed: number;
  /** Responsibilities the current mesh carries, that nobody would carry on this one. */
  gapsOpened: number;
  mesh: string;
  /**
   * Requirements the components' own meshes could carry today but are configured not to: closed by
   * configuration, not by a move (counted apart from what a mesh cannot do).
   */
  turnedOffToday: number;
  /** Owners with at least one implementation removed. */
  teams: number;
  /** Owners with any figure other than zero, most implementations removed first. */
  byOwner: {
    owner: string;
    implementationsRemoved: number;
    gapsClosed: number;
    gapsOpened: number;
  }[];
}
