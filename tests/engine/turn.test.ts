import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { GameState, Order, World } from '../../src/engine/index';
import { advance, createGame, relation, resolveTurn } from '../../src/engine/index';
import { valleys } from '../support/worlds';

const resolve = (s: GameState, w: World, orders: Order[]) => produce(s, (d) => resolveTurn(d, w, orders));

describe('a turn', () => {
  const w = valleys();
  const s0 = createGame(w, 5);

  it('advances the turn and the calendar, and returns a frozen new state leaving the old one untouched', () => {
    const before = JSON.stringify(s0);
    const s1 = resolve(s0, w, []);
    expect(s1.turn).toBe(1);
    expect(s1.date).toBe('2001-01-31');
    expect(JSON.stringify(s0)).toBe(before);
    expect(Object.isFrozen(s1)).toBe(true);
    expect(Object.isFrozen(s1.relations[0])).toBe(true);
  });

  it('freezes every part a turn makes (worked out on a plain copy, committed to the draft) and shares what it left alone', () => {
    const s1 = resolve(s0, w, [{ id: 'dam', actor: 'RED', target: 'BLUE' }]);
    const s2 = resolve(s1, w, []);
    for (const s of [s1, s2]) {
      expect(s.effects.length).toBeGreaterThan(0);
      expect(Object.isFrozen(s.effects[0])).toBe(true);
      expect(Object.isFrozen(s.regions[0]!.presence)).toBe(true);
      expect(Object.isFrozen(s.actors[0]!.meters)).toBe(true);
      expect(Object.isFrozen(s.orders)).toBe(true);
    }
    expect(s2.layers).toBe(s1.layers); // never changed by a turn: the same object
    expect(s1.effects).not.toBe(s2.effects);
    // A plain state resolved outside immer is changed in place, on copies of its parts: a state it shared them
    // with is left as it was.
    const plain = { ...s1 };
    const before = JSON.stringify(s1);
    resolveTurn(plain, w, [{ id: 'dam', actor: 'RED', target: 'BLUE' }]);
    expect(plain.turn).toBe(2);
    expect(JSON.stringify(s1)).toBe(before);
    expect(JSON.stringify(plain)).toBe(
      JSON.stringify(resolve(s1, w, [{ id: 'dam', actor: 'RED', target: 'BLUE' }])),
    );
  });

  it('applies an order with its built-in effect, its scenario effects and the interests of others, each with a reason', () => {
    const s1 = resolve(s0, w, [{ id: 'dam', actor: 'RED', target: 'BLUE' }]);
    const texts = s1.effects.map((e) => e.text);
    // built-in broker relation +4 on land, then Blue's stake -2 × change +2 × scale 3 = -12
    expect(texts).toContain('Red Kingdom–Blue League (Land) +4 to 24: Red Kingdom: Dam the river');
    expect(texts).toContain('Red Kingdom gold -10 to 40: Red Kingdom: Dam the river');
    expect(texts).toContain(
      'Blue League–Red Kingdom (Land) -12 to 12: interests: to Blue League, Red Kingdom\'s "Dam the river" advances "control of the river" (stake -2)',
    );
    // Green's stake +1 × 2 × 3 = +6
    expect(relation(s1, w, 'GREEN', 'RED', 'land')).toBe(-30 + 6);
    const order = s1.effects.filter((e) => e.order === 0);
    expect(order.every((e) => e.actor === 'RED')).toBe(true);
  });

  it('applies an order rule only when its condition holds, naming the rule', () => {
    const onGreen = resolve(s0, w, [{ id: 'hinder', actor: 'BLUE', target: 'GREEN' }]);
    const rule = onGreen.effects.filter((e) => e.rule === 'X2');
    expect(rule).toHaveLength(1);
    expect(rule[0]!.text).toMatch(/^Red Kingdom–Blue League \(Sea\) \+3 to -37: X2: /);
    const onRed = resolve(s0, w, [{ id: 'hinder', actor: 'BLUE', target: 'RED' }]);
    expect(onRed.effects.some((e) => e.rule === 'X2')).toBe(false);
  });

  it('refuses at resolution an order that became illegal, and logs the refusal', () => {
    const s1 = resolve(s0, w, [{ id: 'fair', actor: 'GREEN' }]);
    expect(s1.orders[0]!.outcome).toBe('refused');
    expect(s1.effects[0]).toMatchObject({ kind: 'refusal', text: expect.stringMatching(/G2: too poor/) });
  });

  it('fires a trigger when a region changes hands, moving forces and setting a flag', () => {
    // Raiders reduced to 4 in the hill against Red's 200: odds 99%; the holder is worn down to 1 and breaks.
    const weak = produce(s0, (d) => {
      d.regions[0]!.presence.RAID = 4;
      d.regions[0]!.presence.RED = 200;
    });
    const s1 = resolve(weak, w, [
      { id: 'red-attack', actor: 'RED', region: 'hill' },
      { id: 'help', actor: 'BLUE', target: 'RED' },
    ]);
    expect(s1.regions[0]!.controller).toBe('RED');
    const control = s1.effects.find((e) => e.kind === 'control')!;
    expect(control).toMatchObject({ region: 'hill', a: 'RAID', b: 'RED' });
    expect(s1.flags.hillFell).toBe(1);
    expect(s1.fired).toEqual(['X1']);
    expect(s1.regions[0]!.presence.RAID).toBeUndefined();
    expect(s1.effects.some((e) => e.rule === 'X1' && e.region === 'marsh' && e.after === 1)).toBe(true);
  });

  it('supports raise the attack, opposition lowers it', () => {
    const attack = (orders: Order[]) =>
      resolve(s0, w, [{ id: 'red-attack', actor: 'RED', region: 'hill' }, ...orders]).effects.find((e) =>
        /attacks The Hill/.test(e.text),
      )!.text;
    expect(attack([])).toMatch(/strength 10 against 30/);
    expect(attack([{ id: 'help', actor: 'BLUE', target: 'RED' }])).toMatch(/strength 15 against 30/);
    expect(attack([{ id: 'hinder', actor: 'BLUE', target: 'RED' }])).toMatch(/strength 0 against 30/);
  });

  it('runs scheduled events on their turn, and a branch can suppress them', () => {
    let s = s0;
    s = resolve(s, w, []);
    s = resolve(s, w, []);
    expect(s.effects.some((e) => e.rule === 'S1')).toBe(true);
    const fw = valleys('friendly');
    let f = createGame(fw, 5);
    expect(relation(f, fw, 'RED', 'BLUE', 'sea')).toBe(40);
    f = resolve(resolve(f, fw, []), fw, []);
    expect(f.effects.some((e) => e.rule === 'S1')).toBe(false);
  });

  it('keeps a bounded relation within its bound and says which rule held it', () => {
    let s = produce(s0, (d) => {
      d.relations[1]![0] = -48; // RED–BLUE at sea
    });
    s = resolve(s, w, [{ id: 'hinder', actor: 'RED', target: 'BLUE' }]);
    expect(relation(s, w, 'RED', 'BLUE', 'sea')).toBeGreaterThanOrEqual(-50);
    const held = produce(s0, (d) => {
      d.relations[1]![0] = -50;
    });
    const ctxState = produce(held, (d) => resolveTurn(d, w, []));
    expect(relation(ctxState, w, 'RED', 'BLUE', 'sea')).toBe(-50);
  });

  it('draws common enemies together while the enemy holds the region', () => {
    const s1 = resolve(s0, w, []);
    const pulled = s1.effects.find((e) => /common enemy/.test(e.text));
    expect(pulled).toMatchObject({ a: 'BLUE', b: 'RED', layer: 'land' });
    expect(pulled!.text).toMatch(/both fight Raiders in The Hill/);
  });

  it('exposes a covert order by its exposure chance and applies the penalty', () => {
    const s1 = resolve(s0, w, [{ id: 'talk', actor: 'RED', target: 'BLUE', covert: true }]);
    expect(s1.orders[0]).toMatchObject({ covert: true, outcome: 'exposed' });
    expect(s1.effects.some((e) => /Exposed/.test(e.text))).toBe(true);
    const open = resolve(s0, w, [{ id: 'talk', actor: 'RED', target: 'BLUE' }]);
    expect(open.orders[0]!.outcome).toBeUndefined();
  });

  it('ends the game after the last turn and refuses to go further', () => {
    let s = s0;
    for (let i = 0; i < 10; i++) s = advance(s, w);
    expect(s.turn).toBe(6);
    expect(s.over).toBe(true);
  });

  it('lets the AI give orders for every actor not held, each with a reason', () => {
    const s1 = advance(s0, w, [{ id: 'wait', actor: 'RED' }], ['RED']);
    const ai = s1.orders.filter((o) => o.actor !== 'RED');
    expect(ai.length).toBeGreaterThan(0);
    expect(ai.every((o) => typeof o.reason === 'string' && o.reason.length > 10)).toBe(true);
    expect(s1.orders.filter((o) => o.actor === 'RED').map((o) => o.id)).toEqual(['wait']);
  });
});
