// No game is ever lost or frozen by a link, a replay or the storage, tried as a careless or hostile user
// would: links opened in a new tab beside a saved game, huge and deep links, full and blocked storage, a bad
// autosave, malformed orders from a script, double clicks, a held key, a misspelt address, stale odds.
import zlib from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, startHolding, waitReady } from '../support/browser';
import { readScenarioText } from '../support/worlds';

const turn = (page: Page) => page.evaluate(() => window.simulation.state()!.turn);
const stateOf = (page: Page) => page.evaluate(() => JSON.stringify(window.simulation.state()));
const notices = (page: Page) => page.locator('[data-testid=load-error]').allTextContents();

/** A page in `context` (which shares its storage with the context's other pages) that records its errors. */
async function open(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack ?? e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(url);
  await waitReady(page);
  return { page, errors };
}

/** A share link's fragment for a replay tree, made here as the page makes them (deflate-raw, base64url). */
const linkFor = (replay: unknown) =>
  zlib.deflateRawSync(Buffer.from(JSON.stringify(replay))).toString('base64url');
/** The shipped scenario's version, read from its file: a link of another version is refused, as it should be. */
const MOSUL_VERSION = (JSON.parse(readScenarioText('scenarios/mosul-2016.json')) as { version: number })
  .version;
const replayHead = {
  format: 'iraq-syria-sim/replay',
  version: 1,
  scenario: { id: 'mosul-2016', version: MOSUL_VERSION },
};

/** Plays `turns` turns holding the US (the AI plays the rest). */
async function play(page: Page, turns: number) {
  await startHolding(page, ['US']);
  for (let i = 0; i < turns; i++) {
    const before = await turn(page);
    await page.click('[data-testid=end-turn]');
    await expect.poll(() => turn(page), { timeout: 30_000 }).toBe(before + 1);
  }
}

