import { Knex } from 'knex';
import { runMigrations } from './runMigrations';

const fakeDb = (failures: unknown[]) => {
  const latest = jest.fn(async () => {
    const failure = failures.shift();
    if (failure) {
      throw failure;
    }
    return [1, []];
  });
  const forceFreeMigrationsLock = jest.fn(async () => {});
  return {
    db: { migrate: { latest, forceFreeMigrationsLock } } as unknown as Knex,
    latest,
    forceFreeMigrationsLock,
  };
};
const options = { directory: '/migrations', tableName: 'ledger' };

describe('runMigrations', () => {
  it('waits and tries again while another instance migrates the same database', async () => {
    const locked = Object.assign(
      new Error('Migration table is already locked'),
      {
        name: 'MigrationLocked',
      },
    );
    const duplicate = Object.assign(new Error('duplicate key value'), {
      code: '23505',
    });
    const { db, latest } = fakeDb([locked, duplicate]);
    await runMigrations(db, options);
    expect(latest).toHaveBeenCalledTimes(3);
    expect(latest).toHaveBeenCalledWith(options);
  });

  it('frees a lock a dead process left behind, after waiting for it', async () => {
    const locked = () =>
      Object.assign(new Error('Migration table is already locked'), {
        name: 'MigrationLocked',
      });
    const { db, latest, forceFreeMigrationsLock } = fakeDb(
      Array.from({ length: 10 }, locked),
    );
    await runMigrations(db, options);
    expect(forceFreeMigrationsLock).toHaveBeenCalledTimes(1);
    expect(forceFreeMigrationsLock).toHaveBeenCalledWith(options);
    expect(latest).toHaveBeenCalledTimes(11);
  }, 60_000);

  it('fails at once on any other error', async () => {
    const broken = Object.assign(new Error('syntax error'), { code: '42601' });
    const { db, latest, forceFreeMigrationsLock } = fakeDb([broken]);
    await expect(runMigrations(db, options)).rejects.toBe(broken);
    expect(latest).toHaveBeenCalledTimes(1);
    expect(forceFreeMigrationsLock).not.toHaveBeenCalled();
  });
});
