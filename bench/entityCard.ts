import { buildProductionApp } from './productionApp';
import { BenchResult, median } from './results';
import { harness } from './ui';

const COMPONENT = 'orders-service';
/** The component's description: what the catalog's About card shows once the entity is loaded. */
const DESCRIPTION = 'Takes and tracks orders; validates customer tokens itself';

/**
 * entity card: on a component page, the time until our coverage card shows its figures over the
 * time until the catalog's About card shows the entity, both from the same navigation, in the
 * production build. Goal: <= 1.2 (our card never makes the page wait).
 */
export async function entityCardBench(quick: boolean): Promise<BenchResult> {
  const { startPortal, BACKEND, launchBrowser, signedInPage } = await harness();
  buildProductionApp();
  const portal = await startPortal({ overlay: null, waitForFacts: false });
  const browser = await launchBrowser();
  try {
    const page = await signedInPage(browser, BACKEND);
    // Marks, from navigation start, the first moment each card shows what it is for.
    await page.addInitScript((description: string) => {
      const marks: Record<string, number> = {};
      (window as any).cardMarks = marks;
      new MutationObserver(() => {
        const now = performance.now();
        if (!marks.about && document.body?.textContent?.includes(description)) {
          marks.about = now;
        }
        if (
          !marks.ours &&
          document.querySelector('[data-testid="mesh-coverage-value"]')
        ) {
          marks.ours = now;
        }
      }).observe(document, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    }, DESCRIPTION);
    const ratios: number[] = [];
    const abouts: number[] = [];
    const ours: number[] = [];
    for (let round = 0; round < (quick ? 5 : 9) + 1; round += 1) {
      await page.goto(`${BACKEND}/catalog/default/component/${COMPONENT}`);
      await page.waitForFunction(
        () =>
          (window as any).cardMarks?.about && (window as any).cardMarks?.ours,
        undefined,
        { timeout: 60_000 },
      );
      const marks = await page.evaluate(() => (window as any).cardMarks);
      if (round > 0) {
        // The first load also fetches the app's code: a warm-up.
        abouts.push(marks.about);
        ours.push(marks.ours);
        ratios.push(marks.ours / marks.about);
      }
    }
    const value = median(ratios);
    return {
      name: 'entity card figures / About card',
      value,
      unit: 'ratio',
      goal: '<= 1.2',
      pass: value <= 1.2,
      detail: `${COMPONENT}'s page, median of ${
        ratios.length
      } loads: our card ${median(ours).toFixed(0)} ms, About card ${median(
        abouts,
      ).toFixed(0)} ms after navigation start; production build`,
    };
  } finally {
    await browser.close();
    await portal.stop();
  }
}
