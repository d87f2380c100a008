// Starts the scaffolded app as its README says (`yarn start`) and checks, in Chromium, what an
// adopter expects after installing Mesh Coverage: the nav item, the comparison page, a component's
// card and tab with the numbers our engine gives, and the scorecard.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { launchBrowser, signedInPage } from '../e2e/browser.mjs';
import { waitFor } from '../e2e/portal.mjs';

const FRONTEND = 'http://localhost:3000';
const BACKEND = 'http://localhost:7007';
/** The adopter's component, as run.mjs adds it to the app's catalog. */
const COMPONENT = parse(
  readFileSync(resolve(import.meta.dirname, 'component.yaml'), 'utf8'),
);
const ENTITY = COMPONENT.metadata.name;

/** What our engine says about the adopter's component. */
function expectedCoverage() {
  const common = createRequire(import.meta.url)(
    resolve(
      import.meta.dirname,
      '../../plugins/mesh-coverage-common/dist/index.cjs.js',
    ),
  );
  // The app serves the current edition unless configured otherwise (-node's default).
  const index = common.indexMatrix(common.builtinEdition('current').matrix);
  // Parse, then evaluate on the declared mesh: what the backend does for /coverage without clusters.
  const declaration = common.parseComponent(index, {
    type: COMPONENT.spec.type,
    annotations: COMPONENT.metadata.annotations,
  });
  const { report } = common.evaluateDeclaration(
    index,
    declaration,
    declaration.mesh,
  );
  return report;
}

export async function checkApp(app, env) {
  const child = spawn('yarn', ['start'], {
    cwd: app,
    env: { ...process.env, ...env, BROWSER: 'none' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  let exited;
  child.on('exit', code => (exited = `yarn start exited with ${code}`));
  const browser = await launchBrowser();
  try {
    await waitFor(
      'the backend',
      async () => (await fetch(`${BACKEND}/.backstage/health/v1/readiness`)).ok,
      300_000,
      () => exited,
    );
    await waitFor(
      'the frontend',
      async () => (await fetch(FRONTEND)).ok,
      300_000,
      () => exited,
    );
    const page = await signedInPage(browser, FRONTEND);

    // The plugin was discovered (app.packages: all): its nav item leads to the comparison page.
    await page.getByRole('link', { name: 'Mesh comparison' }).click();
    await page
      .locator('tr[data-responsibility="circuit-breaker"] th')
      .first()
      .waitFor({ timeout: 60_000 });
    assert.match(
      await page
        .locator(
          'tr[data-responsibility="circuit-breaker"] [data-tool="linkerd"]',
        )
        .first()
        .textContent(),
      /Supported/,
    );

    // The card, with the figures our engine gives for the adopter's component.
    const report = expectedCoverage();
    await page.goto(`${FRONTEND}/catalog/default/component/${ENTITY}`);
    await page.getByTestId('mesh-coverage-value').waitFor({ timeout: 60_000 });
    assert.equal(
      await page.getByTestId('mesh-coverage-value').textContent(),
      `${report.coverage} %`,
    );
    assert.equal(
      await page.getByTestId('mesh-coverage-mesh').textContent(),
      'Linkerd',
    );
    assert.deepEqual(
      await page
        .getByRole('list', { name: 'Gaps' })
        .locator('li')
        .evaluateAll(items => items.map(li => li.dataset.responsibility)),
      report.gaps,
    );

    // The scorecard, once the fact retriever has run (every minute here).
    await page
      .locator('li[data-check="meshCoverageMtls"][data-result]')
      .waitFor({ timeout: 180_000 });
    for (
      let tries = 0;
      (await page
        .locator('li[data-check="meshCoverageMtls"]')
        .getAttribute('data-result')) !== 'passed';
      tries += 1
    ) {
      assert.ok(tries < 12, 'the mTLS check never passed');
      await page.waitForTimeout(10_000);
      await page.reload();
      await page
        .locator('li[data-check="meshCoverageMtls"][data-result]')
        .waitFor({ timeout: 60_000 });
    }
    assert.equal(
      await page
        .locator('li[data-check="meshCoverageNoGaps"]')
        .getAttribute('data-result'),
      report.gaps.length ? 'failed' : 'passed',
    );

    // The tab.
    await page
      .getByRole('tab', { name: 'Mesh coverage' })
      .or(page.getByRole('link', { name: 'Mesh coverage', exact: true }))
      .first()
      .click();
    await page
      .getByRole('table', { name: 'Requirements, one by one' })
      .waitFor({ timeout: 60_000 });
    assert.match(page.url(), new RegExp(`/component/${ENTITY}/mesh-coverage`));
    const statuses = await page
      .locator('tr[data-responsibility] td[data-status]')
      .evaluateAll(cells =>
        cells.map(
          c => `${c.closest('tr').dataset.responsibility}=${c.dataset.status}`,
        ),
      );
    assert.deepEqual(
      statuses.sort(),
      report.items
        .map(item => `${item.responsibilityId}=${item.status}`)
        .sort(),
    );
  } finally {
    await browser.close();
    // Wait for the app to stop: it would otherwise log its shutdown into the caller's output after
    // the caller has finished (over the last line of a CI log).
    const gone = exited
      ? Promise.resolve()
      : new Promise(r => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([gone, new Promise(r => setTimeout(r, 15_000))]);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}
