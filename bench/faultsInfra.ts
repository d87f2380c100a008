/*
 * The moving parts of `npm run bench:faults` (bench/faults.ts): a PostgreSQL cluster of its own,
 * example backend instances on it and nginx in front of them, each started and stopped by the
 * bench and nothing else; plus the registry that stops whatever is still running when the bench
 * ends, fails or is interrupted. Nothing here touches the system's PostgreSQL cluster or
 * /etc/nginx: every file lives in the bench's scratch directory.
 */
import { ChildProcess, execFile, execSync, spawn } from 'child_process';
import {
  appendFileSync,
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'fs';
import { createServer } from 'net';
import { resolve } from 'path';
import { promisify } from 'util';
import { backendEnv, ROOT } from './backend';

const execFileAsync = promisify(execFile);
export const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

const runningAsRoot = process.getuid?.() === 0;

/** Everything to stop when the bench ends, newest first. */
const cleanups: { name: string; stop: () => void }[] = [];

/** Registers a synchronous stop action; `stopEverything` runs them newest first. */
function onCleanup(name: string, stop: () => void) {
  cleanups.push({ name, stop });
}

/** Stops what is still running (process groups, nginx, PostgreSQL); safe to call twice. */
export function stopEverything() {
  while (cleanups.length) {
    const { name, stop } = cleanups.pop()!;
    try {
      stop();
    } catch (error) {
      console.error(`cleanup of ${name} failed: ${error}`);
    }
  }
}

/** True when nothing listens on 127.0.0.1:port (and we may bind it). */
function isPortFree(port: number): Promise<boolean> {
  return new Promise(done => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** The first free port from `preferred` upwards, skipping the ones other test runs use. */
export async function freePort(preferred: number, taken: number[] = []) {
  const reserved = [3000, 5432, 7007, 7008, ...taken];
  for (let port = preferred; port < preferred + 200; port += 1) {
    if (!reserved.includes(port) && (await isPortFree(port))) {
      return port;
    }
  }
  throw new Error(`no free port from ${preferred}`);
}

/** Installs a Debian package when `binary` is missing. */
function ensureDebianPackage(binaryExists: () => boolean, pkg: string) {
  if (binaryExists()) {
    return;
  }
  console.log(`installing ${pkg} (apt-get install -y ${pkg})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execSync(`apt-get install -y ${pkg}`, { stdio: 'inherit', env });
  } catch {
    execSync('apt-get update', { stdio: 'inherit', env });
    execSync(`apt-get install -y ${pkg}`, { stdio: 'inherit', env });
  }
  if (!binaryExists()) {
    throw new Error(`${pkg} installed, yet its binaries are still missing`);
  }
}

/** Elapsed ms on the bench's clock (shared by the load, the faults and the logs). */
export type Clock = () => number;

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** The newest Debian PostgreSQL's bin directory (`/usr/lib/postgresql/<ver>/bin`). */
function postgresBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) {
    return undefined;
  }
  const version = readdirSync(base)
    .filter(v => existsSync(resolve(base, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return version ? resolve(base, version, 'bin') : undefined;
}

export interface PostgresCluster {
  port: number;
  binDir: string;
  /** Where the JSON log (one statement per line) goes: every file of the run. */
  logDir: string;
  /** `pg_ctl stop -m fast`; resolves when the server is down. */
  stop(): Promise<void>;
  /** `pg_ctl start -w`; resolves when it accepts connections. */
  start(): Promise<void>;
  /** Runs SQL in one database through psql; rows as arrays of strings (tab-separated). */
  query(database: string, sql: string): Promise<string[][]>;
}

/**
 * `initdb` into `<scratch>/pgdata`, owned by `postgres` when running as root, listening on
 * 127.0.0.1:port only with trust auth, its socket in the scratch directory. Every data-changing
 * statement is logged as JSON (`log_statement = mod`) with the client's `application_name`, so
 * scheduled task runs can be counted from the log.
 */
export async function startPostgres(
  scratch: string,
  port: number,
): Promise<PostgresCluster> {
  ensureDebianPackage(() => postgresBinDir() !== undefined, 'postgresql');
  const binDir = postgresBinDir()!;
  const dataDir = resolve(scratch, 'pgdata');
  const socketDir = resolve(scratch, 'pgsocket');
  const logDir = resolve(scratch, 'pglog');
  for (const dir of [dataDir, socketDir, logDir]) {
    mkdirSync(dir, { recursive: true });
  }
  if (runningAsRoot) {
    // The postgres user has to reach its directories through the scratch directory.
    chmodSync(scratch, 0o755);
    execSync(`chown -R postgres:postgres ${dataDir} ${socketDir} ${logDir}`);
  }
  const asPostgres = (binary: string, args: string[]) =>
    runningAsRoot
      ? ([
          'runuser',
          ['-u', 'postgres', '--', resolve(binDir, binary), ...args],
        ] as const)
      : ([resolve(binDir, binary), args] as const);
  const run = async (binary: string, args: string[]) => {
    const [command, commandArgs] = asPostgres(binary, args);
    return execFileAsync(command, [...commandArgs], {
      cwd: scratch,
      maxBuffer: 64 * 1024 * 1024,
    });
  };

  await run('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--encoding=UTF8',
    '--locale=C',
  ]);
  appendFileSync(
    resolve(dataDir, 'postgresql.conf'),
    [
      '',
      '# bench:faults',
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${socketDir}'`,
      'max_connections = 300',
      // A scratch cluster: durability is not what is measured, and the disk is shared.
      'fsync = off',
      'full_page_writes = off',
      'logging_collector = on',
      "log_destination = 'jsonlog'",
      `log_directory = '${logDir}'`,
      "log_filename = 'postgresql-%Y%m%d-%H%M%S.log'",
      "log_statement = 'mod'",
      // The app backend stores its static assets as statement parameters: keep the log small.
      'log_parameter_max_length = 256',
      'log_connections = off',
      '',
    ].join('\n'),
  );
  const serverLog = resolve(scratch, 'postgres-server.log');
  if (runningAsRoot) {
    execSync(`touch ${serverLog} && chown postgres:postgres ${serverLog}`);
  }
  const pgCtl = (args: string[]) =>
    run('pg_ctl', ['-D', dataDir, '-l', serverLog, ...args]);

  let running = false;
  const cluster: PostgresCluster = {
    port,
    binDir,
    logDir,
    async start() {
      await pgCtl(['start', '-w', '-t', '60']);
      running = true;
    },
    async stop() {
      await pgCtl(['stop', '-m', 'fast', '-w', '-t', '60']);
      running = false;
    },
    async query(database, sql) {
      const { stdout } = await execFileAsync(
        resolve(binDir, 'psql'),
        [
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
          '-U',
          'postgres',
          '-d',
          database,
          '-At',
          '-F',
          '\t',
          '-v',
          'ON_ERROR_STOP=1',
          '-c',
          sql,
        ],
        { maxBuffer: 64 * 1024 * 1024 },
      );
      return stdout
        .split('\n')
        .filter(line => line.length > 0)
        .map(line => line.split('\t'));
    },
  };
  onCleanup('PostgreSQL', () => {
    if (running || existsSync(resolve(dataDir, 'postmaster.pid'))) {
      const [command, args] = asPostgres('pg_ctl', [
        '-D',
        dataDir,
        'stop',
        '-m',
        'immediate',
        '-w',
      ]);
      execFileSyncQuiet(command, [...args]);
    }
    // The data is scratch; the logs (pglog) stay for reading.
    rmSync(dataDir, { recursive: true, force: true });
  });
  await cluster.start();
  return cluster;
}

function execFileSyncQuiet(command: string, args: string[]) {
  try {
    execSync([command, ...args].map(a => `'${a}'`).join(' '), {
      stdio: 'ignore',
    });
  } catch {
    // already stopped
  }
}

/** One line of PostgreSQL's JSON log (the fields the bench reads). */
export interface PostgresLogLine {
  timestamp: string;
  dbname?: string;
  application_name?: string;
  error_severity: string;
  message: string;
  detail?: string;
}

/** Every line of the cluster's JSON logs, in order. */
export function readPostgresLog(logDir: string): PostgresLogLine[] {
  return readdirSync(logDir)
    .filter(file => file.endsWith('.json'))
    .sort()
    .flatMap(file =>
      readFileSync(resolve(logDir, file), 'utf8')
        .split('\n')
        .filter(line => line.startsWith('{'))
        .map(line => JSON.parse(line) as PostgresLogLine),
    );
}

// ---------------------------------------------------------------------------------------------
// Backend instances

export interface BackendInstance {
  readonly name: string;
  readonly port: number;
  readonly url: string;
  readonly logFile: string;
  /** Spawns the backend; `waitReady` tells when it serves. */
  start(): void;
  /** Resolves once the backend is ready and Mesh Coverage answers (or throws after `timeoutMs`). */
  waitReady(timeoutMs: number): Promise<void>;
  /** Sends a signal to the backend's process group. */
  signal(signal: NodeJS.Signals): void;
  /** Resolves when the process has exited (at once if it is not running). */
  exited(): Promise<{ code: number | null; signal: string | null }>;
  readonly running: boolean;
  /** Resident memory of the process listening on the port, in MiB. */
  rssMiB(): number | undefined;
  /** Appends a marker line to the backend's log (the bench's own notes: kills, restarts). */
  note(text: string): void;
}

/**
 * An example backend (packages/backend/src/index.ts, run by node with the repo's TypeScript
 * transform, as the other benches' reference backend is: no file watcher that could restart it
 * when someone edits a file) on its own port, in a process group of its own.
 */
export function backendInstance(options: {
  name: string;
  port: number;
  logFile: string;
  env: Record<string, string>;
  clock: Clock;
}): BackendInstance {
  const { name, port, logFile, env, clock } = options;
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exit: Promise<{ code: number | null; signal: string | null }> | undefined;
  let alive = false;
  /** Where this start's lines begin in the log (it is appended to on every start). */
  let startedAtLogOffset = 0;
  writeFileSync(logFile, '');
  const note = (text: string) =>
    appendFileSync(
      logFile,
      `\n### bench:faults ${(clock() / 1000).toFixed(1)} s: ${text}\n`,
    );
  const instance: BackendInstance = {
    name,
    port,
    url,
    logFile,
    get running() {
      return alive;
    },
    note,
    start() {
      if (alive) {
        throw new Error(`${name} is already running`);
      }
      note(`start ${name} on port ${port}`);
      startedAtLogOffset = statSync(logFile).size;
      const log = openSync(logFile, 'a');
      child = spawn(
        process.execPath,
        [
          '-r',
          '@backstage/cli/config/nodeTransform.cjs',
          resolve(ROOT, 'packages/backend/src/index.ts'),
        ],
        {
          cwd: resolve(ROOT, 'packages/backend'),
          detached: true,
          stdio: ['ignore', log, log],
          env: { ...backendEnv(port), ...env },
        },
      );
      closeSync(log);
      alive = true;
      const pid = child.pid!;
      exit = new Promise(done =>
        child!.once('exit', (code, signal) => {
          alive = false;
          note(`${name} exited (code ${code}, signal ${signal})`);
          done({ code, signal });
        }),
      );
      onCleanup(`${name} (pid ${pid})`, () => {
        if (alive) {
          try {
            process.kill(-pid, 'SIGKILL');
          } catch {
            // gone already
          }
        }
      });
    },
    async waitReady(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (!alive) {
          throw new Error(`${name} exited while starting; see ${logFile}`);
        }
        // Backstage logs a failed start as an unhandled rejection and keeps the process running.
        if (
          readFileSync(logFile)
            .subarray(startedAtLogOffset)
            .includes('Backend startup failed')
        ) {
          throw new Error(
            `${name}: "Backend startup failed" (the process keeps running, not ready); see ${logFile}`,
          );
        }
        try {
          const readiness = await fetch(
            `${url}/.backstage/health/v1/readiness`,
            { signal: AbortSignal.timeout(2000) },
          );
          const health = await fetch(`${url}/api/mesh-coverage/health`, {
            signal: AbortSignal.timeout(2000),
          });
          if (readiness.ok && health.ok) {
            return;
          }
        } catch {
          // not up yet
        }
        await sleep(250);
      }
      throw new Error(
        `${name} not ready after ${timeoutMs} ms; see ${logFile}`,
      );
    },
    signal(signal) {
      if (child?.pid && alive) {
        note(`${signal} to ${name}`);
        try {
          process.kill(-child.pid, signal);
        } catch {
          // gone already
        }
      }
    },
    exited() {
      return alive && exit
        ? exit
        : Promise.resolve({ code: null, signal: null });
    },
    rssMiB() {
      try {
        const pid = execSync(`ss -ltnpH 'sport = :${port}'`)
          .toString()
          .match(/pid=(\d+)/)?.[1];
        if (!pid) {
          return undefined;
        }
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) / 1024;
      } catch {
        return undefined;
      }
    },
  };
  return instance;
}

