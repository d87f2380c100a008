import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';

/**
 * The root HTTP router, answering 503 until the backend has started. A starting instance listens
 * before its plugins have mounted their routes, and a route not mounted yet answers 404, which a
 * load balancer passes on; a 503 it retries on another instance (README, "Running several
 * instances"). Health checks pass through: readiness says when to send traffic.
 */
const startupGatedRootHttpRouter = rootHttpRouterServiceFactory({
  configure({ app, lifecycle, applyDefaults }) {
    let started = false;
    lifecycle.addStartupHook(() => {
      started = true;
    });
    app.use((req, res, next) => {
      if (started || req.path.startsWith('/.backstage/health/')) {
        next();
        return;
      }
      res
        .status(503)
        .set('Retry-After', '1')
        .json({
          error: {
            name: 'ServiceUnavailableError',
            message: 'The backend is starting',
          },
        });
    });
    applyDefaults();
  },
});

/**
 * The example portal's backend: catalog, guest sign-in, the Mesh Coverage plugins, Kubernetes and
 * Tech Insights, on SQLite in memory unless configured otherwise. Not started here: `index.ts` starts
 * it, and the benchmarks add their reference route to it first.
 */
export function createExampleBackend() {
  const backend = createBackend();
  backend.add(startupGatedRootHttpRouter);

  backend.add(import('@backstage/plugin-app-backend'));

  // auth: guest sign-in for local use; see app-config.production.yaml for real providers
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

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
