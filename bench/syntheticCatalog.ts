import { Entity } from '@backstage/catalog-model';
import { builtinEdition } from '@meshcoverage/plugin-mesh-coverage-common';

const SEED_MATRIX = builtinEdition('seed').matrix;

const RESPONSIBILITY_IDS = SEED_MATRIX.responsibilities.map(r => r.id);

/** A deterministic pseudo-random generator, so every run benchmarks the same catalog. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const MESHES = [
  'istio',
  'istio',
  'linkerd',
  'consul',
  'vpc-lattice',
  'cilium',
  'kubernetes',
  '',
];
const TYPES = ['service', 'service', 'service', 'website', 'batch'];
/** Requirements teams actually write: mostly traffic, security and telemetry. */
const COMMON = [
  'mtls',
  'retries',
  'timeouts',
  'circuit-breaker',
  'jwt-auth',
  'rate-limiting',
  'golden-signals-create',
  'trace-spans',
  'access-logs-ship',
  'cert-rotation',
];

/** `count` components with realistic, repetitive mesh coverage annotations (and 1 % typos). */
export function syntheticComponents(count: number, seed = 42): Entity[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) =>
    items[Math.floor(next() * items.length)];
  return Array.from({ length: count }, (_, i) => {
    const requires = new Set<string>();
    const size = 2 + Math.floor(next() * 6);
    while (requires.size < size) {
      requires.add(next() < 0.8 ? pick(COMMON) : pick(RESPONSIBILITY_IDS));
    }
    const annotations: Record<string, string> = {
      'backstage.io/source-location': `url:https://git.example.com/team-${
        i % 300
      }/svc-${i}`,
    };
    const mesh = pick(MESHES);
    if (mesh) {
      annotations['meshcoverage.io/mesh'] = mesh;
    }
    annotations['meshcoverage.io/requires'] =
      [...requires].join(', ') + (next() < 0.01 ? ', mtsl' : '');
    if (next() < 0.3) {
      annotations['meshcoverage.io/implements'] = pick(COMMON);
    }
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `svc-${i}`, namespace: 'default', annotations },
      spec: {
        type: pick(TYPES),
        lifecycle: 'production',
        owner: `team-${i % 300}`,
      },
    };
  });
}
