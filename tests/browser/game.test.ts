// Plays the game as a person would: through the visible buttons and keys, in Debian's Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { advance, createGame } from '../../src/engine/index';
import { countColours, launch, openPage, screenshot, startHolding, waitReady } from '../support/browser';
import { normalise, readArticle } from '../support/sources';
import { worldFrom } from '../support/worlds';

const A1 = readArticle('A1'); // normalised; null when the articles are not beside the repository

const turn = (page: Page) => page.evaluate(() => window.simulation.state()!.turn);

describe('playing in the browser', { timeout: 300_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('plays Mosul 2016 to the end through the visible buttons, with reasons and quotes', async () => {
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await waitReady(page);
    await screenshot(page, 'game-01-briefing');
    await startHolding(page, ['TUR']); // Turkey starts with Euphrates Shield refused (R19: no Russian acquiescence yet)
    const shot = await screenshot(page, 'game-02-started');
    expect(await countColours(page, shot, { x: 420, y: 120, w: 440, h: 420 })).toBeGreaterThan(200);

    // A refused order is shown with the reason it is refused.
    const refused = page
      .locator('[data-testid=order-option][data-ok=false][data-order-id="tur-euphrates-shield"]')
      .first();
    await expect.poll(() => refused.count()).toBeGreaterThan(0);
    const reason = (await refused.locator('[data-testid=refusal-reason]').textContent())!.trim();
    expect(reason).toMatch(/R19/);
    expect(await refused.locator('[data-testid=refusal-reason]').isVisible()).toBe(true);

    let turns = 0;
    while (!(await page.locator('[data-testid=game-summary]').isVisible()) && turns < 20) {
      const give = page.locator('[data-testid=order-option][data-ok=true] [data-testid=give-order]').first();
      if (await give.count()) {
        await give.click();
        await expect.poll(() => page.locator('[data-testid=pending-order]').count()).toBeGreaterThan(0);
      }
      const before = await turn(page);
      await page.click('[data-testid=end-turn]');
      await expect.poll(() => turn(page), { timeout: 30_000 }).toBe(before + 1);
      turns++;
      if (turns === 1) {
        await screenshot(page, 'game-03-after-turn-1');
        // The turn report gives the key changes first, each with its cause, then every effect, folded: it
        // says why things changed and quotes the article where a rule rests on it.
        await page.click('[data-testid=tab-report]');
        const keys = page.locator('[data-testid=key-change]');
        expect(await keys.count()).toBeGreaterThan(0);
        expect(await keys.count()).toBeLessThanOrEqual(8);
        expect(await keys.first().textContent()).toMatch(/Cause: /);
        expect(await page.locator('[data-testid=log-effect]').count()).toBe(0);
        await page.click('[data-testid=all-effects] > summary');
        await expect.poll(() => page.locator('[data-testid=log-effect]').count()).toBeGreaterThan(10);
        await screenshot(page, 'game-03b-report');
      }
      if (await page.locator('[data-testid=game-summary]').isVisible()) break;
      if (await page.evaluate(() => window.simulation.state()!.over)) break;
    }
    const state = await page.evaluate(() => window.simulation.state()!);
    expect(state.over).toBe(true);
    await expect.poll(() => page.locator('[data-testid=game-summary]').isVisible()).toBe(true);
    await screenshot(page, 'game-04-summary');

    // Quotes in the log are the article's words.
    await page.keyboard.press('Escape');
    await page.click('[data-testid=tab-log]');
    const quotes = await page.locator('[data-testid=log-quote]').allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    const sample = normalise(quotes[0]!)
      .replace(/^"|".*$/g, '')
      .split(/…|\.\.\./)[0]!
      .trim();
    if (A1) expect(A1).toContain(sample.slice(0, 40));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ends a turn with the E key and answers "why did this change?" from the relations panel', async () => {
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await waitReady(page);
    await startHolding(page, ['US']);
    await page.locator('body').press('e');
    await expect.poll(() => turn(page), { timeout: 30_000 }).toBe(1);
    await page.click('[data-testid=tab-relations]');
    const cell = page
      .locator(
        '[data-testid=relation-cell][data-a="RUS"][data-b="TUR"], [data-testid=relation-cell][data-a="TUR"][data-b="RUS"]',
      )
      .first();
    await cell.click();
    const why = page.locator('[data-testid=why-panel]');
    await expect.poll(() => why.isVisible()).toBe(true);
    expect((await why.textContent())!.length).toBeGreaterThan(40);
    await screenshot(page, 'game-05-why');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drives the same session through window.simulation, and plays a sound for a resolved turn', async () => {
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await waitReady(page);
    const result = await page.evaluate(async () => {
      const sim = window.simulation;
      await sim.load('mosul-2016', null, 7);
      const legal = sim.legalOrders('US');
      const refused = sim.order('US', { id: 'no-such-order' });
      const given = sim.order('US', legal[0]!);
      const ended = sim.endTurn();
      return { legal: legal.length, refused, given, ended, sounds: sim.sounds(), state: sim.state() };
    });
    expect(result.legal).toBeGreaterThan(3);
    expect(result.refused).toMatchObject({ ok: false, reason: expect.stringContaining('no-such-order') });
    expect(result.given).toEqual({ ok: true });
    expect(result.ended).toMatchObject({ ok: true, turn: 1 });
    expect(result.sounds).toContain('turn');
    // The page's engine gives byte for byte the state Node's engine gives for the same seed and orders.
    const w = worldFrom('scenarios/mosul-2016.json');
    const order = await page.evaluate(() => window.simulation.state()!.orders.find((o) => o.actor === 'US')!);
    const node = advance(
      createGame(w, 7),
      w,
      [
        {
          id: order.id,
          actor: 'US',
          ...(order.target ? { target: order.target } : {}),
          ...(order.region ? { region: order.region } : {}),
        },
      ],
      ['US'],
    );
    expect(JSON.stringify(result.state)).toBe(JSON.stringify(node));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a scenario that fails to load as a message in the page, not a blank screen', async () => {
    const { page } = await openPage(browser, `${inject('baseUrl')}?scenario=no-such-scenario`);
    await waitReady(page);
    // The default scenario is loaded instead; the message names the problem.
    const message = await page.locator('[data-testid=load-error]').textContent();
    expect(message).toContain('unknown scenario "no-such-scenario"');
    await page.close();
  });
});
