import autocannon from 'autocannon';
import { startBackend, TOKEN } from './backend';
import { BenchResult, median } from './results';

const BASE = '/api/mesh-coverage';
/**
 * A static token of the same check, shaped like a JWT (`{"typ":"static"}.{}.…`), for a diagnosis:
 * Backstage reads every token as a plugin token and as a user token before the static ones, and a
 * token that is no JWT makes each of those reads throw.
 */
const JWT_SHAPED_TOKEN = `${Buffer.from('{"typ":"static"}').toString(
  'base64url',
)}.${Buffer.from('{}').toString('base64url')}.bench-static-token`;
/** What Chromium sends with every fetch. */
const BROWSER_ENCODINGS = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };

const rps = async (
  url: string,
  path: string,
  headers: Record<string, string>,
  seconds: number,
) => {
  const result = await autocannon({
    url: `${url}${BASE}${path}`,
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
 * matrix: requests per second of GET /matrix over GET /health on the same running backend, both
 * sent with credentials, on loopback. Goal: >= 0.9. The machine is shared, so the two run in
 * alternating short rounds and the figure is the median of the per-round ratios. Also reported:
 * the 304 revalidation rate and the rate for a client that does not accept compression; in the full
 * run also the ratio on a backend whose default auth policy is off (what our route costs without
 * the credential check /health never pays).
 */
export async function matrixBench(quick: boolean): Promise<BenchResult[]> {
  const rounds = quick ? 3 : 7;
  const seconds = quick ? 3 : 5;
  const results = await measure(7307, rounds, seconds, [
    'matrix',
    'revalidated',
    'uncompressed',
  ]);
  const detail = `median of ${rounds} alternating ${seconds} s rounds, 20 connections`;
  const figures: BenchResult[] = [
    {
      name: 'matrix rps / health rps',
      value: results.figure('matrix'),
      unit: 'ratio',
      goal: '>= 0.9',
      pass: results.figure('matrix') >= 0.9,
      detail: `/matrix ${results.reqs(
        'matrix',
      )} (200, body as browsers ask for it), /health ${results.reqs(
        'health',
      )}; ${detail}`,
    },
    {
      name: 'matrix 304 revalidation rps / health rps',
      value: results.figure('revalidated'),
      unit: 'ratio',
      goal: 'report',
      pass: true,
      detail: `/matrix with If-None-Match ${results.reqs('revalidated')} (304)`,
    },
    {
      name: 'matrix uncompressed rps / health rps',
      value: results.figure('uncompressed'),
      unit: 'ratio',
      goal: 'report',
      pass: true,
      detail: `/matrix without Accept-Encoding ${results.reqs(
        'uncompressed',
      )} (200, 28 KB)`,
    },
  ];
  if (!quick) {
    // Diagnoses, not goals. First the same comparison with a static token that Backstage can
    // decode as a JWT header (the same static-token check, without the two exceptions a plain
    // token costs); then on a backend whose default auth policy is off, so /matrix skips the
    // credential check that /health (unauthenticated, docs/api.md) never pays.
    const shaped = await measure(
      7309,
      rounds,
      seconds,
      ['matrix'],
      {
        APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
          {
            type: 'static',
            options: { token: JWT_SHAPED_TOKEN, subject: 'bench' },
          },
          // The example's own token, which the backend start-up wait uses.
          { type: 'static', options: { token: TOKEN, subject: 'scripts' } },
        ]),
      },
      JWT_SHAPED_TOKEN,
    );
    figures.push({
      name: 'matrix rps / health rps with a JWT-shaped static token (diagnosis)',
      value: shaped.figure('matrix'),
      unit: 'ratio',
      goal: 'report',
      pass: true,
      detail: `/matrix ${shaped.reqs('matrix')}, /health ${shaped.reqs(
        'health',
      )}; the same static-token check, the token decodable as a JWT header; ${detail}`,
    });
    const open = await measure(7308, rounds, seconds, ['matrix'], {
      APP_CONFIG_backend_auth_dangerouslyDisableDefaultAuthPolicy: 'true',
    });
    figures.push({
      name: 'matrix rps / health rps without the credential check (diagnosis)',
      value: open.figure('matrix'),
      unit: 'ratio',
      goal: 'report',
      pass: true,
      detail: `/matrix ${open.reqs('matrix')}, /health ${open.reqs(
        'health',
      )}; default auth policy disabled; ${detail}`,
    });
  }
  return figures;
}

type Variant = 'matrix' | 'revalidated' | 'uncompressed';

/** Alternating rounds of /health and the given /matrix variants on a backend of its own. */
async function measure(
  port: number,
  rounds: number,
  seconds: number,
  measured: Variant[],
  env: Record<string, string> = {},
  token = TOKEN,
) {
  const backend = await startBackend(port, env);
  try {
    const auth = { Authorization: `Bearer ${token}` };
    const browser = { ...auth, ...BROWSER_ENCODINGS };
    const etag = (
      await fetch(`${backend.url}${BASE}/matrix`, { headers: browser })
    ).headers.get('etag')!;
    const variants: Record<
      'health' | Variant,
      [string, Record<string, string>]
    > = {
      health: ['/health', browser],
      matrix: ['/matrix', browser],
      revalidated: ['/matrix', { ...browser, 'If-None-Match': etag }],
      uncompressed: ['/matrix', auth],
    };
    for (const name of ['health' as const, ...measured]) {
      await rps(backend.url, ...variants[name], 2); // warm up every measured code path
    }
    const ratios: Record<string, number[]> = {};
    const rates: Record<string, number[]> = { health: [] };
    for (let round = 0; round < rounds; round += 1) {
      const health = await rps(backend.url, ...variants.health, seconds);
      rates.health.push(health);
      for (const name of measured) {
        const rate = await rps(backend.url, ...variants[name], seconds);
        (rates[name] ??= []).push(rate);
        (ratios[name] ??= []).push(rate / health);
      }
    }
    return {
      figure: (name: string) => median(ratios[name]),
      reqs: (name: string) => `${median(rates[name]).toFixed(0)} req/s`,
    };
  } finally {
    await backend.stop();
  }
}
