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
 *
 * The parts, in the order main() runs them: bench/faults/options.ts (command line, schedule),
 * setup.ts (PostgreSQL, the instances, nginx; bench/faultsInfra.ts starts each), the load
 * (bench/faultsLoad.ts), scenarios.ts (one function per fault, and the matrix edit), measure.ts,
 * accessLog.ts and taskRuns.ts (what the run recorded), goals.ts (the figures, their goals and the
 * report), logSummary.ts (the logs by kind). timeline.ts is the clock they share.
 */
import { TOKEN } from './backend';
import { stopEverything } from './faultsInfra';
import { MESH_COVERAGE_ROUTES, RequestRecord, startLoad } from './faultsLoad';
import { readAccessLog } from './faults/accessLog';
import { judge, reportFigures } from './faults/goals';
import { printLogSummaries } from './faults/logSummary';
import { residentMemory, sampleMemory } from './faults/measure';
import { FaultBenchOptions, readOptions, Schedule } from './faults/options';
import {
  changeMatrixFile,
  killAndRestartInstance,
  restartDatabase,
  rollingDeploy,
} from './faults/scenarios';
import { FaultBench, setUp, tearDown } from './faults/setup';
import { fleetSnapshotTimes, readTaskRuns } from './faults/taskRuns';
import { clock, events, log, resetClock, until } from './faults/timeline';

async function main() {
  resetClock();
  const options = readOptions(process.argv.slice(2));
  const bench = await setUp(options);
  const run = await runUnderLoad(bench, options);
  const snapshotTimes = await fleetSnapshotTimes(bench.postgres);
  await tearDown(bench);
  if (run.faultError) {
    throw run.faultError;
  }
  const figures = judge({
    options,
    events,
    records: run.records,
    loadEnd: run.loadEnd,
    proxied: readAccessLog(bench.balancer.accessLog),
    taskRuns: readTaskRuns(bench.postgres.logDir),
    snapshotTimes,
    instancePorts: { A: bench.instanceA.port, B: bench.instanceB.port },
    matrixChange: run.matrixChange,
    memory: run.memory,
    simultaneousStartFailures: bench.simultaneousStartFailures,
  });
  reportFigures(figures);
  printLogSummaries(bench);
  return figures.every(figure => figure.pass);
}

/**
 * The load through nginx, from which the bench's clock counts; the faults one after another, the
 * matrix edit beside them; then the load stopped. A fault that throws is returned, for main() to
 * throw once everything is stopped.
 */
async function runUnderLoad(bench: FaultBench, options: FaultBenchOptions) {
  const { schedule, workers } = options;
  const instances = [bench.instanceA, bench.instanceB];
  const memoryAtStart = residentMemory(instances);
  resetClock();
  const load = startLoad({
    baseUrl: bench.balancer.url,
    token: TOKEN,
    workers,
    clock,
  });
  log(
    `load: ${workers} workers through nginx over ${MESH_COVERAGE_ROUTES.length} routes`,
  );
  const memory = sampleMemory(instances);

  const faults = runFaults(bench, load.records, schedule);
  const matrixChange = changeMatrixFile({
    matrixFile: bench.matrixFile,
    matrix: bench.matrix,
    instances,
    schedule,
  });
  let faultError: unknown;
  await faults.catch(error => {
    faultError = error;
  });
  const matrixChangeOutcome = await matrixChange;
  // Load for 8 s more after B is ready again: nginx may hold it out for up to 5 s after a failed
  // attempt (fail_timeout), and B's first request served through nginx is measured.
  await until(
    Math.max(schedule.end, ((events.deployReady ?? clock()) + 8000) / 1000),
  );
  await load.stop();
  const loadEnd = clock();
  log(`load stopped: ${load.records.length} requests`);
  const memoryAtEnd = residentMemory(instances);
  memory.stop();
  return {
    records: load.records,
    loadEnd,
    matrixChange: matrixChangeOutcome,
    memory: {
      atStart: memoryAtStart,
      atEnd: memoryAtEnd,
      samples: memory.samples,
    },
    faultError,
  };
}

/** The faults in order, each once the previous one has recovered. */
async function runFaults(
  bench: FaultBench,
  records: RequestRecord[],
  schedule: Schedule,
) {
  await killAndRestartInstance(bench.instanceA, schedule);
  const databaseRecoveredAt = await restartDatabase(
    bench.postgres,
    records,
    schedule,
  );
  await rollingDeploy(bench.instanceB, schedule, databaseRecoveredAt);
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
