// A class on several devices, as a teacher and three groups run it: a real class server process (npm run
// class), a browser context for the teacher's console and one for each group. Orders stay hidden from the other
// groups until the teacher resolves the turn; the server resolves it with the engine and every page rebuilds the
// same bytes, which are also those of the same game played alone; a group that drops comes back to its seat; a
// server killed outright comes back with the class; the class's game replays afterwards on a plain page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { shippedCatalog } from '../../src/class/store';
import { createBus } from '../../src/events/bus';
import type { Order } from '../../src/engine/index';
import { Session } from '../../src/session/session';
import type { ClassServer } from '../support/classServer';
import { startClassServer } from '../support/classServer';
import { audit } from '../support/axe';
import { launch, screenshot, startHolding, waitReady } from '../support/browser';
import { ROOT } from '../support/worlds';

const GROUPS = ['RUS', 'IRN', 'TUR'] as const;

/** Waits for what a page shows to come true: a turn resolved and rebuilt on four pages of a slow machine. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

interface Seat {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function open(context: BrowserContext, url: string): Promise<Seat> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack ?? e.message}`));
  await page.goto(url);
  await waitReady(page);
  return { context, page, errors };
}

const stateOf = (page: Page) => page.evaluate(() => JSON.stringify(window.simulation.state()));
const turnOf = (page: Page) => page.evaluate(() => window.simulation.state()?.turn ?? -1);
const connection = (page: Page) => page.locator('[data-testid=class-connection]').getAttribute('data-state');

/** A group's first legal order now, given through the page as a player's (the automation handle). */
async function giveOrder(page: Page, power: string): Promise<Order> {
  return page.evaluate((p) => {
    const order = window.simulation.legalOrders(p)[0]!;
    const given = window.simulation.order(p, order);
    if (!given.ok) throw new Error(given.reason);
    return order;
  }, power);
}

