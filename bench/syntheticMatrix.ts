import {
  MeshMatrix,
  parseMeshMatrix,
} from '@meshcoverage/plugin-mesh-coverage-common';
import { random } from './syntheticCatalog';

/** A valid matrix of `responsibilities` rows and `tools` columns (1 baseline + meshes). */
export function syntheticMatrix(
  responsibilities = 500,
  tools = 20,
): MeshMatrix {
  const next = random(7);
  const toolIds = Array.from({ length: tools }, (_, i) =>
    i === 0 ? 'kubernetes' : `mesh-${i}`,
  );
  const ids = Array.from(
    { length: responsibilities },
    (_, i) => `responsibility-${i + 1}`,
  );
  const groupsOf = 10;
  const matrix: MeshMatrix = {
    tools: toolIds.map((id, i) => ({
      id,
      name: i === 0 ? 'Kubernetes' : `Mesh ${i}`,
      kind: i === 0 ? 'baseline' : 'mesh',
    })),
    categories: Array.from(
      { length: responsibilities / (groupsOf * 5) },
      (_, c) => ({
        id: `category-${c + 1}`,
        number: String(c + 1).padStart(2, '0'),
        title: { en: `Category ${c + 1}`, ja: `カテゴリ ${c + 1}` },
        groups: Array.from({ length: 5 }, (__, g) => ({
          id: `group-${c + 1}-${g + 1}`,
          title: {
            en: `Group ${c + 1}.${g + 1}`,
            ja: `グループ ${c + 1}.${g + 1}`,
          },
          toolIds,
          responsibilityIds: ids.slice(
            (c * 5 + g) * groupsOf,
            (c * 5 + g + 1) * groupsOf,
          ),
        })),
      }),
    ),
    responsibilities: ids.map((id, i) => ({
      id,
      title: {
        en: `Synthetic responsibility ${i + 1}`,
        ja: `合成された責務 ${i + 1}`,
      },
    })),
    cells: ids.flatMap(responsibilityId =>
      toolIds.map(toolId =>
        toolId === 'kubernetes'
          ? {
              toolId,
              responsibilityId,
              support: 'no' as const,
              alternative: { en: 'Build it in the app', ja: 'アプリで実装' },
            }
          : {
              toolId,
              responsibilityId,
              support: next() < 0.7 ? ('yes' as const) : ('no' as const),
            },
      ),
    ),
  };
  // Throws, naming the first problems, if the generator ever makes an invalid matrix.
  return parseMeshMatrix(matrix, 'the synthetic matrix');
}
