import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/**
 * The overview card on component pages (with an empty state for components that declare nothing).
 *
 * @alpha
 */
export const entityMeshCoverageCard = EntityCardBlueprint.make({
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('../components/EntityMeshCoverageCard').then(m =>
        compatWrapper(<m.EntityMeshCoverageCard />),
      ),
  },
});
