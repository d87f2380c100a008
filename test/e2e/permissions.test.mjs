// End-to-end with Backstage's permission framework on: the example policy (packages/backend/src/
// permissionPolicy.ts) keeps the fleet figures to the platform team, and guest is not in it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot, signedInPage } from './browser.mjs';
import { api, FRONTEND, startPortal } from './portal.mjs';

describe(
  'Mesh Coverage with the permission framework on',
  { timeout: 600_000 },
  () => {
    let portal;
    let browser;
    let page;

    before(async () => {
      portal = await startPortal({
        overlay: null,
        waitForFacts: false,
        env: { APP_CONFIG_permission_enabled: 'true' },
      });
      browser = await launchBrowser();
      page = await signedInPage(browser);
    });

    after(async () => {
      await browser?.close();
      await portal?.stop();
    });

    it('tells a user the policy denies mesh-coverage.fleet.read, in the fleet tab, and shows no figures', async () => {
      // Scripts with a service token are not users: the policy leaves them the fleet.
      assert.ok((await api('/api/mesh-coverage/fleet')).components >= 10);
      await page.goto(`${FRONTEND}/mesh-comparison/fleet?lang=en`);
      await page.getByText(/may not see the fleet figures/).waitFor();
      assert.match(
        await page.getByText(/may not see the fleet figures/).textContent(),
        /mesh-coverage\.fleet\.read/,
      );
      assert.equal(await page.getByRole('table').count(), 0);
      await screenshot(page, 'fleet-not-allowed');
    });

    it('keeps the recommendation working, with needs picked by hand', async () => {
      await page.goto(`${FRONTEND}/mesh-comparison/recommendation?need=mtls`);
      await page.locator('tbody tr[data-tool]').first().waitFor();
      const fromFleet = page.getByRole('button', {
        name: 'Use what the catalog requires',
      });
      await fromFleet.click();
      await page.getByText(/which your account may not see/).waitFor();
      assert.equal(await fromFleet.isDisabled(), true);
      assert.ok((await page.locator('tbody tr[data-tool]').count()) > 0);
    });

    it('keeps the comparison page, and a component’s card and tab', async () => {
      await page.goto(`${FRONTEND}/mesh-comparison`);
      await page.locator('tbody th[scope="row"]').first().waitFor();

      await page.goto(`${FRONTEND}/catalog/default/component/shipping-service`);
      await page.getByTestId('mesh-coverage-value').waitFor();
      assert.equal(
        await page.getByTestId('mesh-coverage-value').textContent(),
        '50 %',
      );
      await page.goto(
        `${FRONTEND}/catalog/default/component/shipping-service/mesh-coverage`,
      );
      await page
        .getByRole('table', { name: 'Requirements, one by one' })
        .waitFor();
      assert.ok(
        (await page
          .locator('tr[data-responsibility] td[data-status]')
          .count()) > 0,
      );
    });
  },
);
