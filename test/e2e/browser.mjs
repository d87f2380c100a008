import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { FRONTEND, OUTPUT } from './portal.mjs';

const SCREENSHOTS = resolve(OUTPUT, '../screenshots');

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page signed in as guest (the sign-in page needs a click on Enter), on `origin`. */
export async function signedInPage(browser, origin = FRONTEND) {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.dialogs = [];
  page.on('dialog', dialog => {
    page.dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.goto(origin);
  const enter = page.getByRole('button', { name: /enter/i });
  await enter.click();
  await enter.waitFor({ state: 'detached' });
  return page;
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: resolve(SCREENSHOTS, `${name}.png`),
    fullPage: true,
  });
}
