import { waitForDatabase } from './waitForDatabase';

describe('waitForDatabase', () => {
  it('waits, saying why, until the database answers', async () => {
    const failures = [
      new Error('connect ECONNREFUSED 127.0.0.1:5432'),
      new Error('the database system is starting up'),
    ];
    const probe = jest.fn(async () => {
      const failure = failures.shift();
      if (failure) throw failure;
    });
    const lines: string[] = [];
    await waitForDatabase({
      probe,
      describe: 'PostgreSQL at db:5432',
      log: line => lines.push(line),
      intervalMs: 10,
    });
    expect(probe).toHaveBeenCalledTimes(3);
    expect(lines).toEqual([
      'Waiting for PostgreSQL at db:5432 (attempt 1: connect ECONNREFUSED 127.0.0.1:5432); trying again in 0.01 s',
      'Waiting for PostgreSQL at db:5432 (attempt 2: the database system is starting up); trying again in 0.01 s',
      'PostgreSQL at db:5432 is up; starting',
    ]);
  });

  it('gives up with the last reason after the timeout', async () => {
    await expect(
      waitForDatabase({
        probe: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        },
        describe: 'PostgreSQL at db:5432',
        log: () => {},
        intervalMs: 10,
        timeoutMs: 50,
      }),
    ).rejects.toThrow(
      'PostgreSQL at db:5432 did not come up within 0.05 s: connect ECONNREFUSED 127.0.0.1:5432',
    );
  });

  it('starts at once, without a word, when the database is up', async () => {
    const log = jest.fn();
    await waitForDatabase({
      probe: async () => {},
      describe: 'PostgreSQL',
      log,
    });
    expect(log).not.toHaveBeenCalled();
  });
});
