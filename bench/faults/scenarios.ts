/*
 * The fault scenarios, each run under load at its time in the schedule, each after the previous one
 * has recovered (so a slow start moves the schedule on rather than stacking faults). Each marks
 * its moments on the timeline; the goals are judged from them afterwards (goals.ts).
 */
import { createHash } from 'crypto';
import { writeFileSync } from 'fs';
import { MeshMatrix } from '@meshcoverage/plugin-mesh-coverage-common';
import { BackendInstance, PostgresCluster, sleep } from '../faultsInfra';
import { RequestRecord } from '../faultsLoad';
import { waitForFullySuccessfulSecond } from './measure';
import { READY_TIMEOUT_MS, Schedule } from './options';
import { MATRIX_SYNC_SECONDS } from './pluginConstants';
import { AUTHORIZED } from './setup';
import { clock, events, log, mark, seconds, until } from './timeline';

/** SIGKILL instance A, start it again at its time, wait until it is ready. */
export async function killAndRestartInstance(
  instanceA: BackendInstance,
  schedule: Schedule,
) {
  await until(schedule.killInstanceA);
  mark('instanceKilled', 'SIGKILL instance A');
  instanceA.signal('SIGKILL');
  await instanceA.exited();
  await until(schedule.restartInstanceA);
  mark('instanceRestarted', 'starting instance A again');
  instanceA.start();
  await instanceA.waitReady(READY_TIMEOUT_MS);
  mark('instanceReady', 'instance A ready');
}

/**
 * Stops PostgreSQL (`pg_ctl stop -m fast`), keeps it down a few seconds, starts it, and waits until
 * the requests are fully successful again: when that was, or undefined after 60 s.
 */
export async function restartDatabase(
  postgres: PostgresCluster,
  records: RequestRecord[],
  schedule: Schedule,
) {
  await until(
    Math.max(schedule.restartDatabase, events.instanceReady / 1000 + 2),
  );
  mark('databaseStopping', 'stopping PostgreSQL (pg_ctl stop -m fast)');
  await postgres.stop();
  mark('databaseDown', 'PostgreSQL down');
  await sleep(schedule.databaseDownSeconds * 1000);
  mark('databaseStarting', 'starting PostgreSQL');
  await postgres.start();
  mark('databaseUp', 'PostgreSQL up');
  const recovered = await waitForFullySuccessfulSecond(
    records,
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
  return recovered;
}

/**
 * A rolling deploy: SIGTERM instance B (once the database has recovered), start it again once it
 * has exited, wait until it is ready.
 */
export async function rollingDeploy(
  instanceB: BackendInstance,
  schedule: Schedule,
  databaseRecoveredAt: number | undefined,
) {
  await until(
    Math.max(
      schedule.terminateInstanceB,
      ((databaseRecoveredAt ?? clock()) + 1000) / 1000,
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
}

export interface MatrixChangeOutcome {
  /** Both instances served the edited matrix with one ETag and one body. */
  converged: boolean;
  /** What each instance served when last asked. */
  last: string;
}

/**
 * Edits the matrix file's title after the rolling deploy began, then asks both instances directly
 * until they serve the edited matrix with one ETag and one body, or the deadline passes.
 */
export async function changeMatrixFile(options: {
  matrixFile: string;
  matrix: MeshMatrix;
  /** A and B, in that order. */
  instances: BackendInstance[];
  schedule: Schedule;
}): Promise<MatrixChangeOutcome> {
  const { matrixFile, matrix, instances, schedule } = options;
  // After the rolling deploy, as scheduled, even when the faults before it ran late.
  while (events.deployTerminated === undefined) {
    await sleep(200);
  }
  await until(
    Math.max(
      schedule.editMatrix,
      events.deployTerminated / 1000 +
        (schedule.editMatrix - schedule.terminateInstanceB),
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
    events.matrixEdited +
    (schedule.periodSeconds + MATRIX_SYNC_SECONDS + 15) * 1000;
  return waitUntilBothServe(instances, editedTitle, deadline);
}

/** Asks both instances every second until both serve `editedTitle` with one ETag and one body. */
async function waitUntilBothServe(
  instances: BackendInstance[],
  editedTitle: string,
  deadline: number,
): Promise<MatrixChangeOutcome> {
  let last: string = 'not polled';
  while (clock() < deadline) {
    const served = await Promise.all(
      instances.map(i => servedMatrix(i).catch(e => e as Error)),
    );
    last = served
      .map((s, i) => `${i ? 'B' : 'A'}: ${describeServed(s, editedTitle)}`)
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
}

type ServedMatrix = Awaited<ReturnType<typeof servedMatrix>>;

/** `ETag "…", version 50aff104a58e, loadedAt …, body 9892…, new title`, or the error. */
function describeServed(served: ServedMatrix | Error, editedTitle: string) {
  if (served instanceof Error) {
    return served.message;
  }
  return `ETag ${served.etag}, version ${served.version.slice(
    0,
    12,
  )}, loadedAt ${served.loadedAt}, body ${served.bodyHash}, ${
    served.title === editedTitle ? 'new' : 'old'
  } title`;
}

/** The matrix an instance serves: ETag, meta.version, title and a hash of the body. */
async function servedMatrix(instance: BackendInstance) {
  const res = await fetch(`${instance.url}/api/mesh-coverage/matrix`, {
    headers: { ...AUTHORIZED, 'Accept-Encoding': 'identity' },
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
