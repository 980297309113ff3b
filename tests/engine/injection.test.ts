// A facilitator's injected changes: checked against the world with a message naming the problem, applied
// before the turn's orders with the facilitator's reason in the log, the same bytes every time.
import { describe, expect, it } from 'vitest';
import type { Injection } from '../../src/engine/index';
import { advance, checkInjection, createGame, injectableEvents, relation } from '../../src/engine/index';
import { worldFrom } from '../support/worlds';

const w = worldFrom('scenarios/tehran-2022.json');
const s0 = createGame(w, 3);
const summit: Injection = {
  kind: 'relation',
  a: 'RUS',
  b: 'IRN',
  layer: 'GL',
  delta: 10,
  reason: 'a summit is announced',
};

describe('injected changes', () => {
  it('refuse what the world does not have, naming it, and accept a sound one', () => {
    expect(checkInjection(w, summit)).toBeNull();
    const bad: [Injection, RegExp][] = [
      [{ ...summit, a: 'XXX' }, /Unknown actor "XXX"/],
      [{ ...summit, b: 'RUS' }, /two different actors/],
      [{ ...summit, layer: 'MOON' }, /Unknown layer "MOON"/],
      [{ ...summit, delta: 0 }, /whole number/],
      [{ ...summit, delta: 2.5 }, /whole number/],
      [{ ...summit, delta: 1e308 }, /whole number/],
      [{ ...summit, reason: '   ' }, /needs a reason/],
      [{ ...summit, reason: 'x'.repeat(301) }, /longer than 300/],
      [{ kind: 'meter', actor: 'RUS', meter: 'nope', delta: 5, reason: 'r' }, /Unknown meter "nope"/],
      [{ kind: 'event', rule: 'R3-nope', reason: 'r' }, /not one of the scenario's events/],
      [
        { kind: 'explode', reason: 'r' } as unknown as Injection,
        /relation change, a meter change or an event/,
      ],
    ];
    for (const [x, message] of bad) expect(checkInjection(w, x)).toMatch(message);
  });

  it('take effect in the turn, logged as the facilitator’s with the reason, the same bytes each time', () => {
    const without = advance(s0, w, [], []);
    const a = advance(s0, w, [], [], 'greedy', [summit]);
    const b = advance(s0, w, [], [], 'greedy', [summit]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const logged = a.effects.filter((e) => e.facilitator);
    expect(logged).toHaveLength(1);
    expect(logged[0]!).toMatchObject({ kind: 'relation', layer: 'GL' });
    expect(logged[0]!.text).toContain('the facilitator: a summit is announced');
    // It came first, before any order's effect.
    expect(a.effects[0]).toBe(logged[0]);
    expect(relation(a, w, 'RUS', 'IRN', 'GL')).not.toBe(relation(without, w, 'RUS', 'IRN', 'GL'));
  });

  it('fire one of the scenario’s events now, with its rule and quote', () => {
    const event = injectableEvents(w).find((r) =>
      r.effects.some((e) => e.do === 'meter' || e.do === 'relation'),
    )!;
    const s1 = advance(s0, w, [], [], 'greedy', [
      { kind: 'event', rule: event.id, reason: 'the class asked' },
    ]);
    const fired = s1.effects.filter((e) => e.rule === event.id && e.facilitator);
    expect(fired.length).toBeGreaterThan(0);
    expect(fired[0]!.text).toContain('fired by the facilitator: the class asked');
    if (event.source) expect(fired[0]!.source).toEqual(event.source);
  });
});
