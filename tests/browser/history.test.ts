// Replay and branch through the page: step, fork, a "what if" branch, compare, odds, and a share link.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, screenshot, startHolding, waitReady } from '../support/browser';

const turn = (page: Page) => page.evaluate(() => window.simulation.state()!.turn);

describe('history in the browser', { timeout: 300_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('steps back and forward, forks a variation, compares two lines, and opens a share link', async () => {
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await waitReady(page);
    await startHolding(page, ['US']);
    for (let i = 1; i <= 3; i++) {
      await page.click('[data-testid=end-turn]');
      await expect.poll(() => turn(page), { timeout: 30_000 }).toBe(i);
    }
    // Step back with the button and the arrow key, forward again.
    await page.click('[data-testid=history-back]');
    await expect.poll(() => turn(page)).toBe(2);
    await page.locator('body').press('ArrowLeft');
    await expect.poll(() => turn(page)).toBe(1);
    await page.click('[data-testid=history-forward]');
    await expect.poll(() => turn(page)).toBe(2);
    await page.locator('body').press('ArrowLeft');
    await expect.poll(() => turn(page)).toBe(1);

    // Fork: different orders from turn 1 make a new line; the old one is kept.
    await page.locator('[data-testid=order-option][data-ok=true] [data-testid=give-order]').last().click();
    await page.click('[data-testid=end-turn]');
    await expect.poll(() => turn(page), { timeout: 30_000 }).toBe(2);
    const tree = page.locator('[data-testid=tree-panel]');
    if (!(await tree.isVisible())) await page.locator('body').press('t');
    await expect.poll(() => tree.isVisible()).toBe(true);
    const nodes = await page
      .locator('[data-testid=tree-node]')
      .evaluateAll((els) =>
        els.map((e) => ({ path: e.getAttribute('data-path'), turn: e.getAttribute('data-turn') })),
      );
    expect(nodes.filter((n) => n.turn === '2').length).toBe(2); // both lines have a turn 2
    expect(nodes.filter((n) => n.turn === '3').length).toBe(1);
    await screenshot(page, 'history-01-fork');

    // A "what if" branch from the root, then compare it with the main line.
    await page.locator('[data-testid=what-if]').first().click();
    await expect.poll(() => page.evaluate(() => window.simulation.state()!.branch)).not.toBeNull();
    await page.click('[data-testid=end-turn]');
    await expect.poll(() => turn(page), { timeout: 30_000 }).toBe(1);
    await page.locator('[data-testid=node-compare]').first().click();
    const compare = page.locator('[data-testid=compare-panel]');
    await expect.poll(() => compare.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.locator('[data-testid=compare-relation]').count()).toBeGreaterThan(0);
    await screenshot(page, 'history-02-compare');
    await page.keyboard.press('Escape');

    // Share the line shown; a new page opens it directly with the same state.
    const shown = await page.evaluate(() => JSON.stringify(window.simulation.state()));
    await page.click('[data-testid=share-link]');
    const url = await page.locator('[data-testid=share-url]').inputValue();
    expect(url).toMatch(/#r=[A-Za-z0-9_-]+$/);
    const other = await openPage(browser, url);
    await waitReady(other.page);
    expect(await other.page.evaluate(() => JSON.stringify(window.simulation.state()))).toBe(shown);
    expect(other.errors).toEqual([]);
    await other.page.close();

    // A tampered link names the problem in the page and still opens a game.
    const bad = await openPage(browser, url.slice(0, url.length - 7) + 'zzzzzzz');
    await waitReady(bad.page);
    expect(await bad.page.locator('[data-testid=load-error]').textContent()).toMatch(/link/);
    await bad.page.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the odds of a node on kept workers with progress, and keeps the page responsive', async () => {
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await waitReady(page);
    await startHolding(page, ['US']);
    const tree = page.locator('[data-testid=tree-panel]');
    if (!(await tree.isVisible())) await page.locator('body').press('t');
    // The runs share a pool: one worker per core the browser reports (at most 8), made by the first run and
    // kept for the next, not ended after either.
    const workers = { started: 0, closed: 0 };
    page.on('worker', (w) => {
      workers.started++;
      w.on('close', () => workers.closed++);
    });
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.locator('[data-testid=node-odds]').first().click();
    await page.fill('[data-testid=odds-count]', '30');
    await page.click('[data-testid=odds-run]');
    // The page answers while the playouts run.
    expect(await page.evaluate(() => window.simulation.state()!.turn)).toBe(0);
    const result = page.locator('[data-testid=odds-result]').first();
    await expect.poll(() => result.count(), { timeout: 120_000 }).toBeGreaterThan(0);
    expect(await result.getAttribute('data-playouts')).toBe('30');
    expect(await page.locator('[data-testid=odds-plot]').count()).toBeGreaterThan(0);
    const first = await result.textContent();
    const pool = Math.max(1, Math.min(8, cores));
    expect(workers.started).toBe(pool);
    // A second run of the same node: the same workers, the same seeds, the same numbers (the plots' ids differ).
    await result.evaluate((e) => e.setAttribute('data-seen', ''));
    await page.click('[data-testid=odds-run]');
    const second = page.locator('[data-testid=odds-result]:not([data-seen])').first();
    await expect.poll(() => second.count(), { timeout: 120_000 }).toBeGreaterThan(0);
    expect(await second.textContent()).toBe(first);
    // Cancel a long run once it is under way; the next run on the same workers gives the same result again.
    await page.fill('[data-testid=odds-count]', '1000');
    await page.click('[data-testid=odds-run]');
    const bar = page.locator('[data-testid=odds-progress]');
    await expect
      .poll(() => bar.evaluate((e) => (e as HTMLProgressElement).value), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await page.click('[data-testid=odds-cancel]');
    await expect.poll(() => page.locator('[data-testid=odds-cancelled]').count()).toBe(1);
    await page.fill('[data-testid=odds-count]', '30');
    await page.click('[data-testid=odds-run]');
    const third = page.locator('[data-testid=odds-result]').first();
    await expect.poll(() => third.count(), { timeout: 120_000 }).toBeGreaterThan(0);
    expect(await third.textContent()).toBe(first);
    expect(workers.started).toBe(pool);
    expect(workers.closed).toBe(0);
    await screenshot(page, 'history-03-odds');
    expect(errors).toEqual([]);
    await page.close();
  });
});
