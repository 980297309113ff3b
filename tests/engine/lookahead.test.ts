// The AI that looks ahead (lookahead.ts): it plays each actor's greedy choice and a few alternatives out over
// two turns and keeps the best future. Checked here: with no alternatives it is the greedy AI exactly; it is
// deterministic and leaves the state alone; its orders are legal together; the people's orders stay theirs;
// and where it departs from the greedy choice, it says why, naming what it looked ahead for.
import { describe, expect, it } from 'vitest';
import type { GameState, Order, World } from '../../src/engine/index';
import { checkOrder, createGame, planTurn, resolveTurn } from '../../src/engine/index';
import { planAhead } from '../../src/engine/lookahead';
import { valleys, worldFrom } from '../support/worlds';

const WORLDS: [string, () => World][] = [
  ['valleys', () => valleys()],
  ['mosul-2016', () => worldFrom('scenarios/mosul-2016.json')],
  ['tehran-2022', () => worldFrom('scenarios/tehran-2022.json')],
];

/** The states of a game played with the look-ahead AI for everyone. */
function states(w: World, seed: number): GameState[] {
  const s = createGame(w, seed);
  const out: GameState[] = [structuredClone(s)];
  while (!s.over) {
    resolveTurn(s, w, planAhead(s, w, [], []), { batch: true, quiet: true });
    out.push(structuredClone(s));
  }
  return out;
}

describe('the AI that looks ahead', () => {
  it.each(WORLDS)('%s: with no alternatives to try it gives exactly the greedy orders', (_, make) => {
    const w = make();
    for (const s of states(w, 3).slice(0, 6))
      expect(planAhead(s, w, [], [], { alternatives: 0, turns: 2 })).toEqual(planTurn(s, w, [], []));
  });

  it.each(WORLDS)(
    '%s: the same state gives the same orders, the state is left as it was, and the orders are legal together',
    (_, make) => {
      const w = make();
      for (const s of states(w, 5).slice(0, 6)) {
        const before = JSON.stringify(s);
        const orders = planAhead(s, w, [], []);
        expect(JSON.stringify(s)).toBe(before);
        expect(planAhead(s, w, [], [])).toEqual(orders);
        for (const actor of w.actorIds) {
          const mine = orders.filter((o) => o.actor === actor);
          expect(mine.length).toBeLessThanOrEqual(w.settings.ordersPerTurn);
          mine.forEach((o, i) => expect(checkOrder(s, w, o, mine.slice(0, i)).ok).toBe(true));
        }
      }
    },
  );

  it('keeps the people’s orders first and gives no order for the actors they hold', () => {
    const w = worldFrom('scenarios/mosul-2016.json');
    const s = createGame(w, 2);
    const mine: Order[] = [{ actor: 'US', id: 'us-deny-turkey', target: 'TUR' }];
    const orders = planAhead(s, w, mine, ['US']);
    expect(orders[0]).toEqual(mine[0]);
    expect(orders.filter((o) => o.actor === 'US')).toHaveLength(1);
  });

  it('departs from the greedy choice in some turns, and says so with what it looked ahead for', () => {
    const w = worldFrom('scenarios/mosul-2016.json');
    let departed = 0;
    let total = 0;
    for (const seed of [1, 2, 3]) {
      const played = states(w, seed);
      for (const s of played.slice(0, -1)) {
        const greedy = planTurn(s, w, [], []);
        const ahead = planAhead(s, w, [], []);
        total += ahead.length;
        for (const o of ahead) {
          if (!o.reason?.startsWith('looking 2 turns ahead')) continue;
          departed++;
          // A departure is not what the greedy AI chose first for that actor, and its reason names an
          // objective of the actor or what it weighs instead.
          expect(greedy.find((g) => g.actor === o.actor)?.id).not.toBe(o.id);
          const objectives = w.def.actors.find((a) => a.id === o.actor)!.objectives.map((x) => x.text);
          expect(
            objectives.some((t) => o.reason!.includes(`"${t}"`)) || o.reason!.includes('ties and interests'),
          ).toBe(true);
        }
      }
    }
    expect(departed).toBeGreaterThan(0);
    expect(departed).toBeLessThan(total); // mostly the greedy choice stands
  });
});
