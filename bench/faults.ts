/*
 * npm run bench:faults [-- --short] [-- --simultaneous-start] [-- --production] [-- --workers <n>]
 *
 * Faults under load, nothing lost. A benchmark, not a unit test: it starts, all by itself,
 *
 *   - a PostgreSQL cluster of its own (Debian's initdb/pg_ctl, as `postgres` when run as root, in a
 *     scratch directory under $TMPDIR, on a free port from 55432, trust auth on loopback; apt-get
 *     installs postgresql if it is missing),
 *   - two example backends on it (A and B, ports from 7117; NODE_ENV=development as the other
 *     benches run it, production with `--production`), started one after the other (with
 *     `--simultaneous-start`: both at once on the empty database, to see whether that works), with
 *     the demo Kubernetes cluster off, a fleet snapshot and a matrix refresh every period (30 s; 10 s
 *     with --short) from a matrix file in the scratch directory,
 *   - nginx in front of them (apt-get installs it if missing; config in the scratch directory,
 *     see `startNginx` in bench/faultsInfra.ts for the retry and health-check choices),
 *
 * then puts every Mesh Coverage route under sustained load through nginx (bench/faultsLoad.ts)
 * while, on a schedule (seconds; --short compresses it to a quarter):
 *
 *   20 SIGKILL instance A, 40 start it again,
 *   60 restart PostgreSQL (stop -m fast, down 3 s, start),
 *   90 SIGTERM instance B (a rolling deploy), start it again once it has exited,
 *  100 edit the matrix file, then wait until both instances serve it,
 *  120 stop.
 *
 * Each fault waits until the previous one has recovered (instance ready; the database's requests
 * fully successful again), so a slow start moves the schedule on rather than stacking faults.
 *
 * Reported (a table, and bench-faults.json at the repository root: `{ name, value, unit, goal,
 * pass, detail }` per figure): failed requests per fault phase, by route and status, and the time
 * to recover; scheduled runs (fleet snapshot, each plugin's matrix refresh) per period across both
 * instances, counted from PostgreSQL's statement log (the scheduler's release of each run) and the
 * snapshot table; the ETag both instances serve after the matrix change; each instance's resident
 * memory at start and end. Exits non-zero when a goal fails. Everything started is stopped on exit
 * and on Ctrl-C; the scratch directory keeps the logs (backends, nginx, PostgreSQL) for reading.
 */
import { createHash } from 'crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { builtinEdition } from '@meshcoverage/plugin-mesh-coverage-common';
import { ROOT, TOKEN } from './backend';
import {
  BackendInstance,
  backendInstance,
  freePort,
  PostgresCluster,
  readPostgresLog,
  sleep,
  startNginx,
  startPostgres,
  stopEverything,
} from './faultsInfra';
import {
  describeFailures,
  MESH_COVERAGE_ROUTES,
  RequestRecord,
  startLoad,
  succeeded,
} from './faultsLoad';
import { BenchResult, report } from './results';

const args = process.argv.slice(2);
const SHORT = args.includes('--short');
const SIMULTANEOUS_START = args.includes('--simultaneous-start');
/** The instances' NODE_ENV: development (as the other benches run the example backend) or production. */
const NODE_ENV = args.includes('--production') ? 'production' : 'development';
const workersAt = args.indexOf('--workers');
const WORKERS = workersAt >= 0 ? Number(args[workersAt + 1]) : 6;

/** When each fault happens, in seconds after the load starts. */
interface Schedule {
  killInstanceA: number;
  restartInstanceA: number;
  restartDatabase: number;
  databaseDownSeconds: number;
  terminateInstanceB: number;
  editMatrix: number;
  end: number;
  /** The fleet snapshot's and the matrix refresh's period. */
  periodSeconds: number;
}

const FULL_SCHEDULE: Schedule = {
  killInstanceA: 20,
  restartInstanceA: 40,
  restartDatabase: 60,
  databaseDownSeconds: 3,
  terminateInstanceB: 90,
  editMatrix: 100,
  end: 120,
  periodSeconds: 30,
};
const SHORT_SCHEDULE: Schedule = {
  killInstanceA: 5,
  restartInstanceA: 10,
  restartDatabase: 15,
  databaseDownSeconds: 3,
  terminateInstanceB: 22.5,
  editMatrix: 25,
  end: 30,
  periodSeconds: 10,
};
const SCHEDULE = SHORT ? SHORT_SCHEDULE : FULL_SCHEDULE;

/** Each instance polls the store for a matrix another instance refreshed this often (the plugin's SYNC_FREQUENCY). */
const MATRIX_SYNC_SECONDS = 15;
/** The database phase's goal: fully successful again this soon after PostgreSQL is up. */
const DATABASE_RECOVERY_GOAL_SECONDS = 10;
const READY_TIMEOUT_MS = 180_000;
/** The plugin databases that refresh the matrix (`pluginDivisionMode: database`). */
const MATRIX_REFRESH_DATABASES = ['mesh-coverage', 'catalog', 'tech-insights'];
const FLEET_SNAPSHOT_TASK = 'mesh-coverage-fleet-snapshot';
const MATRIX_REFRESH_TASK = 'mesh-coverage-matrix-refresh';

