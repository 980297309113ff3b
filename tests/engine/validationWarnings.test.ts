// The validator's warnings (legal but likely wrong): each on a small changed copy of the invented scenario,
// asserting the exact path, that the message says what to do, and that the scenario stays valid.
import { describe, expect, it } from 'vitest';
import { lintScenario, validateScenario } from '../../src/engine/index';
import type { ScenarioDef } from '../../src/engine/schema';
import { brokenValleys, findingsOf, problemAt } from '../support/brokenScenarios';

/** The warnings after `change`, the scenario still valid (unchanged, it has none). */
const warningsAfter = (change: (json: any) => void) => {
  const found = findingsOf(brokenValleys(change));
  expect(found.errors).toEqual([]);
  expect(found.ok).toBe(true);
  return found.warnings;
};

const repeating = (extra: Record<string, unknown> = {}) => ({
  id: 'X3',
  kind: 'trigger',
  text: 'A rich Red warms to Blue',
  when: { if: 'meter', actor: 'RED', meter: 'gold', atLeast: 10 },
  effects: [{ do: 'relation', a: 'RED', b: 'BLUE', layer: 'land', delta: 1 }],
  ...extra,
});

describe('a trigger without "once"', () => {
  it('whose condition can hold every turn, with effects that add up, is warned about', () => {
    const warnings = warningsAfter((j) => j.rules.push(repeating()));
    expect(problemAt(warnings, 'rules[6]').message).toBe(
      'trigger "X3" has no "once" and its condition can hold turn after turn, so its effects (relation ' +
        'RED–BLUE land +1) repeat every turn it holds: add "once": true to fire it once, or "once": false to ' +
        'say that it repeats on purpose',
    );
  });

  it.each([
    ['"once": false (it repeats on purpose)', { once: false }],
    ['"once": true', { once: true }],
    ['an event condition (an order given)', { when: { if: 'ordered', order: 'dam' } }],
    [
      'a condition that also needs a roll',
      {
        when: {
          if: 'all',
          of: [
            { if: 'turn', atLeast: 2 },
            { if: 'chance', percent: 50 },
          ],
        },
      },
    ],
    ['effects that only set values', { effects: [{ do: 'meter', actor: 'RED', meter: 'fame', set: 50 }] }],
    [
      'effects that change what the condition reads (it can stop itself)',
      { effects: [{ do: 'meter', actor: 'RED', meter: 'gold', delta: -5 }] },
    ],
  ])('is not warned about with %s', (_name, extra) => {
    expect(warningsAfter((j) => j.rules.push(repeating(extra)))).toEqual([]);
  });
});

describe('flags', () => {
  it('a declared flag nothing uses is warned about', () => {
    const warnings = warningsAfter((j) => (j.flags.fog = 0));
    expect(problemAt(warnings, 'flags.fog').message).toBe(
      'flag "fog" is declared but no condition or effect uses it: remove it, or use it',
    );
  });

  it('a flag effects set but no condition reads is allowed (a record of what happened)', () => {
    expect(warningsAfter((j) => j.rules[5].effects.push({ do: 'flag', flag: 'hillFell', delta: 1 }))).toEqual(
      [],
    );
  });
});

describe('a move to a region that is not a neighbour', () => {
  it('is warned about (a relocation across the map stays legal)', () => {
    const warnings = warningsAfter((j) => (j.rules[2].effects[0].to = ['marsh', 'coast']));
    expect(problemAt(warnings, 'rules[2].effects[0].to').message).toBe(
      '"coast" is not a neighbour of "hill" (its neighbours: ford, marsh), so the forces jump there in one ' +
        "turn: if the regions touch, list each in the other's neighbours; a relocation across the map is legal, " +
        'and then this warning is only a reminder',
    );
  });

  it('to the region the forces leave is warned about', () => {
    const warnings = warningsAfter((j) => (j.rules[2].effects[0].to = ['hill']));
    expect(problemAt(warnings, 'rules[2].effects[0].to').message).toBe(
      '"hill" is the region the forces leave: remove it from "to"',
    );
  });
});

