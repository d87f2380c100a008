import { builtinEdition, FleetWhatIfAccumulator, indexMatrix } from '@meshcoverage/plugin-mesh-coverage-common';
import { syntheticComponents } from '/work/main/bench/syntheticCatalog';
const index = indexMatrix(builtinEdition('current').matrix);
const comps = syntheticComponents(100000).map(e => ({ entityRef: `component:default/${e.metadata.name}`, type: String(e.spec?.type), annotations: e.metadata.annotations as Record<string,string> }));
for (let round = 0; round < 8; round++) {
  const t = process.hrtime.bigint();
  const acc = new FleetWhatIfAccumulator(index, { defaultRequirements: { service: ['mtls', 'retries', 'timeouts'] }, whatIfMesh: 'linkerd' });
  for (const c of comps) acc.add(c);
  acc.result();
  console.log(Number(process.hrtime.bigint() - t) / 1e6, 'ms');
}
