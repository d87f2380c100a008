import { MeshCoverageEntityProcessor } from '@meshcoverage/plugin-catalog-backend-module-mesh-coverage';
import {
  SEED_MATRIX,
  indexMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { BenchResult, median } from './results';
import { syntheticComponents } from './syntheticCatalog';

/**
 * processor: per-entity cost of our processor over a no-op processor, side by side in the same
 * loop, on 100 000 synthetic components. Goal: <= 1 µs.
 */
export async function processorBench(quick: boolean): Promise<BenchResult> {
  const count = 100_000;
  const entities = syntheticComponents(count);
  const loaded = {
    matrix: SEED_MATRIX,
    index: indexMatrix(SEED_MATRIX),
    meta: { source: 'built-in', loadedAt: '', version: 'bench' },
  };
  const logger: any = {
    warn() {},
    info() {},
    error() {},
    debug() {},
    child: () => logger,
  };
  const ours = new MeshCoverageEntityProcessor({
    matrixService: {
      currentMatrix: () => loaded,
    },
    logger,
    defaultRequirements: { service: ['mtls', 'retries', 'timeouts'] },
  });
  const noop = { preProcessEntity: async (entity: unknown) => entity };
  const run = async (processor: {
    preProcessEntity(e: any): Promise<unknown>;
  }) => {
    const start = process.hrtime.bigint();
    for (const entity of entities) {
      await processor.preProcessEntity(entity);
    }
    return Number(process.hrtime.bigint() - start) / 1e3; // µs
  };
  const overheads: number[] = [];
  for (let round = 0; round < (quick ? 5 : 11); round += 1) {
    const base = await run(noop);
    const measured = await run(ours);
    overheads.push((measured - base) / count);
  }
  const value = median(overheads);
  return {
    name: 'processor overhead per entity',
    value,
    unit: 'µs',
    goal: '<= 1',
    pass: value <= 1,
    detail: `${count} components, median of ${overheads.length} rounds`,
  };
}
