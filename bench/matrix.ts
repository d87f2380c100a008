import autocannon from 'autocannon';
import { startBackend, TOKEN } from './backend';
import { BenchResult, median } from './results';

/** What Chromium sends with every fetch. */
const BROWSER_HEADERS = {
  Authorization: `Bearer ${TOKEN}`,
  'Accept-Encoding': 'gzip, deflate, br, zstd',
};

const rps = async (
  url: string,
  path: string,
  headers: Record<string, string>,
  seconds: number,
) => {
  const result = await autocannon({
    url: `${url}${path}`,
    duration: seconds,
    connections: 20,
    headers,
  });
  if (result.non2xx - (headers['If-None-Match'] ? result.requests.total : 0)) {
    throw new Error(`${path}: ${result.non2xx} responses were not 2xx`);
  }
  return result.requests.average;
};

/**
 * matrix: requests per second of `GET /matrix` over an authenticated reference route on the same
 * backend (`bench/referenceBackend.ts`: a small constant JSON behind the same default auth), the
 * floor any authenticated route reaches. Goal: >= 0.95. Also reported: over `/health`
 * (unauthenticated), and the 304 revalidation. The machine is shared, so the routes run in
 * alternating short rounds and each figure is the median of the per-round ratios.
 */
export async function matrixBench(quick: boolean): Promise<BenchResult[]> {
  const rounds = quick ? 3 : 7;
  const seconds = quick ? 3 : 5;
  const backend = await startBackend(7307, {}, 'reference');
  try {
    const matrixPath = '/api/mesh-coverage/matrix';
    const etag = (
      await fetch(`${backend.url}${matrixPath}`, { headers: BROWSER_HEADERS })
    ).headers.get('etag')!;
    const routes = {
      reference: ['/api/bench-reference/constant', BROWSER_HEADERS],
      health: ['/api/mesh-coverage/health', BROWSER_HEADERS],
      matrix: [matrixPath, BROWSER_HEADERS],
      revalidated: [matrixPath, { ...BROWSER_HEADERS, 'If-None-Match': etag }],
    } as const;
    type Route = keyof typeof routes;
    const names = Object.keys(routes) as Route[];
    const run = (name: Route, duration: number) =>
      rps(backend.url, routes[name][0], { ...routes[name][1] }, duration);
    for (const name of names) {
      await run(name, 2); // warm up every measured code path
    }
    const rates: Record<Route, number[]> = {
      reference: [],
      health: [],
      matrix: [],
      revalidated: [],
    };
    for (let round = 0; round < rounds; round += 1) {
      for (const name of names) {
        rates[name].push(await run(name, seconds));
      }
    }
    const ratio = (name: Route, over: Route) =>
      median(rates[name].map((rate, i) => rate / rates[over][i]));
    const reqs = (name: Route) => `${median(rates[name]).toFixed(0)} req/s`;
    const detail = `median of ${rounds} alternating ${seconds} s rounds, 20 connections, static token, Chromium's Accept-Encoding`;
    const matrixOverReference = ratio('matrix', 'reference');
    return [
      {
        name: 'matrix rps / authenticated reference rps',
        value: matrixOverReference,
        unit: 'ratio',
        goal: '>= 0.95',
        pass: matrixOverReference >= 0.95,
        detail: `/matrix ${reqs('matrix')}, reference ${reqs(
          'reference',
        )}; ${detail}`,
      },
      {
        name: 'matrix rps / health rps',
        value: ratio('matrix', 'health'),
        unit: 'ratio',
        goal: 'report',
        pass: true,
        detail: `/health ${reqs('health')} (unauthenticated)`,
      },
      {
        name: 'matrix 304 rps / authenticated reference rps',
        value: ratio('revalidated', 'reference'),
        unit: 'ratio',
        goal: 'report',
        pass: true,
        detail: `/matrix with If-None-Match ${reqs('revalidated')}`,
      },
    ];
  } finally {
    await backend.stop();
  }
}
