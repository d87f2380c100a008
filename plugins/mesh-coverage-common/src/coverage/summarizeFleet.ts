import { MatrixIndex } from '../model/matrixIndex';
import {
  ComponentLike,
  DefaultRequirements,
  evaluateComponentCoverage,
} from './componentCoverage';

/** Which count of a {@link FleetResponsibility} a coverage status adds to. */
const COUNT_BY_STATUS = {
  mesh: 'covered',
  app: 'implementedByApp',
  gap: 'gaps',
} as const;

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
  entityRefs?: { covered: string[]; implementedByApp: string[]; gaps: string[] };
}

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
  /** Mean coverage over the components that require anything; null when none do. */
  meanCoverage: number | null;
  /** Per responsibility, matrix order; only responsibilities some component requires. */
  responsibilities: FleetResponsibility[];
}

export interface FleetOptions {
  defaultRequirements?: DefaultRequirements;
  /** Evaluate every component as if it ran this mesh. */
  whatIfMesh?: string;
  /** Keep the component refs behind every count (for links); costs memory on large fleets. */
  includeEntityRefs?: boolean;
}

/** Aggregates coverage over many components, optionally as a what-if on another mesh. */
export function summarizeFleet(
  index: MatrixIndex,
  components: Iterable<ComponentLike>,
  options: FleetOptions = {},
): FleetSummary {
  if (options.whatIfMesh !== undefined && !index.meshIds.includes(options.whatIfMesh)) {
    throw new Error(`Unknown mesh '${options.whatIfMesh}'`);
  }
  const perMesh = new Map<string, number>();
  const rows = new Map<string, FleetResponsibility>();
  let total = 0;
  let invalidMesh = 0;
  let withErrors = 0;
  let undeclared = 0;
  let coverageSum = 0;
  let coverageCount = 0;

  const rowFor = (responsibilityId: string) => {
    let row = rows.get(responsibilityId);
    if (!row) {
      row = { responsibilityId, required: 0, covered: 0, implementedByApp: 0, gaps: 0 };
      if (options.includeEntityRefs) {
        row.entityRefs = { covered: [], implementedByApp: [], gaps: [] };
      }
      rows.set(responsibilityId, row);
    }
    return row;
  };

  for (const component of components) {
    total += 1;
    const { declaration, report } = evaluateComponentCoverage(index, component, {
      defaultRequirements: options.defaultRequirements,
      meshOverride: options.whatIfMesh,
    });
    if (declaration.errors.length) {
      withErrors += 1;
    }
    if (!declaration.declared && declaration.requires.length === 0) {
      undeclared += 1;
    }
    if (!report) {
      invalidMesh += 1;
      continue;
    }
    perMesh.set(report.mesh, (perMesh.get(report.mesh) ?? 0) + 1);
    if (report.coverage !== null) {
      coverageSum += report.coverage;
      coverageCount += 1;
    }
    for (const item of report.items) {
      const row = rowFor(item.responsibilityId);
      row.required += 1;
      const key = COUNT_BY_STATUS[item.status];
      row[key] += 1;
      if (row.entityRefs && component.entityRef) {
        row.entityRefs[key].push(component.entityRef);
      }
    }
  }

  const summary: FleetSummary = {
    components: total,
    meshes: index.meshIds
      .filter(mesh => perMesh.has(mesh))
      .map(mesh => ({ mesh, components: perMesh.get(mesh)! })),
    invalidMesh,
    withErrors,
    undeclared,
    meanCoverage: coverageCount ? Math.round(coverageSum / coverageCount) : null,
    responsibilities: [...rows.values()].sort(
      (a, b) => index.order(a.responsibilityId) - index.order(b.responsibilityId),
    ),
  };
  if (options.whatIfMesh !== undefined) {
    summary.whatIfMesh = options.whatIfMesh;
  }
  return summary;
}

export interface FleetResponsibilityChange {
  responsibilityId: string;
  covered: number;
  implementedByApp: number;
  gaps: number;
}

/** Per responsibility, how a what-if summary differs from today's (what-if minus today). */
export function compareFleetSummaries(
  today: FleetSummary,
  whatIf: FleetSummary,
): FleetResponsibilityChange[] {
  const before = new Map(today.responsibilities.map(r => [r.responsibilityId, r]));
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
