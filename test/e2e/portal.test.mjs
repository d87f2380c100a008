// End-to-end: the portal as its users meet it, in Debian's Chromium, started by this harness.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { launchBrowser, screenshot, signedInPage } from './browser.mjs';
import {
  api,
  FRONTEND,
  HOSTILE_NOTE,
  startPortal,
  waitFor,
} from './portal.mjs';

/** Rows a filter leaves out stay in the document, hidden (as do groups with none shown). */
const rowHeaders = page =>
  page
    .locator('tbody th[scope="row"]')
    .evaluateAll(ths =>
      ths.filter(th => !th.closest('[hidden]')).map(th => th.textContent),
    );
/** Column names: the tool's name, without the licence, governance, version and status beneath it. */
const columnNames = page =>
  page
    .locator('thead th[scope="col"]')
    .evaluateAll(ths =>
      ths
        .filter(th => !th.closest('[hidden]'))
        .map(th => (th.querySelector('[data-tool-name]') ?? th).textContent),
    );

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

  it('signs in as guest and shows the example catalog, with Mesh comparison in the nav', async () => {
    await page.getByText('payments-api').first().waitFor();
    assert.ok(await page.getByText('settlement-batch').first().isVisible());
    // The new frontend system discovered the plugin (app.packages: all): its page is in the nav.
    assert.equal(
      await page.locator('nav a[href="/mesh-comparison"]').count(),
      1,
    );
    await screenshot(page, 'catalog');
  });

  it('compares every tool and every responsibility', async () => {
    await page.goto(`${FRONTEND}/mesh-comparison?lang=en`);
    await page.getByRole('heading', { name: 'Protocols' }).waitFor();
    const rows = await rowHeaders(page);
    assert.equal(
      rows.length,
      36,
      'mTLS is listed under 04 and 05, as in the source',
    );
    assert.equal(new Set(rows).size, 35);
    const columns = new Set(await columnNames(page));
    for (const tool of [
      'Istio',
      'Linkerd',
      'Consul',
      'AWS VPC Lattice',
      'Cilium',
      'Kiali',
      'X-Ray',
    ]) {
      assert.ok(columns.has(tool), `column ${tool}`);
    }
    assert.ok([...columns].some(c => c.startsWith('Kubernetes')));
    await screenshot(page, 'comparison');
  });

  it('starts on the current edition, with the overlay on top, and serves both built-in editions', async () => {
    const served = await api('/api/mesh-coverage/matrix');
    assert.equal(served.meta.edition, 'current');
    assert.equal(served.meta.overlays.length, 1);
    const seed = await api('/api/mesh-coverage/matrix?edition=seed');
    assert.equal(seed.meta.edition, 'seed');
    assert.ok(!seed.cells.some(c => c.source));
  });

  it('switches between the source document and the current edition, and shows each change with its source', async () => {
    const linkerdCircuitBreaker =
      'tr[data-responsibility="circuit-breaker"] td[data-tool="linkerd"]';
    // The portal serves the current edition with an overlay of its own: that is what it shows first.
    assert.equal(
      await page
        .getByRole('button', { name: 'Your portal’s matrix' })
        .getAttribute('aria-pressed'),
      'true',
    );
    await page
      .getByText(/^The current edition with your portal’s own claims from /)
      .waitFor();
    await page.getByRole('button', { name: 'Source document' }).click();
    await page.waitForFunction(
      selector =>
        document.querySelector(selector)?.textContent === 'Not supported',
      linkerdCircuitBreaker,
    );
    assert.match(page.url(), /edition=seed/);
    assert.equal(await page.locator('td[data-changed]').count(), 0);

    await page
      .getByRole('button', { name: /^Current, checked \d{4}-\d{2}-\d{2}$/ })
      .click();
    const cell = page.locator(linkerdCircuitBreaker);
    await cell.locator('[data-replaced]').waitFor();
    assert.equal(await cell.getAttribute('data-changed'), 'true');
    const text = await cell.textContent();
    assert.match(
      text,
      /^ChangedSupportedEndpoint-level .*since stable-2\.13\.0verified \d{4}-\d{2}-\d{2} \(/,
    );
    assert.match(text, /Source document: Not supported$/);
    assert.equal(
      await cell.getByRole('link', { name: /^source/ }).getAttribute('href'),
      'https://linkerd.io/2/reference/circuit-breaking/',
    );
    const consulHeader = page.locator('thead th[data-column="consul"]').first();
    assert.match(await consulHeader.textContent(), /Business Source License/);
    await screenshot(page, 'comparison-current');
  });

  it('lists only what changed since the source document', async () => {
    await page.getByLabel('Changed since the source document').check();
    await page.waitForURL(/changed=1/);
    // Rows without any changed cell go (Kuma, added by the edition, changes every mesh row).
    await page.waitForFunction(() =>
      [...document.querySelectorAll('tbody tr:not([hidden])')].every(tr =>
        tr.querySelector('td[data-changed]'),
      ),
    );
    const rows = await page
      .locator('tbody tr:not([hidden])')
      .evaluateAll(trs =>
        trs.map(tr => Boolean(tr.querySelector('td[data-changed]'))),
      );
    assert.ok(rows.length > 20, `${rows.length} rows changed`);
    assert.ok(rows.every(Boolean), 'every row shown has a changed cell');
    assert.match(page.url(), /changed=1/);
    await screenshot(page, 'comparison-changed-only');
    await page.getByLabel('Changed since the source document').uncheck();
    await page.goto(`${FRONTEND}/mesh-comparison?lang=en`);
    await page.getByRole('heading', { name: 'Protocols' }).waitFor();
  });

  it('switches to Japanese', async () => {
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { name: 'プロトコル' }).waitFor();
    assert.ok(await page.getByText('サーキットブレイカー').first().isVisible());
    assert.ok(
      await page.getByText('差分のみ').isVisible(),
      'UI strings switch too',
    );
    assert.ok(
      await page.getByRole('button', { name: '元資料' }).isVisible(),
      'the edition switch too',
    );
    assert.match(page.url(), /lang=ja/);
    await screenshot(page, 'comparison-ja');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Protocols' }).waitFor();
  });

  it('shows differences only', async () => {
    const all = (await rowHeaders(page)).length;
    await page.getByLabel('Differences only').check();
    await page.waitForFunction(
      count =>
        document.querySelectorAll('tbody tr:not([hidden]) th[scope="row"]')
          .length < count,
      all,
    );
    const rows = await rowHeaders(page);
    assert.ok(
      rows.includes('TCP'),
      'VPC Lattice carries plain TCP only to VPC resources, not to Pods',
    );
    assert.ok(
      !rows.includes('Service discovery'),
      'every mesh does service discovery',
    );
    await page.getByLabel('Differences only').uncheck();
  });

  it('filters by title', async () => {
    await page.getByLabel('Filter responsibilities').fill('retr');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('tbody tr:not([hidden]) th[scope="row"]')
          .length === 1,
    );
    assert.deepEqual(await rowHeaders(page), ['Retries']);
    // The URL follows once typing pauses.
    await page.waitForURL(/q=retr/);
  });

  it('reproduces a shared view from its URL', async () => {
    const shared = await signedInPage(browser);
    await shared.goto(
      `${FRONTEND}/mesh-comparison?lang=en&diff=1&q=sidecar&tools=istio,linkerd,cilium`,
    );
    await shared
      .getByRole('heading', { name: 'Service mesh patterns' })
      .waitFor();
    assert.deepEqual(await rowHeaders(shared), [
      'Sidecar pattern',
      'Sidecarless pattern',
    ]);
    assert.deepEqual(await columnNames(shared), [
      'Responsibility',
      'Istio',
      'Linkerd',
      'Cilium',
    ]);
    await shared.context().close();
  });

  it('exports the view as CSV', async () => {
    await page.getByLabel('Filter responsibilities').fill('circuit');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('tbody tr:not([hidden]) th[scope="row"]')
          .length === 1,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export view (CSV)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'mesh-comparison.csv');
    const rows = parse(readFileSync(await download.path(), 'utf8'));
    // The served matrix says what each column holds: support, then the note or alternative.
    const matrix = await api('/api/mesh-coverage/matrix');
    const group = matrix.categories
      .flatMap(c => c.groups)
      .find(g => g.responsibilityIds.includes('circuit-breaker'));
    const cellText = toolId => {
      const cell = matrix.cells.find(
        c => c.toolId === toolId && c.responsibilityId === 'circuit-breaker',
      );
      const text = (cell.note ?? cell.alternative)?.en;
      return text ? `${cell.support}: ${text}` : cell.support;
    };
    const toolName = id => matrix.tools.find(t => t.id === id).name;
    assert.deepEqual(rows, [
      [
        'category',
        'group',
        'responsibilityId',
        'responsibility',
        ...group.toolIds.map(toolName),
      ],
      [
        'Resilience management',
        'Resilience management',
        'circuit-breaker',
        'Circuit breaker',
        ...group.toolIds.map(cellText),
      ],
    ]);
    assert.ok(group.toolIds.includes('kuma'), 'Kuma is compared');
  });

  it('ranks the meshes for a chosen set of responsibilities', async () => {
    await page.goto(
      `${FRONTEND}/mesh-comparison/recommendation?need=mtls,jwt-auth,circuit-breaker`,
    );
    await page.locator('tbody tr[data-tool]').first().waitFor();
    const ranked = await page
      .locator('tbody tr[data-tool]')
      .evaluateAll(rows => rows.map(r => r.dataset.tool));
    // Cilium's jwt-auth (raw Envoy config: partial) and Kuma, compared since the 2026-12-07 review.
    assert.deepEqual(ranked, [
      'istio',
      'consul',
      'cilium',
      'kuma',
      'linkerd',
      'vpc-lattice',
    ]);
    assert.match(
      await page.locator('tr[data-tool="linkerd"]').textContent(),
      /2 of 3/,
    );
    await screenshot(page, 'recommendation');
  });

  it("shows a component's coverage, gaps, alternatives and scorecard on its card", async () => {
    await page.goto(`${FRONTEND}/catalog/default/component/shipping-service`);
    await page.getByTestId('mesh-coverage-value').waitFor();
    // The current edition's corrections: VPC Lattice offers no retries and no mTLS of its own.
    assert.equal(
      await page.getByTestId('mesh-coverage-value').textContent(),
      '50 %',
    );
    assert.equal(
      await page.getByTestId('mesh-coverage-mesh').textContent(),
      'AWS VPC Lattice',
    );
    const gaps = page.getByRole('list', { name: 'Gaps' });
    assert.deepEqual(
      await gaps
        .locator('li')
        .evaluateAll(items => items.map(li => li.dataset.responsibility)),
      ['retries', 'mtls', 'metrics-per-endpoint'],
    );
    assert.match(
      await page.getByTestId('mesh-coverage-edition').textContent(),
      /^Figures from your portal’s matrix|^Figures from the current edition/,
    );
    await page.locator('li[data-check]').first().waitFor({ timeout: 60_000 });
    assert.equal(
      await page
        .locator('li[data-check="meshCoverageNoGaps"]')
        .getAttribute('data-result'),
      'failed',
    );
    assert.match(
      await page.locator('li[data-check="meshCoverageNoGaps"]').textContent(),
      /Cover metrics-per-endpoint in the app and list it in meshcoverage.io\/implements, or run a mesh that covers it \(istio, linkerd, consul, cilium\)/,
    );
    assert.equal(
      await page
        .locator('li[data-check="meshCoverageMtls"]')
        .getAttribute('data-result'),
      'failed',
    );
    await screenshot(page, 'card');
  });

  it('shows the no-mesh alternative of a gap', async () => {
    await page.goto(`${FRONTEND}/catalog/default/component/legacy-billing`);
    await page.getByTestId('mesh-coverage-value').waitFor();
    assert.equal(
      await page.getByTestId('mesh-coverage-mesh').textContent(),
      'Kubernetes only (no mesh)',
    );
    assert.match(
      await page.getByRole('list', { name: 'Gaps' }).textContent(),
      /Without a mesh: - Renew SSL certificates by hand/,
    );
  });

  it('shows every requirement on the tab, and a what-if', async () => {
    await page.goto(
      `${FRONTEND}/catalog/default/component/orders-service/mesh-coverage`,
    );
    await page
      .getByRole('table', { name: 'Requirements, one by one' })
      .waitFor();
    const statuses = await page
      .locator('tr[data-responsibility] td[data-status]')
      .evaluateAll(cells =>
        cells.map(
          c => `${c.closest('tr').dataset.responsibility}=${c.dataset.status}`,
        ),
      );
    assert.ok(
      statuses.includes('circuit-breaker=mesh'),
      'Linkerd circuit breaking since stable-2.13.0',
    );
    assert.ok(statuses.includes('jwt-auth=app'));
    assert.ok(statuses.includes('mtls=mesh'));
    await page.getByLabel('What if this component ran').click();
    await page.getByRole('option', { name: 'AWS VPC Lattice' }).click();
    await page.getByText(/Coverage would change from 100 % to 57 %/).waitFor();
    await screenshot(page, 'tab-what-if');
  });

  it('shows what runs against what is declared, from the demo cluster through the Kubernetes backend', async () => {
    // notifications-worker declares Linkerd; its demo pods carry no proxy.
    const report = await api(
      '/api/mesh-coverage/coverage?entityRef=component:default/notifications-worker',
    );
    assert.deepEqual(
      [report.observed.mesh, report.observed.meshedPods, report.observed.pods],
      [null, 0, 2],
    );
    await page.goto(
      `${FRONTEND}/catalog/default/component/notifications-worker`,
    );
    const observed = page.getByTestId('mesh-coverage-observed');
    await observed.waitFor();
    assert.equal(
      await observed.textContent(),
      'Linkerd declared · 0 of 2 pods meshed',
    );
    const warning = page
      .getByRole('alert')
      .filter({ hasText: 'Not running the declared mesh' });
    await warning.waitFor();
    assert.match(
      await warning.textContent(),
      /None of its 2 pods runs Linkerd: the coverage above assumes a mesh that is not there\./,
    );
    // The scorecard's observed check fails for it.
    const check = page.locator(
      'li[data-check="meshCoverageObservedMatchesDeclared"]',
    );
    await check.waitFor({ timeout: 60_000 });
    assert.equal(await check.getAttribute('data-result'), 'failed');
    await screenshot(page, 'card-observed-mismatch');

    // storefront-web: 4 of its 5 pods carry istio-proxy.
    await page.goto(`${FRONTEND}/catalog/default/component/storefront-web`);
    await observed.waitFor();
    assert.equal(
      await observed.textContent(),
      'Istio declared · 4 of 5 pods meshed',
    );
    await page
      .getByRole('alert')
      .filter({ hasText: 'Partly meshed' })
      .waitFor();

    // payments-api: every pod meshed, no warning, the check passes.
    await page.goto(`${FRONTEND}/catalog/default/component/payments-api`);
    await observed.waitFor();
    assert.equal(
      await observed.textContent(),
      'Istio declared · 3 of 3 pods meshed',
    );
    await page
      .locator(
        'li[data-check="meshCoverageObservedMatchesDeclared"][data-result="passed"]',
      )
      .waitFor({ timeout: 60_000 });
    assert.equal(
      await page
        .getByRole('alert')
        .filter({ hasText: 'declared mesh' })
        .count(),
      0,
    );

    // The tab's "as observed" what-if: notifications-worker without Linkerd.
    await page.goto(
      `${FRONTEND}/catalog/default/component/notifications-worker/mesh-coverage`,
    );
    await page
      .getByRole('table', { name: 'Requirements, one by one' })
      .waitFor();
    await page.getByLabel('What if this component ran').click();
    await page.getByRole('option', { name: 'As observed: Kubernetes' }).click();
    await page.getByText(/Coverage would change from \d+ % to \d+ %/).waitFor();
    await screenshot(page, 'tab-as-observed');
  });

  it('shows what each mesh is configured to do: the resources, a turned-off requirement and its fix', async () => {
    // storefront-web: the namespace's PERMISSIVE PeerAuthentication leaves mTLS turned off.
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(
      `${FRONTEND}/catalog/default/component/storefront-web/mesh-coverage?lang=en`,
    );
    await page
      .getByRole('table', { name: 'Requirements, one by one' })
      .waitFor();
    const mtls = page.locator('tr[data-responsibility="mtls"]');
    await mtls.locator('[data-configured="no"]').waitFor({ timeout: 60_000 });
    assert.equal(
      await mtls.locator('[data-status]').getAttribute('data-status'),
      'turned-off',
    );
    const fix = page.locator('tr[data-fix-for="mtls"]');
    assert.match(
      await fix.textContent(),
      /Istio can take Mutual TLS authentication for storefront-web, but its configuration leaves it off/,
    );
    assert.match(
      await fix.textContent(),
      /kind: PeerAuthentication[\s\S]*mode: STRICT/,
    );
    assert.ok(await fix.getByRole('button', { name: /copy/i }).isVisible());
    // The table fits at 1440 px: no header breaks inside a word.
    const statusHeader = page.getByRole('columnheader', { name: 'Status' });
    const box = await statusHeader.boundingBox();
    assert.ok(
      box.height < 40,
      `the Status header is one line (${box.height} px)`,
    );
    await screenshot(page, 'tab-turned-off');
    await page.setViewportSize({ width: 1400, height: 1000 });

    // payments-api: STRICT by its own PeerAuthentication, named as the evidence.
    await page.goto(
      `${FRONTEND}/catalog/default/component/payments-api/mesh-coverage?lang=en`,
    );
    const paymentsMtls = page.locator('tr[data-responsibility="mtls"]');
    await paymentsMtls
      .locator('[data-configured="yes"]')
      .waitFor({ timeout: 60_000 });
    assert.match(
      await paymentsMtls.textContent(),
      /PeerAuthentication shop\/payments-api-strict \(demo-cluster\)/,
    );

    // reviews-service carries no meshcoverage.io annotation: its mesh comes from its pods.
    await page.goto(`${FRONTEND}/catalog/default/component/reviews-service`);
    await page
      .getByTestId('mesh-coverage-mesh-source')
      .waitFor({ timeout: 60_000 });
    assert.equal(
      await page.getByTestId('mesh-coverage-mesh').textContent(),
      'Istio',
    );
  });

  it('keeps a component with a typo in the catalog and shows the error with the suggestion', async () => {
    const entity = await api(
      '/api/catalog/entities/by-name/component/default/search-api',
    );
    assert.match(
      entity.metadata.annotations['meshcoverage.io/errors'],
      /did you mean 'circuit-breaker'/,
    );
    await page.goto(`${FRONTEND}/catalog/default/component/search-api`);
    await page
      .getByText(
        "meshcoverage.io/requires: unknown responsibility 'circuit-braker' (did you mean 'circuit-breaker'?)",
        { exact: true },
      )
      .waitFor();
    assert.ok(
      await page
        .getByText('The mesh coverage annotations have errors')
        .isVisible(),
    );
    assert.equal(
      await page
        .locator('li[data-check="meshCoverageDeclared"]')
        .getAttribute('data-result'),
      'failed',
    );
    await screenshot(page, 'typo');
  });

  it('shows hostile matrix text literally and runs nothing', async () => {
    await page.goto(`${FRONTEND}/mesh-comparison?lang=en&q=certificate`);
    await page.getByText(HOSTILE_NOTE).waitFor();
    const images = await page.locator('table img').count();
    assert.equal(images, 0);
    assert.deepEqual(page.dialogs, []);
    await screenshot(page, 'hostile-note');
  });
  it('shows the fleet over time: the trend, the teams and the case for each mesh', async () => {
    // The example takes a snapshot a minute; the first, at start-up, may precede ingestion.
    await waitFor(
      'two fleet snapshots holding the example catalog',
      async () =>
        (
          await api('/api/mesh-coverage/fleet/history')
        ).points.filter(p => p.components > 0).length >= 2,
      240_000,
    );
    const fleet = await api('/api/mesh-coverage/fleet');
    assert.ok(fleet.snapshotAt, 'served from the latest snapshot');
    await page.goto(`${FRONTEND}/mesh-comparison/fleet?lang=en`);
    await page.getByText(/^As of .*\(latest scheduled snapshot\)/).waitFor();

    const chart = page.getByRole('img', {
      name: /^Mean coverage and gaps from/,
    });
    await chart.waitFor();
    assert.ok(Number(await chart.getAttribute('data-points')) >= 2);
    assert.equal(
      await chart.locator('path.recharts-line-curve').count(),
      2,
      'a coverage line and a gaps line',
    );

    // The team table: one row per owner, with the API's figures.
    const teams = page.getByRole('table', { name: 'Teams' });
    const rows = await teams
      .locator('tr[data-owner]')
      .evaluateAll(trs =>
        trs.map(tr => [
          tr.dataset.owner,
          [...tr.querySelectorAll('td')].map(td => td.textContent),
        ]),
      );
    assert.deepEqual(
      rows.map(([owner]) => owner),
      fleet.byOwner.map(row => row.owner),
    );
    assert.ok(rows.some(([owner]) => owner === 'group:default/commerce-team'));
    for (const [owner, cells] of rows) {
      const expected = fleet.byOwner.find(row => row.owner === owner);
      assert.ok(
        cells.includes(String(expected.components)),
        `${owner}: ${expected.components} components`,
      );
      assert.ok(
        cells.includes(String(expected.gaps)),
        `${owner}: ${expected.gaps} gaps`,
      );
    }
    const link = teams.locator(
      'tr[data-owner="group:default/commerce-team"] a[href*="filters"]',
    );
    assert.match(
      decodeURIComponent(await link.getAttribute('href')),
      /filters\[owners\]=group:default\/commerce-team/,
    );

    // The case for Linkerd, in words, with the API's numbers.
    const { adoption } = await api('/api/mesh-coverage/fleet?mesh=linkerd');
    const sentence = await page
      .locator('li[data-mesh="linkerd"]')
      .textContent();
    assert.match(
      sentence,
      new RegExp(
        `^Moving to Linkerd takes ${adoption.implementationsRemoved} implementations? off ${adoption.teams} teams?, ` +
          `closes ${adoption.gapsClosed} gaps?, opens ${adoption.gapsOpened}\\.`,
      ),
    );
    await screenshot(page, 'fleet');

    // The component's own history on its tab, with the coverage the API reports for it.
    const { points } = await api(
      '/api/mesh-coverage/coverage/history?entityRef=component:default/orders-service',
    );
    assert.ok(points.length >= 1);
    await page.goto(
      `${FRONTEND}/catalog/default/component/orders-service/mesh-coverage`,
    );
    const history = page.getByRole('table', { name: 'Coverage over time' });
    await history.waitFor();
    const cells = await history
      .locator('tbody tr')
      .last()
      .locator('td')
      .allTextContents();
    assert.deepEqual(cells, [
      'Linkerd',
      `${points.at(-1).coverage} %`,
      String(points.at(-1).gaps),
    ]);
    await screenshot(page, 'entity-history');

    // In Japanese (a link with lang=ja switches the app's language) the what-if label fits.
    await page.goto(`${FRONTEND}/mesh-comparison?lang=ja`);
    await page.getByRole('heading', { name: 'プロトコル' }).waitFor();
    await page.getByRole('tab', { name: /フリート/ }).click();
    const label = page.locator('#mesh-coverage-what-if-label');
    await label.waitFor();
    assert.match(
      await label.textContent(),
      /[\u3040-\u30ff\u4e00-\u9fff]/,
      'the label is in Japanese',
    );
    const fits = await label.evaluate(
      element => element.scrollWidth <= element.clientWidth,
    );
    assert.ok(fits, `the label "${await label.textContent()}" is not cut off`);
    await screenshot(page, 'fleet-ja');
    await page.goto(`${FRONTEND}/mesh-comparison?lang=en`);
    await page.getByRole('heading', { name: 'Protocols' }).waitFor();
  });
});
