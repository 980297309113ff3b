import { describe, expect, it } from 'vitest';
import { createAutomation } from '../../src/session/automation';
import { testSession } from '../support/session';

describe('session', () => {
  it('loads a scenario, publishes game/loaded and starts at turn 0', async () => {
    const { session, events } = testSession();
    const result = await session.load('three-valleys', null, 4);
    expect(result.ok).toBe(true);
    expect(session.state!.turn).toBe(0);
    expect(session.seed).toBe(4);
    expect(events.map((e) => e.type)).toEqual(['game/loaded', 'history/changed']);
  });

  it('reports a scenario that fails validation and keeps the game in progress', async () => {
    const { session, events } = testSession();
    await session.load('three-valleys', null, 1);
    session.setHeld(['RED']);
    session.endTurn();
    const before = session.state;
    const result = await session.load('broken');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('broken.json: turnDays');
    expect(session.state).toBe(before);
    expect(events.at(-1)).toMatchObject({
      type: 'load/failed',
      payload: { message: expect.stringContaining('turnDays') },
    });
    const unknown = await session.load('atlantis');
    expect(unknown).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown scenario "atlantis"'),
    });
  });

  it('accepts orders only for held actors, and refuses with a reason', async () => {
    const { session, events } = testSession();
    await session.load('three-valleys');
    expect(session.order({ id: 'wait', actor: 'RED' })).toMatchObject({ ok: false, code: 'not-yours' });
    session.setHeld(['RED', 'GREEN']); // GREEN is not playable
    expect(session.held).toEqual(['RED']);
    expect(session.order({ id: 'deploy', actor: 'RED', region: 'marsh' })).toEqual({ ok: true });
    expect(session.order({ id: 'fly', actor: 'RED' })).toMatchObject({ ok: false, code: 'unknown-order' });
    expect(session.pending).toHaveLength(1);
    expect(events.filter((e) => e.type === 'order/refused')).toHaveLength(2);
  });

  it('resolves a turn with the AI for the others, and announces what changed', async () => {
    const { session, events } = testSession();
    await session.load('three-valleys', null, 2);
    session.setHeld(['RED']);
    session.order({ id: 'dam', actor: 'RED', target: 'BLUE' });
    const result = session.endTurn();
    expect(result.ok).toBe(true);
    const s = session.state!;
    expect(s.turn).toBe(1);
    expect(s.orders.some((o) => o.actor === 'RED' && o.id === 'dam')).toBe(true);
    expect(s.orders.some((o) => o.actor === 'BLUE' && o.reason)).toBe(true);
    expect(session.pending).toEqual([]);
    expect(events.some((e) => e.type === 'turn/resolved')).toBe(true);
  });

  it('steps back and forward through the line, and forks a variation from an earlier turn', async () => {
    const { session } = testSession();
    await session.load('three-valleys', null, 3);
    session.setHeld(['RED']);
    session.endTurn();
    session.endTurn();
    const end = session.cursor;
    expect(session.back()).toBe(true);
    expect(session.state!.turn).toBe(1);
    session.order({ id: 'deploy', actor: 'RED', region: 'marsh' });
    session.endTurn();
    expect(session.cursor).not.toBe(end);
    expect(session.node!.turn).toBe(2);
    const fork = session.root!.children[0]!;
    expect(fork.children).toHaveLength(2); // the old line is kept
    expect(session.goTo(end)).toBe(true);
    expect(session.toStart()).toBe(true);
    expect(session.state!.turn).toBe(0);
    expect(session.toEnd()).toBe(true);
    expect(session.state!.turn).toBe(2);
  });

  it('replays identically: the same orders from the same seed give the same state', async () => {
    const a = testSession().session;
    const b = testSession().session;
    for (const s of [a, b]) {
      await s.load('mosul-2016', null, 11);
      s.setHeld(['US']);
      s.order({ id: 'us-deny-turkey', actor: 'US', target: 'TUR' });
      s.endTurn();
      s.endTurn();
    }
    expect(JSON.stringify(a.state)).toBe(JSON.stringify(b.state));
  });
});

