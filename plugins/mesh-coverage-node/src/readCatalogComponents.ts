import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ComponentLike } from '@meshcoverage/plugin-mesh-coverage-common';

/**
 * The only entity fields coverage needs, never the whole entity. Annotations come whole: their
 * keys contain dots, which field selection would split.
 *
 * @public
 */
export const COVERAGE_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
  'spec.type',
  'spec.owner',
];

const PAGE_SIZE = 1000;

/**
 * An owner as a full entity ref, resolved as the catalog resolves `spec.owner`: a group unless the
 * ref names a kind, in `namespace` unless it names one. Undefined when empty or not a ref.
 *
 * @public
 */
export function resolveOwnerRef(
  owner: unknown,
  namespace: string = 'default',
): string | undefined {
  if (typeof owner !== 'string' || !owner.trim()) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * What coverage needs of an entity. `resolveOwner` resolves `spec.owner` ({@link resolveOwnerRef}
 * unless given).
 *
 * @public
 */
export function toComponentLike(
  entity: Entity,
  resolveOwner: typeof resolveOwnerRef = resolveOwnerRef,
): ComponentLike {
  return {
    entityRef: stringifyEntityRef(entity),
    type: typeof entity.spec?.type === 'string' ? entity.spec.type : undefined,
    owner: resolveOwner(entity.spec?.owner, entity.metadata.namespace),
    annotations: entity.metadata.annotations,
  };
}

/**
 * {@link resolveOwnerRef} that resolves each owner once and then answers with the same string: a
 * fleet of 100 000 components names a few hundred owners, and the fleet's figures are keyed by
 * owner; a string seen before is compared and hashed at once, a new one of the same text is not.
 */
function resolveOwnerRefOnce(): typeof resolveOwnerRef {
  const byNamespace = new Map<string, Map<unknown, string | undefined>>();
  return (owner, namespace = 'default') => {
    let refs = byNamespace.get(namespace);
    if (!refs) {
      refs = new Map();
      byNamespace.set(namespace, refs);
    }
    if (!refs.has(owner)) {
      refs.set(owner, resolveOwnerRef(owner, namespace));
    }
    return refs.get(owner);
  };
}

/**
 * Pages through every component the credentials may see, a page at a time, selecting only the
 * fields coverage needs (never 100 000 full entities at once).
 *
 * @public
 */
export async function* readCatalogComponents(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): AsyncGenerator<ComponentLike[]> {
  const resolveOwner = resolveOwnerRefOnce();
  let cursor: string | undefined;
  do {
    const page = await catalog.queryEntities(
      cursor
        ? { cursor, limit: PAGE_SIZE, fields: COVERAGE_FIELDS }
        : {
            filter: { kind: 'Component' },
            limit: PAGE_SIZE,
            fields: COVERAGE_FIELDS,
          },
      { credentials },
    );
    yield page.items.map(entity => toComponentLike(entity, resolveOwner));
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
}
