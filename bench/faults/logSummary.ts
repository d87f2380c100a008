/*
 * After the report: the backends' warnings and errors and nginx's errors, counted by kind, so a
 * reader sees what went wrong inside without opening the logs.
 */
import { readFileSync } from 'fs';
import { FaultBench } from './setup';

export function printLogSummaries(bench: FaultBench) {
  console.log();
  for (const instance of [bench.instanceA, bench.instanceB]) {
    console.log(`backend ${instance.name}, warnings and errors by kind:`);
    console.log(summarizeBackendLog(instance.logFile).join('\n') || '  none');
  }
  console.log('nginx, errors by kind:');
  console.log(
    summarizeNginxErrors(bench.balancer.errorLog).join('\n') || '  none',
  );
  console.log(
    `logs: ${bench.scratch} (backend-A.log, backend-B.log, nginx/, pglog/)`,
  );
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
      .flatMap(backendWarningOrError),
  );
}

/** `catalog warn: Failed to load processing items …`, or nothing for other levels. */
function backendWarningOrError(line: string): string[] {
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
  return match ? [`${match[1]} ${match[2]}: ${messageKind(match[3])}`] : [];
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
