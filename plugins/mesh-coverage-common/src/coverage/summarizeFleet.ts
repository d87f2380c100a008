import { MatrixIndex } from '../model/matrixIndex';
import {
  ComponentCoverage,
  ComponentLike,
  DefaultRequirements,
  evaluateComponentCoverage,
} from './componentCoverage';
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
  /** Component refs behind each number, when asked for. */
  entityRefs?: {
    covered: string[];
    implementedByApp: string[];
    gaps: string[];
  };
}

/** @public */
export interface FleetSummary {
  /** Set when the summary is a what-if: every component evaluated as if it ran this mesh. */
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
export interface FleetOptions {
  defaultRequirements?: DefaultRequirements;
  /** Evaluate every component as if it ran this mesh. */
  whatIfMesh?: string;
  /** Keep the component refs behind every count (for links); costs memory on large fleets. */
  includeEntityRefs?: boolean;
}

/**
 * Aggregates coverage one component at a time, so a caller can feed a large catalog page by page
 * without holding it in memory. `summarizeFleet` is the one-shot form.
 *
 * @public
 */
export class FleetAccumulator {
  private readonly perMesh = new Map<string, number>();
  private readonly rows = new Map<string, FleetResponsibility>();
  private total = 0;
  private invalidMesh = 0;
  private withErrors = 0;
  private undeclared = 0;
  private coverageSum = 0;
  private coverageCount = 0;

  constructor(
    private readonly index: MatrixIndex,
    private readonly options: FleetOptions = {},
  ) {
    if (
      options.whatIfMesh !== undefined &&
      !index.meshIds.includes(options.whatIfMesh)
    ) {
      throw new Error(`Unknown mesh '${options.whatIfMesh}'`);
    }
  }

  add(component: ComponentLike): void {
    this.addEvaluated(
      component.entityRef,
      evaluateComponentCoverage(this.index, component, {
        defaultRequirements: this.options.defaultRequirements,
        meshOverride: this.options.whatIfMesh,
      }),
    );
  }

  /** Adds a component evaluated already (on this accumulator's what-if mesh, if it has one). */
  addEvaluated(
    entityRef: string | undefined,
    { declaration, report }: ComponentCoverage,
  ): void {
    this.total += 1;
    if (declaration.errors.length) {
      this.withErrors += 1;
    }
    if (!declaration.declared && declaration.requires.length === 0) {
      this.undeclared += 1;
    }
    if (!report) {
      this.invalidMesh += 1;
      return;
    }
    this.perMesh.set(report.mesh, (this.perMesh.get(report.mesh) ?? 0) + 1);
    if (report.coverage !== null) {
      this.coverageSum += report.coverage;
      this.coverageCount += 1;
    }
    this.count(report.covered, 'covered', entityRef);
    this.count(report.implementedByApp, 'implementedByApp', entityRef);
    this.count(report.gaps, 'gaps', entityRef);
  }

  private count(
    responsibilityIds: readonly string[],
    key: 'covered' | 'implementedByApp' | 'gaps',
    entityRef: string | undefined,
  ) {
    for (const responsibilityId of responsibilityIds) {
      const row = this.rowFor(responsibilityId);
      row.required += 1;
      row[key] += 1;
      if (row.entityRefs && entityRef) {
        row.entityRefs[key].push(entityRef);
      }
    }
  }

  summary(): FleetSummary {
    const summary: FleetSummary = {
      components: this.total,
      meshes: this.index.meshIds
        .filter(mesh => this.perMesh.has(mesh))
        .map(mesh => ({ mesh, components: this.perMesh.get(mesh)! })),
      invalidMesh: this.invalidMesh,
      withErrors: this.withErrors,
      undeclared: this.undeclared,
      meanCoverage: this.coverageCount
        ? Math.round(this.coverageSum / this.coverageCount)
        : null,
      requirementCoverage: null,
      // Rows are only made for ids of the matrix: every one has a position.
      responsibilities: [...this.rows.values()].sort(
        (a, b) =>
          this.index.position(a.responsibilityId)! -
          this.index.position(b.responsibilityId)!,
      ),
    };
    summary.requirementCoverage = requirementCoverage(summary.responsibilities);
    if (this.options.whatIfMesh !== undefined) {
      summary.whatIfMesh = this.options.whatIfMesh;
    }
    return summary;
  }

  private rowFor(responsibilityId: string): FleetResponsibility {
    let row = this.rows.get(responsibilityId);
    if (!row) {
      row = {
        responsibilityId,
        required: 0,
        covered: 0,
        implementedByApp: 0,
        gaps: 0,
      };
      if (this.options.includeEntityRefs) {
        row.entityRefs = { covered: [], implementedByApp: [], gaps: [] };
      }
      this.rows.set(responsibilityId, row);
    }
    return row;
  }
}

/**
 * Aggregates coverage over many components, optionally as a what-if on another mesh.
 *
 * @public
 */
export function summarizeFleet(
  index: MatrixIndex,
  components: Iterable<ComponentLike>,
  options: FleetOptions = {},
): FleetSummary {
  const accumulator = new FleetAccumulator(index, options);
  for (const component of components) {
    accumulator.add(component);
  }
  return accumulator.summary();
}

/** @public */
export interface FleetResponsibilityChange {
  responsibilityId: string;
  covered: number;
  implementedByApp: number;
  gaps: number;
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
  let gaps = 0;
  for (const row of responsibilities) {
    required += row.required;
    gaps += row.gaps;
  }
  return coveragePercent(required - gaps, required);
}