// ---------------------------------------------------------------------------------------------
// nginx

export interface LoadBalancer {
  url: string;
  accessLog: string;
  errorLog: string;
  stop(): Promise<void>;
}

/**
 * nginx on 127.0.0.1:port in front of the instances, with a config of its own in
 * `<scratch>/nginx` (`nginx -p <dir> -c <conf>`, `daemon off`, pid file there too).
 *
 * - `proxy_next_upstream error timeout http_502 http_503 http_504`: a request that fails on one
 *   instance (connection refused or reset, a 502/503/504 such as Backstage's "Service is shutting
 *   down") is sent to the other one, at most once more and within 10 s.
 * - POST is not retried by nginx unless `non_idempotent` is added. `POST /api/mesh-coverage/evaluate`
 *   only computes an answer from its body and the matrix (it writes nothing), so it is safe to
 *   repeat: its location adds `non_idempotent`. Every other POST (the catalog's, auth's) keeps
 *   nginx's default, because repeating a write the first instance may have done is not safe.
 * - Passive health checks: `max_fails=1 fail_timeout=5s` takes an instance out of rotation for 5 s
 *   after a failed attempt; nginx then tries it again with live traffic.
 * - Keepalive connections to the instances (HTTP/1.1, `Connection: ""`).
 * - Timeouts: 1 s to connect (loopback: a refusal is immediate, a hang is a fault), 30 s to read
 *   (the slowest route, /fleet on a large catalog, stays well below).
 */
