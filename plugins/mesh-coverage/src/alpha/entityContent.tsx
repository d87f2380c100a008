import { compatWrapper } from '@backstage/core-compat-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isMeshCoverageAvailable } from '../conditions';

/**
 * The "Mesh coverage" tab, on components that declare mesh coverage.
 *
 * @alpha
 */
export const entityMeshCoverageContent = EntityContentBlueprint.make({
  params: {
    path: '/mesh-coverage',
    title: 'Mesh coverage',
    filter: isMeshCoverageAvailable,
    loader: () =>
      import('../components/EntityMeshCoverageContent').then(m =>
        compatWrapper(<m.EntityMeshCoverageContent />),
      ),
  },
});
