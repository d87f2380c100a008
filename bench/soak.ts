/*
 * npm run bench:soak — 60 s of saturation against /matrix, /evaluate and /coverage on loopback.
 * Reports requests, errors (goal: 0) and the backend's resident memory at start and end (goal:
 * flat). A benchmark, not a CI test.
 */
import autocannon from 'autocannon';
import { startBackend, TOKEN } from './backend';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);

async function main() {
  const backend = await startBackend(7207);
  try {
    const headers = {
      Authorization: `Bearer ${TOKEN}`,
      'Content-Type': 'application/json',
    };
    const requests: autocannon.Request[] = [
      { method: 'GET', path: '/api/mesh-coverage/matrix' },
      {
        method: 'POST',
        path: '/api/mesh-coverage/evaluate',
        body: JSON.stringify({
          mesh: 'linkerd',
          requires: ['mtls', 'retries', 'circuit-breaker'],
          implements: ['retries'],
        }),
      },
      {
        method: 'GET',
        path: '/api/mesh-coverage/coverage?entityRef=component:default/orders-service',
      },
    ];
    // Warm up, so the start figure is the backend at work, not at rest.
    await autocannon({
      url: backend.url,
      duration: Number(process.env.SOAK_WARMUP_SECONDS ?? 30),
      connections: 20,
      headers,
      requests, // the same mix as measured, so every code path is warm before the start figure
    });
    const rssStart = backend.rssMiB();
    // Sampled through the run: a leak climbs steadily, a warming heap levels off.
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(backend.rssMiB()), 10_000);
    const result = await autocannon({
      url: backend.url,
      duration: SECONDS,
      connections: 20,
      headers,
      requests,
    });
    clearInterval(sampler);
    const rssEnd = backend.rssMiB();
    const errors = result.errors + result.timeouts + result.non2xx;
    const rows = [
      ['duration', `${SECONDS} s`],
      ['requests', String(result.requests.total)],
      ['requests/s (mean)', result.requests.average.toFixed(0)],
      ['latency p50 / p99', `${result.latency.p50} / ${result.latency.p99} ms`],
      ['errors (socket + timeouts + non-2xx)', `${errors} (goal 0)`],
      [
        'resident memory start → end',
        `${rssStart.toFixed(0)} → ${rssEnd.toFixed(0)} MiB (goal: flat)`,
      ],
      [
        'resident memory every 10 s',
        `${samples.map(v => v.toFixed(0)).join(', ')} MiB`,
      ],
    ];
    console.log(
      '\nsoak: /matrix + /evaluate + /coverage, 20 connections, loopback',
    );
    for (const [name, value] of rows) {
      console.log(`  ${name.padEnd(38)} ${value}`);
    }
    process.exitCode = errors === 0 ? 0 : 1;
  } finally {
    await backend.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
