import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Reading the fleet's figures: per owner and mesh, their history, what-ifs and the adoption case.
 * They come from a snapshot the plugin reads with its own credentials, so they are a governance
 * view an admin grants (as Backstage's Kubernetes plugin grants `kubernetes.clusters.read`), not
 * something every signed-in user sees.
 *
 * @public
 */
export const meshCoverageFleetReadPermission = createPermission({
  name: 'mesh-coverage.fleet.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the Mesh Coverage plugins, as the backend registers them.
 *
 * @public
 */
export const meshCoveragePermissions = [meshCoverageFleetReadPermission];
