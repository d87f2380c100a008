/*
 * What the fault bench measures of the load and the instances: the requests of each fault phase,
 * how soon they succeed again, and each instance's resident memory.
 */
import { BackendInstance, sleep } from '../faultsInfra';
import { describeFailures, RequestRecord, succeeded } from '../faultsLoad';
import { describeRetries, ProxiedRequest } from './accessLog';
import { clock, FaultEvents, seconds } from './timeline';

// ---------------------------------------------------------------------------------------------
// Fault phases

/** The requests that ended from one fault (or the start) until the next (or the end). */
export interface Phase {
  name: string;
  from: number;
  to: number;
  records: RequestRecord[];
}

function phaseOf(
  records: RequestRecord[],
  name: string,
  from: number,
  to: number,
): Phase {
  return {
    name,
    from,
    to,
    // By when a request ended: one in flight when the next fault begins and failed by it is that
    // fault's (a request started an instant before PostgreSQL stopped failed with it).
    records: records.filter(r => r.end >= from && r.end < to),
  };
}

/** No fault yet; the instance kill and restart; the database restart; the rolling deploy. */
export function splitIntoPhases(records: RequestRecord[], events: FaultEvents) {
  return {
    baseline: phaseOf(records, 'baseline', 0, events.instanceKilled),
    instance: phaseOf(
      records,
      'instance',
      events.instanceKilled,
      events.databaseStopping,
    ),
    database: phaseOf(
      records,
      'database',
      events.databaseStopping,
      events.deployTerminated,
    ),
    deploy: phaseOf(records, 'deploy', events.deployTerminated, Infinity),
  };
}

export const failuresIn = (phase: { records: RequestRecord[] }) =>
  phase.records.filter(r => !succeeded(r));

/** From the fault until the last failed request of its phase ended; 0 when none failed. */
export function timeToRecover(phase: {
  from: number;
  records: RequestRecord[];
}) {
  const failed = failuresIn(phase);
  return failed.length ? Math.max(...failed.map(r => r.end)) - phase.from : 0;
}

/** `5–24.1 s, 3899 requests; none failed; nginx retried 5 on the other instance (…)` */
export function describePhase(
  phase: Phase,
  proxied: ProxiedRequest[],
  loadEnd: number,
) {
  const failed = failuresIn(phase);
  return [
    `${seconds(phase.from)}–${
      phase.to === Infinity ? seconds(loadEnd) : seconds(phase.to)
    } s, ${phase.records.length} requests`,
    failed.length ? `failed: ${describeFailures(failed)}` : 'none failed',
    describeRetries(proxied.filter(p => p.at >= phase.from && p.at < phase.to)),
  ].join('; ');
}

// ---------------------------------------------------------------------------------------------
// Recovery

/**
 * The first second (1-s buckets from `fromMs`, by request start) in which every request succeeded:
 * its start, in ms after `fromMs`; undefined if none within `withinMs`.
 */
export function firstFullySuccessfulSecond(
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

/**
 * Waits (while the load runs) until a second after `fromMs` was fully successful: when it began,
 * on the bench's clock; undefined after `timeoutMs`.
 */
export async function waitForFullySuccessfulSecond(
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
// Memory

export type InstanceName = 'A' | 'B';

/** Each instance's resident memory now, in MiB (undefined while it is down). */
export function residentMemory(
  instances: BackendInstance[],
): Partial<Record<InstanceName, number>> {
  return Object.fromEntries(
    instances.map(instance => [instance.name, instance.rssMiB()]),
  );
}

/**
 * Each instance's resident memory every 5 s (`–` while it is down), rounded to MiB: growth under
 * load, per process.
 */
export function sampleMemory(instances: BackendInstance[]) {
  const samples: Record<InstanceName, string[]> = { A: [], B: [] };
  const sampler = setInterval(() => {
    for (const instance of instances) {
      const rss = instance.rssMiB();
      samples[instance.name as InstanceName].push(
        rss === undefined ? '–' : rss.toFixed(0),
      );
    }
  }, 5000);
  return { samples, stop: () => clearInterval(sampler) };
}

// ---------------------------------------------------------------------------------------------

/** `A 5, B 4`: how many items have each key, in order of first appearance. */
export function countBy<T>(items: T[], key: (item: T) => string) {
  const counts = new Map<string, number>();
  for (const item of items) {
    counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  }
  return [...counts.entries()].map(([k, n]) => `${k} ${n}`).join(', ');
}