describe('refusals', () => {
  it('an order with "requires" and no "refusal" is warned about: the player would read the raw condition', () => {
    const warnings = warningsAfter((j) => (j.orders[7].requires = { if: 'turn', atLeast: 2 }));
    expect(problemAt(warnings, 'orders[7].refusal').message).toBe(
      'order "fair" has "requires" but no "refusal", so a refused player reads the condition spelled out with ' +
        'ids and placeholders: add a "refusal" that says why in plain words',
    );
  });

  it('a text with rule syntax in it is warned about', () => {
    const warnings = warningsAfter((j) => (j.rules[1].refusal = 'needs gold atLeast 60'));
    expect(problemAt(warnings, 'rules[1].refusal').message).toBe(
      'this text is shown to the player and contains rule syntax ("atLeast"): say it in plain words',
    );
  });
});

describe("a rule's orders", () => {
  it('an entry that is both an order id and an order type is warned about', () => {
    const warnings = warningsAfter((j) =>
      j.orders.push({ id: 'summit', type: 'summit', name: 'Meet', actors: ['RED'] }),
    );
    expect(problemAt(warnings, 'rules[1].orders[0]').message).toBe(
      '"summit" is both an order id and an order type, so gate "G2" applies to every summit order (fair, ' +
        'summit), not only to the order "summit": if only that order is meant, give it another id',
    );
  });

  it('an order type no order has is warned about', () => {
    const warnings = warningsAfter((j) => (j.rules[1].orders = ['refugees']));
    expect(problemAt(warnings, 'rules[1].orders[0]').message).toBe(
      'no order has the type "refugees", so gate "G2" never applies to one',
    );
  });

  it('"$target" in an order rule some of whose orders have no targets is warned about', () => {
    const warnings = warningsAfter((j) => {
      j.rules[3].orders = ['hinder', 'fair'];
      j.rules[3].effects.push({ do: 'vp', actor: '$target', delta: 1 });
    });
    expect(problemAt(warnings, 'rules[3].effects[1].actor').message).toBe(
      '"$target" stands for an order\'s target, but some orders rule "X2" applies to list no targets (fair): ' +
        'for them it has no value and the effect or test does nothing; name only orders with targets in the ' +
        'rule\'s "orders", or split the rule',
    );
  });
});

describe('tests that never hold', () => {
  it('atLeast above atMost', () => {
    const warnings = warningsAfter((j) => (j.rules[5].when = { if: 'turn', atLeast: 4, atMost: 2 }));
    expect(problemAt(warnings, 'rules[5].when').message).toBe(
      'atLeast 4 is above atMost 2, so this never holds: swap them or fix one',
    );
  });

  it("a meter beyond its range, a relation beyond ±100, and a set outside the meter's range", () => {
    const warnings = warningsAfter((j) => {
      j.actors[2].objectives[0].when.atLeast = 120;
      j.rules[0].when.of[1].atLeast = 101;
      j.orders[6].effects[0] = { do: 'meter', actor: '$actor', meter: 'gold', set: -5 };
    });
    expect(problemAt(warnings, 'actors[2].objectives[0].when.atLeast').message).toBe(
      'atLeast 120 is above the highest value of meter "fame" (0…100), so this never holds',
    );
    expect(problemAt(warnings, 'rules[0].when.of[1].atLeast').message).toContain('a relation (-100…100)');
    expect(problemAt(warnings, 'orders[6].effects[0].set').message).toBe(
      '-5 is outside meter "gold"\'s range 0…100, so the meter is set to 0 instead: set a value within the range',
    );
  });
});

describe('lintScenario', () => {
  it('gives the same warnings as validateScenario, for a parsed scenario', () => {
    const json = brokenValleys((j) => (j.flags.fog = 0));
    const result = validateScenario(json);
    if (!result.ok) throw new Error(result.error);
    expect(lintScenario(result.value as ScenarioDef)).toEqual(result.warnings);
    expect(result.warnings?.map((w) => w.path)).toEqual(['flags.fog']);
  });
});
