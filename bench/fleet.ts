import { BenchResult } from './results';

export async function fleetBench(_quick: boolean): Promise<BenchResult[]> {
  return [];
}
