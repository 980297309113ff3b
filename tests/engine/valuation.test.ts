// What the AI expects an order to change (valuation.ts), against what resolution then does: an effect that sets
// a meter or a flag is expected to leave it at the value it sets (not to add that value), so an order that
// clears a flag is seen to stop the rules the flag keeps firing.
import { describe, expect, it } from 'vitest';
import type { ScenarioDef } from '../../src/engine/schema';
import { compileWorld, createGame, resolveTurn, validateScenario } from '../../src/engine/index';
import { planningFor } from '../../src/engine/ai';
import { Overlay } from '../../src/engine/overlay';
import { expect as expectOrder } from '../../src/engine/valuation';
import { valleysJson } from '../support/worlds';

/** The valleys with Red's dam setting Red's gold to 3 and the flag to 0, and a rule the flag keeps firing. */
function world() {
  const json = valleysJson() as unknown as ScenarioDef;
  const dam = json.orders.find((o) => o.id === 'dam')!;
  dam.effects = [
    { do: 'meter', actor: '$actor', meter: 'gold', set: 3 },
    { do: 'flag', flag: 'hillFell', set: 0 },
  ];
  json.flags = { ...json.flags, hillFell: 1 };
  json.rules.push({
    id: 'X-fell',
    kind: 'trigger',
    text: 'While the hill has fallen, Red loses 2 gold a turn.',
    when: { if: 'flag', flag: 'hillFell', atLeast: 1 },
    effects: [{ do: 'meter', actor: 'RED', meter: 'gold', delta: -2 }],
  } as never);
  const valid = validateScenario(json);
  if (!valid.ok) throw new Error(valid.error);
  const w = compileWorld(valid.value);
  if (!w.ok) throw new Error(w.error);
  return w.value;
}

describe('what the AI expects an order to change', () => {
  it('expects a set meter and a set flag at the values they are set to, as resolution leaves them', () => {
    const w = world();
    const s = createGame(w, 1);
    const plan = planningFor(s, w);
    const order = { id: 'dam', actor: 'RED', target: 'BLUE' };
    const { ov } = expectOrder(s, w, order, w.orders.dam!, new Overlay(plan.reader, w, null, ''), plan);
    const red = w.actorIndex.RED!;
    const gold = w.def.meters.findIndex((m) => m.id === 'gold');
    expect(ov.flag('hillFell')).toBe(0); // was 1: set to 0, not 1 + 0
    // Set to 3, and the rule the flag kept firing (−2 a turn) is seen to stop: its turns ahead are credited.
    expect(ov.meter(red, gold)).toBe(3 + 2 * Math.min(3, w.def.end.turns));
    expect(plan.firing.some(Boolean)).toBe(true);
    const after = structuredClone(s);
    resolveTurn(after, w, [order], { batch: true });
    expect(after.flags.hillFell).toBe(0);
    expect(after.orders[0]!.outcome).not.toBe('refused');
    expect(after.actors[red]!.meters.gold).toBe(3);
    expect(ov.flag('hillFell')).toBe(after.flags.hillFell);
  });
});
