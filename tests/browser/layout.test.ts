// The page's layout at the screen sizes people use: the top bar keeps its players, Info and End turn whole and
// inside the window (the menu scrolls sideways when there is no room), nothing in it overlaps, no two boxes on
// the map (callouts, capitals) overlap, fitted or zoomed out, and screenshots at each size (and of an actor
// selected, at 1280×720) for a person to look at (test-results/screenshots/layout-*.png).
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

/** The pairs of map boxes (regions' callouts, capitals' boxes) that overlap by more than a pixel. */
async function overlaps(page: Page): Promise<string[]> {
  const view = await page.evaluate(() => window.simulation.mapView()!);
  const boxes = [...Object.entries(view.callouts), ...view.arenas.map((a, i) => [`arena ${i}`, a] as const)];
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [[m, a], [n, b]] = [boxes[i]!, boxes[j]!];
      const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (w > 0 && h > 0 && w * h > 1) out.push(`${m} × ${n}`);
    }
  return out;
}

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
      // No region's callout lies on another's or on a capital's box, fitted and zoomed out.
      expect(await overlaps(page)).toEqual([]);
      await page.keyboard.press('-');
      await page.waitForTimeout(800);
      expect(await overlaps(page)).toEqual([]);
      await page.keyboard.press('0');
      await page.waitForTimeout(800);
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
