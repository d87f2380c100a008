import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { meshCoverageFleetReadPermission } from '@meshcoverage/plugin-mesh-coverage-common';

/** The example catalog's platform team (examples/org.yaml): the only readers of the fleet. */
const FLEET_READERS = 'group:default/platform-team';

/**
 * The example portal's policy, in force only where `permission.enabled` is true (Backstage allows
 * everything otherwise): everything is allowed, but the fleet figures are the platform team's
 * (plugins/mesh-coverage-backend/README.md, "Permissions"). The guest user is not in the team, so
 * with the framework on the fleet tab tells it so, while the rest of the portal works as before.
 */
class ExamplePermissionPolicy implements PermissionPolicy {
  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (query.permission.name === meshCoverageFleetReadPermission.name) {
      return user?.info.ownershipEntityRefs.includes(FLEET_READERS)
        ? { result: AuthorizeResult.ALLOW }
        : { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

export const examplePermissionPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'example-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new ExamplePermissionPolicy());
      },
    });
  },
});
