/*
 * nginx's access log, read after the run: which instance served each request, and the requests
 * nginx retried on the other instance.
 */
import { readFileSync } from 'fs';
import { onBenchClock } from './timeline';

export interface ProxiedRequest {
  /** When nginx logged it (the end of the request), on the bench's clock. */
  at: number;
  request: string;
  status: number;
  upstreams: string[];
  upstreamStatuses: string[];
}

/** The lines of the `upstreams` log format that bench/faultsInfra.ts gives nginx. */
export function readAccessLog(path: string): ProxiedRequest[] {
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
          at: onBenchClock(Number(match[1]) * 1000),
          request: match[2],
          status: Number(match[3]),
          upstreams: match[4].split(/, | : /),
          upstreamStatuses: match[5].split(/, | : /),
        },
      ];
    });
}

/** The first request after `fromMs` that `port` answered with 2xx, through nginx. */
export function firstServedBy(
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

export function describeRetries(proxied: ProxiedRequest[]) {
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
