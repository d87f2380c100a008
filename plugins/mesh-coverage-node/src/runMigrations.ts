import { Knex } from 'knex';

/** Errors of another instance migrating the same database at the same moment. */
const CONCURRENT_MIGRATION = [
  'MigrationLocked', // knex: the other instance holds the lock
  '23505', // PostgreSQL unique_violation: both create the ledger's type at once
  '42P07', // duplicate_table
  '42710', // duplicate_object
];
const ATTEMPTS = 10;

/**
 * Runs a package's knex migrations with a ledger of its own. When several instances start at once
 * on an empty database, knex creates its ledger and lock without waiting for each other and one
 * of them fails; that one waits and tries again, then finds the work done. A lock still held after
 * the last try was left by a process that died while migrating, and is freed.
 *
 * @public
 */
export async function runMigrations(
  db: Knex,
  options: { directory: string; tableName: string },
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await db.migrate.latest(options);
      return;
    } catch (error) {
      const { name, code, message } = error as {
        name?: string;
        code?: string;
        message?: string;
      };
      const concurrent =
        CONCURRENT_MIGRATION.some(known => known === name || known === code) ||
        // SQLite says so in words only (SQLITE_ERROR)
        /table `?\w+`? already exists/.test(message ?? '');
      if (!concurrent || attempt > ATTEMPTS) {
        throw error;
      }
      if (attempt === ATTEMPTS && name === 'MigrationLocked') {
        // Still locked after all this while: a process that died while migrating left the lock
        // behind (knex never frees it). Our migrations take milliseconds; nobody holds it now.
        await db.migrate.forceFreeMigrationsLock(options);
        continue;
      }
      if (attempt === ATTEMPTS) {
        throw error;
      }
      await new Promise(r =>
        setTimeout(r, 250 * attempt + Math.random() * 250),
      );
    }
  }
}
