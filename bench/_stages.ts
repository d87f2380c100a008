import { BUILTIN_MATRIX, indexMatrix, parseMeshDeclaration, evaluateCoverage, evaluateComponentCoverage, computedAnnotations } from '@meshcoverage/plugin-mesh-coverage-common';
import { syntheticComponents } from './syntheticCatalog';
async function main() {
const entities = syntheticComponents(100000);
const index = indexMatrix(BUILTIN_MATRIX);
const loaded = { index };
const svc = { getMatrix: async () => loaded };
const defaults: any = { service: ['mtls','retries','timeouts'] };
const stages: Record<string, (e: any) => Promise<any>> = {
  noop: async e => e,
  awaitMatrix: async e => { if (e.kind !== 'Component') return e; const { index: i } = await svc.getMatrix(); return i ? e : e; },
  parse: async e => { const { index: i } = await svc.getMatrix(); return parseMeshDeclaration(e.metadata.annotations, i, defaults[e.spec.type] ?? []) ? e : e; },
  parseEval: async e => { const { index: i } = await svc.getMatrix(); const d = parseMeshDeclaration(e.metadata.annotations, i, defaults[e.spec.type] ?? []); return d.mesh ? evaluateCoverage(i, { mesh: d.mesh, requires: d.requires, implements: d.implements }) : e; },
  component: async e => { const { index: i } = await svc.getMatrix(); return evaluateComponentCoverage(i, { type: e.spec.type, annotations: e.metadata.annotations }, { defaultRequirements: defaults }); },
  computed: async e => { const { index: i } = await svc.getMatrix(); return computedAnnotations(evaluateComponentCoverage(i, { type: e.spec.type, annotations: e.metadata.annotations }, { defaultRequirements: defaults })); },
  copy: async e => { const { index: i } = await svc.getMatrix(); const c = computedAnnotations(evaluateComponentCoverage(i, { type: e.spec.type, annotations: e.metadata.annotations }, { defaultRequirements: defaults })); return { ...e, metadata: { ...e.metadata, annotations: Object.assign({}, e.metadata.annotations, c) } }; },
};
for (let r = 0; r < 4; r++) {
  const out: string[] = [];
  for (const [name, f] of Object.entries(stages)) { const s = process.hrtime.bigint(); for (const e of entities) await f(e); out.push(name + ' ' + (Number(process.hrtime.bigint() - s) / 1e3 / entities.length).toFixed(3)); }
  console.log(out.join(' | '));
}
}
main();
