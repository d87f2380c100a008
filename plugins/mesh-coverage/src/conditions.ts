import { Entity } from '@backstage/catalog-model';

/** The Kubernetes plugin's annotations: with one, a component's mesh can be read from its pods. */
const KUBERNETES_ANNOTATIONS = [
  'backstage.io/kubernetes-id',
  'backstage.io/kubernetes-label-selector',
];

/**
 * True for components that carry any `meshcoverage.io/*` annotation (declared by their owners, or
 * computed by the catalog module from config defaults), or that run on Kubernetes
 * (`backstage.io/kubernetes-id` or `-label-selector`), whose mesh the backend can read from their
 * pods. Use it with `EntitySwitch` to show the mesh coverage tab only where there is something to
 * show.
 *
 * @public
 */
export function isMeshCoverageAvailable(entity: Entity): boolean {
  const keys = Object.keys(entity.metadata.annotations ?? {});
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    keys.some(
      key =>
        key.startsWith('meshcoverage.io/') ||
        KUBERNETES_ANNOTATIONS.includes(key),
    )
  );
}
