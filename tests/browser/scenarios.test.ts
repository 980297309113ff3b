// Every shipped scenario and branch plays to its end in the page, driven by window.simulation.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, screenshot, waitReady } from '../support/browser';
import { ROOT } from '../support/worlds';

const dir = path.join(ROOT, 'scenarios');
const games = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .flatMap((f) => {
    const json = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    return [null, ...(json.branches ?? []).map((b: { id: string }) => b.id)].map((branch) => ({
      id: json.id as string,
      branch,
    }));
  });

describe('every scenario in the browser', { timeout: 300_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads each scenario and branch and plays it to the end with no page error', async () => {
    expect(games.length).toBeGreaterThanOrEqual(5);
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await waitReady(page);
    await page.keyboard.press('Escape'); // the briefing
    for (const game of games) {
      const result = await page.evaluate(async ({ id, branch }) => {
        const loaded = await window.simulation.load(id, branch, 3);
        if (!loaded.ok) return { loaded, turns: 0, over: false };
        let turns = 0;
        while (!window.simulation.state()!.over && turns < 40) {
          const r = window.simulation.endTurn();
          if (!r.ok) return { loaded, turns, over: false, error: r.reason };
          turns++;
        }
        return { loaded, turns, over: window.simulation.state()!.over };
      }, game);
      expect(result, `${game.id} ${game.branch ?? '(main line)'}`).toMatchObject({
        loaded: { ok: true },
        over: true,
      });
      expect(result.turns).toBeGreaterThan(2);
      await screenshot(page, `scenario-${game.id}-${game.branch ?? 'main'}-end`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
