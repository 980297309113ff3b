import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../src/engine/index';
import {
  checkOrder,
  createGame,
  listLegalOrders,
  listOrderOptions,
  resolveTurn,
} from '../../src/engine/index';
import { valleys } from '../support/worlds';

describe('order legality', () => {
  const w = valleys();
  const s = createGame(w, 1);

  it('accepts a legal order', () => {
    expect(checkOrder(s, w, { id: 'deploy', actor: 'RED', region: 'marsh' })).toEqual({ ok: true });
  });

  it.each<[string, Order, string, RegExp]>([
    ['unknown order', { id: 'fly', actor: 'RED' }, 'unknown-order', /no order "fly"/],
    [
      'unknown actor',
      { id: 'deploy', actor: 'PURPLE', region: 'hill' },
      'unknown-actor',
      /no actor "PURPLE"/,
    ],
    [
      'not allowed for the actor',
      { id: 'dam', actor: 'BLUE', target: 'GREEN' },
      'not-yours',
      /Blue League cannot give the order "Dam the river"/,
    ],
    ['missing target', { id: 'help', actor: 'RED' }, 'bad-target', /needs a target actor/],
    [
      'target not in the list',
      { id: 'help', actor: 'RED', target: 'RAID' },
      'bad-target',
      /cannot target Raiders/,
    ],
    ['target itself', { id: 'help', actor: 'RED', target: 'RED' }, 'bad-target', /cannot target itself/],
    ['missing region', { id: 'deploy', actor: 'RED' }, 'bad-region', /needs a region/],
    [
      'region not in the list',
      { id: 'withdraw', actor: 'RED', region: 'marsh' },
      'bad-region',
      /cannot be given for The Marsh/,
    ],
    [
      'attack own region',
      { id: 'red-attack', actor: 'GREEN', region: 'ford' },
      'bad-region',
      /already held by Green Hills/,
    ],
    [
      'covert when it cannot be',
      { id: 'help', actor: 'RED', target: 'BLUE', covert: true },
      'bad-target',
      /cannot be given covertly/,
    ],
    [
      'no forces to withdraw',
      { id: 'withdraw', actor: 'RED', region: 'coast' },
      'no-forces',
      /no forces in The Coast/,
    ],
    [
      'gate with its refusal text',
      { id: 'fair', actor: 'GREEN' },
      'gate',
      /^G2: too poor for a fair \(needs Green Hills gold ≥ 60\)/, // bound and named, never "$actor"
    ],
  ])('refuses %s with a typed reason', (_, order, code, reason) => {
    const verdict = checkOrder(s, w, order);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.code).toBe(code);
      expect(verdict.reason).toMatch(reason);
    }
  });

  it('refuses an offensive with no forces in or next to the region', () => {
    const without = produce(s, (d) => {
      delete d.regions[0]!.presence.BLUE;
    });
    expect(checkOrder(s, w, { id: 'red-attack', actor: 'BLUE', region: 'marsh' }).ok).toBe(true);
    expect(checkOrder(without, w, { id: 'red-attack', actor: 'BLUE', region: 'marsh' })).toMatchObject({
      ok: false,
      code: 'no-forces',
      reason: 'Blue League has no forces in or next to The Marsh.',
    });
  });

  it('enforces the per-turn limit and refuses the same order twice', () => {
    const first: Order = { id: 'deploy', actor: 'RED', region: 'marsh' };
    expect(checkOrder(s, w, first, [first])).toMatchObject({ ok: false, code: 'limit' });
    const two: Order[] = [first, { id: 'deploy', actor: 'RED', region: 'hill' }];
    expect(checkOrder(s, w, { id: 'wait', actor: 'RED' }, two)).toMatchObject({
      ok: false,
      code: 'limit',
      reason: /2 orders/,
    });
  });

  it('refuses a once-per-game order the second time', () => {
    const after = produce(s, (d) => resolveTurn(d, w, [{ id: 'dam', actor: 'RED', target: 'BLUE' }]));
    expect(checkOrder(after, w, { id: 'dam', actor: 'RED', target: 'GREEN' })).toMatchObject({
      ok: false,
      code: 'once',
    });
  });

  it('refuses everything once the game is over', () => {
    const over = produce(s, (d) => {
      d.over = true;
    });
    expect(checkOrder(over, w, { id: 'wait', actor: 'RED' })).toMatchObject({ ok: false, code: 'game-over' });
  });

  it('lists refused options with their reasons beside the legal ones', () => {
    const options = listOrderOptions(s, w, 'BLUE');
    const fair = options.find((o) => o.order.id === 'fair');
    expect(fair?.verdict.ok).toBe(true); // Blue has 70 gold
    const withdrawMarsh = options.filter((o) => o.order.id === 'withdraw');
    expect(withdrawMarsh.map((o) => [o.order.region, o.verdict.ok])).toEqual([
      ['hill', true],
      ['coast', true],
    ]);
    const legal = listLegalOrders(s, w, 'GREEN');
    expect(legal.every((o) => checkOrder(s, w, o).ok)).toBe(true);
    expect(legal.some((o) => o.id === 'fair')).toBe(false);
  });

  it('never throws on arbitrary orders', () => {
    const anyOrder = fc.record(
      {
        id: fc.oneof(fc.string(), fc.constantFrom('deploy', 'help', 'dam', 'red-attack', 'talk')),
        actor: fc.oneof(fc.string(), fc.constantFrom('RED', 'BLUE', 'GREEN', 'RAID')),
        target: fc.oneof(fc.string(), fc.constantFrom('RED', 'BLUE', 'GREEN')),
        region: fc.oneof(fc.string(), fc.constantFrom('hill', 'ford', 'marsh', 'coast', '__proto__')),
        covert: fc.boolean(),
      },
      { requiredKeys: ['id', 'actor'] },
    );
    fc.assert(
      fc.property(anyOrder, (order) => {
        const verdict = checkOrder(s, w, order as Order);
        expect(typeof verdict.ok).toBe('boolean');
        if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(5);
      }),
      { numRuns: 500 },
    );
  });
});
