// Accessibility (issue 12): axe-core, the engine most accessibility audits run on, finds no violation on any
// screen of the page: the briefing and its lesson materials, the game with each tab, every dialog, the class
// controls and the summary at the end. And the keyboard: Tab walks the page in reading order (top bar, orders,
// information, the map's controls, the history bar, the sound) with a visible focus ring on every stop, and
// comes back.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Violation } from '../support/axe';
import { audit } from '../support/axe';
import { ARTEFACTS, launch, openPage, startHolding, waitReady } from '../support/browser';

describe('accessibility', { timeout: 300_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has no axe violation on any screen, from the briefing to the summary', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}?scenario=tehran-2022`);
    await waitReady(page);
    const found: Violation[] = [];
    const screen = async (name: string) => found.push(...(await audit(page, name)));

    await screen('briefing');
    await page.click('[data-testid=open-lesson]');
    await page.locator('[data-testid=lesson]').waitFor();
    await screen('lesson materials');
    await page.click('[data-testid=lesson-close]');
    await page.locator('[data-testid=held-actor][data-actor=RUS]').check();
    await page.click('[data-testid=start-game]');
    await page.waitForSelector('[data-testid=start-game]', { state: 'hidden' });
    await screen('orders and report, turn 0');
    // A region picked on the map: its card, with the orders Russia has there.
    const points = await page.evaluate(() => window.simulation.mapView()!.regions);
    const russia = await page.evaluate(() => window.simulation.legalOrders('RUS').map((o) => o.region));
    const [, at] = Object.entries(points).find(
      ([id, p]) => russia.includes(id) && p.x > 360 && p.x < 880 && p.y > 80 && p.y < 620,
    )!;
    await page.mouse.click(at.x, at.y);
    await page.locator('.card:not([hidden])').waitFor();
    await screen('card of a region or actor picked on the map');
    await page.click('[data-testid=card-close]');
    await page.click('[data-testid=end-turn]');
    await expect.poll(() => page.evaluate(() => window.simulation.state()!.turn)).toBe(1);
    for (const tab of ['report', 'log', 'relations', 'scores', 'history']) {
      await page.click(`[data-testid=tab-${tab}]`);
      await screen(`${tab} tab, turn 1`);
    }
    await page.click('[data-testid=open-facilitator]');
    await page.locator('[data-testid=class-section]').waitFor();
    await screen('facilitator dialog');
    await page.click('[data-testid=facilitator-close]');
    for (const [key, dialog] of [
      ['o', 'odds-panel'],
      ['c', 'compare-panel'],
      ['?', 'keys-dialog'],
      ['m', 'map-table'],
      ['b', 'briefing'],
    ] as const) {
      await page.locator('body').focus();
      await page.keyboard.press(key);
      await page.locator(`[data-testid=${dialog}]`).waitFor();
      await screen(`${dialog} (key ${key})`);
      await page.keyboard.press('Escape');
      await page.locator(`[data-testid=${dialog}]`).waitFor({ state: 'hidden' });
    }
    // To the end: the summary, a debrief.
    await page.evaluate(() => {
      while (!window.simulation.state()!.over) window.simulation.endTurn();
    });
    await page.locator('[data-testid=game-summary]').waitFor();
    await screen('summary');

    fs.mkdirSync(ARTEFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTEFACTS, '..', 'axe-violations.json'), JSON.stringify(found, null, 1));
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('walks the page with Tab in reading order, each stop visibly focused, and comes back round', async () => {
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await waitReady(page);
    await startHolding(page, ['TUR']);
    await page.locator('.topbar button').first().focus(); // the walk starts at the page's first control
    const AREAS = ['.topbar', '#ui-left', '#ui-right', '.zoom', '.bottom', '.audio-controls'];
    const stops: { area: number; ring: boolean; inside: boolean; what: string }[] = [];
    let outside = 0;
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate((areas) => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return null;
        const style = getComputedStyle(e);
        const r = e.getBoundingClientRect();
        return {
          area: areas.findIndex((sel) => !!e.closest(sel)),
          ring:
            (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
            style.boxShadow !== 'none',
          inside:
            r.width > 0 &&
            r.height > 0 &&
            r.bottom > 0 &&
            r.top < innerHeight &&
            r.right > 0 &&
            r.left < innerWidth,
          what: `${e.tagName.toLowerCase()} ${e.getAttribute('data-testid') ?? e.textContent?.trim().slice(0, 30) ?? ''}`,
        };
      }, AREAS);
      // Past the last control the focus leaves the page (to the browser) once, then comes back to the first.
      if (!stop) {
        if (++outside > 2) break;
        continue;
      }
      stops.push(stop);
      if (stops.length > 1 && stop.area === 0 && stops[stops.length - 2]!.area !== 0) break; // round again
    }
    const areas = stops.map((x) => x.area);
    // Every stop is in one of the page's parts, in reading order, and the walk comes back to the top bar.
    expect(
      areas.filter((a) => a < 0),
      JSON.stringify(stops.filter((x) => x.area < 0)),
    ).toEqual([]);
    const firstPass = areas.slice(0, -1);
    expect(firstPass).toEqual([...firstPass].sort((a, b) => a - b));
    expect(new Set(firstPass)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(areas[areas.length - 1]).toBe(0);
    // Each stop shows where the focus is, on screen.
    expect(stops.filter((x) => !x.ring).map((x) => x.what)).toEqual([]);
    expect(stops.filter((x) => !x.inside).map((x) => x.what)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
