import { execFileSync } from 'child_process';
import { resolve } from 'path';

let built = false;

/**
 * Builds the example app for production, once per bench run: the backend's app-backend serves it
 * on the backend's port, so the browser figures measure the build users get, not the development
 * server's.
 */
export function buildProductionApp() {
  if (!built) {
    execFileSync('npx', ['backstage-cli', 'package', 'build'], {
      cwd: resolve(__dirname, '../packages/app'),
      stdio: 'ignore',
    });
    built = true;
  }
}
