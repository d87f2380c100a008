import type { Page } from 'playwright-core';
import { MeshMatrix } from '@meshcoverage/plugin-mesh-coverage-common';
import { buildProductionApp } from './productionApp';
import { BenchResult, median } from './results';
import { syntheticMatrix } from './syntheticMatrix';

/** The e2e harness: plain ESM, loaded as such. */
export async function harness() {
  const portal = await import('../test/e2e/portal.mjs');
  const browser = await import('../test/e2e/browser.mjs');
  return { ...portal, ...browser };
}

/**
 * The reference page: the same matrix as one plain HTML table, filtered by a few lines of vanilla
 * JS on every input event (the rows whose title contains the text, as ours matches titles).
 */
function referencePage(matrix: MeshMatrix): string {
  const cells = new Map(
    matrix.cells.map(c => [`${c.toolId}/${c.responsibilityId}`, c.support]),
  );
  const escape = (text: string) =>
    text.replace(/[&<>"]/g, ch => `&#${ch.charCodeAt(0)};`);
  const header = matrix.tools.map(t => `<th>${escape(t.name)}</th>`).join('');
  const rows = matrix.responsibilities
    .map(
      r =>
        `<tr><th>${escape(r.title.en)}</th>${matrix.tools
          .map(t => `<td>${cells.get(`${t.id}/${r.id}`) ?? ''}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<!doctype html><html><body>
<input id="mesh-coverage-filter" type="search">
<table><thead><tr><th>Responsibility</th>${header}</tr></thead><tbody>${rows}</tbody></table>
<script>
  const tbody = document.querySelector('tbody');
  const all = [...tbody.rows];
  document.getElementById('mesh-coverage-filter').addEventListener('input', event => {
    const query = event.target.value.toLowerCase();
    tbody.replaceChildren(...all.filter(row => row.cells[0].textContent.toLowerCase().includes(query)));
  });
</script></body></html>`;
}

/** Typing narrows the table, deleting widens it again: both are keystrokes users make. */
const KEYSTROKES = {
  quick: ['1', '12', '123', '12', '1', ''],
  full: [
    '1',
    '12',
    '123',
    '12',
    '1',
    '',
    '4',
    '45',
    '4',
    '',
    '9',
    '99',
    '9',
    '',
  ],
};

/**
 * Per value, in the page, from the input event: `script` until the animation frame after the first
 * DOM change of the table (the page's own work), `painted` until that frame's style, layout and
 * paint are done (a task queued from the frame runs after them) — what the user waits for.
 */
async function keystrokeTimings(page: Page, values: string[]) {
  const script: number[] = [];
  const painted: number[] = [];
  for (const value of values) {
    const timing = await page.evaluate(
      (next: string) =>
        new Promise<{ script: number; painted: number }>(resolve => {
          const input = document.getElementById(
            'mesh-coverage-filter',
          ) as HTMLInputElement;
          const setValue = Object.getOwnPropertyDescriptor(
            HTMLInputElement.prototype,
            'value',
          )!.set!;
          const observer = new MutationObserver(() => {
            observer.disconnect();
            requestAnimationFrame(() => {
              const frame = performance.now() - start;
              setTimeout(() =>
                resolve({ script: frame, painted: performance.now() - start }),
              );
            });
          });
          observer.observe(document.querySelector('main') ?? document.body, {
            childList: true,
            subtree: true,
            characterData: true,
            attributes: true,
          });
          const start = performance.now();
          setValue.call(input, next);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }),
      value,
    );
    script.push(timing.script);
    painted.push(timing.painted);
  }
  return { script, painted };
}

/**
 * ui: the comparison page with a 500-responsibility × 20-tool matrix against a plain HTML table of
 * the same matrix filtered by vanilla JS, in the same Chromium: the median filter keystroke → updated
 * table, as a ratio (goal <= 2), and the initial render the same way (reported). Ours is the
 * production build users get (built here, served by the backend's app-backend), not the
 * development server's.
 */
export async function uiBench(quick: boolean): Promise<BenchResult[]> {
  const { startPortal, BACKEND, launchBrowser, signedInPage } = await harness();
  buildProductionApp();
  const matrix = syntheticMatrix(500, 20);
  const portal = await startPortal({
    matrix,
    waitForFacts: false,
    // The example config requires seed ids the synthetic matrix does not have.
    env: {
      APP_CONFIG_meshCoverage_defaultRequirements: JSON.stringify({
        service: ['responsibility-1'],
      }),
    },
  });
  const browser = await launchBrowser();
  try {
    const values = quick ? KEYSTROKES.quick : KEYSTROKES.full;

    const ours = await signedInPage(browser, BACKEND);
    let started = Date.now();
    await ours.goto(`${BACKEND}/mesh-comparison?lang=en`);
    // Rendered: the count of all 500 shown and the first tables filled.
    await ours.waitForFunction(
      () =>
        document.body.textContent?.includes('500 of 500') &&
        document.querySelectorAll('tbody th[scope="row"]').length >= 10,
      undefined,
      { timeout: 120_000 },
    );
    const oursRender = Date.now() - started;
    const oursTimings = await keystrokeTimings(ours, values);

    const reference = await browser.newPage();
    started = Date.now();
    await reference.setContent(referencePage(matrix));
    await reference.evaluate(
      () => new Promise(resolve => requestAnimationFrame(resolve)),
    );
    const referenceRender = Date.now() - started;
    const referenceTimings = await keystrokeTimings(reference, values);

    const list = (timings: number[]) =>
      timings.map(t => t.toFixed(0)).join(', ');
    const figure = (
      kind: 'painted' | 'script',
      name: string,
      goal: string,
    ): BenchResult => {
      const ratio = median(oursTimings[kind]) / median(referenceTimings[kind]);
      return {
        name,
        value: ratio,
        unit: 'ratio',
        goal,
        pass: goal === 'report' || ratio <= 2,
        detail: `500 × 20 matrix, median of ${
          values.length
        } keystrokes: ours ${median(oursTimings[kind]).toFixed(1)} ms (${list(
          oursTimings[kind],
        )}), plain table ${median(referenceTimings[kind]).toFixed(
          1,
        )} ms (${list(referenceTimings[kind])}); production build`,
      };
    };
    return [
      figure('painted', 'ui keystroke / vanilla-JS page keystroke', '<= 2'),
      figure(
        'script',
        'ui keystroke script (to the next frame) / vanilla-JS page',
        'report',
      ),
      {
        name: 'ui initial render / vanilla-JS page render',
        value: oursRender / referenceRender,
        unit: 'ratio',
        goal: 'report',
        pass: true,
        detail: `ours ${oursRender} ms (navigation, app start, sign-in state, matrix fetch, first tables), plain table ${referenceRender} ms`,
      },
    ];
  } finally {
    await browser.close();
    await portal.stop();
  }
}
