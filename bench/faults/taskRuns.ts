/*
 * Scheduled runs, read after the run: each run of a scheduled task from PostgreSQL's statement
 * log (on whichever instance), the fleet snapshots from their table, and whether a task ran once
 * per period.
 */
import { PostgresCluster, readPostgresLog } from '../faultsInfra';
import {
  FLEET_SNAPSHOT_TABLE,
  MESH_COVERAGE_PLUGIN_ID,
  pluginDatabase,
} from './pluginConstants';
import { APPLICATION_NAME_PREFIX } from './setup';
import { onBenchClock } from './timeline';

export interface TaskRun {
  /** The plugin whose database holds the task (`pluginDivisionMode: database`). */
  database: string;
  task: string;
  /** When the run was released (ended), on the bench's clock. */
  at: number;
  /** The instance that ran it (the connection's application_name). */
  instance: string;
  failed: boolean;
}

/** `mesh-coverage-faults-A` → `A` */
const instanceOf = (applicationName: string) =>
  applicationName.startsWith(APPLICATION_NAME_PREFIX)
    ? applicationName.slice(APPLICATION_NAME_PREFIX.length)
    : applicationName;

/**
 * Every completed run of a scheduled task: the scheduler ends each run it claimed with one
 * `update backstage_backend_tasks__tasks set next_run_start_at = …, current_run_ticket = null …
 * where id = ? and current_run_ticket = ?` (a release with the run's own ticket), so each such
 * statement is one run, on whichever instance.
 */
export function readTaskRuns(logDir: string): TaskRun[] {
  const runs: TaskRun[] = [];
  for (const line of readPostgresLog(logDir)) {
    const release = line.message.match(
      /update "backstage_backend_tasks__tasks" set "next_run_start_at" = .*"current_run_ticket" = null.* where "id" = \$(\d+) and "current_run_ticket" = \$(\d+)/,
    );
    if (!release || !line.detail) {
      continue;
    }
    const parameters = new Map<string, string>();
    for (const [, index, value] of line.detail.matchAll(
      /\$(\d+) = '((?:[^']|'')*)'/g,
    )) {
      parameters.set(index, value.replace(/''/g, "'"));
    }
    runs.push({
      database: (line.dbname ?? '').replace(/^backstage_plugin_/, ''),
      task: parameters.get(release[1]) ?? '?',
      at: onBenchClock(
        Date.parse(`${line.timestamp.replace(' UTC', 'Z').replace(' ', 'T')}`),
      ),
      instance: instanceOf(line.application_name ?? '?'),
      failed: /"last_run_error_json" = \$/.test(line.message),
    });
  }
  return runs;
}

/** When each fleet snapshot in the table was taken, on the bench's clock; none if unreadable. */
export async function fleetSnapshotTimes(
  postgres: PostgresCluster,
): Promise<number[]> {
  return postgres
    .query(
      pluginDatabase(MESH_COVERAGE_PLUGIN_ID),
      `select taken_at from ${FLEET_SNAPSHOT_TABLE} order by id`,
    )
    .then(rows => rows.map(([takenAt]) => onBenchClock(Date.parse(takenAt))))
    .catch(() => [] as number[]);
}

/**
 * Runs of one task against its period, until `endMs`. The scheduler plans each run one period after
 * the previous plan (or now, if that has passed) and each instance polls for due work every 5 s,
 * so runs wander by a few seconds, and a run delayed by a fault is followed by the next one on
 * time: gaps alone do not show a duplicate. A duplicate is a run more than the window holds (one
 * per period from the first run, with the poll's 5 s of slack), or two runs within a second (the
 * signature of a task run once per instance). A missed period is a gap of more than two periods.
 */
export function checkOncePerPeriod(
  times: number[],
  periodMs: number,
  endMs: number,
) {
  const sorted = [...times].sort((a, b) => a - b);
  const betweenRuns = sorted.slice(1).map((t, i) => t - sorted[i]);
  const window = sorted.length ? endMs - sorted[0] : 0;
  const allowed = Math.floor((window + 5000) / periodMs) + 1;
  const overCount = Math.max(0, sorted.length - allowed);
  const simultaneous = betweenRuns.filter(gap => gap < 1000).length;
  const missed = [
    ...betweenRuns,
    sorted.length ? endMs - sorted[sorted.length - 1] : 0,
  ]
    .filter(gap => gap > 2 * periodMs)
    .reduce((sum, gap) => sum + Math.round(gap / periodMs) - 1, 0);
  return {
    runs: sorted.length,
    allowed,
    duplicates: Math.max(overCount, simultaneous),
    simultaneous,
    missed,
    minGap: betweenRuns.length ? Math.min(...betweenRuns) : undefined,
    maxGap: betweenRuns.length ? Math.max(...betweenRuns) : undefined,
  };
}
