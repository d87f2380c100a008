import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  builtinEdition,
  indexMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { FleetSnapshotSummary } from './fleetSnapshot';
import { MeshMatrixService } from '@meshcoverage/plugin-mesh-coverage-node';
import knexFactory from 'knex';
import { createFleetSnapshots } from './FleetSnapshots';
import { FleetSnapshotStore } from './FleetSnapshotStore';

const SEED_MATRIX = builtinEdition('seed').matrix;

const DAY_MS = 24 * 3600 * 1000;

const loaded = {
  matrix: SEED_MATRIX,
  index: indexMatrix(SEED_MATRIX),
  meta: {} as any,
};
const matrixService: MeshMatrixService = {
  getMatrix: async () => loaded,
  currentMatrix: () => loaded,
  getEdition: () => loaded,
};

const ORDERS = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'orders',
    namespace: 'default',
    annotations: {
      'meshcoverage.io/mesh': 'linkerd',
      'meshcoverage.io/requires': 'mtls,circuit-breaker',
    },
  },
  spec: { type: 'service', owner: 'team-a' },
};

async function setUp(entities: (typeof ORDERS)[] = [ORDERS]) {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const store = await FleetSnapshotStore.create<FleetSnapshotSummary>(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const snapshots = createFleetSnapshots({
    store,
    catalog: catalogServiceMock({ entities }),
    matrixService,
    defaultRequirements: {},
    logger: mockServices.logger.mock(),
    retentionMs: 400 * DAY_MS,
  });
  return { knex, store, snapshots };
}

describe('createFleetSnapshots', () => {
  it('stores no first snapshot of a catalog that holds nothing yet', async () => {
    const { knex, snapshots } = await setUp([]);
    await snapshots.take(mockCredentials.service());
    expect(
      await knex('mesh_coverage_fleet_snapshots').count({ n: '*' }),
    ).toEqual([{ n: 0 }]);
    expect(await snapshots.latest()).toBeUndefined();
  });

  it('serves the latest snapshot in hand while the database is away', async () => {
    const { knex, snapshots } = await setUp();
    await snapshots.take(mockCredentials.service());
    const latest = await snapshots.latest();
    expect(latest?.summary.today.components).toBe(1);
    await knex.destroy();
    expect(await snapshots.latest()).toBe(latest);
  });

  it('takes a snapshot of the catalog, stores each component, and prunes what is past retention', async () => {
    const { knex, store, snapshots } = await setUp();
    const old = new Date(Date.now() - 401 * DAY_MS).toISOString();
    const kept = new Date(Date.now() - 399 * DAY_MS).toISOString();
    for (const takenAt of [old, kept]) {
      await store.save(
        {
          takenAt,
          components: 0,
          meanCoverage: null,
          gaps: 0,
          summary: {} as any,
        },
        [],
      );
    }

    await snapshots.take(mockCredentials.service());

    const history = await store.history(old, new Date().toISOString());
    expect(history.map(point => point.takenAt)).toEqual([
      kept,
      expect.any(String),
    ]);
    expect(history[1]).toMatchObject({
      components: 1,
      meanCoverage: 50,
      gaps: 1,
    });
    expect(
      await knex('mesh_coverage_component_changes').select(
        'entity_ref',
        'owner',
        'mesh',
        'coverage',
      ),
    ).toEqual([
      {
        entity_ref: 'component:default/orders',
        owner: 'group:default/team-a',
        mesh: 'linkerd',
        coverage: 50,
      },
    ]);
    const latest = await snapshots.latest();
    expect(latest?.summary.today.components).toBe(1);
    // Parsed once per snapshot: the same object until the next one.
    expect(await snapshots.latest()).toBe(latest);
  });
});
