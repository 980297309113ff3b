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
});
