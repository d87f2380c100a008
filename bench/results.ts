import { writeFileSync } from 'fs';
import { resolve } from 'path';

/** One figure of `bench-results.json`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The goal, e.g. `<= 1` or `>= 0.9`. */
  goal: string;
  pass: boolean;
  /** Context for the reader: inputs, side figures. */
  detail?: string;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
};

export function report(results: BenchResult[], path: string) {
  const rows = results.map(r => [
    r.pass ? 'PASS' : 'FAIL',
    r.name,
    `${Number(r.value.toPrecision(4))} ${r.unit}`,
    r.goal,
    r.detail ?? '',
  ]);
  const widths = [4, 34, 16, 10].map((w, i) =>
    Math.max(w, ...rows.map(row => row[i].length)),
  );
  console.log();
  for (const row of rows) {
    console.log(
      row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]) : cell)).join('  '),
    );
  }
  writeFileSync(
    resolve(path),
    `${JSON.stringify(
      results.map(({ name, value, unit, goal, pass }) => ({
        name,
        value,
        unit,
        goal,
        pass,
      })),
      null,
      2,
    )}\n`,
  );
}