export async function startNginx(
  scratch: string,
  port: number,
  upstreamPorts: number[],
): Promise<LoadBalancer> {
  ensureDebianPackage(() => existsSync('/usr/sbin/nginx'), 'nginx');
  const dir = resolve(scratch, 'nginx');
  const temp = resolve(dir, 'temp');
  mkdirSync(temp, { recursive: true });
  // nginx's workers run as nobody when the master runs as root.
  chmodSync(dir, 0o755);
  chmodSync(temp, 0o777);
  const accessLog = resolve(dir, 'access.log');
  const errorLog = resolve(dir, 'error.log');
  const conf = resolve(dir, 'nginx.conf');
  const retried = 'error timeout http_502 http_503 http_504';
  writeFileSync(
    conf,
    `# Written by bench/faults.ts (npm run bench:faults); started with nginx -p ${dir} -c ${conf}
daemon off;
worker_processes 1;
pid ${resolve(dir, 'nginx.pid')};
error_log ${errorLog} warn;
events { worker_connections 1024; }
http {
  log_format upstreams '$msec "$request" $status $request_time upstream=$upstream_addr upstream_status=$upstream_status upstream_time=$upstream_response_time';
  access_log ${accessLog} upstreams;
  client_body_temp_path ${temp}/client_body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;

  upstream mesh_coverage_backends {
${upstreamPorts
  .map(p => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`)
  .join('\n')}
    keepalive 32;
    keepalive_timeout 30s;
  }

  server {
    listen 127.0.0.1:${port};
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_connect_timeout 1s;
    proxy_send_timeout 30s;
    proxy_read_timeout 30s;
    proxy_next_upstream ${retried};
    proxy_next_upstream_tries 2;
    proxy_next_upstream_timeout 10s;

    location / {
      proxy_pass http://mesh_coverage_backends;
    }
    # Computes only, writes nothing: safe to repeat on the other instance.
    location = /api/mesh-coverage/evaluate {
      proxy_next_upstream ${retried} non_idempotent;
      proxy_pass http://mesh_coverage_backends;
    }
  }
}
`,
  );
  execSync(`/usr/sbin/nginx -t -q -p ${dir} -c ${conf}`, { stdio: 'inherit' });
  const log = openSync(resolve(dir, 'nginx.out'), 'w');
  const child = spawn('/usr/sbin/nginx', ['-p', dir, '-c', conf], {
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let alive = true;
  const exit = new Promise<void>(done =>
    child.once('exit', () => {
      alive = false;
      done();
    }),
  );
  onCleanup('nginx', () => {
    if (alive) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  });
  const url = `http://127.0.0.1:${port}`;
  // Listening once the port is no longer free to bind.
  for (let i = 0; i < 50 && (await isPortFree(port)); i += 1) {
    await sleep(100);
  }
  return {
    url,
    accessLog,
    errorLog,
    async stop() {
      if (alive) {
        process.kill(child.pid!, 'SIGQUIT');
        await Promise.race([exit, sleep(5000)]);
      }
    },
  };
}
