import { createHash } from 'crypto';
import { Knex } from 'knex';

type MigrationSet = { directory: string; tableName: string };

/** How long an instance waits before asking again for SQLite's write lock (plus up to as much again). */
const SQLITE_LOCK_RETRY_MS = 50;

/**
 * Runs a package's knex migrations with a ledger of its own, one instance at a time: every
 * instance that starts at once waits for a lock that belongs to the database session of whoever
 * migrates, then finds the work done. Such a lock dies with its holder, so a process killed while
 * migrating never blocks the next start; and knex's own lock row, which a killed process may leave
 * taken, is freed only by the holder of that lock, when nobody else can be migrating.
 *
 * @public
 */
export async function runMigrations(
  db: Knex,
  options: { directory: string; tableName: string },
): Promise<void> {
  const dialect: string = db.client.dialect;
  if (dialect === 'postgresql') {
    await withPostgresAdvisoryLock(db, options.tableName, () =>
      migrateHoldingTheLock(db, options),
    );
  } else if (dialect === 'sqlite3') {
    await migrateInSqliteWriteTransaction(db, options);
  } else {
    await migrateWithKnexLockOnly(db, options);
  }
}

/**
 * Brings the ledger up to date while nobody else can be migrating it (every instance migrates
 * through here). A knex lock row still taken, or doubled by two instances that once created the
 * lock table at the same moment, was therefore left by a process that died mid-run, and is reset.
 */
async function migrateHoldingTheLock(
  db: Knex,
  options: MigrationSet,
): Promise<void> {
  const lockTable = `${options.tableName}_lock`;
  if (await db.schema.hasTable(lockTable)) {
    const rows: { is_locked: number }[] = await db(lockTable).select(
      'is_locked',
    );
    if (rows.length > 1 || rows.some(row => Number(row.is_locked) !== 0)) {
      db.client.logger.warn?.(
        `Freeing the migration lock ${lockTable} left by a process that stopped while migrating`,
      );
      await db.migrate.forceFreeMigrationsLock(options);
    }
  }
  await db.migrate.latest(options);
}

/**
 * PostgreSQL: a session-level advisory lock. It belongs to one connection, so that connection is
 * checked out of knex's pool for the whole run and only given back once unlocked (taken through
 * `db.raw` or `db.transaction` it could go back to the pool still locked, or be unlocked on another
 * connection, which does nothing). The migrations run on other pooled connections, so the pool
 * needs room for two, and a session-sharing proxy (PgBouncer in transaction mode) defeats it. A
 * killed process's session ends, and its lock with it; others wait in pg_advisory_lock meanwhile.
 */
async function withPostgresAdvisoryLock(
  db: Knex,
  tableName: string,
  run: () => Promise<void>,
): Promise<void> {
  const key = advisoryLockKey(tableName);
  const connection = await db.client.acquireConnection();
  try {
    await db
      .raw('select pg_advisory_lock(?::bigint)', [key])
      .connection(connection);
    try {
      await run();
    } finally {
      await db
        .raw('select pg_advisory_unlock(?::bigint)', [key])
        .connection(connection)
        // If even that fails, close the session, which releases the lock, rather than pool it.
        .catch(() => connection.end().catch(() => {}));
    }
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/**
 * The same 64-bit key for a ledger on every instance and in every release. Ledgers of the same
 * name in one database (other schemas) share it and merely take turns.
 */
function advisoryLockKey(tableName: string): string {
  return createHash('sha256')
    .update(`knex migrations ${tableName}`)
    .digest()
    .readBigInt64BE(0)
    .toString();
}

/**
 * SQLite: the whole run is one transaction, so it commits complete or not at all (a killed
 * process leaves nothing, knex's lock row included), and its first statement takes the file's
 * write lock, which dies with the process. That statement creates a scratch table, dropped before
 * commit (knex only issues a plain BEGIN, not BEGIN IMMEDIATE). Taking the write lock first means
 * a waiting instance never holds a read lock across an await, which would keep the migrating one
 * from committing: its attempt fails at once and is retried after a pause, rather than in SQLite's
 * busy wait, which would block the whole Node process (better-sqlite3 is synchronous). Every
 * migration runs inside this transaction, even one that asks for none.
 */
async function migrateInSqliteWriteTransaction(
  db: Knex,
  options: MigrationSet,
): Promise<void> {
  const scratchTable = `${options.tableName}_migrating`;
  for (;;) {
    try {
      await db.transaction(async trx => {
        await withoutBusyWait(trx, () =>
          trx.schema.createTable(scratchTable, table => table.integer('held')),
        );
        await migrateHoldingTheLock(trx, options);
        await trx.schema.dropTable(scratchTable);
      });
      return;
    } catch (error) {
      if (
        !String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')
      ) {
        throw error;
      }
      // A COMMIT refused as busy (a reader held the file past the busy timeout) leaves SQLite's
      // transaction open, and knex does not roll it back; without a transaction this just fails.
      await db.raw('ROLLBACK').catch(() => {});
      await pause(SQLITE_LOCK_RETRY_MS * (1 + Math.random()));
    }
  }
}

async function withoutBusyWait<T>(
  trx: Knex.Transaction,
  statement: () => Promise<T>,
): Promise<T> {
  const [{ timeout }] = await trx.raw('PRAGMA busy_timeout');
  await trx.raw('PRAGMA busy_timeout = 0');
  try {
    return await statement();
  } finally {
    await trx.raw(`PRAGMA busy_timeout = ${Number(timeout)}`);
  }
}

/** Errors of another instance migrating the same database at the same moment. */
const CONCURRENT_MIGRATION = [
  'MigrationLocked', // knex: the other instance holds the lock
  'ER_DUP_ENTRY',
  'ER_TABLE_EXISTS_ERROR',
];
const KNEX_LOCK_ATTEMPTS = 10;

/**
 * Other databases: knex's lock alone. Racing instances wait and try again; the lock is never
 * forced, since it cannot tell a dead holder from a slow one.
 */
async function migrateWithKnexLockOnly(
  db: Knex,
  options: MigrationSet,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.migrate.latest(options);
      return;
    } catch (error) {
      const { name, code } = error as { name?: string; code?: string };
      const concurrent = CONCURRENT_MIGRATION.some(
        known => known === name || known === code,
      );
      if (!concurrent) {
        throw error;
      }
      if (attempt === KNEX_LOCK_ATTEMPTS) {
        throw new Error(
          `Migrations of ${options.tableName} are still locked after ${attempt} attempts. If no ` +
            `instance is migrating (one was killed mid-run), clear the lock with ` +
            `"knex migrate:unlock" or: update ${options.tableName}_lock set is_locked = 0`,
          { cause: error },
        );
      }
      await pause(250 * attempt * (1 + Math.random()));
    }
  }
}

function pause(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
