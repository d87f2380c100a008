import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { ComponentCoverageRow, FleetSnapshotStore } from './FleetSnapshotStore';

// SQLite always; PostgreSQL wherever BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING is set (CI).
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_18', 'POSTGRES_17', 'POSTGRES_16', 'POSTGRES_15'],
  disableDocker: true,
});

const snapshot = (takenAt: string, components: ComponentCoverageRow[]) => ({
  takenAt,
  components: components.length,
  meanCoverage: null,
  gaps: components.reduce((sum, c) => sum + c.gaps, 0),
  summary: { note: `taken ${takenAt}` },
});

const orders = (coverage: number, gaps: number): ComponentCoverageRow => ({
  entityRef: 'component:default/orders',
  owner: 'group:default/team-a',
  mesh: 'linkerd',
  coverage,
  gaps,
});
const billing: ComponentCoverageRow = {
  entityRef: 'component:default/billing',
  owner: 'group:default/team-b',
  mesh: undefined,
  coverage: null,
  gaps: 0,
};

const group = (
  mesh: string | null,
  owner: string,
  coverages: number[],
  gaps: number,
) => ({
  mesh,
  owner,
  components: coverages.length,
  coverageSum: coverages.reduce((sum, c) => sum + c, 0),
  coverageCount: coverages.length,
  gaps,
  implementedByApp: 0,
});

