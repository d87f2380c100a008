import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DefaultRequirements } from '@meshcoverage/plugin-mesh-coverage-common';
import {
  ComponentCoverageFigures,
  FleetSnapshotAccumulator,
  FleetSnapshotSummary,
  totalOfGroups,
} from './fleetSnapshot';
import {
  FleetInventory,
  MeshMatrixService,
  readCatalogComponents,
} from '@meshcoverage/plugin-mesh-coverage-node';
import { FleetSnapshotStore } from './FleetSnapshotStore';

export interface FleetSnapshotsOptions {
  store: FleetSnapshotStore<FleetSnapshotSummary>;
  catalog: CatalogService;
  matrixService: MeshMatrixService;
  defaultRequirements: DefaultRequirements;
  logger: LoggerService;
  /** How long snapshots are kept, in milliseconds. */
  retentionMs: number;
  /**
   * Reads the clusters for one computation (each kind once per cluster): the fleet then counts each
   * component as it runs. Absent: every component counts as declared.
   */
  readInventory?: () => Promise<FleetInventory>;
}

/** The latest snapshot's full summary and when it was taken. */
interface LatestFleetSnapshot {
  id: number;
  takenAt: string;
  summary: FleetSnapshotSummary;
}

/** What one snapshot run did. */
interface FleetSnapshotTaken {
  stored: boolean;
  components: number;
  changed: number;
  pruned: number;
}

/**
 * Computes the fleet from the catalog (the scheduled snapshot and `/fleet?live=true` alike), stores
 * snapshots and serves the latest one.
 */
export interface FleetSnapshots {
  /** The fleet now, as `credentials` see the catalog. */
  compute(
    credentials: BackstageCredentials,
    options?: { includeEntityRefs?: boolean },
  ): Promise<{
    summary: FleetSnapshotSummary;
    components: ComponentCoverageFigures[];
  }>;
  /**
   * Computes the fleet with the plugin's own credentials, stores it and prunes old ones; says
   * what it did (for the audit record).
   */
  take(credentials: BackstageCredentials): Promise<FleetSnapshotTaken>;
  latest(): Promise<LatestFleetSnapshot | undefined>;
  readonly store: FleetSnapshotStore<FleetSnapshotSummary>;
  readonly retentionMs: number;
}

export function createFleetSnapshots(
  options: FleetSnapshotsOptions,
): FleetSnapshots {
  const { store, catalog, matrixService, defaultRequirements, logger } =
    options;
  // The parsed summary of the latest snapshot: parsed once, not on every request.
  let cached: LatestFleetSnapshot | undefined;

  const compute: FleetSnapshots['compute'] = async (
    credentials,
    { includeEntityRefs } = {},
  ) => {
    const { index } = await matrixService.getMatrix();
    const fleet = new FleetSnapshotAccumulator(index, {
      defaultRequirements,
      includeEntityRefs,
    });
    const components: ComponentCoverageFigures[] = [];
    const inventory = await options.readInventory?.();
    for await (const page of readCatalogComponents(catalog, credentials)) {
      for (const component of page) {
        components.push(
          fleet.add(component, await inventory?.asItRuns(index, component)),
        );
      }
    }
    return { summary: fleet.result(), components };
  };

  return {
    store,
    retentionMs: options.retentionMs,
    compute,

    async take(credentials) {
      const started = Date.now();
      const { summary, components } = await compute(credentials);
      if (components.length === 0 && !(await store.latestId())) {
        // A fresh database: the catalog has not ingested anything yet. An empty first snapshot
        // would be served as the fleet until the next one; without it `/fleet` computes live.
        logger.info(
          'Fleet snapshot not stored: the catalog holds no components yet',
        );
        return { stored: false, components: 0, changed: 0, pruned: 0 };
      }
      const takenAt = new Date().toISOString();
      // The headline figures as the history's filters add them up: from the groups.
      const total = totalOfGroups(summary.groups);
      const { changed } = await store.save(
        {
          takenAt,
          components: total.components,
          meanCoverage: total.coverage,
          gaps: total.gaps,
          summary,
        },
        components.flatMap(({ entityRef, ...figures }) =>
          entityRef ? [{ entityRef, ...figures }] : [],
        ),
        summary.groups,
      );
      const pruned = await store.prune(
        new Date(Date.parse(takenAt) - options.retentionMs).toISOString(),
      );
      logger.info(
        `Fleet snapshot taken: ${components.length} components, ${changed} changed, ` +
          `${pruned.snapshots} old snapshots pruned, in ${
            Date.now() - started
          } ms`,
      );
      return {
        stored: true,
        components: components.length,
        changed,
        pruned: pruned.snapshots,
      };
    },

    async latest() {
      let head: Awaited<ReturnType<typeof store.latestId>>;
      try {
        head = await store.latestId();
      } catch (error) {
        // The database is away (a restart, a failover): the snapshot in hand is still the latest
        // one anybody took.
        if (cached) {
          return cached;
        }
        throw error;
      }
      if (!head) {
        return undefined;
      }
      if (cached?.id !== head.id) {
        const snapshot = await store.latest();
        if (!snapshot?.summary || snapshot.id === undefined) {
          return undefined;
        }
        cached = {
          id: snapshot.id,
          takenAt: snapshot.takenAt,
          summary: snapshot.summary,
        };
      }
      return cached;
    },
  };
}
