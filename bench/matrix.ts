import autocannon from 'autocannon';
import { startBackend, TOKEN } from './backend';
import { BenchResult } from './results';

const rps = async (
  url: string,
  path: string,
  seconds: number,
  extra: Record<string, string> = {},
) => {
  const result = await autocannon({
    url: `${url}${path}`,
    duration: seconds,
    connections: 20,
    headers: { Authorization: `Bearer ${TOKEN}`, ...extra },
  });
  return result.requests.average;
};

/**
 * matrix: requests per second of GET /matrix over GET /health on the same running backend,
 * authenticated, loopback. Goal: >= 0.9. Also the 304 revalidation rate.
 */
export async function matrixBench(quick: boolean): Promise<BenchResult[]> {
  const seconds = quick ? 8 : 20;
  const backend = await startBackend(7307);
  try {
    await rps(backend.url, '/api/mesh-coverage/matrix', 3); // warm up
    const health = await rps(backend.url, '/api/mesh-coverage/health', seconds);
    const matrix = await rps(backend.url, '/api/mesh-coverage/matrix', seconds);
    const etag = (
      await fetch(`${backend.url}/api/mesh-coverage/matrix`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      })
    ).headers.get('etag')!;
    const revalidated = await rps(
      backend.url,
      '/api/mesh-coverage/matrix',
      seconds,
      { 'If-None-Match': etag },
    );
    return [
      {
        name: 'matrix rps / health rps',
        value: matrix / health,
        unit: 'ratio',
        goal: '>= 0.9',
        pass: matrix / health >= 0.9,
        detail: `/matrix ${matrix.toFixed(
          0,
        )} req/s (200, full body), /health ${health.toFixed(0)} req/s`,
      },
      {
        name: 'matrix 304 revalidation rps / health rps',
        value: revalidated / health,
        unit: 'ratio',
        goal: 'report',
        pass: true,
        detail: `/matrix with If-None-Match ${revalidated.toFixed(
          0,
        )} req/s (304)`,
      },
    ];
  } finally {
    await backend.stop();
  }
}