/** The bench's clock: ms since the load started (negative before). */
let loadStartEpochMs = Date.now();
const clock = () => Date.now() - loadStartEpochMs;
const seconds = (ms: number) => Number((ms / 1000).toFixed(1));
const log = (text: string) =>
  console.log(`[${(clock() / 1000).toFixed(1).padStart(6)} s] ${text}`);

/** What happened when, on the bench's clock (ms). */
const events: Record<string, number> = {};
function mark(event: string, text: string) {
  events[event] = clock();
  log(text);
}

/** Waits until `secondsAfterStart` on the bench's clock. */
async function until(secondsAfterStart: number) {
  const wait = secondsAfterStart * 1000 - clock();
  if (wait > 0) {
    await sleep(wait);
  }
}

const authorized = { Authorization: `Bearer ${TOKEN}` };

/** The example catalog has been ingested once `/coverage` knows orders-service. */
async function waitForCatalog(instance: BackendInstance) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const res = await fetch(`${instance.url}${MESH_COVERAGE_ROUTES[1].path}`, {
      headers: authorized,
    }).catch(() => undefined);
    if (res?.ok) {
      return;
    }
    await sleep(500);
  }
  throw new Error(`${instance.name}: the catalog never served orders-service`);
}

/** Every route answers 2xx through the load balancer, or the bench stops before measuring. */
async function preflight(baseUrl: string) {
  for (const route of MESH_COVERAGE_ROUTES) {
    const res = await fetch(`${baseUrl}${route.path}`, {
      method: route.method,
      headers: {
        ...authorized,
        ...(route.body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: route.body,
    });
    if (!res.ok) {
      throw new Error(
        `preflight: ${route.name} answered ${res.status}: ${(
          await res.text()
        ).slice(0, 300)}`,
      );
    }
  }
}

/** The matrix an instance serves: ETag, meta.version, title and a hash of the body. */
async function servedMatrix(instance: BackendInstance) {
  const res = await fetch(`${instance.url}/api/mesh-coverage/matrix`, {
    headers: { ...authorized, 'Accept-Encoding': 'identity' },
    signal: AbortSignal.timeout(5000),
  });
  const body = await res.text();
  if (!res.ok) {
    throw new Error(`${res.status}`);
  }
  const parsed = JSON.parse(body);
  return {
    etag: res.headers.get('etag') ?? '',
    version: String(parsed.meta?.version),
    loadedAt: String(parsed.meta?.loadedAt),
    title: String(parsed.title?.en),
    bodyHash: createHash('sha256').update(body).digest('hex').slice(0, 16),
  };
}

/**
 * The first second (1-s buckets from `fromMs`, by request start) in which every request succeeded:
 * its start, in ms after `fromMs`; undefined if none within `withinMs`.
 */
function firstFullySuccessfulSecond(
  records: RequestRecord[],
  fromMs: number,
  withinMs: number,
): number | undefined {
  const buckets = new Map<number, { total: number; failed: number }>();
  for (const r of records) {
    if (r.start >= fromMs && r.start < fromMs + withinMs) {
      const bucket = Math.floor((r.start - fromMs) / 1000);
      const counts = buckets.get(bucket) ?? { total: 0, failed: 0 };
      counts.total += 1;
      counts.failed += succeeded(r) ? 0 : 1;
      buckets.set(bucket, counts);
    }
  }
  for (let bucket = 0; bucket * 1000 < withinMs; bucket += 1) {
    const counts = buckets.get(bucket);
    if (counts && counts.total > 0 && counts.failed === 0) {
      return bucket * 1000;
    }
  }
  return undefined;
}

/** Waits (while the load runs) until a second after `fromMs` was fully successful. */
async function waitForFullySuccessfulSecond(
  records: RequestRecord[],
  fromMs: number,
  timeoutMs: number,
) {
  while (clock() < fromMs + timeoutMs) {
    // A bucket counts once the requests started in it have had time to end.
    const settled = records.filter(r => r.end < clock() - 2000);
    const found = firstFullySuccessfulSecond(
      settled,
      fromMs,
      Math.max(0, clock() - 3000 - fromMs),
    );
    if (found !== undefined) {
      return fromMs + found;
    }
    await sleep(500);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// nginx's access log: which instance served what, and the retries

interface ProxiedRequest {
  /** When nginx logged it (the end of the request), on the bench's clock. */
  at: number;
  request: string;
  status: number;
  upstreams: string[];
  upstreamStatuses: string[];
}

function readAccessLog(path: string): ProxiedRequest[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap(line => {
      const match = line.match(
        /^(\d+\.\d+) "([^"]*)" (\d+) \S+ upstream=(.*) upstream_status=(.*) upstream_time=/,
      );
      if (!match) {
        return [];
      }
      return [
        {
          at: Number(match[1]) * 1000 - loadStartEpochMs,
          request: match[2],
          status: Number(match[3]),
          upstreams: match[4].split(/, | : /),
          upstreamStatuses: match[5].split(/, | : /),
        },
      ];
    });
}

/** The first request after `fromMs` that `port` answered with 2xx, through nginx. */
function firstServedBy(
  proxied: ProxiedRequest[],
  port: number,
  fromMs: number,
) {
  return proxied.find(
    p =>
      p.at >= fromMs &&
      p.upstreams[p.upstreams.length - 1] === `127.0.0.1:${port}` &&
      p.status < 300,
  )?.at;
}

function describeRetries(proxied: ProxiedRequest[]) {
  const retried = proxied.filter(p => p.upstreams.length > 1);
  if (!retried.length) {
    return 'nginx retried none';
  }
  const how = new Map<string, number>();
  for (const p of retried) {
    const key = p.upstreamStatuses.join('→');
    how.set(key, (how.get(key) ?? 0) + 1);
  }
  return `nginx retried ${
    retried.length
  } on the other instance (upstream statuses ${[...how.entries()]
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ')})`;
}

// ---------------------------------------------------------------------------------------------
// Scheduled runs, from PostgreSQL's statement log

interface TaskRun {
  database: string;
  task: string;
  /** When the run was released (ended), on the bench's clock. */
  at: number;
  /** The instance that ran it (the connection's application_name). */
  instance: string;
  failed: boolean;
}

/**
 * Every completed run of a scheduled task: the scheduler ends each run it claimed with one
 * `update backstage_backend_tasks__tasks set next_run_start_at = …, current_run_ticket = null …
 * where id = ? and current_run_ticket = ?` (a release with the run's own ticket), so each such
 * statement is one run, on whichever instance.
 */
function readTaskRuns(logDir: string): TaskRun[] {
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
      at:
        Date.parse(`${line.timestamp.replace(' UTC', 'Z').replace(' ', 'T')}`) -
        loadStartEpochMs,
      instance: (line.application_name ?? '?').replace(
        /^mesh-coverage-faults-/,
        '',
      ),
      failed: /"last_run_error_json" = \$/.test(line.message),
    });
  }
  return runs;
}

