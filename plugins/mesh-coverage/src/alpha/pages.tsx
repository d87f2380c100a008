import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import CompareArrowsIcon from '@material-ui/icons/CompareArrows';
import { rootRouteRef } from '../routes';

/**
 * The comparison page at `/mesh-comparison`; its title and icon make its nav item.
 *
 * @alpha
 */
export const meshComparisonPage = PageBlueprint.make({
  params: {
    path: '/mesh-comparison',
    title: 'Mesh comparison',
    icon: <CompareArrowsIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    // The page brings its own header with the translated title.
    noHeader: true,
    loader: () =>
      import('../components/MeshComparisonPage').then(m =>
        compatWrapper(<m.MeshComparisonPage />),
      ),
  },
});
