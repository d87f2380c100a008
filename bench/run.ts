/*
 * npm run bench [-- --quick] [-- --only processor|matrix|fleet|configured|ui|card]: each figure a ratio against
 * a real reference measured side by side in the same run (BENCHMARKS.md); prints a table and writes
 * bench-results.json at the repository root.
 */
import { resolve } from 'path';
import { BenchResult, report } from './results';

/** A bench module's exports: the node transform hands a dynamically imported CommonJS module over as `default`. */
async function load<T>(imported: Promise<T>): Promise<T> {
  const namespace = (await imported) as T & { default?: T };
  return namespace.default ?? namespace;
}

async function main() {
  const quick = process.argv.includes('--quick');
  // `--only <figure>` runs one figure (while working on it); bench-results.json then holds only it.
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
  const selected = (figure: string) => !only || only === figure;
  const results: BenchResult[] = [];
  // Each figure's modules load only when it runs: the fleet figure's (the catalog backend, knex)
  // loaded up front made the processor figure bimodal (1.1 or 1.35 µs from run to run).
  if (selected('processor')) {
    const { processorBench } = await load(import('./processor'));
    results.push(await processorBench(quick));
  }
  if (selected('matrix')) {
    const { matrixBench } = await load(import('./matrix'));
    results.push(...(await matrixBench(quick)));
  }
  if (selected('fleet')) {
    const { fleetBench } = await load(import('./fleet'));
    results.push(...(await fleetBench(quick)));
  }
  if (selected('ui')) {
    const { uiBench } = await load(import('./ui'));
    results.push(...(await uiBench(quick)));
  }
  if (selected('configured')) {
    const { configuredBench } = await load(import('./configured'));
    results.push(...(await configuredBench(quick)));
  }
  if (selected('card')) {
    const { entityCardBench } = await load(import('./entityCard'));
    results.push(await entityCardBench(quick));
  }
  report(results, resolve(__dirname, '../bench-results.json'));
  // Exit explicitly: a figure's libraries (the catalog's database pool, the ESM loader's worker)
  // can keep the event loop alive after their figure is done.
  process.exit(results.every(r => r.pass) ? 0 : 1);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
