// Drives Debian's Chromium (never a downloaded browser) with playwright-core for the browser tests.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS } from '../../scripts/chromium';
import { ROOT } from './worlds';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTEFACTS = path.join(ROOT, 'test-results', 'screenshots');

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, '--disable-sync', '--disable-quic'],
  });
}

/** One browser for the tests of a `describe`: launched before them, closed after; the getter gives it. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not launched yet');
    return browser;
  };
}

/** A page that records its errors; `errors` must stay empty in every test. `hasTouch`: a touch screen; `serviceWorkers`: allowed or not (blocked by default). */
export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 720 },
  device: { hasTouch?: boolean; serviceWorkers?: 'allow' | 'block' } = {},
) {
  // The game's service worker (offline play) is blocked unless a test asks for it: each test then fetches
  // what it loads, and none spends its time precaching the whole game.
  const page = await browser.newPage({ viewport, serviceWorkers: 'block', ...device });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()} ${m.location().url}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(url);
  return { page, errors };
}

export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => window.simulation?.ready === true, null, { timeout });
}

export async function screenshot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(ARTEFACTS, { recursive: true });
  return page.screenshot({ path: path.join(ARTEFACTS, `${name}.png`) });
}

/** How many distinct colours a screenshot region has (decoded in the page: no image library needed). */
export async function countColours(
  page: Page,
  png: Buffer,
  clip?: { x: number; y: number; w: number; h: number },
) {
  return page.evaluate(
    async ({ b64, clip }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const r = clip ?? { x: 0, y: 0, w: img.width, h: img.height };
      const data = g.getImageData(r.x, r.y, r.w, r.h).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4)
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return seen.size;
    },
    { b64: png.toString('base64'), clip },
  );
}

/** Starts the loaded scenario from the briefing, holding exactly the given actors (checkboxes, then Start). */
export async function startHolding(page: Page, actors: string[]): Promise<void> {
  for (const box of await page.locator('[data-testid=held-actor]').all()) {
    const actor = await box.getAttribute('data-actor');
    if (actors.includes(actor!)) await box.check();
    else await box.uncheck();
  }
  await page.click('[data-testid=start-game]');
  await page.waitForSelector('[data-testid=start-game]', { state: 'hidden' });
}
