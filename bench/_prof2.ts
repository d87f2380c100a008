import { MeshCoverageEntityProcessor } from '@meshcoverage/plugin-catalog-backend-module-mesh-coverage';
import { BUILTIN_MATRIX, indexMatrix } from '@meshcoverage/plugin-mesh-coverage-common';
import { syntheticComponents } from './syntheticCatalog';
async function main() {
const entities = syntheticComponents(100000);
const index = indexMatrix(BUILTIN_MATRIX);
const loaded = { matrix: BUILTIN_MATRIX, index, meta: {} as any };
const logger: any = { warn() {}, child: () => logger };
const p = new MeshCoverageEntityProcessor({ matrixService: { getMatrix: async () => loaded } as any, logger, defaultRequirements: { service: ['mtls','retries','timeouts'] } });
for (let r = 0; r < 20; r++) { for (const e of entities) await p.preProcessEntity(e); }
}
main();
