import { MeshCoverageEntityProcessor } from '@meshcoverage/plugin-catalog-backend-module-mesh-coverage';
import { BUILTIN_MATRIX, indexMatrix, evaluateComponentCoverage, parseMeshDeclaration, computedAnnotations } from '@meshcoverage/plugin-mesh-coverage-common';
import { syntheticComponents } from './syntheticCatalog';
async function main() {
const entities = syntheticComponents(100000);
const index = indexMatrix(BUILTIN_MATRIX);
const loaded = { matrix: BUILTIN_MATRIX, index, meta: {} as any };
const logger: any = { warn() {}, child: () => logger };
const p = new MeshCoverageEntityProcessor({ matrixService: { getMatrix: async () => loaded } as any, logger, defaultRequirements: { service: ['mtls','retries','timeouts'] } });
const time = (label: string, f: (e: any) => any) => {
  for (let r = 0; r < 3; r++) { const s = process.hrtime.bigint(); for (const e of entities) f(e); if (r==2) console.log(label, Number(process.hrtime.bigint() - s) / 1e3 / entities.length); }
};
const defaults = { service: ['mtls','retries','timeouts'] } as any;
time('parse', e => parseMeshDeclaration(e.metadata.annotations, index, defaults[e.spec.type]));
time('evaluate', e => evaluateComponentCoverage(index, { type: e.spec.type, annotations: e.metadata.annotations }, { defaultRequirements: defaults }));
time('eval+computed', e => computedAnnotations(evaluateComponentCoverage(index, { type: e.spec.type, annotations: e.metadata.annotations }, { defaultRequirements: defaults })));
for (let r = 0; r < 3; r++) { const s = process.hrtime.bigint(); for (const e of entities) await p.preProcessEntity(e); console.log('processor', Number(process.hrtime.bigint() - s) / 1e3 / entities.length); }
for (let r = 0; r < 3; r++) { const s = process.hrtime.bigint(); for (const e of entities) await (async (x: any) => x)(e); console.log('noop', Number(process.hrtime.bigint() - s) / 1e3 / entities.length); }
}
main();
import { parseMeshId, parseResponsibilityIds } from '@meshcoverage/plugin-mesh-coverage-common';
const ents = syntheticComponents(100000); const idx = indexMatrix(BUILTIN_MATRIX);
const t = (label: string, f: (e: any) => any) => { for (let r = 0; r < 3; r++) { const s = process.hrtime.bigint(); for (const e of ents) f(e); if (r==2) console.log(label, Number(process.hrtime.bigint() - s) / 1e3 / ents.length); } };
t('mesh', e => parseMeshId(e.metadata.annotations['meshcoverage.io/mesh'], idx));
t('requires', e => parseResponsibilityIds(e.metadata.annotations['meshcoverage.io/requires'], idx, 'x'));
t('split', e => e.metadata.annotations['meshcoverage.io/requires'].split(','));
t('split+trim', e => e.metadata.annotations['meshcoverage.io/requires'].split(',').map((x: string) => x.trim()));
t('implements', e => parseResponsibilityIds(e.metadata.annotations['meshcoverage.io/implements'], idx, 'x'));