describe('no game is lost or frozen', { timeout: 300_000 }, () => {
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    browser = await launch();
    base = inject('baseUrl');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a share link opened in a new tab joins the saved game, or keeps it; a broken one changes nothing', async () => {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 720 },
    });
    const first = await open(context, base);
    await play(first.page, 3);
    const saved = await stateOf(first.page);
    await first.page.close();
    // Someone else plays the same game (same scenario and seed) with other orders at turn 2, and shares it.
    const elsewhere = await browser.newContext({ serviceWorkers: 'block' });
    const friend = await open(elsewhere, base);
    await startHolding(friend.page, ['US']);
    const { variation, variationState } = await friend.page.evaluate(async () => {
      window.simulation.endTurn();
      const legal = window.simulation.legalOrders('US');
      window.simulation.order('US', legal[legal.length - 1]!);
      window.simulation.endTurn();
      return {
        variation: (await window.simulation.share())!,
        variationState: JSON.stringify(window.simulation.state()),
      };
    });
    await elsewhere.close();
    const savedNodes = (page: Page) =>
      page.evaluate(() => {
        const saves = ['sim.save.a', 'sim.save.b']
          .map((k) => JSON.parse(localStorage.getItem(k) ?? 'null'))
          .filter(Boolean)
          .sort((a, b) => b.seq - a.seq);
        const count = (n: { children: unknown[] }): number =>
          1 + (n.children as { children: unknown[] }[]).reduce((s, c) => s + count(c), 0);
        return count(saves[0].replay.root);
      });

    // Same game: the link's line sits beside the saved one (turn 1 is shared: one new node, turn 2).
    const same = await open(context, `${base}#r=${variation}`);
    expect(await stateOf(same.page)).toBe(variationState);
    expect((await notices(same.page)).join(' ')).toMatch(/added to your game/);
    await expect.poll(() => savedNodes(same.page)).toBe(5);
    await screenshot(same.page, 'safety-01-link-joined');
    await same.page.keyboard.press('Escape');
    await same.page.evaluate(() => undefined);
    await same.page.close();

    // A broken link: the saved game opens as it was, and the page says why.
    const broken = await open(context, `${base}#r=${variation.slice(0, -12)}zzzzzzzzzzzz`);
    expect(await stateOf(broken.page)).toBe(variationState);
    expect((await notices(broken.page)).join(' ')).toMatch(/link/);
    expect(broken.errors).toEqual([]);
    await broken.page.close();

    // Another game: it opens, and the saved one is kept, to be opened again from "Kept games".
    const other = await open(context, `${base}?scenario=tehran-2022`);
    expect(await other.page.evaluate(() => window.simulation.state()!.scenario)).toBe('tehran-2022');
    expect((await notices(other.page)).join(' ')).toMatch(/was kept/);
    await screenshot(other.page, 'safety-02-kept');
    const kept = other.page.locator('[data-testid=kept-game]');
    await expect.poll(() => kept.count()).toBe(1);
    expect(await kept.first().textContent()).toMatch(/Mosul.*turn 2/);
    await other.page.locator('[data-testid=kept-open]').first().click();
    await expect.poll(() => stateOf(other.page)).toBe(variationState);
    expect(other.errors).toEqual([]);
    // The saved line is still there below the kept game's root: back to its turn 3.
    expect(saved).toMatch(/"turn":3/);
    await context.close();
  });

  it('a 1,200-character link of 5,000 turns and a 2,000-deep one are refused at once; the page goes on', async () => {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 720 },
    });
    const first = await open(context, base);
    await play(first.page, 1);
    const saved = await stateOf(first.page);
    await first.page.close();
    const wide = linkFor({
      ...replayHead,
      branch: null,
      seed: 1,
      root: {
        orders: [],
        held: [],
        children: Array.from({ length: 5000 }, () => ({ orders: [], held: [], children: [] })),
      },
    });
    expect(wide.length).toBeLessThan(2000);
    let deep: unknown = { orders: [], held: [], children: [] };
    for (let i = 0; i < 2000; i++) deep = { orders: [], held: [], children: [deep] };
    const tall = linkFor({ ...replayHead, branch: null, seed: 2, root: deep });
    for (const [link, message] of [
      [wide, /more than 1000 turns/],
      [tall, /deeper than 200 turns/],
    ] as const) {
      const started = Date.now();
      const page = await open(context, `${base}#r=${link}`);
      const took = Date.now() - started;
      expect((await notices(page.page)).join(' ')).toMatch(message);
      expect(await stateOf(page.page)).toBe(saved);
      expect(page.errors).toEqual([]);
      console.log(`refused link of ${link.length} characters in ${took} ms (page load included)`);
      await page.page.close();
    }
    // The refused links never reached the autosave: a plain reload shows the saved game.
    const again = await open(context, base);
    expect(await stateOf(again.page)).toBe(saved);
    await context.close();
  });

  it('rebuilds a link of 921 turns a slice at a time: the page answers and shows its progress meanwhile', async () => {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 720 },
    });
    const chain = (n: number): unknown =>
      n === 0 ? { orders: [], held: [], children: [] } : { orders: [], held: [], children: [chain(n - 1)] };
    const link = linkFor({
      ...replayHead,
      branch: null,
      seed: 6, // a seed whose game runs all 12 turns (IS holds out in Iraq until the end)
      root: {
        orders: [],
        held: [],
        // 40 lines from the root (a node has at most 50 children), each forking after turn 1: 921 nodes.
        children: Array.from({ length: 40 }, () => ({
          orders: [],
          held: [],
          children: [chain(10), chain(10)],
        })),
      },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const started = Date.now();
    await page.goto(`${base}#r=${link}`);
    const progress = () =>
      page.evaluate(
        () =>
          /rebuilding the game: (\d+) of (\d+)/
            .exec(document.getElementById('loading')?.textContent ?? '')
            ?.slice(1)
            .map(Number) ?? null,
      );
    await expect.poll(progress, { timeout: 60_000, interval: 50 }).not.toBeNull();
    const first = (await progress())!;
    await page.waitForTimeout(300);
    const second = await progress();
    // The page ran between slices: it answered twice while the rebuild went on, and the count moved.
    expect(first[1]).toBe(921);
    expect(second === null || second[0]! > first[0]!).toBe(true);
    await waitReady(page);
    console.log(`921-turn link rebuilt and ready in ${Date.now() - started} ms (page load included)`);
    expect(await turn(page)).toBe(12);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('boots past an autosave nested 10,000 deep: it is set aside, said, and the page starts clean', async () => {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 720 },
    });
    const depth = 10_000;
    const text =
      `{"savedAt":1,"seq":3,"cursor":"","replay":{"format":"iraq-syria-sim/replay","version":1,"scenario":{"id":"mosul-2016","version":${MOSUL_VERSION}},"branch":null,"seed":1,"root":` +
      '{"orders":[],"held":[],"children":['.repeat(depth) +
      '{"orders":[],"held":[],"children":[]}' +
      ']}'.repeat(depth) +
      '}}';
    await context.addInitScript(
      ([t]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('sim.save.a', t!);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [text],
    );
    const { page, errors } = await open(context, base);
    expect((await notices(page)).join(' ')).toMatch(/saved game could not be opened[\s\S]*deeper than 200/);
    expect(await page.evaluate(() => window.simulation.state()!.turn)).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('sim.quarantine')?.length ?? 0)).toBeGreaterThan(
      depth,
    );
    expect(errors).toEqual([]);
    await screenshot(page, 'safety-03-quarantined');
    await context.close();
  });

  it('says when the game cannot be saved (storage full, storage blocked), keeps the last good save', async () => {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 720 },
    });
    // Storage fills up once the page has saved twice.
    await context.addInitScript(() => {
      const real = Storage.prototype.setItem;
      Storage.prototype.setItem = function (this: Storage, k: string, v: string) {
        const w = window as unknown as { __writes: number; __full: boolean };
        w.__writes = (w.__writes ?? 0) + 1;
        if (k.startsWith('sim.save') && w.__full) {
          const err = new Error('The quota has been exceeded.');
          err.name = 'QuotaExceededError';
          throw err;
        }
        return real.call(this, k, v);
      };
    });
    const { page, errors } = await open(context, base);
    await play(page, 2);
    const good = await stateOf(page);
    await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = true));
    await page.click('[data-testid=end-turn]');
    await expect.poll(() => turn(page), { timeout: 30_000 }).toBe(3);
    const said = page.locator('[data-testid=load-error]', { hasText: 'could not be saved' });
    await expect.poll(() => said.count()).toBe(1);
    expect(await said.textContent()).toMatch(/storage for this site is full[\s\S]*last good save is kept/);
    expect(await said.locator('[data-testid=notice-export]').count()).toBe(1);
    await screenshot(page, 'safety-04-save-failed');
    await page.click('[data-testid=end-turn]');
    await expect.poll(() => turn(page), { timeout: 30_000 }).toBe(4);
    await expect.poll(() => said.count()).toBe(1); // one message, kept current, not one per turn
    expect(errors).toEqual([]);
    await page.close();
    const reload = await open(context, base);
    expect(await stateOf(reload.page)).toBe(good);
    await context.close();

    const blocked = await browser.newContext({ serviceWorkers: 'block' });
    await blocked.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    const b = await open(blocked, base);
    expect((await notices(b.page)).join(' ')).toMatch(/will not be saved/);
    expect(b.errors).toEqual([]);
    await blocked.close();
  });

  it('guards the page against scripts, double clicks, held keys, a misspelt address and stale odds', async () => {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 720 },
    });
    const { page, errors } = await open(context, `${base}?scenario=mosul-2016&branch=turkey-joins-mosl`);
    // A misspelt branch: the main line, and the page says so.
    expect(await page.evaluate(() => window.simulation.state()!.branch)).toBeNull();
    expect((await notices(page)).join(' ')).toMatch(/branch in the address was not found/);
    await startHolding(page, ['US']);

    // Orders from a script are checked like any other: odd fields and odd types are refused.
    const refused = await page.evaluate(() => {
      const legal = window.simulation.legalOrders('US')[0]!;
      return [
        window.simulation.order('US', { ...legal, extra: 'x' } as never),
        window.simulation.order('US', { ...legal, covert: 1 } as never),
        window.simulation.order('US', { id: 7 } as never),
      ];
    });
    expect(refused.map((r) => r.ok)).toEqual([false, false, false]);
    expect(refused[0]).toMatchObject({ reason: expect.stringMatching(/no field "extra"/) });
    expect(refused[1]).toMatchObject({ reason: expect.stringMatching(/"covert"/) });
    const stored = await page.evaluate(() => Object.values({ ...localStorage }).join(''));
    expect(stored).not.toMatch(/"covert":1|"extra"/);

    // A seed out of range is refused, not wrapped.
    const wrapped = await page.evaluate(() => window.simulation.load('mosul-2016', null, 2 ** 32 + 5));
    expect(wrapped).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/seed must be a whole number/),
    });

    // A double click ends one turn; so does holding E. The CPU is slowed sixfold for the double click, as on a
    // slow machine, where the turn takes longer than the settling time and the second click waits in the queue.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.dblclick('[data-testid=end-turn]');
    await page.waitForTimeout(2000);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(await turn(page)).toBe(1);
    await page.locator('body').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.down('e');
    await page.keyboard.up('e');
    await page.waitForTimeout(800);
    expect(await turn(page)).toBe(2);

    // Stepping back with orders given sets them aside, says so, and they come back on return.
    await page.evaluate(() => {
      const legal = window.simulation.legalOrders('US');
      window.simulation.order('US', legal[0]!);
    });
    await page.click('[data-testid=history-back]');
    await expect
      .poll(() => page.locator('[data-testid=announcer]').textContent())
      .toMatch(/1 order given at turn 2 was set aside/);
    await page.click('[data-testid=history-forward]');
    await expect.poll(() => page.locator('[data-testid=pending-order]').count()).toBe(1);

    // Odds of this game never show over the next one.
    await page.locator('body').press('o');
    await page.fill('[data-testid=odds-count]', '10');
    await page.click('[data-testid=odds-run]');
    await expect
      .poll(() => page.locator('[data-testid=odds-result]').count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await page.evaluate(() => window.simulation.load('tehran-2022'));
    await expect.poll(() => page.locator('[data-testid=odds-panel]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=odds-result]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
