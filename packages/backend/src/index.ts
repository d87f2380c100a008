/*
 * The Mesh Coverage example portal's backend (see backend.ts for what it holds), plus the demo
 * cluster: a fake Kubernetes API server with the example catalog's pods, started only when the
 * config points the Kubernetes backend at it (app-config.yaml does, app-config.production.yaml
 * does not; see demoCluster.ts).
 */
import { createExampleBackend } from './backend';
import { demoClusterModule } from './demoCluster';
import { waitForConfiguredDatabase } from './waitForDatabase';

const backend = createExampleBackend();
backend.add(demoClusterModule);
waitForConfiguredDatabase()
  .then(() => backend.start())
  .catch(error => {
    // Exit, so that whatever runs the backend restarts it, rather than leave behind an instance that
    // listens but serves nothing (a failed migration, say).
    console.error('Backend startup failed', error);
    process.exit(1);
  });
