/*
 * The fault bench's set-up and tear-down: a scratch directory, PostgreSQL, instances A and B of the
 * example backend on it (ready, the catalog ingested), and nginx in front of them, checked route by
 * route before the load starts. The moving parts themselves are in bench/faultsInfra.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import {
  builtinEdition,
  MeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { MATRIX_CONFIG_KEY } from '@meshcoverage/plugin-mesh-coverage-node';
import { MESH_COVERAGE_FACT_RETRIEVER_ID } from '@meshcoverage/plugin-tech-insights-backend-module-mesh-coverage';
import { TOKEN } from '../backend';
import {
  BackendInstance,
  backendInstance,
  freePort,
  LoadBalancer,
  PostgresCluster,
  sleep,
  startNginx,
  startPostgres,
  stopEverything,
} from '../faultsInfra';
import { MESH_COVERAGE_ROUTES } from '../faultsLoad';
import { FaultBenchOptions, READY_TIMEOUT_MS } from './options';
import { FLEET_SNAPSHOT_FREQUENCY_KEY } from './pluginConstants';
import { clock, log } from './timeline';

export const AUTHORIZED = { Authorization: `Bearer ${TOKEN}` };

/** Each instance's PostgreSQL `application_name` starts so; the task runs are told apart by it. */
export const APPLICATION_NAME_PREFIX = 'mesh-coverage-faults-';

/** Everything the bench started, ready for the load. */
export interface FaultBench {
  /** Where the logs stay (backend-A.log, backend-B.log, nginx/, pglog/) and the matrix file is. */
  scratch: string;
  postgres: PostgresCluster;
  instanceA: BackendInstance;
  instanceB: BackendInstance;
  balancer: LoadBalancer;
  /** The matrix file both instances read and refresh, and the matrix it held at the start. */
  matrixFile: string;
  matrix: MeshMatrix;
  /** With `--simultaneous-start`: why instances failed to start at the same moment (none: empty). */
  simultaneousStartFailures?: string[];
}

export async function setUp(options: FaultBenchOptions): Promise<FaultBench> {
  const scratch = mkdtempSync(join(tmpdir(), 'mesh-coverage-faults-'));
  log(
    `scratch directory (logs are kept): ${scratch}; ${
      options.short ? 'short' : 'full'
    } schedule, instances in NODE_ENV=${options.nodeEnv}`,
  );
  const postgresPort = await freePort(55432);
  const portA = await freePort(7117);
  const portB = await freePort(7118, [portA]);
  const balancerPort = await freePort(7119, [portA, portB]);

  // The matrix file both instances read and refresh: the built-in `current` edition as
  // `GET /matrix` serves it without `meta`.
  const matrixFile = resolve(scratch, 'matrix.json');
  const matrix = builtinEdition('current').matrix;
  writeFileSync(matrixFile, JSON.stringify(matrix, null, 2));

  const postgres = await startPostgres(scratch, postgresPort);
  log(`PostgreSQL ${postgres.binDir} on 127.0.0.1:${postgresPort}`);

  const instance = (name: string, port: number) =>
    backendInstance({
      name,
      port,
      logFile: resolve(scratch, `backend-${name}.log`),
      env: instanceEnvironment(name, {
        postgresPort,
        matrixFile,
        periodSeconds: options.schedule.periodSeconds,
        nodeEnv: options.nodeEnv,
      }),
      clock,
    });
  const instanceA = instance('A', portA);
  const instanceB = instance('B', portB);
  let simultaneousStartFailures: string[] | undefined;
  if (options.simultaneousStart) {
    simultaneousStartFailures = await startSimultaneously(instanceA, instanceB);
  } else {
    await startOneAfterTheOther(instanceA, instanceB);
  }
  await waitForCatalog(instanceB);
  log('A and B ready, catalog ingested');

  const balancer = await startNginx(scratch, balancerPort, [portA, portB]);
  log(`nginx on ${balancer.url}`);
  await preflight(balancer.url);
  return {
    scratch,
    postgres,
    instanceA,
    instanceB,
    balancer,
    matrixFile,
    matrix,
    simultaneousStartFailures,
  };
}

/** Stops nginx, then each instance (SIGTERM, up to 15 s), then PostgreSQL, then what is left. */
export async function tearDown(bench: FaultBench) {
  await bench.balancer.stop();
  for (const instance of [bench.instanceA, bench.instanceB]) {
    instance.signal('SIGTERM');
    await Promise.race([instance.exited(), sleep(15_000)]);
  }
  await bench.postgres.stop().catch(() => undefined);
  stopEverything();
}

