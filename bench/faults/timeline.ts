/*
 * The fault bench's clock and what happened when on it. Every time the bench reports (log lines,
 * request records, nginx's and PostgreSQL's log entries) is in ms since the load started; before
 * that, the set-up's log lines count from the bench's start.
 */
import { sleep } from '../faultsInfra';

let loadStartEpochMs = Date.now();

/** ms since the load started (before that: since the bench started). */
export const clock = () => Date.now() - loadStartEpochMs;

/** Sets the clock's zero: as the bench starts, then again as the load starts. */
export function resetClock() {
  loadStartEpochMs = Date.now();
}

/** An epoch time (ms) from a log, on the bench's clock. */
export const onBenchClock = (epochMs: number) => epochMs - loadStartEpochMs;

/** ms as seconds with one decimal, as the report shows them. */
export const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

export const log = (text: string) =>
  console.log(`[${(clock() / 1000).toFixed(1).padStart(6)} s] ${text}`);

/** The moments the faults and the goals are timed from. */
export type FaultEvent =
  | 'instanceKilled'
  | 'instanceRestarted'
  | 'instanceReady'
  | 'databaseStopping'
  | 'databaseDown'
  | 'databaseStarting'
  | 'databaseUp'
  | 'deployTerminated'
  | 'deployExited'
  | 'deployReady'
  | 'matrixEdited'
  | 'matrixConverged';

/** What happened when, on the bench's clock (ms); an event is absent until it happens. */
export type FaultEvents = Record<FaultEvent, number>;

export const events = {} as FaultEvents;

/** Records `event` at this moment and logs `text`. */
export function mark(event: FaultEvent, text: string) {
  events[event] = clock();
  log(text);
}

/** Waits until `secondsAfterStart` on the bench's clock. */
export async function until(secondsAfterStart: number) {
  const wait = secondsAfterStart * 1000 - clock();
  if (wait > 0) {
    await sleep(wait);
  }
}
