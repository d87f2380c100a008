import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ComponentLike } from '@meshcoverage/plugin-mesh-coverage-common';
import {
  readCatalogComponents,
  toComponentLike,
} from './readCatalogComponents';

const component = (
  name: string,
  namespace: string,
  owner: unknown,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name,
    namespace,
    annotations: { 'meshcoverage.io/mesh': 'istio' },
  },
  spec: { type: 'service', owner: owner as string },
});

async function readAll(
  entities: Entity[],
): Promise<{ read: ComponentLike[]; pages: number[] }> {
  const read: ComponentLike[] = [];
  const pages: number[] = [];
  for await (const page of readCatalogComponents(
    catalogServiceMock({ entities }),
    mockCredentials.service(),
  )) {
    pages.push(page.length);
    read.push(...page);
  }
  return { read, pages };
}

describe('readCatalogComponents', () => {
  it('reads every component across pages, each owner resolved in its own namespace', async () => {
    // Three pages of a thousand; the same owner text in two namespaces is two owners.
    const owners = ['team-a', 'group:team-b', 'user:default/jane', '', 42];
    const entities = Array.from({ length: 2500 }, (_, i) =>
      component(`svc-${i}`, i % 2 ? 'payments' : 'default', owners[i % 5]),
    );
    entities.push({ ...entities[0], kind: 'API', metadata: { name: 'api' } });

    const { read, pages } = await readAll(entities);

    expect(pages).toEqual([1000, 1000, 500]);

    expect(read).toHaveLength(2500);
    expect(new Set(read.map(c => c.entityRef)).size).toBe(2500);
    // Each component as resolving it alone gives.
    expect(read).toEqual(entities.slice(0, 2500).map(e => toComponentLike(e)));
    expect(read[0].owner).toBe('group:default/team-a');
    expect(read[5].owner).toBe('group:payments/team-a');
    expect(read[1].owner).toBe('group:payments/team-b');
    expect(read[2].owner).toBe('user:default/jane');
    expect(read[3].owner).toBeUndefined();
    expect(read[4].owner).toBeUndefined();
  });
});
