/*
 * The sustained load of `npm run bench:faults` (bench/faults.ts): a fixed number of workers, each
 * sending one request after another through the load balancer, round-robin over the Mesh Coverage
 * routes. Every request is recorded (route, start, end, status or network error), so each failure
 * can be attributed to a route, a status and a fault phase afterwards.
 */
import { Clock } from './faultsInfra';

export interface LoadRoute {
  /** Short name in the report, e.g. `GET /matrix`. */
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export const MESH_COVERAGE_ROUTES: LoadRoute[] = [
  { name: 'GET /matrix', method: 'GET', path: '/api/mesh-coverage/matrix' },
  {
    name: 'GET /coverage',
    method: 'GET',
    path: '/api/mesh-coverage/coverage?entityRef=component:default/orders-service',
  },
  {
    name: 'POST /evaluate',
    method: 'POST',
    path: '/api/mesh-coverage/evaluate',
    body: JSON.stringify({ mesh: 'istio', requires: ['mtls', 'retries'] }),
  },
  { name: 'GET /fleet', method: 'GET', path: '/api/mesh-coverage/fleet' },
  {
    name: 'GET /fleet/history',
    method: 'GET',
    path: '/api/mesh-coverage/fleet/history',
  },
  {
    name: 'GET /coverage/history',
    method: 'GET',
    path: '/api/mesh-coverage/coverage/history?entityRef=component:default/orders-service',
  },
];

/** One request as the client saw it; times in ms on the bench's clock. */
export interface RequestRecord {
  route: string;
  start: number;
  end: number;
  /** The HTTP status, or 0 when no response came (refused, reset, timed out). */
  status: number;
  /** The network error, or the start of the error body of a non-2xx answer. */
  error?: string;
}

export const succeeded = (r: RequestRecord) =>
  r.status >= 200 && r.status < 300;

/**
 * `GET /coverage 500 ×3 (61.2–63.9 s)` — what failed, by route and status (or network error), with
 * when (request starts, seconds on the bench's clock).
 */
export function describeFailures(failures: RequestRecord[]): string {
  const groups = new Map<string, RequestRecord[]>();
  for (const failure of failures) {
    const what = `${failure.route} ${
      failure.status ? failure.status : `network (${failure.error})`
    }`;
    groups.set(what, [...(groups.get(what) ?? []), failure]);
  }
  const at = (ms: number) => (ms / 1000).toFixed(1);
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([what, group]) => {
      const first = Math.min(...group.map(r => r.start));
      const last = Math.max(...group.map(r => r.start));
      return `${what} ×${group.length} (${
        first === last ? at(first) : `${at(first)}–${at(last)}`
      } s)`;
    })
    .join(', ');
}

export interface Load {
  records: RequestRecord[];
  /** Stops the workers; resolves when the last request has ended. */
  stop(): Promise<void>;
}

/** Starts `workers` request loops against `baseUrl`, each waiting for its answer before the next. */
export function startLoad(options: {
  baseUrl: string;
  token: string;
  workers: number;
  clock: Clock;
  routes?: LoadRoute[];
  /** How long a request may take before it counts as failed. */
  timeoutMs?: number;
}): Load {
  const {
    baseUrl,
    token,
    workers,
    clock,
    routes = MESH_COVERAGE_ROUTES,
    timeoutMs = 30_000,
  } = options;
  const records: RequestRecord[] = [];
  let stopping = false;
  const worker = async (offset: number) => {
    for (let i = offset; !stopping; i += 1) {
      const route = routes[i % routes.length];
      const start = clock();
      let status = 0;
      let error: string | undefined;
      try {
        const res = await fetch(`${baseUrl}${route.path}`, {
          method: route.method,
          headers: {
            Authorization: `Bearer ${token}`,
            ...(route.body ? { 'Content-Type': 'application/json' } : {}),
          },
          body: route.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        // A body cut short is a failure too: the status counts once the body is in.
        const text = await res.text();
        status = res.status;
        if (!res.ok) {
          error = text.slice(0, 300);
        }
      } catch (e) {
        const cause = (e as { cause?: { code?: string; message?: string } })
          .cause;
        error = cause?.code ?? cause?.message ?? (e as Error).name;
      }
      records.push({ route: route.name, start, end: clock(), status, error });
    }
  };
  const running = Array.from({ length: workers }, (_, i) => worker(i));
  return {
    records,
    async stop() {
      stopping = true;
      await Promise.all(running);
    },
  };
}