describe.each(databases.eachSupportedId())(
  'FleetSnapshotStore on %s',
  databaseId => {
    // A database of its own per test: the test databases hand SQLite's out again to later tests.
    const freshDatabase = async () =>
      databaseId === 'SQLITE_3'
        ? knexFactory({
            client: 'better-sqlite3',
            connection: ':memory:',
            useNullAsDefault: true,
          })
        : databases.init(databaseId);

    async function createStore() {
      const knex = await freshDatabase();
      const store = await FleetSnapshotStore.create<{ note: string }>(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      return { knex, store };
    }

    it('stores snapshots and each component only when its coverage changes', async () => {
      const { knex, store } = await createStore();
      expect(await store.latest()).toBeUndefined();

      expect(
        await store.save(
          snapshot('2026-11-01T00:00:00.000Z', [orders(50, 2), billing]),
          [orders(50, 2), billing],
        ),
      ).toEqual({ changed: 2 });
      // Nothing changed: a snapshot row, no component rows.
      expect(
        await store.save(
          snapshot('2026-11-02T00:00:00.000Z', [orders(50, 2), billing]),
          [orders(50, 2), billing],
        ),
      ).toEqual({ changed: 0 });
      expect(
        await store.save(
          snapshot('2026-11-03T00:00:00.000Z', [orders(75, 1), billing]),
          [orders(75, 1), billing],
        ),
      ).toEqual({ changed: 1 });

      expect(
        await knex('mesh_coverage_fleet_snapshots').count({ n: '*' }),
      ).toEqual([{ n: expect.anything() }]);
      // Only the latest keeps its full summary.
      expect(
        (
          await knex('mesh_coverage_fleet_snapshots')
            .select('summary')
            .orderBy('id')
        ).map(row => row.summary !== null),
      ).toEqual([false, false, true]);
      expect(await store.latest()).toEqual({
        id: expect.any(Number),
        takenAt: '2026-11-03T00:00:00.000Z',
        components: 2,
        meanCoverage: null,
        gaps: 1,
        summary: { note: 'taken 2026-11-03T00:00:00.000Z' },
      });
      expect(
        (
          await store.history(
            '2026-11-02T00:00:00.000Z',
            '2026-11-03T00:00:00.000Z',
          )
        ).map(point => [point.takenAt, point.gaps]),
      ).toEqual([
        ['2026-11-02T00:00:00.000Z', 2],
        ['2026-11-03T00:00:00.000Z', 1],
      ]);
      // The series from 2 November starts with the value in force then (from 1 November).
      expect(
        await store.componentHistory(
          'component:default/orders',
          '2026-11-02T00:00:00.000Z',
          '2026-11-30T00:00:00.000Z',
        ),
      ).toEqual([
        { ...orders(50, 2), takenAt: '2026-11-01T00:00:00.000Z' },
        { ...orders(75, 1), takenAt: '2026-11-03T00:00:00.000Z' },
      ]);
      expect(
        await store.componentHistory(
          'component:default/billing',
          '2026-10-01T00:00:00.000Z',
          '2026-11-30T00:00:00.000Z',
        ),
      ).toEqual([{ ...billing, takenAt: '2026-11-01T00:00:00.000Z' }]);
    });

    it('prunes what is older than the retention, keeping the value each component had then', async () => {
      const { knex, store } = await createStore();
      for (const [takenAt, coverage, gaps] of [
        ['2026-01-01T00:00:00.000Z', 25, 3],
        ['2026-02-01T00:00:00.000Z', 50, 2],
        ['2026-06-01T00:00:00.000Z', 75, 1],
      ] as const) {
        await store.save(
          snapshot(takenAt, []),
          [orders(coverage, gaps)],
          [group('linkerd', 'group:default/team-a', [coverage], gaps)],
        );
      }

      expect(await store.prune('2026-03-01T00:00:00.000Z')).toEqual({
        snapshots: 2,
        changes: 1,
      });
      expect(
        (await store.history('2000-01-01', '2100-01-01')).map(
          point => point.takenAt,
        ),
      ).toEqual(['2026-06-01T00:00:00.000Z']);
      expect(await knex('mesh_coverage_fleet_groups').select('owner')).toEqual([
        { owner: 'group:default/team-a' },
      ]);
      expect(
        (
          await store.componentHistory(
            'component:default/orders',
            '2026-03-01T00:00:00.000Z',
            '2026-12-01T00:00:00.000Z',
          )
        ).map(c => [c.takenAt, c.coverage]),
      ).toEqual([
        ['2026-02-01T00:00:00.000Z', 50],
        ['2026-06-01T00:00:00.000Z', 75],
      ]);
      expect(
        await knex('mesh_coverage_component_changes').select('coverage'),
      ).toHaveLength(2);
    });

    it('adds up the history of one mesh, one owner or both from the groups', async () => {
      const { store } = await createStore();
      const A = 'group:default/team-a';
      const B = 'group:default/team-b';
      await store.save(
        snapshot('2026-11-01T00:00:00.000Z', []),
        [],
        [
          group('istio', A, [100, 50], 1),
          group('linkerd', A, [40], 2),
          group('istio', B, [20], 3),
        ],
      );
      await store.save(
        snapshot('2026-11-02T00:00:00.000Z', []),
        [],
        [group('linkerd', A, [60, 80, 100], 1)],
      );
      const from = '2026-11-01T00:00:00.000Z';
      const to = '2026-11-02T00:00:00.000Z';
      expect(await store.history(from, to, { mesh: 'istio' })).toEqual([
        { takenAt: from, components: 3, meanCoverage: 57, gaps: 4 },
        // No istio component then: a point of nothing, not a missing point.
        { takenAt: to, components: 0, meanCoverage: null, gaps: 0 },
      ]);
      expect(await store.history(from, to, { owner: A })).toEqual([
        { takenAt: from, components: 3, meanCoverage: 63, gaps: 3 },
        { takenAt: to, components: 3, meanCoverage: 80, gaps: 1 },
      ]);
      expect(
        await store.history(from, to, { mesh: 'linkerd', owner: A }),
      ).toEqual([
        { takenAt: from, components: 1, meanCoverage: 40, gaps: 2 },
        { takenAt: to, components: 3, meanCoverage: 80, gaps: 1 },
      ]);
    });

    it('leaves an unmigrated database alone when migrations are skipped', async () => {
      const knex = await freshDatabase();
      await FleetSnapshotStore.create(
        mockServices.database({ knex, migrations: { skip: true } }),
      );
      expect(await knex.schema.hasTable('mesh_coverage_fleet_snapshots')).toBe(
        false,
      );
    });
  },
);
