import {
  ComponentLike,
  coverageStatus,
  CoverageStatus,
  DefaultRequirements,
  evaluateDeclaration,
  FleetAdoption,
  FleetOwner,
  FleetResponsibility,
  FleetSummary,
  isCoverageSubject,
  MatrixIndex,
  parseComponent,
  requirementCoverage,
  Configuration,
  FleetResponse,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { ComponentAsItRuns } from '@meshcoverage/plugin-mesh-coverage-node';

/**
 * How many components of one owner require one responsibility, by who carries it today and
 * whether the app implements it. Every what-if and adoption figure is derived from these counts.
 */
interface FleetRequirementCount {
  /** `spec.owner` as an entity ref; '' when the component names none. */
  owner: string;
  responsibilityId: string;
  /** Who carries it on the component's own mesh; null when that mesh is invalid. */
  status: CoverageStatus | null;
  implemented: boolean;
  /** Where the mesh's configuration was read: whether it turns the responsibility on. */
  configured?: Configuration['state'];
  components: number;
  /** The components themselves, when the accumulator was asked to keep them. */
  entityRefs?: string[];
}

/**
 * Components of one owner on one mesh: what the history's `mesh` and `owner` filters add up.
 */
export interface FleetGroup {
  /** Null when the components' mesh annotation names no valid mesh. */
  mesh: string | null;
  owner: string;
  components: number;
  /** Sum and count of the coverage of the components that require anything. */
  coverageSum: number;
  coverageCount: number;
  gaps: number;
  implementedByApp: number;
}

/**
 * What the fleet summary of one moment holds: today's summary and the counts what-ifs and the
 * history filters are derived from.
 */
export interface FleetSnapshotSummary {
  today: FleetSummary;
  /** Components that require nothing are not in any bucket. */
  distribution: FleetResponse['distribution'];
  groups: FleetGroup[];
  requirements: FleetRequirementCount[];
}

/**
 * One component's coverage as the fleet saw it.
 */
export interface ComponentCoverageFigures {
  entityRef?: string;
  owner?: string;
  /** Undefined when its mesh annotation names no valid mesh. */
  mesh?: string;
  coverage: number | null;
  gaps: number;
}

const BUCKETS = 11;
/** The three figures of the adoption case, per owner and in total. */
type AdoptionFigure = 'implementationsRemoved' | 'gapsClosed' | 'gapsOpened';
const NO_OWNER = '';
/** The group key of components whose mesh is invalid. */
const INVALID_MESH = '';

/** The fleet row's count for each status. */
const STATUS_KEYS = {
  mesh: 'covered',
  app: 'implementedByApp',
  gap: 'gaps',
  'turned-off': 'turnedOff',
} as const;

/**
 * One owner's figures: its groups by mesh, and per responsibility its requirement counts, one per
 * combination of status, implemented and configured state met (a handful at most).
 */
interface OwnerTally {
  groups: Map<string, FleetGroup>;
  requirements: Map<string, FleetRequirementCount[]>;
}

export interface FleetOptions {
  defaultRequirements?: DefaultRequirements;
  /** Keep the component refs behind every count (for links); costs memory on large fleets. */
  includeEntityRefs?: boolean;
}

/**
 * Takes the fleet one component at a time (a catalog page by page): each component is parsed
 * and evaluated once, and counted by owner, mesh, and per requirement by who carries it (and, where
 * it was read, whether its mesh is configured to). Today's summary, the owners, the history's
 * groups and every what-if are derived from these counts. The scheduled snapshot and the live
 * `/fleet` both use it.
 */
export class FleetSnapshotAccumulator {
  private readonly owners = new Map<string, OwnerTally>();
  private readonly distribution = new Array<number>(BUCKETS).fill(0);
  private withErrors = 0;
  private undeclared = 0;

  constructor(
    private readonly index: MatrixIndex,
    private readonly options: FleetOptions = {},
  ) {}

  /**
   * Adds one component, evaluated on its declared mesh, or as it runs when the caller read that;
   * returns its own figures (for its stored history).
   */
  add(
    component: ComponentLike,
    asItRuns?: ComponentAsItRuns,
  ): ComponentCoverageFigures {
    const declaration =
      asItRuns?.declaration ??
      parseComponent(this.index, component, this.options.defaultRequirements);
    const { report } = evaluateDeclaration(
      this.index,
      declaration,
      asItRuns ? asItRuns.mesh : declaration.mesh,
      undefined,
      asItRuns?.configured,
    );
    if (declaration.errors.length) {
      this.withErrors += 1;
    }
    if (!isCoverageSubject(declaration)) {
      this.undeclared += 1;
    }
    const owner = component.owner ?? NO_OWNER;
    let tally = this.owners.get(owner);
    if (!tally) {
      tally = { groups: new Map(), requirements: new Map() };
      this.owners.set(owner, tally);
    }
    const coverage = report?.coverage ?? null;
    // Nobody carries a turned-off requirement either: a gap to the headline figures.
    const gaps = (report?.gaps.length ?? 0) + (report?.turnedOff?.length ?? 0);

    const meshKey = report?.mesh ?? INVALID_MESH;
    let group = tally.groups.get(meshKey);
    if (!group) {
      group = {
        mesh: report?.mesh ?? null,
        owner,
        components: 0,
        coverageSum: 0,
        coverageCount: 0,
        gaps: 0,
        implementedByApp: 0,
      };
      tally.groups.set(meshKey, group);
    }
    group.components += 1;
    group.gaps += gaps;
    group.implementedByApp += report?.implementedByApp.length ?? 0;
    if (coverage !== null) {
      group.coverageSum += coverage;
      group.coverageCount += 1;
      this.distribution[Math.floor(coverage / 10)] += 1;
    }

    // The report's items follow the declaration's requirements, one for one.
    declaration.requires.forEach((responsibilityId, i) => {
      const item = report?.items[i];
      const status = item ? item.status : null;
      const implemented = declaration.implements.includes(responsibilityId);
      const configured = item?.configured?.state;
      let counts = tally!.requirements.get(responsibilityId);
      if (!counts) {
        counts = [];
        tally!.requirements.set(responsibilityId, counts);
      }
      let count = counts.find(
        c =>
          c.status === status &&
          c.implemented === implemented &&
          c.configured === configured,
      );
      if (!count) {
        count = {
          owner,
          responsibilityId,
          status,
          implemented,
          ...(configured && { configured }),
          components: 0,
          ...(this.options.includeEntityRefs && { entityRefs: [] }),
        };
        counts.push(count);
      }
      count.components += 1;
      if (count.entityRefs && component.entityRef) {
        count.entityRefs.push(component.entityRef);
      }
    });
    return {
      entityRef: component.entityRef,
      owner: component.owner,
      mesh: report?.mesh,
      coverage,
      gaps,
    };
  }

  result(): FleetSnapshotSummary {
    const groups: FleetGroup[] = [];
    const requirements: FleetRequirementCount[] = [];
    for (const tally of this.owners.values()) {
      groups.push(...tally.groups.values());
      for (const counts of tally.requirements.values()) {
        requirements.push(...counts);
      }
    }
    const total = totalOfGroups(groups);
    const perMesh = (mesh: string) =>
      totalOfGroups(groups, { mesh }).components;
    const responsibilities = responsibilityRows(
      this.index,
      requirements,
      count => count.status,
    );
    return {
      today: {
        components: total.components,
        meshes: this.index.meshIds
          .map(mesh => ({ mesh, components: perMesh(mesh) }))
          .filter(row => row.components > 0),
        invalidMesh: groups
          .filter(group => group.mesh === null)
          .reduce((sum, group) => sum + group.components, 0),
        withErrors: this.withErrors,
        undeclared: this.undeclared,
        meanCoverage: total.coverage,
        requirementCoverage: requirementCoverage(responsibilities),
        responsibilities,
      },
      distribution: this.distribution.map((components, i) => ({
        from: i * 10,
        to: i === BUCKETS - 1 ? 100 : i * 10 + 9,
        components,
      })),
      groups,
      requirements,
    };
  }
}

/**
 * Per responsibility, matrix order: how many components require it and who carries it, as
 * `statusOf` says for each count (null: left out).
 */
function responsibilityRows(
  index: MatrixIndex,
  requirements: readonly FleetRequirementCount[],
  statusOf: (count: FleetRequirementCount) => CoverageStatus | null,
): FleetResponsibility[] {
  const rows = new Map<string, FleetResponsibility>();
  const keep = requirements.some(count => count.entityRefs);
  for (const count of requirements) {
    const status = statusOf(count);
    if (status === null) {
      continue;
    }
    let row = rows.get(count.responsibilityId);
    if (!row) {
      row = {
        responsibilityId: count.responsibilityId,
        required: 0,
        covered: 0,
        implementedByApp: 0,
        gaps: 0,
        turnedOff: 0,
        configured: 0,
      };
      if (keep) {
        row.entityRefs = {
          covered: [],
          implementedByApp: [],
          gaps: [],
          turnedOff: [],
        };
      }
      rows.set(count.responsibilityId, row);
    }
    const key = STATUS_KEYS[status];
    row.required += count.components;
    row[key] += count.components;
    // Known to be turned on where it is covered: configured, or on by default.
    if (
      status === 'mesh' &&
      (count.configured === 'yes' || count.configured === 'default')
    ) {
      row.configured += count.components;
    }
    row.entityRefs?.[key].push(...(count.entityRefs ?? []));
  }
  // Counts are only made for ids of the matrix: every one has a position.
  return [...rows.values()].sort(
    (a, b) =>
      index.position(a.responsibilityId)! - index.position(b.responsibilityId)!,
  );
}

/**
 * Today's summary of a fleet, or with `whatIfMesh` the fleet as if every component ran it (see
 * {@link fleetWhatIf}): the one-shot form of {@link FleetSnapshotAccumulator}.
 */
export function summarizeFleet(
  index: MatrixIndex,
  components: Iterable<ComponentLike>,
  options: FleetOptions & { whatIfMesh?: string } = {},
): FleetSummary {
  const { whatIfMesh, ...fleetOptions } = options;
  if (whatIfMesh !== undefined && !index.meshIds.includes(whatIfMesh)) {
    throw new Error(`Unknown mesh '${whatIfMesh}'`);
  }
  const fleet = new FleetSnapshotAccumulator(index, fleetOptions);
  for (const component of components) {
    fleet.add(component);
  }
  const summary = fleet.result();
  return whatIfMesh === undefined
    ? summary.today
    : fleetWhatIf(index, summary, whatIfMesh).whatIf;
}

const mean = (sum: number, count: number) =>
  count ? Math.round(sum / count) : null;

/**
 * Components per owner from the groups, most gaps first; then by owner.
 */
export function fleetOwners(
  index: MatrixIndex,
  groups: readonly FleetGroup[],
): FleetOwner[] {
  const owners = new Map<
    string,
    FleetOwner & { coverageSum: number; coverageCount: number }
  >();
  for (const group of groups) {
    let owner = owners.get(group.owner);
    if (!owner) {
      owner = {
        owner: group.owner,
        components: 0,
        meanCoverage: null,
        gaps: 0,
        implementedByApp: 0,
        meshes: [],
        coverageSum: 0,
        coverageCount: 0,
      };
      owners.set(group.owner, owner);
    }
    owner.components += group.components;
    owner.gaps += group.gaps;
    owner.implementedByApp += group.implementedByApp;
    owner.coverageSum += group.coverageSum;
    owner.coverageCount += group.coverageCount;
    if (group.mesh !== null) {
      owner.meshes.push(group.mesh);
    }
  }
  return [...owners.values()]
    .map(({ coverageSum, coverageCount, ...owner }) => ({
      ...owner,
      meanCoverage: mean(coverageSum, coverageCount),
      meshes: index.meshIds.filter(mesh => owner.meshes.includes(mesh)),
    }))
    .sort((a, b) => b.gaps - a.gaps || a.owner.localeCompare(b.owner));
}

/**
 * Headline figures of the groups that match a mesh and an owner (either may be left out).
 */
export function totalOfGroups(
  groups: readonly FleetGroup[],
  filter: { mesh?: string; owner?: string } = {},
): { components: number; coverage: number | null; gaps: number } {
  let components = 0;
  let gaps = 0;
  let coverageSum = 0;
  let coverageCount = 0;
  for (const group of groups) {
    if (
      (filter.mesh === undefined || group.mesh === filter.mesh) &&
      (filter.owner === undefined || group.owner === filter.owner)
    ) {
      components += group.components;
      gaps += group.gaps;
      coverageSum += group.coverageSum;
      coverageCount += group.coverageCount;
    }
  }
  return { components, coverage: mean(coverageSum, coverageCount), gaps };
}

/**
 * The fleet as if every component ran `mesh`, derived from the requirement counts with the
 * coverage rule: per responsibility who would carry it, the change against today, and the
 * adoption case. The what-if's `meanCoverage` is null: a mean over components needs each
 * component, which counts do not keep; `requirementCoverage` compares the two instead.
 */
export function fleetWhatIf(
  index: MatrixIndex,
  summary: FleetSnapshotSummary,
  mesh: string,
): {
  whatIf: FleetSummary;
  change: NonNullable<FleetResponse['change']>;
  adoption: FleetAdoption;
} {
  if (!index.meshIds.includes(mesh)) {
    throw new Error(`Unknown mesh '${mesh}'`);
  }
  const cells = index.cellsOf(mesh);
  // On another mesh the configuration is not known: the cell and the app decide.
  const statusOn = (count: FleetRequirementCount) =>
    coverageStatus(
      cells.get(count.responsibilityId)?.support,
      count.implemented,
    );
  const owners = new Map<string, FleetAdoption['byOwner'][number]>();
  for (const count of summary.requirements) {
    const status = statusOn(count);
    const { components } = count;
    const figures = {
      implementationsRemoved:
        count.status === 'app' && status === 'mesh' ? components : 0,
      gapsClosed: count.status === 'gap' && status === 'mesh' ? components : 0,
      gapsOpened: count.status === 'mesh' && status === 'gap' ? components : 0,
    };
    if (
      figures.implementationsRemoved ||
      figures.gapsClosed ||
      figures.gapsOpened
    ) {
      let owner = owners.get(count.owner);
      if (!owner) {
        owner = {
          owner: count.owner,
          implementationsRemoved: 0,
          gapsClosed: 0,
          gapsOpened: 0,
        };
        owners.set(count.owner, owner);
      }
      owner.implementationsRemoved += figures.implementationsRemoved;
      owner.gapsClosed += figures.gapsClosed;
      owner.gapsOpened += figures.gapsOpened;
    }
  }
  const { today } = summary;
  const responsibilities = responsibilityRows(
    index,
    summary.requirements,
    statusOn,
  );
  const whatIf: FleetSummary = {
    whatIfMesh: mesh,
    components: today.components,
    meshes: today.components ? [{ mesh, components: today.components }] : [],
    invalidMesh: 0,
    withErrors: today.withErrors,
    undeclared: today.undeclared,
    meanCoverage: null,
    requirementCoverage: requirementCoverage(responsibilities),
    responsibilities,
  };
  const byOwner = [...owners.values()].sort(
    (a, b) =>
      b.implementationsRemoved - a.implementationsRemoved ||
      b.gapsClosed - a.gapsClosed ||
      a.owner.localeCompare(b.owner),
  );
  const total = (key: AdoptionFigure) =>
    byOwner.reduce((sum, owner) => sum + owner[key], 0);
  return {
    whatIf,
    change: compareFleetSummaries(today, whatIf),
    adoption: {
      mesh,
      implementationsRemoved: total('implementationsRemoved'),
      gapsClosed: total('gapsClosed'),
      gapsOpened: total('gapsOpened'),
      teams: byOwner.filter(owner => owner.implementationsRemoved > 0).length,
      turnedOffToday: summary.requirements
        .filter(count => count.status === 'turned-off')
        .reduce((sum, count) => sum + count.components, 0),
      byOwner,
    },
  };
}

/**
 * Per responsibility, how a what-if summary differs from today's (what-if minus today).
 */
export function compareFleetSummaries(
  today: FleetSummary,
  whatIf: FleetSummary,
): NonNullable<FleetResponse['change']> {
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
