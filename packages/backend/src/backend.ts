import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { examplePermissionPolicy } from './permissionPolicy';

/** Backstage's own pause for requests to a plugin that has not started (same key, same default). */
const PAUSE_KEY = 'backend.lifecycle.startupRequestPauseTimeout';
const DEFAULT_PAUSE: HumanDuration = { seconds: 5 };

/**
 * The root HTTP router, holding requests until the backend has started. A starting instance
 * listens before its plugins have mounted their routes, and a route not mounted yet answers 404,
 * which a load balancer passes on to the user. Held requests go on once every plugin is up (the
 * backend's own calls during start-up too, such as the first fleet snapshot reading the catalog);
 * past the pause they get a 503, which a load balancer retries on another instance (README,
 * "Running several instances"). Health checks pass through: readiness says when to send traffic.
 */
const startupGatedRootHttpRouter = rootHttpRouterServiceFactory({
  configure({ app, config, lifecycle, applyDefaults }) {
    const pauseMs = durationToMilliseconds(
      config.has(PAUSE_KEY)
        ? readDurationFromConfig(config, { key: PAUSE_KEY })
        : DEFAULT_PAUSE,
    );
    let started = false;
    const held = new Map<() => void, NodeJS.Timeout>();
    lifecycle.addStartupHook(() => {
      started = true;
      held.forEach((timer, release) => {
        clearTimeout(timer);
        release();
      });
      held.clear();
    });
    app.use((req, res, next) => {
      if (started || req.path.startsWith('/.backstage/health/')) {
        next();
        return;
      }
      const release = () => next();
      const timer = setTimeout(() => {
        held.delete(release);
        res
          .status(503)
          .set('Retry-After', '1')
          .json({
            error: {
              name: 'ServiceUnavailableError',
              message: 'The backend is starting',
            },
          });
      }, pauseMs);
      held.set(release, timer);
    });
    applyDefaults();
  },
});

export function createExampleBackend() {
  const backend = createBackend();
  backend.add(startupGatedRootHttpRouter);

  backend.add(import('@backstage/plugin-app-backend'));

  // auth: guest sign-in for local use; see app-config.production.yaml for real providers
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

  // permissions: off unless `permission.enabled` is true; then the example policy keeps the fleet
  // figures to the platform team (permissionPolicy.ts)
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(examplePermissionPolicy);

  // catalog, with mesh coverage annotations computed on components
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(
    import('@meshcoverage/plugin-catalog-backend-module-mesh-coverage'),
  );

  // mesh coverage API
  backend.add(import('@meshcoverage/plugin-mesh-coverage-backend'));

  // Kubernetes: the mesh coverage API reads a component's pods through it (the observed mesh,
  // for components annotated backstage.io/kubernetes-id). Its clusters come from the `kubernetes`
  // config: the demo cluster in app-config.yaml (index.ts starts it), real ones in production.
  // Without a `kubernetes` config it only logs a warning and serves nothing, and the observed
  // mesh reads `kubernetes-unavailable`.
  backend.add(import('@backstage/plugin-kubernetes-backend'));

  // scorecards: Tech Insights with the json-rules-engine checker and the mesh coverage facts
  backend.add(import('@backstage-community/plugin-tech-insights-backend'));
  backend.add(
    import('@backstage-community/plugin-tech-insights-backend-module-jsonfc'),
  );
  backend.add(
    import('@meshcoverage/plugin-tech-insights-backend-module-mesh-coverage'),
  );

  return backend;
}
