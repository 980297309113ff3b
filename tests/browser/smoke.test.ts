import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countColours, launch, openPage, screenshot, waitReady } from '../support/browser';

describe('the page', { timeout: 120_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads, becomes ready, draws the map and raises no error', async () => {
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await waitReady(page);
    const state = await page.evaluate(() => window.simulation.state());
    expect(state).toMatchObject({ scenario: 'mosul-2016', turn: 0 });
    const shot = await screenshot(page, 'smoke-ready');
    // The middle of the screen is the map: a drawn map has many colours, a blank canvas one or two.
    expect(await countColours(page, shot, { x: 400, y: 150, w: 480, h: 400 })).toBeGreaterThan(50);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('gives a teacher the lesson materials of the scenario in the briefing, printable, and back', async () => {
    const { page, errors } = await openPage(browser, `${inject('baseUrl')}?scenario=tehran-2022`);
    await waitReady(page);
    await page.click('[data-testid=open-lesson]');
    const lesson = page.locator('[data-testid=lesson]');
    await expect.poll(() => lesson.isVisible()).toBe(true);
    expect(await lesson.locator('h2').textContent()).toContain('Putin in Tehran 2022');
    expect(await page.locator('[data-testid=lesson-plan-1] li').count()).toBeGreaterThan(2);
    const playable = await page.evaluate(() => window.simulation.state()!.actors.length);
    const sheets = await page.locator('[data-testid=role-sheet]').count();
    expect(sheets).toBeGreaterThan(1);
    expect(sheets).toBeLessThan(playable);
    expect(await page.locator('[data-testid=teacher-notes] li').count()).toBeGreaterThan(0);
    await screenshot(page, 'lesson-materials');
    // Printed, the materials alone: the map and the briefing behind them are not on paper.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#map').isVisible()).toBe(false);
    expect(await lesson.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.click('[data-testid=lesson-close]');
    await expect.poll(() => lesson.isVisible()).toBe(false);
    expect(await page.locator('[data-testid=briefing]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
