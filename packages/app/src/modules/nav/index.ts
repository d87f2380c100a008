import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SidebarContent } from './Sidebar';

/** The example app's navigation. */
export const navModule = createFrontendModule({
  pluginId: 'app',
  extensions: [SidebarContent],
});
