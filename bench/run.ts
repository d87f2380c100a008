/*
 * npm run bench [-- --quick]: the figures of issue 7, each measured side by side with its
 * reference in the same run; prints a table and writes bench-results.json at the repository root.
 */
import { resolve } from 'path';
import { fleetBench } from './fleet';
import { matrixBench } from './matrix';
import { processorBench } from './processor';
import { BenchResult, report } from './results';
import { uiBench } from './ui';

async function main() {
  const quick = process.argv.includes('--quick');
  // `--only <figure>` runs one figure (while working on it); bench-results.json then holds only it.
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
  const selected = (figure: string) => !only || only === figure;
  const results: BenchResult[] = [];
  if (selected('processor')) results.push(await processorBench(quick));
  if (selected('matrix')) results.push(...(await matrixBench(quick)));
  if (selected('fleet')) results.push(...(await fleetBench(quick)));
  if (selected('ui')) results.push(...(await uiBench(quick)));
  report(results, resolve(__dirname, '../bench-results.json'));
  process.exitCode = results.every(r => r.pass) ? 0 : 1;
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