/** `APP_CONFIG_<key with _ for .>`: how Backstage reads config from the environment. */
const appConfigVariable = (key: string) =>
  `APP_CONFIG_${key.split('.').join('_')}`;

/** An instance's environment: the bench's PostgreSQL, the matrix file, the schedule's period. */
function instanceEnvironment(
  name: string,
  options: {
    postgresPort: number;
    matrixFile: string;
    periodSeconds: number;
    nodeEnv: FaultBenchOptions['nodeEnv'];
  },
): Record<string, string> {
  const { postgresPort, matrixFile, periodSeconds, nodeEnv } = options;
  // Config objects from the environment merge with app-config.yaml's: `minutes: 0` keeps its
  // `{ minutes: 1 }` from adding up with ours.
  const period = { minutes: 0, seconds: periodSeconds };
  return {
    NODE_ENV: nodeEnv,
    [appConfigVariable('backend.database')]: JSON.stringify({
      client: 'pg',
      connection: {
        host: '127.0.0.1',
        port: postgresPort,
        user: 'postgres',
        application_name: `${APPLICATION_NAME_PREFIX}${name}`,
      },
      pluginDivisionMode: 'database',
    }),
    // No demo cluster: both instances would try to bind its port (7008).
    [appConfigVariable('kubernetes.clusterLocatorMethods')]: '[]',
    [appConfigVariable(FLEET_SNAPSHOT_FREQUENCY_KEY)]: JSON.stringify(period),
    [appConfigVariable(MATRIX_CONFIG_KEY)]: JSON.stringify({
      path: matrixFile,
      refresh: period,
    }),
    // Keep the fact retriever's hourly work out of the run.
    [appConfigVariable(
      `techInsights.factRetrievers.${MESH_COVERAGE_FACT_RETRIEVER_ID}.cadence`,
    )]: JSON.stringify('0 0 1 1 *'),
  };
}

/** Two instances migrating an empty database at once has failed before: A first, then B. */
async function startOneAfterTheOther(
  instanceA: BackendInstance,
  instanceB: BackendInstance,
) {
  instanceA.start();
  await instanceA.waitReady(READY_TIMEOUT_MS);
  await waitForCatalog(instanceA);
  instanceB.start();
  await instanceB.waitReady(READY_TIMEOUT_MS);
}

/**
 * Starts A and B at the same moment on the empty database; those that fail are started again, one
 * at a time, so the bench can carry on. Returns why each failed.
 */
async function startSimultaneously(
  instanceA: BackendInstance,
  instanceB: BackendInstance,
): Promise<string[]> {
  log('starting A and B at the same moment on the empty database');
  const instances = [instanceA, instanceB];
  instanceA.start();
  instanceB.start();
  const started = await Promise.allSettled(
    instances.map(instance => instance.waitReady(READY_TIMEOUT_MS)),
  );
  const failures = started.flatMap((outcome, i) =>
    outcome.status === 'rejected'
      ? [describeFailedStart(instances[i], outcome.reason as Error)]
      : [],
  );
  log(`simultaneous start: ${failures.join('; ') || 'both started'}`);
  for (const [i, instance] of instances.entries()) {
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
  return failures;
}

/** What Backstage names as the cause: `Plugin 'catalog' startup failed; caused by …`. */
function describeFailedStart(instance: BackendInstance, reason: Error) {
  const causes = [
    ...readFileSync(instance.logFile, 'utf8')
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, '')
      .matchAll(/Plugin '([^']+)' startup failed; caused by ([^\n]{0,400})/g),
  ].map(m => `${m[1]}: ${m[2].split(/ type=|\\n/)[0]}`);
  return `${instance.name} failed (${
    [...new Set(causes)].join(' | ') || reason.message
  }); process ${instance.running ? 'still running, not ready' : 'exited'}`;
}

/** `GET /coverage` of orders-service: it answers once the example catalog has been ingested. */
const CATALOG_INGESTED_ROUTE = MESH_COVERAGE_ROUTES[1];

async function waitForCatalog(instance: BackendInstance) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const res = await fetch(`${instance.url}${CATALOG_INGESTED_ROUTE.path}`, {
      headers: AUTHORIZED,
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
        ...AUTHORIZED,
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
