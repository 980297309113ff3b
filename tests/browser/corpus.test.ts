// The corpus of malformed scenarios (tests/corpus/) through the page's "Open a scenario file": each is refused
// in the briefing with a message naming its problem, and the game in progress is kept, byte for byte.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, startHolding, waitReady } from '../support/browser';
import { ROOT, valleysJson } from '../support/worlds';

const DIR = path.join(ROOT, 'tests/corpus/scenarios');
const manifest = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'tests/corpus/scenarios.manifest.json'), 'utf8'),
) as Record<string, string>;

describe('the corpus of malformed scenarios, opened in the page', { timeout: 300_000 }, () => {
  let browser: Browser;
  const generated = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-page-'));
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(generated, { recursive: true, force: true });
  });

  it('refuses every file with its problem named, and keeps the game in progress', async () => {
    const big = path.join(generated, 'title-6mb.json');
    fs.writeFileSync(big, JSON.stringify({ ...valleysJson(), title: 'x'.repeat(6_000_000) }));
    const cases: [string, string][] = [
      ...Object.entries(manifest).map(
        ([name, expected]) => [path.join(DIR, name), expected] as [string, string],
      ),
      [big, 'characters'],
    ];
    // A small, still page: fifty files are opened while the map draws behind the briefing.
    const context = await browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 900, height: 640 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await page.goto(inject('baseUrl'));
    await waitReady(page);
    await startHolding(page, []);
    await page.evaluate(() => window.simulation.endTurn());
    await expect.poll(() => page.evaluate(() => window.simulation.state()!.turn)).toBe(1);
    const before = await page.evaluate(() => JSON.stringify(window.simulation.state()));

    await page.locator('body').focus();
    await page.keyboard.press('b');
    const error = page.locator('[data-testid=load-error]');
    const missed: string[] = [];
    for (const [file, expected] of cases) {
      await page.setInputFiles('[data-testid=open-scenario-file]', file);
      const name = path.basename(file);
      try {
        await expect
          .poll(() => error.textContent(), { timeout: 15_000 })
          .toMatch(new RegExp(`${name.replace(/\./g, '\\.')}: `));
      } catch {
        missed.push(`${name}: no message (${await error.textContent()})`);
        continue;
      }
      const text = (await error.textContent()) ?? '';
      if (!text.includes(expected) || !text.includes('The game in progress is kept.'))
        missed.push(`${name}: ${text.slice(0, 300)}`);
    }
    expect(missed).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => JSON.stringify(window.simulation.state()))).toBe(before);
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
    expect(errors).toEqual([]);
    await context.close();
  });
});
