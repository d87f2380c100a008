// Starts and stops the portal exactly as a user does (`npm start`), for the browser tests.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUTPUT = resolve(ROOT, 'test/output');
export const FRONTEND = 'http://localhost:3000';
export const BACKEND = 'http://localhost:7007';
export const TOKEN = 'mesh-coverage-local-dev-token';
export const HOSTILE_NOTE = '<img src=x onerror=alert(1)>';

const sleep = ms => new Promise(r => setTimeout(r, ms));

export async function waitFor(
  what,
  probe,
  timeoutMs,
  gaveUp = () => undefined,
) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    const reason = gaveUp();
    if (reason) {
      throw new Error(`Gave up waiting for ${what}: ${reason}`);
    }
    try {
      if (await probe()) {
        return;
      }
    } catch (error) {
      last = error;
    }
    await sleep(1000);
  }
  throw new Error(
    `Timed out after ${timeoutMs / 1000}s waiting for ${what}${
      last ? `: ${last}` : ''
    }`,
  );
}

export async function api(path, init = {}) {
  const response = await fetch(`${BACKEND}${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      'Content-Type': 'application/json',
      ...init.headers,
    },
  });
  if (!response.ok) {
    throw new Error(`${path}: ${response.status}`);
  }
  return response.json();
}

/**
 * An operator overlay on the default (current) edition with one hostile note: text from an overlay
 * must render as text.
 */
export const HOSTILE_OVERLAY = {
  description: { en: 'A hostile note', ja: '悪意のある注記' },
  cells: [
    {
      toolId: 'consul',
      responsibilityId: 'cert-rotation',
      support: 'yes',
      note: { en: HOSTILE_NOTE, ja: HOSTILE_NOTE },
      source:
        'https://developer.hashicorp.com/consul/docs/secure-mesh/certificate',
      verifiedAt: '2026-12-01',
      replaces: { support: 'yes' },
    },
  ],
};

/**
 * Starts `npm start` on the default edition with an overlay (by default one hostile note), or on a
 * matrix file of its own, and waits for the catalog and, unless `waitForFacts` is false, the first
 * scorecard facts.
 *
 * @param {{ matrix?: object, overlay?: object | null, waitForFacts?: boolean, env?: Record<string, string> }} [options]
 */
export async function startPortal({
  matrix,
  overlay = matrix ? undefined : HOSTILE_OVERLAY,
  waitForFacts = true,
  env = {},
} = {}) {
  mkdirSync(OUTPUT, { recursive: true });
  const matrixConfig = {};
  if (matrix) {
    const matrixPath = resolve(OUTPUT, 'portal-matrix.json');
    writeFileSync(matrixPath, JSON.stringify(matrix, null, 2));
    matrixConfig.APP_CONFIG_meshCoverage_matrix_path =
      JSON.stringify(matrixPath);
  }
  if (overlay) {
    const overlayPath = resolve(OUTPUT, 'portal-overlay.json');
    writeFileSync(overlayPath, JSON.stringify(overlay, null, 2));
    matrixConfig.APP_CONFIG_meshCoverage_matrix_overlays = JSON.stringify([
      overlayPath,
    ]);
  }
  const log = openSync(resolve(OUTPUT, 'portal.log'), 'w');
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      BROWSER: 'none',
      ...matrixConfig,
      ...env,
    },
  });
  let exited;
  child.once('exit', code => {
    exited = `npm start exited with ${code}; see ${resolve(
      OUTPUT,
      'portal.log',
    )}`;
  });
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([
      new Promise(r => child.once('exit', r)),
      sleep(15_000),
    ]);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  try {
    // `npm start` keeps the frontend running when the backend fails to start: read the log too.
    const logPath = resolve(OUTPUT, 'portal.log');
    const dead = () =>
      exited ??
      (readFileSync(logPath, 'utf8').includes('Backend startup failed')
        ? `the backend failed to start; see ${logPath}`
        : undefined);
    await waitFor(
      'the backend',
      async () => (await fetch(`${BACKEND}/api/mesh-coverage/health`)).ok,
      300_000,
      dead,
    );
    await waitFor(
      'the frontend',
      async () => (await fetch(FRONTEND)).ok,
      300_000,
      dead,
    );
    await waitFor(
      'the example catalog',
      async () =>
        (
          await api(
            '/api/catalog/entities/by-query?filter=kind=component&limit=50',
          )
        ).items.length >= 10,
      180_000,
    );
    if (waitForFacts) {
      await waitFor(
        'the first scorecard facts',
        async () =>
          (
            await api(
              '/api/tech-insights/checks/run/default/component/orders-service',
              {
                method: 'POST',
                body: JSON.stringify({ checks: ['meshCoverageNoGaps'] }),
              },
            )
          ).length > 0,
        180_000,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}
