import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ComponentCoverageFigures, FleetGroup } from './fleetSnapshot';
import { runMigrations } from '@meshcoverage/plugin-mesh-coverage-node';
import { Knex } from 'knex';

const MIGRATIONS = resolvePackagePath(
  '@meshcoverage/plugin-mesh-coverage-backend',
  'migrations',
);
const SNAPSHOTS = 'mesh_coverage_fleet_snapshots';
const GROUPS = 'mesh_coverage_fleet_groups';
const CHANGES = 'mesh_coverage_component_changes';
/** Snapshots by the time they were taken (rows may be written out of order, e.g. imported). */
const NEWEST_FIRST = [
  { column: 'taken_at', order: 'desc' },
  { column: 'id', order: 'desc' },
];
/** Rows per insert statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH = 500;

/** One component's coverage as a snapshot saw it. */
export type ComponentCoverageRow = ComponentCoverageFigures & {
  entityRef: string;
};

/** A stored snapshot: its headline figures and the summary it was taken with. */
export interface StoredFleetSnapshot<TSummary> {
  /** Set by the store. */
  id?: number;
  takenAt: string;
  components: number;
  meanCoverage: number | null;
  gaps: number;
  summary: TSummary;
}

/** Headline figures of the fleet, or of the part a filter selects, at one snapshot. */
export interface FleetPoint {
  takenAt: string;
  components: number;
  meanCoverage: number | null;
  gaps: number;
}

/** A component's coverage from `takenAt` until its next change. */
export interface ComponentCoverageChange extends ComponentCoverageRow {
  takenAt: string;
}

const sameCoverage = (
  a: {
    owner?: string | null;
    mesh?: string | null;
    coverage: number | null;
    gaps: number;
  },
  b: ComponentCoverageRow,
) =>
  (a.owner ?? undefined) === b.owner &&
  (a.mesh ?? undefined) === b.mesh &&
  a.coverage === b.coverage &&
  a.gaps === b.gaps;

/**
 * Fleet snapshots and each component's coverage over time, in the backend plugin's database.
 * Components are stored as changes only (see the migration), so history stays small however
 * often snapshots are taken.
 */
export class FleetSnapshotStore<TSummary = unknown> {
  private constructor(private readonly db: Knex) {}

  /** Opens the store, migrating the plugin's database unless the backend says to skip it. */
  static async create<TSummary>(
    database: DatabaseService,
  ): Promise<FleetSnapshotStore<TSummary>> {
    const db = await database.getClient();
    if (!database.migrations?.skip) {
      await runMigrations(db, {
        directory: MIGRATIONS,
        tableName: 'mesh_coverage_backend_knex_migrations',
      });
    }
    return new FleetSnapshotStore<TSummary>(db);
  }

  /**
   * Stores a snapshot, and a change row for every component whose coverage differs from its
   * latest stored one (or that has none). Components that left the catalog simply stop changing.
   */
  async save(
    snapshot: StoredFleetSnapshot<TSummary>,
    components: readonly ComponentCoverageRow[],
    groups: readonly FleetGroup[] = [],
  ): Promise<{ changed: number }> {
    return this.db.transaction(async tx => {
      const latest = new Map(
        (await this.latestRows(tx)).map(row => [row.entity_ref as string, row]),
      );
      const changed = components.filter(component => {
        const previous = latest.get(component.entityRef);
        return !previous || !sameCoverage(previous, component);
      });
      // Only the latest snapshot keeps its full summary (what /fleet serves); older ones keep
      // their headline figures and groups, which is all history needs.
      await tx(SNAPSHOTS).whereNotNull('summary').update({ summary: null });
      const [inserted] = await tx(SNAPSHOTS)
        .insert({
          taken_at: snapshot.takenAt,
          components: snapshot.components,
          mean_coverage: snapshot.meanCoverage,
          gaps: snapshot.gaps,
          summary: JSON.stringify(snapshot.summary),
        })
        .returning('id');
      const snapshotId =
        typeof inserted === 'object' ? inserted.id : (inserted as number);
      await tx.batchInsert(
        GROUPS,
        groups.map(group => ({
          snapshot_id: snapshotId,
          mesh: group.mesh,
          owner: group.owner,
          components: group.components,
          coverage_sum: group.coverageSum,
          coverage_count: group.coverageCount,
          gaps: group.gaps,
        })),
        BATCH,
      );
      await tx.batchInsert(
        CHANGES,
        changed.map(component => ({
          entity_ref: component.entityRef,
          taken_at: snapshot.takenAt,
          owner: component.owner ?? null,
          mesh: component.mesh ?? null,
          coverage: component.coverage,
          gaps: component.gaps,
        })),
        BATCH,
      );
      return { changed: changed.length };
    });
  }

  /** Each component's latest row. */
  private async latestRows(db: Knex) {
    const newest = db(CHANGES)
      .select('entity_ref')
      .max({ newest: 'id' })
      .groupBy('entity_ref')
      .as('newest');
    return db(CHANGES)
      .join(newest, `${CHANGES}.id`, 'newest.newest')
      .select(`${CHANGES}.*`);
  }

