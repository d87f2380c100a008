/*
 * The fault bench's command line and its schedule: when each fault happens, in seconds after the
 * load starts.
 */

/** When each fault happens, in seconds after the load starts. */
export interface Schedule {
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

/** `--short` (CI): the full schedule compressed to a quarter, with a 10 s period. */
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

/** How long an instance may take to become ready, and the catalog to be ingested. */
export const READY_TIMEOUT_MS = 180_000;

export interface FaultBenchOptions {
  short: boolean;
  /** Start both instances at once on the empty database, to see whether that works. */
  simultaneousStart: boolean;
  /** The instances' NODE_ENV: development (as the other benches run the example backend) or production. */
  nodeEnv: 'development' | 'production';
  /** How many request loops the load runs through nginx. */
  workers: number;
  schedule: Schedule;
}

/** `[--short] [--simultaneous-start] [--production] [--workers <n>]` */
export function readOptions(args: string[]): FaultBenchOptions {
  const short = args.includes('--short');
  const workersAt = args.indexOf('--workers');
  return {
    short,
    simultaneousStart: args.includes('--simultaneous-start'),
    nodeEnv: args.includes('--production') ? 'production' : 'development',
    workers: workersAt >= 0 ? Number(args[workersAt + 1]) : 6,
    schedule: short ? SHORT_SCHEDULE : FULL_SCHEDULE,
  };
}
