// End-to-end: the portal as its users meet it, in Debian's Chromium, started by this harness.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { launchBrowser, screenshot, signedInPage } from './browser.mjs';
import { api, FRONTEND, HOSTILE_NOTE, startPortal } from './portal.mjs';

const rowHeaders = page => page.locator('tbody th[scope="row"]').allTextContents();

describe('Mesh Coverage portal', { timeout: 900_000 }, () => {
  let portal;
  let browser;
  let page;

  before(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
    page = await signedInPage(browser);
  });

  after(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('signs in as guest and shows the example catalog', async () => {
    await page.getByText('payments-api').first().waitFor();
    assert.ok(await page.getByText('settlement-batch').first().isVisible());
    await screenshot(page, 'catalog');
  });

  it('compares every tool and every responsibility', async () => {
    await page.goto(`${FRONTEND}/mesh-comparison?lang=en`);
    await page.getByRole('heading', { name: 'Protocols' }).waitFor();
    const rows = await rowHeaders(page);
    assert.equal(rows.length, 36, 'mTLS is listed under 04 and 05, as in the source');
    assert.equal(new Set(rows).size, 35);
    const columns = new Set(await page.locator('thead th[scope="col"]').allTextContents());
    for (const tool of ['Istio', 'Linkerd', 'Consul', 'AWS VPC Lattice', 'Cilium', 'Kiali', 'X-Ray']) {
      assert.ok(columns.has(tool), `column ${tool}`);
    }
    assert.ok([...columns].some(c => c.startsWith('Kubernetes')));
    await screenshot(page, 'comparison');
  });

  it('switches to Japanese', async () => {
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: 'プロトコル' }).waitFor();
    assert.ok(await page.getByText('サーキットブレイカー').first().isVisible());
    assert.ok(await page.getByText('差分のみ').isVisible(), 'UI strings switch too');
    assert.match(page.url(), /lang=ja/);
    await screenshot(page, 'comparison-ja');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Protocols' }).waitFor();
  });

  it('shows differences only', async () => {
    await page.getByLabel('Differences only').check();
    await page.waitForFunction(() => document.querySelectorAll('tbody th[scope="row"]').length === 14);
    assert.ok(!(await rowHeaders(page)).includes('TCP'));
    await page.getByLabel('Differences only').uncheck();
  });

  it('filters by title', async () => {
    await page.getByLabel('Filter responsibilities').fill('retr');
    await page.waitForFunction(() => document.querySelectorAll('tbody th[scope="row"]').length === 1);
    assert.deepEqual(await rowHeaders(page), ['Retries']);
    assert.match(page.url(), /q=retr/);
  });

  it('reproduces a shared view from its URL', async () => {
    const shared = await signedInPage(browser);
    await shared.goto(`${FRONTEND}/mesh-comparison?lang=en&diff=1&q=sidecar&tools=istio,linkerd,cilium`);
    await shared.getByRole('heading', { name: 'Service mesh patterns' }).waitFor();
    assert.deepEqual(await rowHeaders(shared), ['Sidecar pattern', 'Sidecarless pattern']);
    const columns = await shared.locator('thead th[scope="col"]').allTextContents();
    assert.deepEqual(columns, ['Responsibility', 'Istio', 'Linkerd', 'Cilium']);
    await shared.context().close();
  });

  it('exports the view as CSV', async () => {
    await page.getByLabel('Filter responsibilities').fill('circuit');
    await page.waitForFunction(() => document.querySelectorAll('tbody th[scope="row"]').length === 1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export view (CSV)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'mesh-comparison.csv');
    const rows = parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(rows, [
      ['category', 'group', 'responsibilityId', 'responsibility', 'Kubernetes', 'Istio', 'Linkerd', 'Consul', 'AWS VPC Lattice'],
      ['Resilience management', 'Resilience management', 'circuit-breaker', 'Circuit breaker', 'unknown', 'yes', 'no', 'yes', 'yes'],
    ]);
  });

  it('ranks the meshes for a chosen set of responsibilities', async () => {
    await page.goto(`${FRONTEND}/mesh-comparison/recommendation?need=mtls,jwt-auth,circuit-breaker`);
    await page.locator('tbody tr[data-tool]').first().waitFor();
    const ranked = await page.locator('tbody tr[data-tool]').evaluateAll(rows => rows.map(r => r.dataset.tool));
    assert.deepEqual(ranked, ['istio', 'consul', 'vpc-lattice', 'linkerd', 'cilium']);
    assert.match(await page.locator('tr[data-tool="linkerd"]').textContent(), /1 of 3/);
    await screenshot(page, 'recommendation');
  });

  it("shows a component's coverage, gaps, alternatives and scorecard on its card", async () => {
    await page.goto(`${FRONTEND}/catalog/default/component/shipping-service`);
    await page.getByTestId('mesh-coverage-value').waitFor();
    assert.equal(await page.getByTestId('mesh-coverage-value').textContent(), '83 %');
    assert.equal(await page.getByTestId('mesh-coverage-mesh').textContent(), 'AWS VPC Lattice');
    const gaps = page.getByRole('list', { name: 'Gaps' });
    assert.match(await gaps.textContent(), /Filter metrics per microservice endpoint/);
    await page.locator('li[data-check]').first().waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('li[data-check="meshCoverageNoGaps"]').getAttribute('data-result'), 'failed');
    assert.match(
      await page.locator('li[data-check="meshCoverageNoGaps"]').textContent(),
      /Cover metrics-per-endpoint in the app and list it in meshcoverage.io\/implements, or run a mesh that covers it \(istio, linkerd, consul\)/,
    );
    assert.equal(await page.locator('li[data-check="meshCoverageMtls"]').getAttribute('data-result'), 'passed');
    await screenshot(page, 'card');
  });

  it('shows the no-mesh alternative of a gap', async () => {
    await page.goto(`${FRONTEND}/catalog/default/component/legacy-billing`);
    await page.getByTestId('mesh-coverage-value').waitFor();
    assert.equal(await page.getByTestId('mesh-coverage-mesh').textContent(), 'Kubernetes only (no mesh)');
    assert.match(
      await page.getByRole('list', { name: 'Gaps' }).textContent(),
      /Without a mesh: - Renew SSL certificates by hand/,
    );
  });

  it('shows every requirement on the tab, and a what-if', async () => {
    await page.goto(`${FRONTEND}/catalog/default/component/orders-service/mesh-coverage`);
    await page.getByRole('table', { name: 'Mesh coverage' }).waitFor();
    const statuses = await page
      .locator('tr[data-responsibility] td[data-status]')
      .evaluateAll(cells => cells.map(c => `${c.closest('tr').dataset.responsibility}=${c.dataset.status}`));
    assert.ok(statuses.includes('circuit-breaker=gap'));
    assert.ok(statuses.includes('jwt-auth=app'));
    assert.ok(statuses.includes('mtls=mesh'));
    await page.getByLabel('What if this component ran').click();
    await page.getByRole('option', { name: 'Istio' }).click();
    await page.getByText(/Coverage would change from 86 % to 100 %/).waitFor();
    await screenshot(page, 'tab-what-if');
  });

  it('keeps a component with a typo in the catalog and shows the error with the suggestion', async () => {
    const entity = await api('/api/catalog/entities/by-name/component/default/search-api');
    assert.match(entity.metadata.annotations['meshcoverage.io/errors'], /did you mean 'circuit-breaker'/);
    await page.goto(`${FRONTEND}/catalog/default/component/search-api`);
    await page
      .getByText("meshcoverage.io/requires: unknown responsibility 'circuit-braker' (did you mean 'circuit-breaker'?)", { exact: true })
      .waitFor();
    assert.ok(await page.getByText('The mesh coverage annotations have errors').isVisible());
    assert.equal(await page.locator('li[data-check="meshCoverageDeclared"]').getAttribute('data-result'), 'failed');
    await screenshot(page, 'typo');
  });

  it('shows hostile matrix text literally and runs nothing', async () => {
    await page.goto(`${FRONTEND}/mesh-comparison?lang=en&q=jwt`);
    await page.getByText(HOSTILE_NOTE).waitFor();
    const images = await page.locator('table img').count();
    assert.equal(images, 0);
    assert.deepEqual(page.dialogs, []);
    await screenshot(page, 'hostile-note');
  });
});