  /** The id and time of the latest snapshot, without its summary (a cheap freshness check). */
  async latestId(): Promise<{ id: number; takenAt: string } | undefined> {
    const row = await this.db(SNAPSHOTS)
      .select('id', 'taken_at')
      .orderBy(NEWEST_FIRST)
      .first();
    return row ? { id: row.id, takenAt: row.taken_at } : undefined;
  }

  async latest(): Promise<StoredFleetSnapshot<TSummary> | undefined> {
    const row = await this.db(SNAPSHOTS).orderBy(NEWEST_FIRST).first();
    return row ? this.snapshotOf(row) : undefined;
  }

  /**
   * The fleet at each snapshot taken from `from` to `to` (ISO 8601, inclusive), oldest first; with
   * a mesh or an owner, only the components that matched it at that snapshot.
   */
  async history(
    from: string,
    to: string,
    filter: { mesh?: string; owner?: string } = {},
  ): Promise<FleetPoint[]> {
    if (filter.mesh === undefined && filter.owner === undefined) {
      const rows = await this.db(SNAPSHOTS)
        .select('taken_at', 'components', 'mean_coverage', 'gaps')
        .whereBetween('taken_at', [from, to])
        .orderBy([
          { column: 'taken_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ]);
      return rows.map(row => ({
        takenAt: row.taken_at,
        components: row.components,
        meanCoverage: row.mean_coverage,
        gaps: row.gaps,
      }));
    }
    const rows: Record<string, any>[] = await this.db(SNAPSHOTS)
      .leftJoin(GROUPS, join => {
        join.on(`${GROUPS}.snapshot_id`, `${SNAPSHOTS}.id`);
        if (filter.mesh !== undefined) {
          join.andOn(`${GROUPS}.mesh`, this.db.raw('?', [filter.mesh]));
        }
        if (filter.owner !== undefined) {
          join.andOn(`${GROUPS}.owner`, this.db.raw('?', [filter.owner]));
        }
      })
      .select(`${SNAPSHOTS}.id`, `${SNAPSHOTS}.taken_at`)
      .sum({
        components: `${GROUPS}.components`,
        coverageSum: `${GROUPS}.coverage_sum`,
        coverageCount: `${GROUPS}.coverage_count`,
        gaps: `${GROUPS}.gaps`,
      })
      .whereBetween(`${SNAPSHOTS}.taken_at`, [from, to])
      .groupBy(`${SNAPSHOTS}.id`, `${SNAPSHOTS}.taken_at`)
      .orderBy([
        { column: `${SNAPSHOTS}.taken_at`, order: 'asc' },
        { column: `${SNAPSHOTS}.id`, order: 'asc' },
      ]);
    return rows.map(row => {
      // PostgreSQL sums integers as bigint, which its driver returns as strings.
      const coverageCount = Number(row.coverageCount ?? 0);
      return {
        takenAt: row.taken_at,
        components: Number(row.components ?? 0),
        meanCoverage: coverageCount
          ? Math.round(Number(row.coverageSum) / coverageCount)
          : null,
        gaps: Number(row.gaps ?? 0),
      };
    });
  }

  /**
   * A component's coverage from `from` to `to`: the row in force at `from` (when there is one),
   * then every change up to `to`, oldest first.
   */
  async componentHistory(
    entityRef: string,
    from: string,
    to: string,
  ): Promise<ComponentCoverageChange[]> {
    const atStart = await this.db(CHANGES)
      .where('entity_ref', entityRef)
      .andWhere('taken_at', '<', from)
      .orderBy('id', 'desc')
      .first();
    const changes = await this.db(CHANGES)
      .where('entity_ref', entityRef)
      .whereBetween('taken_at', [from, to])
      .orderBy('id', 'asc');
    return (atStart ? [atStart, ...changes] : changes).map(row => ({
      entityRef: row.entity_ref,
      takenAt: row.taken_at,
      owner: row.owner ?? undefined,
      mesh: row.mesh ?? undefined,
      coverage: row.coverage,
      gaps: row.gaps,
    }));
  }

  /**
   * Deletes what is older than `before`: snapshots, and component rows except each component's
   * last one before it (the value still in force, where its series starts).
   */
  async prune(before: string): Promise<{ snapshots: number; changes: number }> {
    return this.db.transaction(async tx => {
      const old = tx(SNAPSHOTS).select('id').where('taken_at', '<', before);
      // Explicitly: SQLite enforces the foreign key's cascade only when told to.
      await tx(GROUPS).whereIn('snapshot_id', old).delete();
      const snapshots = await tx(SNAPSHOTS)
        .where('taken_at', '<', before)
        .delete();
      const inForce = tx(CHANGES)
        .max('id')
        .where('taken_at', '<', before)
        .groupBy('entity_ref');
      const changes = await tx(CHANGES)
        .where('taken_at', '<', before)
        .whereNotIn('id', inForce)
        .delete();
      return { snapshots, changes };
    });
  }

  private snapshotOf(row: Record<string, any>): StoredFleetSnapshot<TSummary> {
    return {
      id: row.id,
      takenAt: row.taken_at,
      components: row.components,
      meanCoverage: row.mean_coverage,
      gaps: row.gaps,
      summary: JSON.parse(row.summary),
    };
  }
}