describe('forks and comparisons', () => {
  it('starts a scenario branch beside the main line and compares the same turn on both', async () => {
    const { session } = testSession();
    await session.load('three-valleys', null, 6);
    session.endTurn();
    session.endTurn();
    const main = session.cursor;
    const fork = session.forkBranch('friendly');
    expect(fork.ok).toBe(true);
    expect(session.node!.branch).toBe('friendly');
    session.endTurn();
    session.endTurn();
    const compared = session.compare(main, session.cursor);
    expect(compared.ok).toBe(true);
    if (!compared.ok) return;
    const sea = compared.value.diff.relations.find(
      (r) => r.a === 'RED' && r.b === 'BLUE' && r.layer === 'sea',
    )!;
    expect(sea.left).not.toBe(sea.right);
    const why = compared.value.diff.causes.find((c) => c.key === 'relation:RED|BLUE|sea')!;
    expect([...why.left, ...why.right].every((c) => /Red Kingdom–Blue League \(Sea\)/.test(c.text))).toBe(
      true,
    );
    expect(session.compare(main, 'nowhere')).toMatchObject({ ok: false });
  });

  it('names, comments, promotes and deletes lines', async () => {
    const { session } = testSession();
    await session.load('three-valleys', null, 6);
    session.setHeld(['RED']);
    session.endTurn();
    const first = session.cursor;
    session.back();
    session.order({ id: 'deploy', actor: 'RED', region: 'marsh' });
    session.endTurn();
    const second = session.cursor;
    expect(session.rename(second, '  Red marches  ')).toBe(true);
    expect(session.annotate(second, 'What if Red moves first?')).toBe(true);
    expect(session.node).toMatchObject({ name: 'Red marches', comment: 'What if Red moves first?' });
    expect(session.root!.children[0]!.id).toBe(first);
    session.promote(second);
    expect(session.root!.children[0]!.id).toBe(second);
    expect(session.remove(second)).toBe(true);
    expect(session.cursor).toBe('');
    expect(session.root!.children.map((c) => c.id)).toEqual([first]);
  });
});

describe('window.simulation', () => {
  it('drives the same session: load, legal orders, order (taking the actor over), end turn', async () => {
    const { session } = testSession();
    const sim = createAutomation(session);
    expect(await sim.load('three-valleys', null, 5)).toEqual({ ok: true });
    expect(sim.seed).toBe(5);
    const legal = sim.legalOrders('RED');
    expect(legal.length).toBeGreaterThan(3);
    expect(sim.order('RED', legal[0]!)).toEqual({ ok: true });
    expect(session.held).toEqual(['RED']);
    expect(sim.order('RED', { id: 'fly' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no order "fly"'),
    });
    expect(sim.order('GREEN', { id: 'wait' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Nobody holds'),
    });
    expect(sim.endTurn()).toEqual({ ok: true, turn: 1, over: false });
    const copy = sim.state()!;
    copy.turn = 99;
    expect(session.state!.turn).toBe(1);
    expect(await sim.load('nope')).toMatchObject({ ok: false });
  });
});

describe('what the session refuses or keeps', () => {
  it('refuses orders with other fields or wrong types, from the handle as from the page, and stores none', async () => {
    const { session } = testSession();
    await session.load('three-valleys', null, 1);
    session.setHeld(['RED']);
    const handle = createAutomation(session);
    const legal = handle.legalOrders('RED')[0]!;
    const odd = [
      { ...legal, extra: 'x' },
      { ...legal, covert: 1 },
      { ...legal, target: { toString: 'x' } },
      { id: 7 },
    ];
    for (const order of odd) {
      expect(handle.order('RED', order as never)).toMatchObject({ ok: false });
      expect(session.order({ ...(order as object), actor: 'RED' } as never)).toMatchObject({
        ok: false,
        code: 'malformed',
      });
    }
    expect(handle.order('RED', { ...legal, extra: 'x' } as never)).toMatchObject({
      reason: expect.stringMatching(/no field "extra"/),
    });
    expect(session.pending).toEqual([]);
    expect(handle.order('RED', legal)).toEqual({ ok: true });
    expect(JSON.stringify(session.exportReplay())).not.toMatch(/extra|"covert":1/);
  });

  it('refuses a seed that is not a whole number from 0 to 4294967295, instead of wrapping it', async () => {
    const { session } = testSession();
    await session.load('three-valleys', null, 3);
    for (const seed of [2 ** 32, 2 ** 32 + 5, -1, 1.5, NaN]) {
      const result = await session.load('three-valleys', null, seed);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/seed must be a whole number from 0 to 4294967295/);
      expect(session.seed).toBe(3);
    }
    expect((await session.load('three-valleys', null, 2 ** 32 - 1)).ok).toBe(true);
    expect(session.seed).toBe(2 ** 32 - 1);
  });

  it('sets pending orders aside when the cursor leaves their turn, says so, and gives them back on return', async () => {
    const { session, events } = testSession();
    await session.load('three-valleys', null, 1);
    session.setHeld(['RED']);
    session.endTurn();
    const at = session.cursor;
    const order = session.options('RED').find((o) => o.verdict.ok)!.order;
    session.order(order);
    session.back();
    expect(session.pending).toEqual([]);
    expect(events.filter((e) => e.type === 'orders/setAside').map((e) => e.payload)).toEqual([
      { count: 1, turn: 1 },
    ]);
    session.goTo(at);
    expect(session.pending).toEqual([order]);
    session.endTurn(); // used: they do not come back again
    session.goTo(at);
    expect(session.pending).toEqual([]);
  });
});
