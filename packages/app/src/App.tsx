/*
 * The Mesh Coverage example portal, on Backstage's new frontend system as `@backstage/create-app`
 * makes it: `app.packages: all` (app-config.yaml) discovers the installed plugins, Mesh Coverage
 * among them; the features below are the app's own.
 */
import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { navModule } from './modules/nav';

export default createApp({
  features: [catalogPlugin, navModule],
});
