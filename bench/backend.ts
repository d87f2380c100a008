import { ChildProcess, execSync, spawn } from 'child_process';
import { openSync, readFileSync } from 'fs';
import { resolve } from 'path';

export const ROOT = resolve(__dirname, '..');
export const TOKEN = 'mesh-coverage-local-dev-token';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** How to start the backend: as a user does, or the example backend with the bench's reference route. */
const COMMANDS = {
  example: { cwd: ROOT, command: ['npm', 'run', 'start:backend'] },
  reference: {
    cwd: resolve(ROOT, 'packages/backend'),
    command: [
      process.execPath,
      '-r',
      '@backstage/cli/config/nodeTransform.cjs',
      resolve(ROOT, 'bench/referenceBackend.ts'),
    ],
  },
};

/** The environment of the example backend on a port of its own, in development mode. */
export function backendEnv(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development',
    APP_CONFIG_backend_listen_port: String(port),
    APP_CONFIG_backend_baseUrl: JSON.stringify(`http://localhost:${port}`),
  };
}

/**
 * Starts the example backend (`npm run start:backend`, or with `reference` the same backend plus
 * the bench's reference route) on a port of its own, with extra config.
 */
export async function startBackend(
  port: number,
  env: Record<string, string> = {},
  which: keyof typeof COMMANDS = 'example',
) {
  const log = openSync(resolve(ROOT, `bench-backend-${port}.log`), 'w');
  const { cwd, command } = COMMANDS[which];
  const child: ChildProcess = spawn(command[0], command.slice(1), {
    cwd,
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...backendEnv(port),
      // Keep the fact retriever out of the measurement: it would otherwise run every minute.
      APP_CONFIG_techInsights_factRetrievers_meshCoverageFactRetriever_cadence:
        JSON.stringify('0 0 1 1 *'),
      ...env,
    },
  });
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 240; i += 1) {
    try {
      const res = await fetch(`${url}/api/mesh-coverage/health`);
      if (res.ok) {
        break;
      }
    } catch {
      // not up yet
    }
    await sleep(1000);
  }
  // The catalog needs a moment to ingest the example entities.
  for (let i = 0; i < 120; i += 1) {
    const res = await fetch(
      `${url}/api/catalog/entities/by-query?filter=kind=component`,
      {
        headers: { Authorization: `Bearer ${TOKEN}` },
      },
    );
    if (res.ok && (await res.json()).items.length >= 10) {
      break;
    }
    await sleep(1000);
  }
  return {
    url,
    /** Resident memory of the process serving the port, in MiB. */
    rssMiB(): number {
      const pid = execSync(`ss -ltnpH 'sport = :${port}'`)
        .toString()
        .match(/pid=(\d+)/)?.[1];
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) / 1024;
    },
    async stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // gone already
      }
      await sleep(2000);
    },
  };
}
