// The class as the server keeps it (src/class/game.ts), without the network: seats, hidden orders checked by
// the engine, the teacher's turn, a save and a restore, and the same bytes as the same game played alone.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClassGame } from '../../src/class/game';
import { stateHash } from '../../src/class/protocol';
import { shippedCatalog } from '../../src/class/store';
import { createBus } from '../../src/events/bus';
import type { Order } from '../../src/engine/index';
import { listOrderOptions } from '../../src/engine/index';
import { Session } from '../../src/session/session';
import { ROOT } from '../support/worlds';

const catalog = shippedCatalog(path.join(ROOT, 'scenarios'));
const START = { scenario: 'tehran-2022', branch: null, seed: 7 };

async function newClass() {
  const made = await ClassGame.create(catalog, 'ABC234', 'teacher-key', START);
  if (!made.ok) throw new Error(made.error);
  return made.value;
}

/** The first legal order of a power now, given the ones before it. */
function legal(game: ClassGame, power: string, before: Order[] = []): Order {
  const options = listOrderOptions(game.session.state!, game.session.world!, power, before);
  return options.find((o) => o.verdict.ok)!.order;
}

const idle = { orders: [], injections: [], paused: false, lookahead: false };

describe('a class on the server', () => {
  it('gives each group one free, playable power; a taken or unplayable one is refused by name', async () => {
    const game = await newClass();
    expect(game.free().map((f) => f.power)).toEqual(['RUS', 'IRN', 'TUR', 'US']);
    expect(game.take('RUS', 'k1')).toMatchObject({ ok: true });
    expect(game.take('RUS', 'k2')).toEqual({ ok: false, error: 'Russia is taken by another group' });
    expect(game.take('SAU', 'k3')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/played by the computer/),
    });
    expect(game.take('XX', 'k4')).toMatchObject({
      ok: false,
      error: 'there is no power "XX" in this scenario',
    });
    expect(game.free().map((f) => f.power)).toEqual(['IRN', 'TUR', 'US']);
    expect(game.seatOf('k1')?.power).toBe('RUS');
    expect(game.seatOf('k2')).toBeNull();
  });

  it("takes a group's orders only for its power, checked by the engine, and not while locked", async () => {
    const game = await newClass();
    game.take('RUS', 'k1');
    const order = legal(game, 'RUS');
    expect(game.send('k1', [order])).toMatchObject({ ok: true, value: [order] });
    expect(game.send('k1', [legal(game, 'IRN')])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cannot give IRN's order/),
    });
    expect(game.send('k1', [{ ...order, id: 'no-such-order' }])).toMatchObject({ ok: false });
    expect(game.send('k1', [{ ...order, extra: 1 }])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/extra/),
    });
    expect(game.send('nobody', [order])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no seat/),
    });
    // A refused message leaves the orders that were taken.
    expect(game.seatOf('k1')?.sent).toEqual([order]);
    game.locked = true;
    expect(game.send('k1', [])).toMatchObject({ ok: false, error: expect.stringMatching(/locked/) });
    // Everyone sees that Russia has sent orders, not which.
    const status = game.status(new Set(['k1']));
    expect(status.seats).toEqual([{ power: 'RUS', name: 'Russia', connected: true, sent: true }]);
    expect(JSON.stringify(status)).not.toContain(order.id);
  });

  it('resolves the turn with every group’s orders and the teacher’s: the same bytes as the game played alone', async () => {
    const game = await newClass();
    game.take('RUS', 'k1');
    game.take('TUR', 'k2');
    const rus = legal(game, 'RUS');
    const tur = legal(game, 'TUR');
    const us = legal(game, 'US');
    game.send('k1', [rus]);
    game.send('k2', [tur]);
    const resolved = game.resolve({ ...idle, orders: [us] });
    expect(resolved).toMatchObject({ ok: true, value: { turn: 1 } });
    expect(game.seats.every((s) => s.sent === null)).toBe(true);

    const alone = new Session(createBus(), catalog);
    await alone.load('tehran-2022', null, 7);
    alone.setHeld(['RUS', 'TUR', 'US']);
    for (const o of [rus, tur, us]) expect(alone.order(o).ok).toBe(true);
    alone.endTurn();
    expect(JSON.stringify(game.session.state)).toBe(JSON.stringify(alone.state));
    expect(resolved.ok && resolved.value.hash).toBe(stateHash(alone.state));
  });

  it("resolves the teacher's injected change and paused computer into the turn, kept in the class's replay", async () => {
    const game = await newClass();
    game.take('RUS', 'k1');
    const change = { kind: 'relation', a: 'RUS', b: 'IRN', layer: 'GL', delta: 10, reason: 'a class debate' };
    const resolved = game.resolve({ ...idle, paused: true, injections: [change] });
    expect(resolved.ok).toBe(true);
    const state = game.session.state!;
    const mine = state.effects.filter((e) => e.facilitator);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((e) => e.text).join(' ')).toContain('a class debate');
    // The computer was paused: only the held actors' orders (none were sent) resolved.
    expect(state.orders).toEqual([]);
    const node = resolved.ok ? resolved.value.replay.root.children[0]! : null;
    expect(node).toMatchObject({ paused: true, injected: [change] });
  });

  it("refuses a turn the teacher cannot give, changing nothing: a group's power, a bad change, odd fields", async () => {
    const game = await newClass();
    game.take('RUS', 'k1');
    game.send('k1', [legal(game, 'RUS')]);
    const before = JSON.stringify(game.record());
    expect(game.resolve({ ...idle, orders: [legal(game, 'RUS')] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/RUS is held by a group/),
    });
    expect(
      game.resolve({
        ...idle,
        injections: [{ kind: 'meter', actor: 'RUS', meter: 'nope', delta: 5, reason: 'x' }],
      }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/an injected change/) });
    expect(game.resolve({ ...idle, paused: 'yes' })).toMatchObject({ ok: false });
    expect(game.resolve(null)).toMatchObject({ ok: false });
    expect(JSON.stringify(game.record())).toBe(before);
    expect(game.session.pending).toEqual([]);
  });

  it('is saved as JSON and restored from it to the same game, seats and hidden orders', async () => {
    const game = await newClass();
    game.take('RUS', 'k1');
    game.take('IRN', 'k2');
    game.send('k1', [legal(game, 'RUS')]);
    game.send('k2', [legal(game, 'IRN')]);
    game.resolve({ ...idle, paused: true });
    game.send('k1', [legal(game, 'RUS')]);
    game.locked = true;
    const saved = JSON.parse(JSON.stringify(game.record())) as unknown;
    const back = await ClassGame.restore(catalog, saved);
    if (!back.ok) throw new Error(back.error);
    expect(JSON.stringify(back.value.record())).toBe(JSON.stringify(game.record()));
    expect(JSON.stringify(back.value.session.state)).toBe(JSON.stringify(game.session.state));
    expect(await ClassGame.restore(catalog, { ...(saved as object), format: 'x' })).toMatchObject({
      ok: false,
    });
    expect(
      await ClassGame.restore(catalog, {
        ...(saved as object),
        seats: [{ power: 'SAU', key: 'k', sent: null }],
      }),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/played by the computer/) });
  });

  it('starts a class of a branch, and refuses an unknown scenario, branch or seed by name', async () => {
    const branched = await ClassGame.create(catalog, 'BRANCH', 't', {
      scenario: 'mosul-2016',
      branch: 'turkey-joins-mosul',
      seed: 3,
    });
    expect(branched.ok && branched.value.status(new Set()).branch).toBe('turkey-joins-mosul');
    expect(await ClassGame.create(catalog, 'C', 't', { ...START, scenario: 'atlantis' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/unknown scenario "atlantis"/),
    });
    expect(await ClassGame.create(catalog, 'C', 't', { ...START, branch: 'nope' })).toMatchObject({
      ok: false,
    });
    expect(await ClassGame.create(catalog, 'C', 't', { ...START, seed: -1 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/seed/),
    });
  });
});
