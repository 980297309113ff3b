// The page's layout at the screen sizes people use: the top bar keeps its players, Info and End turn whole and
// inside the window (the menu scrolls sideways when there is no room), nothing in it overlaps, and screenshots at
// each size (and of an actor selected, at 1280×720) for a person to look at (test-results/screenshots/layout-*.png).
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, sharedBrowser, screenshot, startHolding, waitReady } from '../support/browser';

interface Box {
  id: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The boxes of the top bar's always-visible parts, and the window's width. */
const barBoxes = (page: Page) =>
  page.evaluate(() => {
    const bar = document.querySelector('.topbar')!;
    const pick = ['.held', '.menu', '[data-testid=toggle-right]', '[data-testid=end-turn]'];
    const boxes = pick.map((sel) => {
      const r = bar.querySelector(sel)!.getBoundingClientRect();
      return { id: sel, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
    const menu = bar.querySelector('.menu')!;
    return { boxes, width: window.innerWidth, scrolls: menu.scrollWidth > menu.clientWidth };
  });

const overlap = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5;

describe('layout at common screen sizes', { timeout: 300_000 }, () => {
  const browser = sharedBrowser();

  for (const size of [
    { width: 960, height: 600 },
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ])
    it(`keeps the top bar whole at ${size.width}×${size.height}`, async () => {
      const { page, errors } = await openPage(browser(), inject('baseUrl'), size);
      await waitReady(page);
      await startHolding(page, ['TUR']);
      const { boxes, width, scrolls } = await barBoxes(page);
      await screenshot(page, `layout-${size.width}x${size.height}`);
      for (const b of boxes) {
        expect(b.left, b.id).toBeGreaterThanOrEqual(0);
        expect(b.right, b.id).toBeLessThanOrEqual(width);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlap(boxes[i]!, boxes[j]!), `${boxes[i]!.id} / ${boxes[j]!.id}`).toBe(false);
      if (scrolls) {
        // A menu button out of sight comes into view when it gets the focus.
        const keys = page.locator('[data-testid=open-keys]');
        await keys.focus();
        const r = (await keys.boundingBox())!;
        const menu = (await page.locator('.topbar .menu').boundingBox())!;
        expect(r.x).toBeGreaterThanOrEqual(menu.x - 0.5);
        expect(r.x + r.width).toBeLessThanOrEqual(menu.x + menu.width + 0.5);
      }
      // End turn works from the bar at this size.
      await page.click('[data-testid=end-turn]');
      await page.waitForFunction(() => window.simulation.state()!.turn === 1);
      if (size.width === 1280) {
        // A selected actor's ties alone are drawn (tests/view/layout.test.ts checks which): Turkey chosen from the
        // Scores tab, its card set aside for the screenshot so that the lines from Ankara show.
        await page.click('[data-testid=tab-scores]');
        await page.click('[data-testid=actor-score][data-actor=TUR] h4 button');
        await page.addStyleTag({ content: '.card { visibility: hidden; }' });
        await page.waitForTimeout(500);
        await screenshot(page, 'layout-1280x720-turkey-selected');
      }
      expect(errors).toEqual([]);
    });
});
