/*
 * npm run bench [-- --quick]: the figures of issue 7, each measured side by side with its
 * reference in the same run; prints a table and writes bench-results.json at the repository root.
 */
import { resolve } from 'path';
import { matrixBench } from './matrix';
import { processorBench } from './processor';
import { BenchResult, report } from './results';
import { uiBench } from './ui';

async function main() {
  const quick = process.argv.includes('--quick');
  const results: BenchResult[] = [];
  results.push(await processorBench(quick));
  results.push(...(await matrixBench(quick)));
  results.push(...(await uiBench(quick)));
  report(results, resolve(__dirname, '../bench-results.json'));
  process.exitCode = results.every(r => r.pass) ? 0 : 1;
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
