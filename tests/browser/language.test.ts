// The language switch (issue 12): the page in Arabic, laid out right to left, with the game in progress kept
// across the switch and back. The orders panel moves to the right (where Arabic text begins) and the map is
// framed in the part the panels leave free; axe finds no violation in Arabic; English comes back unchanged.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { audit } from '../support/axe';
import { openPage, screenshot, sharedBrowser, waitReady } from '../support/browser';

/** Chooses a language in the top bar's switch and waits for the page to come back ready in it. */
async function switchTo(page: Page, locale: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.selectOption('[data-testid=language]', locale)]);
  await waitReady(page);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
  await page.keyboard.press('Escape'); // the briefing a restored game opens with
  await page.locator('[data-testid=briefing]').waitFor({ state: 'hidden' });
}

const box = (page: Page, selector: string) =>
  page.locator(selector).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, width: innerWidth };
  });

describe('the language switch', { timeout: 240_000 }, () => {
  const browser = sharedBrowser();

  it('shows the game in Arabic, right to left, keeps the game, and switches back to English', async () => {
    const { page, errors } = await openPage(browser(), inject('baseUrl'));
    await waitReady(page);
    await page.keyboard.press('Escape'); // the briefing
    await page.click('[data-testid=end-turn]');
    await expect.poll(() => page.evaluate(() => window.simulation.state()!.turn)).toBe(1);
    const english = await page.locator('[data-testid=end-turn]').textContent();
    expect(english).toBe('End turn');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    const leftToRight = await box(page, '#ui-left');
    expect(leftToRight.left).toBe(0);

    await switchTo(page, 'ar');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => window.simulation.state()!.turn)).toBe(1); // the game came back
    expect(await page.locator('[data-testid=end-turn]').textContent()).toBe('إنهاء الدور');
    expect(await page.locator('[data-testid=tab-report]').textContent()).toBe('التقرير');
    expect(await page.title()).toBe('العراق/سوريا — تحالفات متبدّلة');
    // Mirrored: the orders panel at the right edge, the info panel at the left, the map between them.
    const orders = await box(page, '#ui-left');
    const info = await box(page, '#ui-right');
    expect(orders.right).toBe(orders.width);
    expect(info.left).toBe(0);
    const regions = Object.values(await page.evaluate(() => window.simulation.mapView()!.regions));
    const inside = regions.filter((p) => p.x > info.right && p.x < orders.left);
    expect(inside.length).toBeGreaterThan(regions.length * 0.8);
    expect(await audit(page, 'the game in Arabic')).toEqual([]);
    await screenshot(page, 'arabic-1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(600);
    await screenshot(page, 'arabic-1920x1080');
    // Still playable in Arabic.
    await page.click('[data-testid=end-turn]');
    await expect.poll(() => page.evaluate(() => window.simulation.state()!.turn)).toBe(2);

    await switchTo(page, 'en');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.locator('[data-testid=end-turn]').textContent()).toBe('End turn');
    expect(await page.evaluate(() => window.simulation.state()!.turn)).toBe(2);
    expect((await box(page, '#ui-left')).left).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens in Arabic from a link (?lang=ar) with the briefing in Arabic and the scenario as written', async () => {
    const { page, errors } = await openPage(browser(), `${inject('baseUrl')}?lang=ar&scenario=tehran-2022`);
    await waitReady(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await page.locator('[data-testid=start-game]').textContent()).toBe('ابدأ');
    // The scenario's own words (its title) are data, shown as written.
    expect(await page.locator('[data-testid=briefing-title]').textContent()).toContain('Putin in Tehran');
    expect(await audit(page, 'the briefing in Arabic')).toEqual([]);
    await screenshot(page, 'arabic-briefing');
    expect(errors).toEqual([]);
    await page.close();
  });
});
