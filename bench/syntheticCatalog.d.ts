import { Entity } from '@backstage/catalog-model';
/** A deterministic pseudo-random generator, so every run benchmarks the same catalog. */
export declare function random(seed: number): () => number;
/** `count` components with realistic, repetitive mesh coverage annotations (and 1 % typos). */
export declare function syntheticComponents(count: number, seed?: number): Entity[];
