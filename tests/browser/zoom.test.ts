// Zooming and panning the map as a person does: the wheel zooms about the cursor (the region under it stays
// under it), a drag pans (and is not a click), two touches pinch, + / − / 0 and the buttons zoom in, out and
// back to fit, and a click on a region of the zoomed map opens that region's card. Screenshots of the zoomed
// map at 1280×720 and 1920×1080 (test-results/screenshots/zoom-*.png). Resizing the window while zooming and
// ending turns keeps the zoom and loses no turn.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, sharedBrowser, screenshot, startHolding, waitReady } from '../support/browser';

type Info = {
  zoom: number;
  regions: Record<string, { x: number; y: number }>;
  callouts: Record<string, unknown>;
};

const info = (page: Page) => page.evaluate(() => window.simulation.mapView()) as Promise<Info>;

/** Waits until the map has settled at a zoom that `ok` accepts (a change redraws the map 160 ms after it). */
async function settled(page: Page, ok: (zoom: number) => boolean): Promise<Info> {
  for (let i = 0; i < 100; i++) {
    const now = await info(page);
    if (now && ok(now.zoom)) {
      await page.waitForTimeout(400);
      return info(page);
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`the zoom never settled: ${JSON.stringify((await info(page))?.zoom)}`);
}

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('zooming and panning the map', { timeout: 300_000 }, () => {
  const browser = sharedBrowser();

  it('zooms about the cursor, pans by dragging, and answers keys and buttons', async () => {
    const { page, errors } = await openPage(browser(), inject('baseUrl'));
    await waitReady(page);
    await startHolding(page, ['TUR']);
    const start = await info(page);
    expect(start.zoom).toBe(1);
    const mosul = start.regions.mosul!;
    const aleppo = start.regions.aleppo!;

    // The wheel, over Mosul: Mosul stays under the cursor, Aleppo moves away from it.
    await page.mouse.move(mosul.x, mosul.y);
    await page.mouse.wheel(0, -300);
    const zoomed = await settled(page, (z) => z > 1.3);
    expect(dist(zoomed.regions.mosul!, mosul)).toBeLessThan(3);
    expect(dist(zoomed.regions.aleppo!, mosul)).toBeGreaterThan(dist(aleppo, mosul) * 1.3);
    await screenshot(page, 'zoom-1280x720-wheel-on-mosul');

    // A drag pans by what the pointer moved, and opens no card.
    const from = { x: 640, y: 560 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let k = 1; k <= 5; k++) await page.mouse.move(from.x - 16 * k, from.y - 10 * k);
    await page.mouse.up();
    await page.waitForTimeout(500);
    const panned = await info(page);
    expect(panned.zoom).toBeCloseTo(zoomed.zoom, 5);
    for (const id of ['mosul', 'aleppo', 'baghdad']) {
      expect(panned.regions[id]!.x - zoomed.regions[id]!.x).toBeCloseTo(-80, 0);
      expect(panned.regions[id]!.y - zoomed.regions[id]!.y).toBeCloseTo(-50, 0);
    }
    expect(await page.locator('[data-testid=region-card]').count()).toBe(0);

    // A click on Anbar where the zoomed and panned map now shows it opens Anbar's card.
    await page.mouse.click(panned.regions.anbar!.x, panned.regions.anbar!.y);
    await page.waitForSelector('[data-testid=region-card][data-region=anbar]');
    await page.click('[data-testid=card-close]');

    // 0 fits again; + and − zoom a step about the middle; the buttons do the same.
    await page.keyboard.press('0');
    const fitted = await settled(page, (z) => z === 1);
    expect(dist(fitted.regions.mosul!, mosul)).toBeLessThan(1);
    await page.keyboard.press('+');
    const plus = await settled(page, (z) => z > 1.3);
    expect(plus.zoom).toBeCloseTo(1.4, 2);
    await page.keyboard.press('-');
    expect((await settled(page, (z) => z < 1.1)).zoom).toBeCloseTo(1, 2);
    await page.click('[data-testid=zoom-in]');
    await page.click('[data-testid=zoom-in]');
    expect((await settled(page, (z) => z > 1.9)).zoom).toBeCloseTo(1.96, 2);
    await page.click('[data-testid=zoom-fit]');
    await settled(page, (z) => z === 1);

    // The map as a table, from its button: a row per region.
    await page.click('[data-testid=open-map-table]');
    await page.locator('[data-testid=map-table]').waitFor();
    expect(await page.locator('[data-testid=map-table] tbody tr[data-region]').count()).toBe(
      Object.keys(start.regions).length,
    );
    await screenshot(page, 'zoom-1280x720-map-table');
    await page.keyboard.press('Escape');

    expect(errors).toEqual([]);
  });

  it('zooms with two touches moving apart, about their midpoint, on a touch screen', async () => {
    const { page, errors } = await openPage(browser(), inject('baseUrl'), undefined, { hasTouch: true });
    await waitReady(page);
    await startHolding(page, ['TUR']);
    const { regions } = await info(page);
    const mosul = regions.mosul!;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints:
          type === 'touchEnd'
            ? []
            : [
                { x: mosul.x - spread, y: mosul.y + 40, id: 1 },
                { x: mosul.x + spread, y: mosul.y + 40, id: 2 },
              ],
      });
    await touch('touchStart', 30);
    for (const spread of [40, 50, 60, 70]) await touch('touchMove', spread);
    await touch('touchEnd', 0);
    const pinched = await settled(page, (z) => z > 1.5);
    // 30 → 70 px apart: about 2.3 times, and the point between the fingers stays where it was.
    expect(pinched.zoom).toBeGreaterThan(2);
    expect(Math.abs(pinched.regions.mosul!.x - mosul.x)).toBeLessThan(4);
    expect(pinched.regions.mosul!.y - mosul.y).toBeCloseTo(-40 * (pinched.zoom - 1), -1);
    expect(await page.locator('[data-testid=region-card]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows a readable zoomed map at 1920×1080', async () => {
    const { page, errors } = await openPage(browser(), inject('baseUrl'), { width: 1920, height: 1080 });
    await waitReady(page);
    await startHolding(page, ['TUR']);
    const { regions } = await info(page);
    await page.mouse.move(regions.mosul!.x, regions.mosul!.y);
    await page.mouse.wheel(0, -250);
    await settled(page, (z) => z > 1.3);
    await screenshot(page, 'zoom-1920x1080-wheel-on-mosul');
    expect(errors).toEqual([]);
  });

  it('keeps its zoom and loses no turn while the window is resized, zoomed and played at once', async () => {
    const { page, errors } = await openPage(browser(), inject('baseUrl'));
    await waitReady(page);
    await startHolding(page, ['TUR']);
    await page.keyboard.press('+');
    await settled(page, (z) => z > 1.3);
    const sizes = [
      { width: 1000, height: 640 },
      { width: 1600, height: 900 },
      { width: 1280, height: 720 },
    ];
    for (let k = 0; k < 6; k++) {
      await page.setViewportSize(sizes[k % sizes.length]!);
      await page.mouse.move(640, 360);
      await page.mouse.wheel(0, k % 2 ? 120 : -120);
      if (k % 2 === 0) await page.click('[data-testid=end-turn]');
    }
    await expect
      .poll(() => page.evaluate(() => window.simulation.state()!.turn), { timeout: 30_000 })
      .toBe(3);
    await page.setViewportSize({ width: 1280, height: 720 });
    const after = await settled(page, () => true);
    // Zoomed in and out by the same wheel steps: back at the + step, whatever the sizes in between.
    expect(after.zoom).toBeCloseTo(1.4, 1);
    expect(Object.keys(after.callouts).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
