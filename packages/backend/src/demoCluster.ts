/*
 * The example portal's demo cluster: a fake Kubernetes API server (@internal/fake-cluster) serving
 * the pods of examples/entities.yaml, so `npm start` shows declared vs observed meshes without a
 * real cluster.
 *
 * Whether it runs is decided by the config alone: it starts when the Kubernetes backend is
 * configured with a cluster named `demo-cluster` (app-config.yaml), on that cluster's loopback
 * URL and with its service account token. app-config.production.yaml replaces
 * `kubernetes.clusterLocatorMethods` with real clusters (config arrays are replaced, not merged),
 * so in production there is no `demo-cluster` and nothing is started or even loaded. Should a
 * production config lose that override, NODE_ENV=production still refuses to serve demo pods.
 */
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

/** The name app-config.yaml gives the demo cluster in `kubernetes.clusterLocatorMethods`. */
const DEMO_CLUSTER_NAME = 'demo-cluster';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'];

/** Where the config expects the demo cluster, or undefined when it configures none. */
function readDemoClusterConfig(
  config: Config,
): { host: string; port: number; token: string } | undefined {
  const cluster = (
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? []
  )
    .filter(method => method.getOptionalString('type') === 'config')
    .flatMap(method => method.getOptionalConfigArray('clusters') ?? [])
    .find(c => c.getOptionalString('name') === DEMO_CLUSTER_NAME);
  if (!cluster) {
    return undefined;
  }
  const key = `kubernetes cluster '${DEMO_CLUSTER_NAME}'`;
  const url = new URL(cluster.getString('url'));
  if (
    url.protocol !== 'http:' ||
    !LOOPBACK_HOSTS.includes(url.hostname) ||
    !url.port
  ) {
    throw new Error(
      `${key}: the demo cluster runs in this process, so its url must be http://127.0.0.1:<port>, not ${url}`,
    );
  }
  return {
    host: '127.0.0.1',
    port: Number(url.port),
    token: cluster.getString('serviceAccountToken'),
  };
}

/**
 * Starts the demo cluster before the Kubernetes backend initialises (a plugin's modules are
 * initialised before the plugin itself), and closes it when the backend stops (SIGINT, SIGTERM,
 * and the restarts of `backstage-cli package start`).
 */
export const demoClusterModule = createBackendModule({
  pluginId: 'kubernetes',
  moduleId: 'demo-cluster',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async init({ config, logger, lifecycle }) {
        const demo = readDemoClusterConfig(config);
        if (!demo) {
          return;
        }
        if (process.env.NODE_ENV === 'production') {
          logger.warn(
            `Demo cluster not started: NODE_ENV is production, yet the config still names kubernetes cluster '${DEMO_CLUSTER_NAME}'; configure your own clusters (see app-config.production.yaml)`,
          );
          return;
        }
        // Loaded only here: a demo/test package of TypeScript sources, never loaded by a production
        // backend. The development loader hands this CommonJS package's exports over as `default`.
        const loaded = await import('@internal/fake-cluster');
        const { startFakeCluster, DEMO_PODS, DEMO_RESOURCES } =
          (loaded as { default?: typeof loaded }).default ?? loaded;
        try {
          const cluster = await startFakeCluster({
            ...demo,
            pods: DEMO_PODS,
            resources: DEMO_RESOURCES,
          });
          logger.info(
            `Demo cluster '${DEMO_CLUSTER_NAME}' (a fake Kubernetes API server, not a cluster) serves ${DEMO_PODS.length} demo pods and ${DEMO_RESOURCES.length} resources (Services and mesh policies) on ${cluster.url}`,
          );
          lifecycle.addShutdownHook(() => cluster.close());
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
            throw error;
          }
          // Most likely another example backend on this machine (a second `npm start`, a bench
          // run) already serves the same demo pods there; the portal still works.
          logger.warn(
            `Demo cluster not started: port ${demo.port} is in use. Observed meshes come from whatever listens there; change the url of kubernetes cluster '${DEMO_CLUSTER_NAME}' in app-config.yaml to use another port.`,
          );
        }
      },
    });
  },
});
