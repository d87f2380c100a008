import { resolve as resolvePath } from 'path';
import {
  AuthService,
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { meshCoverageFleetReadPermission } from '@meshcoverage/plugin-mesh-coverage-common';
import request from 'supertest';
import { FLEET_SNAPSHOT_TASK_ID, meshCoveragePlugin } from './plugin';

jest.setTimeout(60_000);

const BASE = '/api/mesh-coverage';
const ADMIN = 'user:default/admin';
const DEVELOPER = 'user:default/developer';
const OUTSIDER = 'user:default/outsider';

/**
 * The policy of a portal that grants the fleet figures to its admins only, and hides the whole
 * catalog from an outsider (README: "Permissions").
 */
class FleetForAdminsPolicy implements PermissionPolicy {
  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const userRef = user?.info.userEntityRef;
    if (query.permission.name === meshCoverageFleetReadPermission.name) {
      return {
        result:
          userRef === ADMIN ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }
    if (
      userRef === OUTSIDER &&
      isResourcePermission(query.permission, 'catalog-entity')
    ) {
      return { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/**
 * The test backend's auth, with one thing real auth has and the mock drops: a plugin's token on a
 * user's behalf carries that plugin as its actor. Without it the permission backend refuses the
 * catalog's read checks ("Direct user requests without a resourceRef are not allowed").
 */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const prefix = 'mock-service-token:';
    return Object.assign(Object.create(auth), {
      async authenticate(token, options) {
        const credentials = await auth.authenticate(token, options);
        if (token.startsWith(prefix)) {
          const { sub, obo } = JSON.parse(token.slice(prefix.length));
          if (obo) {
            return mockCredentials.user(obo, { actor: { subject: sub } });
          }
        }
        return credentials;
      },
    } as Pick<AuthService, 'authenticate'>);
  },
});

async function startPortal() {
  const scheduler = mockServices.scheduler() as ReturnType<
    typeof mockServices.scheduler
  > & { factory(options?: { skipTaskRunOnStartup?: boolean }): any };
  const success = jest.fn(async () => {});
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => ({ success, fail: jest.fn() })),
  });
  const backend = await startTestBackend({
    features: [
      meshCoveragePlugin,
      catalogPlugin,
      permissionPlugin,
      createBackendModule({
        pluginId: 'permission',
        moduleId: 'fleet-for-admins',
        register(env) {
          env.registerInit({
            deps: { policy: policyExtensionPoint },
            async init({ policy }) {
              policy.setPolicy(new FleetForAdminsPolicy());
            },
          });
        },
      }),
      // The permission framework on, as a portal turns it on: the real services, not the
      // allow-all ones a test backend starts with.
      permissionsServiceFactory,
      permissionsRegistryServiceFactory,
      authWithActors,
      // Real HTTP auth, so that every plugin's requests are authenticated by the auth above.
      httpAuthServiceFactory,
      auditor.factory,
      scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          catalog: {
            rules: [{ allow: ['Component', 'API', 'Location'] }],
            locations: [
              {
                type: 'file',
                target: resolvePath(__dirname, '__fixtures__/entities.yaml'),
              },
            ],
          },
        },
      }),
    ],
  });
  const admin = mockCredentials.user.header(ADMIN);
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const res = await request(backend.server)
      .get('/api/catalog/entities/by-query?filter=kind=component')
      .set('Authorization', admin);
    if (res.body.items?.length === 3) break;
    await new Promise(r => setTimeout(r, 200));
  }
  await scheduler.triggerTask(FLEET_SNAPSHOT_TASK_ID);
  return { backend, auditor, success };
}

describe('with the permission framework on', () => {
  let portal: Awaited<ReturnType<typeof startPortal>>;
  const get = (path: string, user: string) =>
    request(portal.backend.server)
      .get(`${BASE}${path}`)
      .set('Authorization', mockCredentials.user.header(user));

  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(() => portal.backend.stop());

  const fleetRoutes = [
    '/fleet',
    '/fleet?mesh=istio',
    '/fleet?live=true',
    '/fleet?entityRefs=true',
    '/fleet/history',
    '/fleet/history?owner=group:default/team-a',
  ];

  it.each(fleetRoutes)(
    'answers 403 from %s to a user the policy denies mesh-coverage.fleet.read, naming the permission',
    async path => {
      const res = await get(path, DEVELOPER);
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
      expect(res.body.error.message).toContain('mesh-coverage.fleet.read');
      expect(JSON.stringify(res.body.error)).not.toContain('team-a');
    },
  );

  it.each(fleetRoutes)('serves %s to a user it allows', async path => {
    const res = await get(path, ADMIN);
    expect(res.status).toBe(200);
  });

  it.each(fleetRoutes.filter(path => !path.startsWith('/fleet/history')))(
    'names the teams in %s for a user it allows',
    async path => {
      const res = await get(path, ADMIN);
      expect(JSON.stringify(res.body)).toContain('group:default/team-a');
    },
  );

  it('keeps the comparison, the evaluation and a component of your own for the denied user', async () => {
    expect((await get('/matrix', DEVELOPER)).status).toBe(200);
    const coverage = await get(
      '/coverage?entityRef=component:default/payments-api',
      DEVELOPER,
    );
    expect([coverage.status, coverage.body.error?.message]).toEqual([
      200,
      undefined,
    ]);
    expect(coverage.body.entityRef).toBe('component:default/payments-api');
    const history = await get(
      '/coverage/history?entityRef=component:default/payments-api',
      DEVELOPER,
    );
    expect(history.status).toBe(200);
    expect(history.body.points.length).toBeGreaterThan(0);
    const evaluation = await request(portal.backend.server)
      .post(`${BASE}/evaluate`)
      .set('Authorization', mockCredentials.user.header(DEVELOPER))
      .send({ mesh: 'istio', requires: ['mtls'] });
    expect(evaluation.status).toBe(200);
  });

  it('gives no coverage and no history of a component the catalog does not let the user read', async () => {
    for (const path of [
      '/coverage?entityRef=component:default/payments-api',
      '/coverage/history?entityRef=component:default/payments-api',
    ]) {
      const res = await get(path, OUTSIDER);
      expect([path, res.status]).toEqual([path, 404]);
      expect(JSON.stringify(res.body)).not.toContain('linkerd');
    }
  });

  it('records each snapshot run with the auditor', async () => {
    expect(portal.auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'fleet-snapshot' }),
    );
    expect(portal.success).toHaveBeenCalledWith({
      meta: expect.objectContaining({ stored: true, components: 3 }),
    });
  });
});