/**
 * Runs of one task against its period, until `endMs`. The scheduler plans each run one period after
 * the previous plan (or now, if that has passed) and each instance polls for due work every 5 s,
 * so runs wander by a few seconds, and a run delayed by a fault is followed by the next one on
 * time: gaps alone do not show a duplicate. A duplicate is a run more than the window holds (one
 * per period from the first run, with the poll's 5 s of slack), or two runs within a second (the
 * signature of a task run once per instance). A missed period is a gap of more than two periods.
 */
function checkOncePerPeriod(times: number[], periodMs: number, endMs: number) {
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

function countBy<T>(items: T[], key: (item: T) => string) {
  const counts = new Map<string, number>();
  for (const item of items) {
    counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  }
  return [...counts.entries()].map(([k, n]) => `${k} ${n}`).join(', ');
}

/** A log message without what varies (ids, numbers, the fields after it), to count alike ones. */
const messageKind = (message: string) =>
  message
    .replace(/ (type|errno|length|logId|response|stack|code)=.*$/, '')
    .replace(/logId=\S+/g, 'logId=…')
    .replace(/\d+(\.\d+)*/g, 'N')
    .slice(0, 120);

/** Counts of alike lines, most frequent first: `12× catalog error: …`. */
function tally(lines: string[], top = 10) {
  const counts = new Map<string, number>();
  for (const line of lines) {
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([line, count]) => `  ${String(count).padStart(5)}× ${line}`);
}

/** Warning and error lines of a backend log (development's text or production's JSON), by kind. */
function summarizeBackendLog(path: string) {
  return tally(
    readFileSync(path, 'utf8')
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .flatMap(line => {
        if (line.startsWith('{')) {
          let entry: {
            level?: string;
            plugin?: string;
            service?: string;
            message?: unknown;
          };
          try {
            entry = JSON.parse(line);
          } catch {
            return [];
          }
          return ['warn', 'error'].includes(entry.level ?? '')
            ? [
                `${entry.plugin ?? entry.service} ${entry.level}: ${messageKind(
                  String(entry.message),
                )}`,
              ]
            : [];
        }
        const match = line.match(/^\S+ (\S+) (warn|error) (.*)$/);
        return match
          ? [`${match[1]} ${match[2]}: ${messageKind(match[3])}`]
          : [];
      }),
  );
}

/** nginx's error log by kind: refused connections, upstreams that closed early. */
function summarizeNginxErrors(path: string) {
  return tally(
    readFileSync(path, 'utf8')
      .split('\n')
      .flatMap(line => {
        const match = line.match(
          /\[(\w+)\] \d+#\d+: (?:\*\d+ )?([^,]*), .*upstream: "([^"]*)"/,
        );
        return match
          ? [
              `${match[1]}: ${messageKind(match[2])} (${match[3].replace(
                /\/api.*$/,
                '',
              )})`,
            ]
          : [];
      }),
  );
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const results: BenchResult[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'mesh-coverage-faults-'));
  log(
    `scratch directory (logs are kept): ${scratch}; ${
      SHORT ? 'short' : 'full'
    } schedule, instances in NODE_ENV=${NODE_ENV}`,
  );
  const postgresPort = await freePort(55432);
  const portA = await freePort(7117);
  const portB = await freePort(7118, [portA]);
  const balancerPort = await freePort(7119, [portA, portB]);
  const period = SCHEDULE.periodSeconds;

  // The matrix file both instances read and refresh: the built-in `current` edition as
  // `GET /matrix` serves it without `meta`.
  const matrixFile = resolve(scratch, 'matrix.json');
  const matrix = builtinEdition('current').matrix;
  writeFileSync(matrixFile, JSON.stringify(matrix, null, 2));

  const postgres: PostgresCluster = await startPostgres(scratch, postgresPort);
  log(`PostgreSQL ${postgres.binDir} on 127.0.0.1:${postgresPort}`);

  // Config objects from the environment merge with app-config.yaml's: `minutes: 0` keeps its
  // `{ minutes: 1 }` from adding up with ours.
  const duration = { minutes: 0, seconds: period };
  const instanceEnv = (name: string) => ({
    NODE_ENV,
    APP_CONFIG_backend_database: JSON.stringify({
      client: 'pg',
      connection: {
        host: '127.0.0.1',
        port: postgresPort,
        user: 'postgres',
        application_name: `mesh-coverage-faults-${name}`,
      },
      pluginDivisionMode: 'database',
    }),
    // No demo cluster: both instances would try to bind its port (7008).
    APP_CONFIG_kubernetes_clusterLocatorMethods: '[]',
    APP_CONFIG_meshCoverage_fleet_snapshot_frequency: JSON.stringify(duration),
    APP_CONFIG_meshCoverage_matrix: JSON.stringify({
      path: matrixFile,
      refresh: duration,
    }),
    // Keep the fact retriever's hourly work out of the run.
    APP_CONFIG_techInsights_factRetrievers_meshCoverageFactRetriever_cadence:
      JSON.stringify('0 0 1 1 *'),
  });
  const instanceA = backendInstance({
    name: 'A',
    port: portA,
    logFile: resolve(scratch, 'backend-A.log'),
    env: instanceEnv('A'),
    clock,
  });
  const instanceB = backendInstance({
    name: 'B',
    port: portB,
    logFile: resolve(scratch, 'backend-B.log'),
    env: instanceEnv('B'),
    clock,
  });

  if (SIMULTANEOUS_START) {
    log('starting A and B at the same moment on the empty database');
    instanceA.start();
    instanceB.start();
    const started = await Promise.allSettled([
      instanceA.waitReady(READY_TIMEOUT_MS),
      instanceB.waitReady(READY_TIMEOUT_MS),
    ]);
    const failures = started.flatMap((outcome, i) => {
      if (outcome.status === 'fulfilled') {
        return [];
      }
      const instance = [instanceA, instanceB][i];
      // What Backstage names as the cause: `Plugin 'catalog' startup failed; caused by …`.
      const causes = [
        ...readFileSync(instance.logFile, 'utf8')
          // eslint-disable-next-line no-control-regex
          .replace(/\u001b\[[0-9;]*m/g, '')
          .matchAll(
            /Plugin '([^']+)' startup failed; caused by ([^\n]{0,400})/g,
          ),
      ].map(m => `${m[1]}: ${m[2].split(/ type=|\\n/)[0]}`);
      return [
        `${instance.name} failed (${
          [...new Set(causes)].join(' | ') || (outcome.reason as Error).message
        }); process ${
          instance.running ? 'still running, not ready' : 'exited'
        }`,
      ];
    });
    results.push({
      name: 'instance simultaneous start on an empty database: failed',
      value: failures.length,
      unit: 'instances',
      goal: '0',
      pass: failures.length === 0,
      detail: failures.join('; ') || 'both started',
    });
    log(`simultaneous start: ${failures.join('; ') || 'both started'}`);
    // Start the ones that failed again, one at a time, and carry on.
    for (const [i, instance] of [instanceA, instanceB].entries()) {
      if (started[i].status === 'rejected') {
        log(
          `${instance.name} ${
            instance.running ? 'still running after its failed start' : 'exited'
          }: stopping it and starting it again`,
        );
        instance.signal('SIGKILL');
        await instance.exited();
        instance.start();
        await instance.waitReady(READY_TIMEOUT_MS);
      }
    }
    await waitForCatalog(instanceA);
  } else {
    // One after the other: two instances migrating an empty database at once has failed before.
    instanceA.start();
    await instanceA.waitReady(READY_TIMEOUT_MS);
    await waitForCatalog(instanceA);
    instanceB.start();
    await instanceB.waitReady(READY_TIMEOUT_MS);
  }
  await waitForCatalog(instanceB);
  log('A and B ready, catalog ingested');

  const balancer = await startNginx(scratch, balancerPort, [portA, portB]);
  log(`nginx on ${balancer.url}`);
  await preflight(balancer.url);
  const memoryAtStart = { A: instanceA.rssMiB(), B: instanceB.rssMiB() };

  // ---- the run ----
  loadStartEpochMs = Date.now();
  const load = startLoad({
    baseUrl: balancer.url,
    token: TOKEN,
    workers: WORKERS,
    clock,
  });
  log(
    `load: ${WORKERS} workers through nginx over ${MESH_COVERAGE_ROUTES.length} routes`,
  );
  // Each instance's resident memory every 5 s (absent while it is down): growth under load, per process.
  const memorySamples: Record<'A' | 'B', string[]> = { A: [], B: [] };
  const memorySampler = setInterval(() => {
    for (const instance of [instanceA, instanceB]) {
      const rss = instance.rssMiB();
      memorySamples[instance.name as 'A' | 'B'].push(
        rss === undefined ? '–' : rss.toFixed(0),
      );
    }
  }, 5000);

  const faults = (async () => {
    await until(SCHEDULE.killInstanceA);
    mark('instanceKilled', 'SIGKILL instance A');
    instanceA.signal('SIGKILL');
    await instanceA.exited();
    await until(SCHEDULE.restartInstanceA);
    mark('instanceRestarted', 'starting instance A again');
    instanceA.start();
    await instanceA.waitReady(READY_TIMEOUT_MS);
    mark('instanceReady', 'instance A ready');

    await until(
      Math.max(SCHEDULE.restartDatabase, events.instanceReady / 1000 + 2),
    );
    mark('databaseStopping', 'stopping PostgreSQL (pg_ctl stop -m fast)');
    await postgres.stop();
    mark('databaseDown', 'PostgreSQL down');
    await sleep(SCHEDULE.databaseDownSeconds * 1000);
    mark('databaseStarting', 'starting PostgreSQL');
    await postgres.start();
    mark('databaseUp', 'PostgreSQL up');
    const recovered = await waitForFullySuccessfulSecond(
      load.records,
      events.databaseUp,
      60_000,
    );
    log(
      recovered === undefined
        ? 'no fully successful second within 60 s of PostgreSQL being up'
        : `fully successful again ${seconds(
            recovered - events.databaseUp,
          )} s after PostgreSQL is up`,
    );

    await until(
      Math.max(
        SCHEDULE.terminateInstanceB,
        ((recovered ?? clock()) + 1000) / 1000,
      ),
    );
    mark('deployTerminated', 'SIGTERM instance B (rolling deploy)');
    instanceB.signal('SIGTERM');
    const exit = await instanceB.exited();
    mark(
      'deployExited',
      `instance B exited (code ${exit.code}, signal ${exit.signal}); starting it again`,
    );
    instanceB.start();
    await instanceB.waitReady(READY_TIMEOUT_MS);
    mark('deployReady', 'instance B ready');
  })();

  const matrixChange = (async () => {
    // After the rolling deploy, as scheduled, even when the faults before it ran late.
    while (events.deployTerminated === undefined) {
      await sleep(200);
    }
    await until(
      Math.max(
        SCHEDULE.editMatrix,
        events.deployTerminated / 1000 +
          (SCHEDULE.editMatrix - SCHEDULE.terminateInstanceB),
      ),
    );
    const editedTitle = `${
      matrix.title?.en ?? 'Mesh matrix'
    } (edited by bench:faults)`;
    writeFileSync(
      matrixFile,
      JSON.stringify(
        { ...matrix, title: { ja: '', ...matrix.title, en: editedTitle } },
        null,
        2,
      ),
    );
    mark('matrixEdited', 'matrix file edited');
    // One refresh period, then up to one sync period for the other instance, and some slack.
    const deadline =
      events.matrixEdited + (period + MATRIX_SYNC_SECONDS + 15) * 1000;
    let last: string = 'not polled';
    while (clock() < deadline) {
      const served = await Promise.all(
        [instanceA, instanceB].map(i => servedMatrix(i).catch(e => e as Error)),
      );
      last = served
        .map((s, i) =>
          s instanceof Error
            ? `${i ? 'B' : 'A'}: ${s.message}`
            : `${i ? 'B' : 'A'}: ETag ${s.etag}, version ${s.version.slice(
                0,
                12,
              )}, loadedAt ${s.loadedAt}, body ${s.bodyHash}, ${
                s.title === editedTitle ? 'new' : 'old'
              } title`,
        )
        .join('; ');
      const [a, b] = served;
      if (
        !(a instanceof Error) &&
        !(b instanceof Error) &&
        a.title === editedTitle &&
        b.title === editedTitle &&
        a.etag === b.etag &&
        a.bodyHash === b.bodyHash
      ) {
        mark(
          'matrixConverged',
          `both instances serve the edited matrix: ${last}`,
        );
        return { converged: true, last };
      }
      await sleep(1000);
    }
    log(`matrix not converged: ${last}`);
    return { converged: false, last };
  })();

  let faultError: unknown;
  await faults.catch(error => {
    faultError = error;
  });
  const matrixOutcome = await matrixChange;
  await until(
    Math.max(SCHEDULE.end, ((events.deployReady ?? clock()) + 8000) / 1000),
  );
  await load.stop();
  const loadEnd = clock();
  log(`load stopped: ${load.records.length} requests`);
  const memoryAtEnd = { A: instanceA.rssMiB(), B: instanceB.rssMiB() };
  clearInterval(memorySampler);

  // ---- collect ----
  const snapshotRows = await postgres
    .query(
      'backstage_plugin_mesh-coverage',
      'select taken_at from mesh_coverage_fleet_snapshots order by id',
    )
    .then(rows =>
      rows.map(([takenAt]) => Date.parse(takenAt) - loadStartEpochMs),
    )
    .catch(() => [] as number[]);
  await balancer.stop();
  for (const instance of [instanceA, instanceB]) {
    instance.signal('SIGTERM');
    await Promise.race([instance.exited(), sleep(15_000)]);
  }
  await postgres.stop().catch(() => undefined);
  stopEverything();
  if (faultError) {
    throw faultError;
  }

  // ---- analyse ----
  const records = load.records;
  const proxied = readAccessLog(balancer.accessLog);
  const phaseOf = (
    name: string,
    from: number,
    to: number,
  ): { name: string; from: number; to: number; records: RequestRecord[] } => ({
    name,
    from,
    to,
    // By when a request ended: one in flight when the next fault begins and failed by it is that
    // fault's (a request started an instant before PostgreSQL stopped failed with it).
    records: records.filter(r => r.end >= from && r.end < to),
  });
  const baseline = phaseOf('baseline', 0, events.instanceKilled);
  const instancePhase = phaseOf(
    'instance',
    events.instanceKilled,
    events.databaseStopping,
  );
  const databasePhase = phaseOf(
    'database',
    events.databaseStopping,
    events.deployTerminated,
  );
  const deployPhase = phaseOf('deploy', events.deployTerminated, Infinity);
  const proxiedIn = (phase: { from: number; to: number }) =>
    proxied.filter(p => p.at >= phase.from && p.at < phase.to);
  const failuresIn = (phase: { records: RequestRecord[] }) =>
    phase.records.filter(r => !succeeded(r));
  const phaseDetail = (phase: {
    from: number;
    to: number;
    records: RequestRecord[];
  }) => {
    const failed = failuresIn(phase);
    return [
      `${seconds(phase.from)}–${
        phase.to === Infinity ? seconds(loadEnd) : seconds(phase.to)
      } s, ${phase.records.length} requests`,
      failed.length ? `failed: ${describeFailures(failed)}` : 'none failed',
      describeRetries(proxiedIn(phase)),
    ].join('; ');
  };
  /** From the fault until the last failed request of its phase ended; 0 when none failed. */
  const timeToRecover = (phase: { from: number; records: RequestRecord[] }) => {
    const failed = failuresIn(phase);
    return failed.length ? Math.max(...failed.map(r => r.end)) - phase.from : 0;
  };

  /**
   * An instance taken down and started again: no failed request, recovered within 10 s (0 without
   * failures), and serving through nginx again within 60 s of its new process starting.
   */
  const restartResults = (
    label: string,
    phase: ReturnType<typeof phaseOf>,
    instance: { name: string; port: number; startedAt: number },
    failedDetail: string,
    servesDetail: string,
  ): BenchResult[] => {
    const failures = failuresIn(phase).length;
    const servesAgain = firstServedBy(
      proxied,
      instance.port,
      instance.startedAt,
    );
    const untilServes =
      servesAgain === undefined ? undefined : servesAgain - instance.startedAt;
    return [
      {
        name: `${label}: failed requests`,
        value: failures,
        unit: 'requests',
        goal: '0',
        pass: failures === 0,
        detail: `${failedDetail}; ${phaseDetail(phase)}`,
      },
      {
        name: `${label}: time to recover`,
        value: seconds(timeToRecover(phase)),
        unit: 's',
        goal: '<= 10 (0 without failures)',
        pass: timeToRecover(phase) <= 10_000,
        detail:
          'from the fault until the last failed request of the phase ended',
      },
      {
        name: `${label}: until ${instance.name} serves via nginx`,
        value: untilServes === undefined ? NaN : seconds(untilServes),
        unit: 's',
        goal: '<= 60',
        pass: untilServes !== undefined && untilServes <= 60_000,
        detail: `from the new process's start to its first 2xx through nginx (${servesDetail})`,
      },
    ];
  };

  results.push({
    name: 'baseline (no fault): failed requests',
    value: failuresIn(baseline).length,
    unit: 'requests',
    goal: '0',
    pass: failuresIn(baseline).length === 0,
    detail: phaseDetail(baseline),
  });

  // Instance kill + restart.
  results.push(
    ...restartResults(
      'instance kill+restart',
      instancePhase,
      { name: 'A', port: portA, startedAt: events.instanceRestarted },
      `SIGKILL A at ${seconds(
        events.instanceKilled,
      )} s, started again at ${seconds(
        events.instanceRestarted,
      )} s, ready at ${seconds(events.instanceReady)} s`,
      `ready after ${seconds(
        events.instanceReady - events.instanceRestarted,
      )} s`,
    ),
  );

  // Database restart: failures only while it is down, then fully successful within 10 s.
  const downFrom = events.databaseStopping;
  const upAt = events.databaseUp;
  const recoveryAfterUp = firstFullySuccessfulSecond(records, upAt, 60_000);
  const recoveredAt =
    recoveryAfterUp === undefined ? Infinity : upAt + recoveryAfterUp;
  const databaseFailures = failuresIn(databasePhase);
  const whileDown = databaseFailures.filter(
    r => r.end >= downFrom && r.start <= upAt,
  );
  const whileRecovering = databaseFailures.filter(
    r => r.start > upAt && r.start < recoveredAt,
  );
  const afterRecovery = databaseFailures.filter(r => r.start >= recoveredAt);
  results.push({
    name: 'database restart: failed requests',
    value: databaseFailures.length,
    unit: 'requests',
    goal: 'only while down',
    pass:
      afterRecovery.length === 0 &&
      recoveredAt - upAt <= DATABASE_RECOVERY_GOAL_SECONDS * 1000,
    detail: [
      `stop at ${seconds(downFrom)} s, down at ${seconds(
        events.databaseDown,
      )} s, up at ${seconds(upAt)} s`,
      `while down: ${whileDown.length}${
        whileDown.length ? ` (${describeFailures(whileDown)})` : ''
      }`,
      `after up, until the first fully successful second: ${
        whileRecovering.length
      }${
        whileRecovering.length ? ` (${describeFailures(whileRecovering)})` : ''
      }`,
      `after that: ${afterRecovery.length}${
        afterRecovery.length ? ` (${describeFailures(afterRecovery)})` : ''
      }`,
      phaseDetail(databasePhase),
    ].join('; '),
  });
  results.push({
    name: 'database restart: recovery after PostgreSQL is up',
    value: recoveryAfterUp === undefined ? NaN : seconds(recoveryAfterUp),
    unit: 's',
    goal: `<= ${DATABASE_RECOVERY_GOAL_SECONDS}`,
    pass:
      recoveryAfterUp !== undefined &&
      recoveryAfterUp <= DATABASE_RECOVERY_GOAL_SECONDS * 1000,
    detail:
      'the first second (by request start) in which every request succeeded',
  });
  results.push({
    name: 'database restart: time to recover',
    value: seconds(timeToRecover(databasePhase)),
    unit: 's',
    goal: `<= ${
      SCHEDULE.databaseDownSeconds + DATABASE_RECOVERY_GOAL_SECONDS + 5
    }`,
    pass:
      timeToRecover(databasePhase) <=
      (SCHEDULE.databaseDownSeconds + DATABASE_RECOVERY_GOAL_SECONDS + 5) *
        1000,
    detail: `from pg_ctl stop until the last failed request of the phase ended (PostgreSQL down ${seconds(
      upAt - downFrom,
    )} s)`,
  });

  // Rolling deploy.
  results.push(
    ...restartResults(
      'deploy (SIGTERM B, restart)',
      deployPhase,
      { name: 'B', port: portB, startedAt: events.deployExited },
      `SIGTERM B at ${seconds(events.deployTerminated)} s, exited at ${seconds(
        events.deployExited,
      )} s, ready again at ${seconds(events.deployReady)} s`,
      `exit took ${seconds(
        events.deployExited - events.deployTerminated,
      )} s, ready after ${seconds(events.deployReady - events.deployExited)} s`,
    ),
  );

  // Scheduled runs.
  const runs = readTaskRuns(postgres.logDir).filter(r => r.at <= loadEnd);
  const periodMs = period * 1000;
  const scheduled: { label: string; runs: TaskRun[]; extra?: string }[] = [
    {
      label: 'fleet snapshot',
      runs: runs.filter(
        r => r.task === FLEET_SNAPSHOT_TASK && r.database === 'mesh-coverage',
      ),
      extra: `${
        snapshotRows.filter(t => t <= loadEnd).length
      } rows in mesh_coverage_fleet_snapshots`,
    },
    ...MATRIX_REFRESH_DATABASES.map(database => ({
      label: `matrix refresh (${database})`,
      runs: runs.filter(
        r => r.task === MATRIX_REFRESH_TASK && r.database === database,
      ),
    })),
  ];
  let missedPeriods = 0;
  const missedDetail: string[] = [];
  for (const { label, runs: taskRuns, extra } of scheduled) {
    const check = checkOncePerPeriod(
      taskRuns.map(r => r.at),
      periodMs,
      loadEnd,
    );
    missedPeriods += check.missed;
    missedDetail.push(`${label} ${check.missed}`);
    results.push({
      name: `scheduled ${label}: duplicate runs`,
      value: check.duplicates,
      unit: 'runs',
      goal: '0',
      pass: check.duplicates === 0 && check.runs > 0,
      detail: [
        `${check.runs} runs from ${seconds(
          Math.min(...taskRuns.map(r => r.at)),
        )} to ${seconds(loadEnd)} s, period ${period} s (at most ${
          check.allowed
        }), ${check.simultaneous} within a second of another`,
        `by instance: ${countBy(taskRuns, r => r.instance)}`,
        `failed runs ${taskRuns.filter(r => r.failed).length}`,
        `gaps ${check.minGap === undefined ? '–' : seconds(check.minGap)}–${
          check.maxGap === undefined ? '–' : seconds(check.maxGap)
        } s`,
        ...(extra ? [extra] : []),
      ].join('; '),
    });
  }
  results.push({
    name: 'scheduled runs: missed periods',
    value: missedPeriods,
    unit: 'periods',
    goal: '0',
    pass: missedPeriods === 0,
    detail: `gaps over two periods, in periods: ${missedDetail.join(', ')}`,
  });

  // The matrix change.
  results.push({
    name: 'matrix change: same ETag and content on A and B',
    value: matrixOutcome.converged
      ? seconds(events.matrixConverged - events.matrixEdited)
      : NaN,
    unit: 's',
    goal: `<= ${period + MATRIX_SYNC_SECONDS + 5}`,
    pass:
      matrixOutcome.converged &&
      events.matrixConverged - events.matrixEdited <=
        (period + MATRIX_SYNC_SECONDS + 5) * 1000,
    detail: `from the file edit until both instances, asked directly, serve the new title with one ETag and one body (refresh every ${period} s, sync every ${MATRIX_SYNC_SECONDS} s): ${matrixOutcome.last}`,
  });

  // Memory.
  for (const name of ['A', 'B'] as const) {
    const start = memoryAtStart[name] ?? NaN;
    const end = memoryAtEnd[name] ?? NaN;
    results.push({
      name: `instance ${name} memory at start`,
      value: start,
      unit: 'MiB',
      goal: 'report',
      pass: true,
      detail: 'VmRSS of the process listening on its port, before the load',
    });
    results.push({
      name: `instance ${name} memory at end`,
      value: end,
      unit: 'MiB',
      goal: '<= 2x start',
      pass: end <= 2 * start,
      // A sanity bound, not a leak test (bench:soak is): under this load V8 lets the heap grow to
      // about 1.5x the idle figure before it collects, so the end figure depends on the moment.
      detail: `VmRSS at the end of the load, of the process started again ${
        name === 'A' ? 'at the instance fault' : 'at the rolling deploy'
      }; every 5 s through the run (– while down): ${memorySamples[name].join(
        ' ',
      )} MiB`,
    });
  }

  const total = records.length;
  results.push({
    name: 'load: requests through nginx',
    value: total,
    unit: 'requests',
    goal: 'report',
    pass: true,
    detail: `${(total / (loadEnd / 1000)).toFixed(0)}/s over ${seconds(
      loadEnd,
    )} s, ${WORKERS} workers; ${countBy(records, r => r.route)}`,
  });

  report(results, resolve(ROOT, 'bench-faults.json'));
  // report() keeps the figures only; bench-faults.json keeps each figure's detail too.
  writeFileSync(
    resolve(ROOT, 'bench-faults.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  console.log();
  for (const instance of [instanceA, instanceB]) {
    console.log(`backend ${instance.name}, warnings and errors by kind:`);
    console.log(summarizeBackendLog(instance.logFile).join('\n') || '  none');
  }
  console.log('nginx, errors by kind:');
  console.log(summarizeNginxErrors(balancer.errorLog).join('\n') || '  none');
  console.log(
    `logs: ${scratch} (backend-A.log, backend-B.log, nginx/, pglog/)`,
  );
  return results.every(r => r.pass);
}

process.on('exit', stopEverything);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping nginx, the backends and PostgreSQL`);
    stopEverything();
    process.exit(130);
  });
}

main().then(
  pass => process.exit(pass ? 0 : 1),
  error => {
    console.error(error);
    stopEverything();
    process.exit(1);
  },
);
