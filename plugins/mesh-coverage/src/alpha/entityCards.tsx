import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { z } from 'zod';

/**
 * The overview card on component pages (with an empty state for components that declare nothing).
 * `app.extensions` config: the blueprint's `filter` (an entity predicate; default
 * `{ kind: component }`) and `showScorecard` (default true).
 *
 * @alpha
 */
export const entityMeshCoverageCard = EntityCardBlueprint.makeWithOverrides({
  configSchema: {
    showScorecard: z.boolean().default(true),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: { kind: 'component' },
      loader: () =>
        import('../components/EntityMeshCoverageCard').then(m =>
          compatWrapper(
            <m.EntityMeshCoverageCard showScorecard={config.showScorecard} />,
          ),
        ),
    });
  },
});