describe('a class on several devices', { timeout: 600_000 }, () => {
  let browser: Browser;
  let server: ClassServer;
  let data: string;
  beforeAll(async () => {
    data = fs.mkdtempSync(path.join(os.tmpdir(), 'class-'));
    [browser, server] = await Promise.all([launch(), startClassServer(data)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(data, { recursive: true, force: true });
  });

  it('runs tehran-2022 with a console and three groups: hidden orders, one authority, a drop, a restart, a replay', async () => {
    // Five pages draw their maps at once on this machine's two cores (software WebGL): the groups' are smaller
    // and still (reduced motion), so that the machine keeps up; the teacher's is the usual size.
    const viewport = { width: 1280, height: 720 };
    const small = { viewport: { width: 960, height: 600 }, reducedMotion: 'reduce' as const };

    // The teacher opens the server's address, plays no power, and starts a class from the Class dialog.
    const teacher = await open(
      await browser.newContext({ serviceWorkers: 'block', viewport }),
      `${server.url}?scenario=tehran-2022&seed=7`,
    );
    await startHolding(teacher.page, []);
    await teacher.page.click('[data-testid=open-facilitator]');
    await teacher.page.click('[data-testid=class-start]');
    const codeBox = teacher.page.locator('[data-testid=class-code]');
    await codeBox.waitFor();
    const code = (await codeBox.textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await teacher.page.click('[data-testid=facilitator-close]');
    const joinLink = await teacher.page.locator('[data-testid=class-link]').inputValue();
    expect(joinLink).toBe(`${server.url}?scenario=tehran-2022&join=${code}`);
    expect(await teacher.page.locator('[data-testid=end-turn]').textContent()).toBe('Resolve turn');

    // Each group opens the join link in its own browser and takes a power; a taken one is no longer offered.
    const groups: Record<string, Seat> = {};
    for (const power of GROUPS) {
      const seat = await open(await browser.newContext({ ...small, serviceWorkers: 'block' }), joinLink);
      await seat.page.locator('[data-testid=class-join]').waitFor();
      const offered = await seat.page
        .locator('[data-testid=class-join-power]')
        .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-actor')));
      for (const taken of Object.keys(groups)) expect(offered).not.toContain(taken);
      expect(offered).toContain(power);
      await seat.page.click(`[data-testid=class-join-power][data-actor=${power}]`);
      await expect
        .poll(() => seat.page.locator('[data-testid=class-verified]').textContent())
        .toMatch(/same state/);
      await seat.page.click('[data-testid=start-game]'); // "Back to the class": the briefing closes
      expect(await seat.page.evaluate(() => window.simulation.state()!.scenario)).toBe('tehran-2022');
      expect(await seat.page.locator('[data-testid=end-turn]').textContent()).toBe('Send orders');
      groups[power] = seat;
    }
    await poll(() => teacher.page.locator('[data-testid=class-seat]').count()).toBe(GROUPS.length);
    await screenshot(groups.RUS!.page, 'class-group');

    // A group cannot give another power's orders from its page.
    const other = await groups.RUS!.page.evaluate(() =>
      window.simulation.order('IRN', window.simulation.legalOrders('IRN')[0]!),
    );
    expect(other).toMatchObject({ ok: false });

    // Each group gives an order and sends it; the others see that it was sent, never which.
    const orders: Order[] = [];
    for (const power of GROUPS) {
      const { page } = groups[power]!;
      orders.push(await giveOrder(page, power));
      await page.click('[data-testid=end-turn]');
      await expect
        .poll(() => page.locator('[data-testid=class-sent]').textContent())
        .toMatch(/Sent: 1 order/);
    }
    await poll(() => teacher.page.locator('[data-testid=class-seat][data-sent=true]').count()).toBe(
      GROUPS.length,
    );
    await poll(() => teacher.page.locator('[data-testid=class-seat-order]').count()).toBe(GROUPS.length);
    await screenshot(teacher.page, 'class-teacher');
    // The class's controls have no accessibility violation, on the console or on a group's page.
    expect([...(await audit(teacher.page, 'console')), ...(await audit(groups.RUS!.page, 'group'))]).toEqual(
      [],
    );
    for (const power of GROUPS) {
      const { page } = groups[power]!;
      await expect
        .poll(() => page.locator('[data-testid=class-seat][data-sent=true]').count())
        .toBe(GROUPS.length);
      expect(await page.locator('[data-testid=class-seat-order]').count()).toBe(0);
      expect(await turnOf(page)).toBe(0); // sending does not resolve anything
    }

    // The teacher locks the orders: a group's send is refused until they are unlocked.
    await teacher.page.click('[data-testid=class-lock]');
    const tur = groups.TUR!.page;
    await poll(() => tur.locator('[data-testid=class-bar]').textContent()).toMatch(/locked the orders/);
    await tur.click('[data-testid=end-turn]');
    await poll(() => tur.locator('[data-testid=announcer]').textContent()).toMatch(/locked/);
    await teacher.page.click('[data-testid=class-lock]');
    await poll(() => tur.locator('[data-testid=class-bar]').textContent()).not.toMatch(/locked the orders/);

    // The teacher resolves the turn: every page rebuilds the server's state, byte for byte.
    await teacher.page.click('[data-testid=end-turn]');
    const pages = [teacher.page, ...GROUPS.map((p) => groups[p]!.page)];
    for (const page of pages) await poll(() => turnOf(page)).toBe(1);
    const states = await Promise.all(pages.map(stateOf));
    expect(new Set(states).size).toBe(1);
    for (const page of pages)
      expect(await page.locator('[data-testid=class-verified]').textContent()).toMatch(
        /Turn 1: the same state/,
      );

    // The same seed and orders played alone, here in Node, give the same bytes.
    const alone = new Session(createBus(), shippedCatalog(path.join(ROOT, 'scenarios')));
    await alone.load('tehran-2022', null, 7);
    alone.setHeld([...GROUPS]);
    for (const o of orders) expect(alone.order(o)).toMatchObject({ ok: true });
    alone.endTurn();
    expect(states[0]).toBe(JSON.stringify(alone.state));

    // A group drops (its page closed) and comes back from the same browser: the same seat, no question asked.
    await groups.IRN!.page.close();
    await poll(() => teacher.page.locator('[data-testid=class-seat][data-actor=IRN]').textContent()).toMatch(
      /not connected/,
    );
    const back = await open(groups.IRN!.context, joinLink);
    await poll(() => connection(back.page)).toBe('connected');
    expect(await back.page.locator('[data-testid=class-power]').textContent()).toMatch(/Iran/);
    expect(await back.page.locator('[data-testid=class-join]').isVisible()).toBe(false);
    await back.page.click('[data-testid=start-game]');
    groups.IRN = back;
    pages[2] = back.page;
    await poll(() => teacher.page.locator('[data-testid=class-seat][data-actor=IRN]').textContent()).toMatch(
      /— connected/,
    );

    // Russia sends its orders for turn 2; then the server is killed outright and started again.
    const rus = groups.RUS!.page;
    const second = await giveOrder(rus, 'RUS');
    await rus.click('[data-testid=end-turn]');
    await poll(() =>
      teacher.page.locator('[data-testid=class-seat][data-actor=RUS]').getAttribute('data-sent'),
    ).toBe('true');
    await server.stop('SIGKILL');
    for (const page of pages) await poll(() => connection(page)).toBe('reconnecting');
    server = await startClassServer(data, server.port);
    for (const page of pages) await poll(() => connection(page)).toBe('connected');
    // The class is back as it was: the seats, Russia's orders (still hidden from the others), the game.
    await poll(() => teacher.page.locator('[data-testid=class-seat-order]').count()).toBe(1);
    expect(await teacher.page.locator('[data-testid=class-seat-order]').textContent()).toBeTruthy();
    await poll(() => rus.locator('[data-testid=class-sent]').textContent()).toMatch(/Sent: 1 order/);
    expect(await turnOf(teacher.page)).toBe(1);

    await teacher.page.click('[data-testid=end-turn]');
    for (const page of pages) await poll(() => turnOf(page)).toBe(2);
    const after = await Promise.all(pages.map(stateOf));
    expect(new Set(after).size).toBe(1);
    alone.setHeld([...GROUPS]);
    expect(alone.order(second)).toMatchObject({ ok: true });
    alone.endTurn();
    expect(after[0]).toBe(JSON.stringify(alone.state));

    // The teacher sets a turn timer and hides the computer's reasons: every group's page shows the same.
    await teacher.page.click('[data-testid=open-facilitator]');
    await teacher.page.fill('[data-testid=facilitator-minutes]', '5');
    await teacher.page.locator('[data-testid=facilitator-minutes]').dispatchEvent('change');
    await teacher.page.uncheck('[data-testid=facilitator-reasons]');
    await teacher.page.click('[data-testid=facilitator-close]');
    for (const power of GROUPS) {
      const { page } = groups[power]!;
      await poll(() => page.locator('[data-testid=turn-timer]').textContent()).toMatch(/^Time [45]:\d\d$/);
    }

    // The teacher plays the class to its end (the groups sending nothing): the pages open the debrief. Two
    // groups have gone home by then (this machine draws five maps slowly), Turkey's stays to the end.
    for (const power of ['RUS', 'IRN'] as const) await groups[power]!.page.close();
    const staying = [teacher.page, groups.TUR!.page];
    while (!(await teacher.page.evaluate(() => window.simulation.state()!.over))) {
      const turn = await turnOf(teacher.page);
      await teacher.page.click('[data-testid=end-turn]');
      await poll(() => turnOf(teacher.page)).toBe(turn + 1);
    }
    const end = await stateOf(teacher.page);
    for (const page of staying) {
      await poll(() => page.locator('[data-testid=game-summary]').isVisible()).toBe(true);
      expect(await stateOf(page)).toBe(end);
      expect(await page.locator('[data-testid=summary-print]').isVisible()).toBe(true);
    }
    await screenshot(groups.TUR!.page, 'class-debrief');

    // Afterwards the class's game replays on a plain page (no class server), from the teacher's share link.
    const fragment = await teacher.page.evaluate(() => window.simulation.share());
    const replay = await open(
      await browser.newContext({ serviceWorkers: 'block', viewport }),
      `${inject('baseUrl')}#r=${fragment}`,
    );
    await poll(() => replay.page.evaluate(() => window.simulation.state()!.over)).toBe(true);
    expect(await stateOf(replay.page)).toBe(end);

    for (const seat of [teacher, replay, ...Object.values(groups)]) expect(seat.errors).toEqual([]);
  });
});
