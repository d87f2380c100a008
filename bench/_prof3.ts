import { BUILTIN_MATRIX, indexMatrix, parseMeshDeclaration } from '@meshcoverage/plugin-mesh-coverage-common';
import { syntheticComponents } from './syntheticCatalog';
const entities = syntheticComponents(100000);
const index = indexMatrix(BUILTIN_MATRIX);
const d = ['mtls', 'retries', 'timeouts'];
let x = 0;
for (let r = 0; r < 40; r++) for (const e of entities) x += parseMeshDeclaration(e.metadata.annotations, index, (e.spec as any).type === 'service' ? d : []).requires.length;
console.log(x);
