/*
 * Waits for PostgreSQL before the backend starts. Backstage's plugins connect to their databases as
 * they start and fail at once when the server is not up yet (a database restarted with the
 * backend, a compose file starting both together); the backend would then exit. Waiting here, with
 * a line per attempt, lets it start when PostgreSQL comes up after it.
 */
import { ConfigSources } from '@backstage/config-loader';
import knexFactory from 'knex';

/** Tries `probe` until it succeeds, saying why it waits; gives up after `timeoutMs`. */
export async function waitForDatabase(options: {
  probe: () => Promise<void>;
  describe: string;
  log: (line: string) => void;
  intervalMs?: number;
  timeoutMs?: number;
}): Promise<void> {
  const {
    probe,
    describe,
    log,
    intervalMs = 2000,
    timeoutMs = 600_000,
  } = options;
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await probe();
      if (attempt > 1) {
        log(`${describe} is up; starting`);
      }
      return;
    } catch (error) {
      const reason = (error as Error).message;
      if (Date.now() + intervalMs > deadline) {
        throw new Error(
          `${describe} did not come up within ${timeoutMs / 1000} s: ${reason}`,
        );
      }
      log(
        `Waiting for ${describe} (attempt ${attempt}: ${reason}); trying again in ${
          intervalMs / 1000
        } s`,
      );
      await new Promise(r => setTimeout(r, intervalMs));
    }
  }
}

/**
 * Waits for the PostgreSQL server of `backend.database`, read from the same config the backend
 * reads (--config arguments, APP_CONFIG_ variables); nothing to wait for with SQLite.
 */
export async function waitForConfiguredDatabase(
  log: (line: string) => void = line => console.log(line),
): Promise<void> {
  const config = await ConfigSources.toConfig(
    ConfigSources.default({ argv: process.argv, env: process.env }),
  );
  try {
    if (config.getOptionalString('backend.database.client') !== 'pg') {
      return;
    }
    const connection = config.get('backend.database.connection');
    const target: Record<string, unknown> =
      typeof connection === 'string'
        ? { connectionString: connection }
        : { database: 'postgres', ...(connection as Record<string, unknown>) };
    const where =
      typeof connection === 'string'
        ? 'the configured server'
        : `${target.host ?? 'localhost'}:${target.port ?? 5432}`;
    await waitForDatabase({
      describe: `PostgreSQL at ${where}`,
      log,
      probe: async () => {
        const db = knexFactory({
          client: 'pg',
          connection: { ...target, connectionTimeoutMillis: 5000 },
          pool: { min: 0, max: 1 },
          // The line per attempt says it; knex's own would add a stack trace to each.
          log: { warn() {}, error() {}, debug() {}, deprecate() {} },
        });
        try {
          await db.raw('select 1');
        } finally {
          await db.destroy();
        }
      },
    });
  } finally {
    config.close();
  }
}
