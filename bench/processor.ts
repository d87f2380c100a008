import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleMeshCoverage, {
  MeshCoverageEntityProcessor,
} from '@meshcoverage/plugin-catalog-backend-module-mesh-coverage';
import {
  builtinEdition,
  indexMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import knexFactory from 'knex';
import { catalogAccess, entityProviderModule } from './catalogAccess';
import { BenchResult, median } from './results';
import { syntheticComponents } from './syntheticCatalog';

const LOCATION = 'bench:processor';
const DEFAULTS = { service: ['mtls', 'retries', 'timeouts'] };

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * The real catalog's own time per entity: a catalog backend on SQLite with our module, handed the
 * components by an entity provider; from the hand-over to the last one stitched, over the count.
 */
async function catalogTimePerEntity(entities: Entity[]): Promise<number> {
  const handedOver: { at?: bigint } = {};
  const { plugin, access } = catalogAccess();
  const backend = await startTestBackend({
    features: [
      mockServices.database.factory({
        knex: knexFactory({
          client: 'better-sqlite3',
          connection: ':memory:',
          useNullAsDefault: true,
        }),
      }),
      catalogPlugin,
      catalogModuleMeshCoverage,
      entityProviderModule(
        'bench-components',
        () => entities,
        LOCATION,
        () => {
          handedOver.at = process.hrtime.bigint();
        },
      ),
      plugin,
      mockServices.rootConfig.factory({
        data: { meshCoverage: { defaultRequirements: DEFAULTS } },
      }),
    ],
  });
  try {
    for (;;) {
      const { totalItems } = await access.catalog!.queryEntities(
        { filter: { kind: 'component' }, limit: 1, fields: ['kind'] },
        { credentials: access.credentials! },
      );
      if (handedOver.at && totalItems >= entities.length) {
        const elapsedUs = Number(process.hrtime.bigint() - handedOver.at) / 1e3;
        return elapsedUs / entities.length;
      }
      await sleep(100);
    }
  } finally {
    await backend.stop();
  }
}

/** Our processor's time per entity: it and a no-op in the same loop, alternating. */
async function processorTimePerEntity(entities: Entity[], rounds: number) {
  const { matrix } = builtinEdition('current');
  const loaded = {
    matrix,
    index: indexMatrix(matrix),
    meta: { source: 'built-in', loadedAt: '', version: 'bench' },
  };
  const logger = mockServices.rootLogger({ level: 'error' });
  const ours = new MeshCoverageEntityProcessor({
    matrixService: { currentMatrix: () => loaded },
    logger,
    defaultRequirements: DEFAULTS,
  });
  const noop = { preProcessEntity: async (entity: Entity) => entity };
  const run = async (processor: {
    preProcessEntity(e: Entity): Promise<unknown>;
  }) => {
    const start = process.hrtime.bigint();
    for (const entity of entities) {
      await processor.preProcessEntity(entity);
    }
    return Number(process.hrtime.bigint() - start) / 1e3; // µs
  };
  const overheads: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const base = await run(noop);
    const measured = await run(ours);
    overheads.push((measured - base) / entities.length);
  }
  return median(overheads);
}

/**
 * processor share: our processor's time per entity as a fraction of the real catalog's own time
 * per entity for the same synthetic components, both measured in this run. Goal: <= 1 %.
 */
export async function processorBench(quick: boolean): Promise<BenchResult> {
  const count = quick ? 500 : 2000;
  const entities = syntheticComponents(count).map(entity => ({
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      },
    },
  }));
  const catalog = await catalogTimePerEntity(entities);
  // Many rounds over a larger set: one pass over `count` components is too short to time alone.
  const ours = await processorTimePerEntity(
    syntheticComponents(50_000),
    quick ? 5 : 11,
  );
  const share = (100 * ours) / catalog;
  return {
    name: 'processor share of catalog time per entity',
    value: share,
    unit: '%',
    goal: '<= 1',
    pass: share <= 1,
    detail: `ours ${ours.toFixed(2)} µs vs the catalog's ${(
      catalog / 1000
    ).toFixed(2)} ms per component (${count} components on SQLite)`,
  };
}
