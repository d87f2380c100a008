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
  return { db: { migrate: { latest } } as unknown as Knex, latest };
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

  it('fails at once on any other error', async () => {
    const broken = Object.assign(new Error('syntax error'), { code: '42601' });
    const { db, latest } = fakeDb([broken]);
    await expect(runMigrations(db, options)).rejects.toBe(broken);
    expect(latest).toHaveBeenCalledTimes(1);
  });
});
