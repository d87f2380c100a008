import { Entity } from '@backstage/catalog-model';

/**
 * True for components that carry any `meshcoverage.io/*` annotation (declared by their owners, or
 * computed by the catalog module from config defaults). Use it with `EntitySwitch` to show the
 * mesh coverage tab only where there is something to show.
 *
 * @public
 */
export function isMeshCoverageAvailable(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    Object.keys(entity.metadata.annotations ?? {}).some(key =>
      key.startsWith('meshcoverage.io/'),
    )
  );
}
