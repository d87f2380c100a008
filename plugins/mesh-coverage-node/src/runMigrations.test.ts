import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { runMigrations } from './runMigrations';

// PostgreSQL wherever BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING is set (CI); SQLite
// in memory always. Several instances on one SQLite database need a file, opened below.
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15'],
  disableDocker: true,
});
const postgresIds = databases
  .eachSupportedId()
  .flat()
  .filter(id => id.startsWith('POSTGRES'));

const TABLE = 'test_knex_migrations';

/** What the migrations under test reach from inside: a gate the test opens, and a count of runs. */
type Probe = {
  runs: Record<string, number>;
  entered: () => void;
  opened: Promise<void>;
};
declare global {
  // eslint-disable-next-line no-var
  var migrationProbe: Probe | undefined;
}

/** Each migration records that it ran, both here and in the database. */
const MIGRATIONS = {
  widgets: `
    exports.up = async knex => {
      globalThis.migrationProbe.runs.widgets = (globalThis.migrationProbe.runs.widgets ?? 0) + 1;
      await knex.schema.createTable('widgets', t => t.string('name'));
      await new Promise(r => setTimeout(r, 30)); // long enough for the others to collide
      await knex('widgets').insert({ name: 'widgets' });
    };
    exports.down = async () => {};`,
  more: `
    exports.up = async knex => {
      globalThis.migrationProbe.runs.more = (globalThis.migrationProbe.runs.more ?? 0) + 1;
      await knex('widgets').insert({ name: 'more' });
    };
    exports.down = async () => {};`,
  // Without a transaction knex commits its lock row as taken while this runs: what the old code
  // force-freed after a while, and what a process killed here leaves behind.
  gated: `
    exports.config = { transaction: false };
    exports.up = async knex => {
      globalThis.migrationProbe.runs.gated = (globalThis.migrationProbe.runs.gated ?? 0) + 1;
      globalThis.migrationProbe.entered();
      await globalThis.migrationProbe.opened;
      await knex('widgets').insert({ name: 'gated' });
    };
    exports.down = async () => {};`,
  broken: `
    exports.up = async knex => {
      globalThis.migrationProbe.runs.broken = (globalThis.migrationProbe.runs.broken ?? 0) + 1;
      await knex.raw('select * from no_such_table');
    };
    exports.down = async () => {};`,
};
type MigrationName = keyof typeof MIGRATIONS;

/** One database, reached by as many separate knex instances (backend instances) as asked. */
type SharedDatabase = { connect: () => Knex; close: () => Promise<void> };

