/*
 * The example backend with one more, bench-only route: `GET /api/bench-reference/constant`, a small
 * constant JSON behind the same default auth as every plugin route. The matrix figure compares
 * `GET /api/mesh-coverage/matrix` with it on the same process. Never shipped: only the bench runs it.
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import { createExampleBackend } from '../packages/backend/src/backend';

const benchReferencePlugin = createBackendPlugin({
  pluginId: 'bench-reference',
  register(env) {
    env.registerInit({
      deps: { httpRouter: coreServices.httpRouter },
      async init({ httpRouter }) {
        const router = Router();
        router.get('/constant', (_req, res) => {
          res.json({ status: 'ok' });
        });
        httpRouter.use(router);
      },
    });
  },
});

const backend = createExampleBackend();
backend.add(benchReferencePlugin);
backend.start();