async function sqliteFile(): Promise<SharedDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'run-migrations-db-'));
  const opened: Knex[] = [];
  return {
    connect() {
      const db = knexFactory({
        client: 'better-sqlite3',
        connection: { filename: join(dir, 'backend.sqlite') },
        useNullAsDefault: true,
      });
      opened.push(db);
      return db;
    },
    async close() {
      await Promise.all(opened.map(db => db.destroy()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgres(id: (typeof postgresIds)[number]) {
  return async (): Promise<SharedDatabase> => {
    const first = await databases.init(id);
    // knex hides the password from enumeration (and so from a spread)
    const { connection } = first.client.config;
    const opened: Knex[] = [];
    return {
      connect() {
        const db = knexFactory({
          client: 'pg',
          connection: { ...connection, password: connection.password },
          pool: { min: 0, max: 5 },
        });
        opened.push(db);
        return db;
      },
      // TestDatabases drops the database at the end, once nobody is connected.
      close: async () => {
        await Promise.all(opened.map(db => db.destroy()));
      },
    };
  };
}

const targets: [string, () => Promise<SharedDatabase>][] = [
  ['an SQLite file', sqliteFile],
  ...postgresIds.map(
    id => [id, postgres(id)] as [string, () => Promise<SharedDatabase>],
  ),
];

function settled(promise: Promise<unknown>): () => boolean {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  return () => done;
}

const pause = (ms: number) => new Promise(r => setTimeout(r, ms));

async function locksSeenFromOutside(observer: Knex) {
  const knexLockRow = (await observer(`${TABLE}_lock`).pluck('is_locked')).map(
    Number,
  );
  if (observer.client.dialect !== 'postgresql') {
    return { knexLockRow };
  }
  const advisoryLocksGranted = await observer('pg_locks')
    .where({ locktype: 'advisory' })
    .whereRaw(
      'database = (select oid from pg_database where datname = current_database())',
    )
    .orderBy('granted')
    .pluck('granted');
  return { knexLockRow, advisoryLocksGranted };
}

const LOCKS_WHILE_ONE_MIGRATES_AND_ONE_WAITS: Record<string, object> = {
  // The gated migration runs without a transaction, so knex's row is committed as taken, and left
  // so; the second instance waits in the advisory lock, not in a timer that could run out.
  postgresql: { knexLockRow: [1], advisoryLocksGranted: [false, true] },
  // The whole run is one transaction, so nothing of it shows (or could be left behind) until done.
  sqlite3: { knexLockRow: [0] },
};

describe.each(targets)('runMigrations on %s', (_name, openDatabase) => {
  let database: SharedDatabase;
  let migrationsDir: string;
  let openGate: () => void;
  let gateEntered: Promise<void>;

  const migrationSet = () => ({ directory: migrationsDir, tableName: TABLE });
  const addMigration = (order: number, name: MigrationName) =>
    writeFileSync(
      join(migrationsDir, `00${order}_${name}.js`),
      MIGRATIONS[name],
    );

  const ledger = async (db: Knex) =>
    (await db(TABLE).orderBy('id').select('name')).map(row => row.name);
  const widgets = async (db: Knex) =>
    (await db('widgets').orderBy('name').select('name')).map(row => row.name);
  const lockRows = async (db: Knex) =>
    (await db(`${TABLE}_lock`).select('is_locked')).map(row =>
      Number(row.is_locked),
    );

  beforeEach(async () => {
    database = await openDatabase();
    migrationsDir = mkdtempSync(join(tmpdir(), 'run-migrations-'));
    let entered!: () => void;
    gateEntered = new Promise(resolve => (entered = resolve));
    globalThis.migrationProbe = {
      runs: {},
      entered,
      opened: new Promise(resolve => (openGate = resolve)),
    };
  });

  afterEach(async () => {
    openGate();
    await database.close();
    rmSync(migrationsDir, { recursive: true, force: true });
    delete globalThis.migrationProbe;
  });

  it('lets several instances start at once: all succeed, each migration runs once', async () => {
    addMigration(1, 'widgets');
    addMigration(2, 'more');
    const instances = Array.from({ length: 4 }, () => database.connect());

    await Promise.all(instances.map(db => runMigrations(db, migrationSet())));

    expect(globalThis.migrationProbe!.runs).toEqual({ widgets: 1, more: 1 });
    const observer = database.connect();
    expect(await ledger(observer)).toEqual(['001_widgets.js', '002_more.js']);
    expect(await widgets(observer)).toEqual(['more', 'widgets']);
    expect(await lockRows(observer)).toEqual([0]);
  });

  it('frees a knex lock left taken by a killed process, and migrates', async () => {
    addMigration(1, 'widgets');
    const observer = database.connect();
    await runMigrations(observer, migrationSet());
    await observer(`${TABLE}_lock`).update({ is_locked: 1 });
    addMigration(2, 'more');

    const started = Date.now();
    await runMigrations(database.connect(), migrationSet());

    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await ledger(observer)).toEqual(['001_widgets.js', '002_more.js']);
    expect(await lockRows(observer)).toEqual([0]);
  });

  it('waits, without freeing anything, while another instance is migrating, then finds the work done', async () => {
    addMigration(1, 'widgets');
    const [first, second, observer] = Array.from({ length: 3 }, () =>
      database.connect(),
    );
    await runMigrations(observer, migrationSet());
    addMigration(2, 'gated');

    const firstRun = runMigrations(first, migrationSet());
    await gateEntered;
    const secondRun = runMigrations(second, migrationSet());
    const secondSettled = settled(secondRun);
    await pause(300);

    expect(secondSettled()).toBe(false);
    expect(await locksSeenFromOutside(observer)).toEqual(
      LOCKS_WHILE_ONE_MIGRATES_AND_ONE_WAITS[observer.client.dialect],
    );
    expect(globalThis.migrationProbe!.runs).toEqual({ widgets: 1, gated: 1 });

    openGate();
    await Promise.all([firstRun, secondRun]);

    expect(globalThis.migrationProbe!.runs).toEqual({ widgets: 1, gated: 1 });
    expect(await ledger(observer)).toEqual(['001_widgets.js', '002_gated.js']);
    expect(await widgets(observer)).toEqual(['gated', 'widgets']);
    expect(await lockRows(observer)).toEqual([0]);
  });

  it('fails at once on any other error, and leaves nothing locked', async () => {
    addMigration(1, 'widgets');
    addMigration(2, 'broken');

    const started = Date.now();
    // The migration's own error, checked by its message rather than with toThrow: better-sqlite3's
    // native addon is loaded once per process and keeps the SqliteError class of the first test
    // file that opened a database. In a jest worker that ran such a file before this one, SQLite's
    // errors come from that file's realm, and toThrow takes them for no error ("did not throw").
    await expect(
      runMigrations(database.connect(), migrationSet()),
    ).rejects.toHaveProperty('message', expect.stringMatching(/no_such_table/));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(globalThis.migrationProbe!.runs.broken).toBe(1);

    unlinkSync(join(migrationsDir, '002_broken.js'));
    addMigration(2, 'more');
    const observer = database.connect();
    await runMigrations(observer, migrationSet());
    expect(await ledger(observer)).toEqual(['001_widgets.js', '002_more.js']);
    expect(await lockRows(observer)).toEqual([0]);
  });
});

describe('runMigrations on an SQLite file another connection reads', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'run-migrations-'));
    globalThis.migrationProbe = {
      runs: {},
      entered: () => {},
      opened: Promise.resolve(),
    };
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    delete globalThis.migrationProbe;
  });

  it('tries again when a long read keeps it from committing', async () => {
    const migrationsDir = join(dir, 'migrations');
    mkdirSync(migrationsDir);
    writeFileSync(join(migrationsDir, '001_widgets.js'), MIGRATIONS.widgets);
    const filename = join(dir, 'backend.sqlite');
    const reader = knexFactory({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
    });
    const migrating = knexFactory({
      client: 'better-sqlite3',
      connection: { filename },
      useNullAsDefault: true,
      // A short busy timeout, so that the commit gives up while the read goes on
      pool: {
        afterCreate: (
          connection: { pragma: (statement: string) => unknown },
          done: (error: null, connection: unknown) => void,
        ) => {
          connection.pragma('busy_timeout = 20');
          done(null, connection);
        },
      },
    });
    try {
      await reader.schema.createTable('other', t => t.string('name'));
      const read = await reader.transaction();
      await read('other').select();

      const run = runMigrations(migrating, {
        directory: migrationsDir,
        tableName: TABLE,
      });
      const runSettled = settled(run);
      await pause(300);
      expect(runSettled()).toBe(false);
      await read.commit();
      await run;

      expect(await reader(TABLE).pluck('name')).toEqual(['001_widgets.js']);
      expect(await reader('widgets').pluck('name')).toEqual(['widgets']);
    } finally {
      await Promise.all([reader.destroy(), migrating.destroy()]);
    }
  });
});

describe('runMigrations on SQLite in memory (the default backend database)', () => {
  let migrationsDir: string;
  beforeEach(() => {
    migrationsDir = mkdtempSync(join(tmpdir(), 'run-migrations-'));
    globalThis.migrationProbe = {
      runs: {},
      entered: () => {},
      opened: Promise.resolve(),
    };
  });
  afterEach(() => {
    rmSync(migrationsDir, { recursive: true, force: true });
    delete globalThis.migrationProbe;
  });

  it('migrates, frees a lock left taken, and finds nothing left to do on the next start', async () => {
    writeFileSync(join(migrationsDir, '001_widgets.js'), MIGRATIONS.widgets);
    const db = await databases.init('SQLITE_3');
    const migrationSet = { directory: migrationsDir, tableName: TABLE };

    await runMigrations(db, migrationSet);
    await db(`${TABLE}_lock`).update({ is_locked: 1 });
    await runMigrations(db, migrationSet);

    expect(globalThis.migrationProbe!.runs).toEqual({ widgets: 1 });
    expect(await db(TABLE).pluck('name')).toEqual(['001_widgets.js']);
    expect(await db(`${TABLE}_lock`).pluck('is_locked')).toEqual([0]);
  });
});
