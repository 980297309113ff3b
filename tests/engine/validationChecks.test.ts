// The validator's checks beyond ids: each one on a small broken copy of the invented scenario, asserting the
// exact path of the problem and that the message says how to fix it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenValleys, findingsOf, problemAt } from '../support/brokenScenarios';
import { valleysJson } from '../support/worlds';

/** The errors of the invented scenario after `change`; the unchanged scenario has none. */
const errorsAfter = (change: (json: any) => void) => {
  const found = findingsOf(brokenValleys(change));
  expect(found.ok).toBe(false);
  return found.errors;
};

describe('the invented scenario', () => {
  it('is valid, with no warning', () => {
    const found = findingsOf(valleysJson());
    expect(found.ok).toBe(true);
    expect(found.warnings).toEqual([]);
  });
});

describe('flags', () => {
  it('a flag a condition tests must be declared in "flags"', () => {
    const errors = errorsAfter((j) => (j.rules[5].when = { if: 'flag', flag: 'stormy', atLeast: 1 }));
    expect(problemAt(errors, 'rules[5].when.flag').message).toBe(
      'flag "stormy" is not declared: add "stormy": 0 (its starting value) to "flags", or fix the name (flags: hillFell)',
    );
  });

  it('a flag an effect sets must be declared', () => {
    const errors = errorsAfter((j) => (j.rules[2].effects[1].flag = 'hillGone'));
    expect(problemAt(errors, 'rules[2].effects[1].flag').message).toMatch(
      /^flag "hillGone" is not declared: add "hillGone": 0 .* to "flags"/,
    );
  });

  it('a flag a branch starts with must be declared', () => {
    const errors = errorsAfter((j) => (j.branches[0].flags = { fog: 1 }));
    expect(problemAt(errors, 'branches[0].flags.fog').message).toContain('add "fog": 0');
  });
});

describe('sources', () => {
  it.each([
    ['orders[0].source.source', (j: any) => (j.orders[0].source = { source: 'T9', quote: 'a quote' })],
    [
      'relations[1].sources[0].source',
      (j: any) => (j.relations[1].sources = [{ source: 'T9', quote: 'abc' }]),
    ],
    [
      'actors[2].objectives[0].source.source',
      (j: any) => (j.actors[2].objectives[0].source = { source: 'T9', quote: 'abc' }),
    ],
    ['rules[3].source.source', (j: any) => (j.rules[3].source = { source: 'T9', quote: 'abc' })],
    ['regions[0].source.source', (j: any) => (j.regions[0].source = { source: 'T9', quote: 'abc' })],
  ])('a quote naming a source that is not in "sources" is refused at %s', (path, change) => {
    expect(problemAt(errorsAfter(change), path).message).toBe(
      'unknown source "T9" (sources: T1): add it to "sources" or name one of them',
    );
  });
});

describe('relations', () => {
  it('a pair given twice, as a–b and b–a, is refused at the second entry', () => {
    const errors = errorsAfter((j) => j.relations.push({ a: 'BLUE', b: 'RED', values: { land: 5 } }));
    expect(problemAt(errors, 'relations[6]').message).toBe(
      'the pair BLUE–RED is given twice (also relations[0]; relations are symmetric, so b–a is the same pair): ' +
        'merge their values into one entry',
    );
  });

  it('a pair given twice in a branch is refused there', () => {
    const errors = errorsAfter((j) =>
      j.branches[0].relations.push({ a: 'RED', b: 'BLUE', values: { land: 1 } }),
    );
    expect(problemAt(errors, 'branches[0].relations[1]').message).toContain('merge their values');
  });
});

describe('bounds', () => {
  it('a floor above the cap is refused at the floor', () => {
    const errors = errorsAfter((j) => (j.rules[4].max = -60));
    expect(problemAt(errors, 'rules[4].min').message).toBe(
      'bound "B1": the floor -50 is above the cap -60, so no value fits: swap them or fix one',
    );
  });

  it('a bound with neither min nor max, or one actor twice, is refused', () => {
    const errors = errorsAfter((j) => {
      delete j.rules[4].min;
      j.rules[4].b = 'RED';
    });
    const messages = errors.filter((e) => e.path === 'rules[4]').map((e) => e.message);
    expect(messages).toEqual([
      'bound "B1" names "RED" twice: a bound limits a pair of two actors',
      'bound "B1" has neither "min" nor "max", so it limits nothing: give a floor, a cap or both',
    ]);
  });
});

describe('neighbours', () => {
  it('a neighbour listed one way only is refused at the region that lacks the link back', () => {
    const errors = errorsAfter((j) => (j.regions[2].neighbours = []));
    expect(problemAt(errors, 'regions[2].neighbours').message).toBe(
      '"hill" lists "marsh" as a neighbour but "marsh" does not list "hill": add "hill" to the neighbours of ' +
        '"marsh" (or remove "marsh" from those of "hill")',
    );
  });

  it('a region that lists itself, or a neighbour twice, is refused', () => {
    const errors = errorsAfter((j) => j.regions[1].neighbours.push('ford', 'hill'));
    expect(problemAt(errors, 'regions[1].neighbours[2]').message).toBe(
      '"ford" lists itself as a neighbour: remove it',
    );
    expect(problemAt(errors, 'regions[1].neighbours[3]').message).toBe('"hill" is listed twice: remove one');
  });
});

describe('the calendar', () => {
  it('a scheduled rule after the last turn is refused, with the turn to use instead', () => {
    const errors = errorsAfter((j) => (j.rules[5].turn = 9));
    expect(problemAt(errors, 'rules[5].turn').message).toBe(
      'scheduled rule "S1" is for turn 9, after the last turn (end.turns is 6), so it never happens: schedule ' +
        'it for turn 6 or earlier, or raise end.turns',
    );
  });

  it('a branch rule is checked the same way', () => {
    const errors = errorsAfter(
      (j) => (j.branches[0].rules = [{ id: 'S9', kind: 'scheduled', text: 'late', turn: 7, effects: [] }]),
    );
    expect(problemAt(errors, 'branches[0].rules[0].turn').message).toContain('turn 6 or earlier');
  });
});

describe('meters', () => {
  it('a starting meter outside its range is refused', () => {
    const errors = errorsAfter((j) => (j.actors[0].meters.gold = 150));
    expect(problemAt(errors, 'actors[0].meters.gold').message).toBe(
      "RED starts with gold 150, outside the meter's range 0…100 (the engine would clamp it at the first " +
        "change): start it within 0…100, or widen the meter's min/max",
    );
  });

  it('a meter left out starts at 0, which must be within its range', () => {
    const errors = errorsAfter((j) => (j.meters[1].min = 5));
    expect(problemAt(errors, 'actors[1].meters').message).toBe(
      'BLUE gives no "fame", so it starts at 0, outside the meter\'s range 5…100: give it a starting value within 5…100',
    );
  });

  it("a meter whose min is above its max is refused, and actors' values are not checked against it", () => {
    const errors = errorsAfter((j) => (j.meters[0].min = 200));
    expect(problemAt(errors, 'meters[0].min').message).toBe(
      'meter "gold": min 200 is above max 100: swap them or fix one',
    );
    expect(errors).toHaveLength(1);
  });
});

describe('effects', () => {
  it('a meter or flag effect with neither delta nor set is refused', () => {
    const errors = errorsAfter((j) => delete j.rules[2].effects[1].set);
    expect(problemAt(errors, 'rules[2].effects[1]').message).toBe(
      'this flag effect has neither "delta" nor "set", so it changes nothing: give one of them',
    );
  });
});

describe('placeholders', () => {
  it('"$target" in an order that lists no targets is refused', () => {
    const errors = errorsAfter((j) => (j.orders[7].effects[0].actor = '$target'));
    expect(problemAt(errors, 'orders[7].effects[0].actor').message).toBe(
      '"$target" stands for an order\'s target, but order "fair" lists no targets, so it never has a value: ' +
        'add "targets" to the order, or write an actor id here',
    );
  });

  it('"$region" in an order that lists no regions is refused', () => {
    const errors = errorsAfter((j) =>
      j.orders[6].effects.push({ do: 'presence', actor: '$actor', region: '$region', delta: 1 }),
    );
    expect(problemAt(errors, 'orders[6].effects[1].region').message).toContain(
      'but order "dam" lists no regions, so it never has a value: add "regions" to the order',
    );
  });

  it('"$region" in a trigger is refused: a trigger has no order', () => {
    const errors = errorsAfter((j) => (j.rules[2].effects[0].from = '$region'));
    expect(problemAt(errors, 'rules[2].effects[0].from').message).toBe(
      '"$region" stands for an order\'s region, so it has a value only inside an order (its requires, effects, ' +
        'exposure) or a gate or order rule; in a trigger there is no order: write a region id here',
    );
  });

  it('"$actor" in a scheduled rule, an objective or a bound is refused the same way', () => {
    const errors = errorsAfter((j) => {
      j.rules[5].effects[0].actor = '$actor';
      j.actors[1].objectives[0].when = { if: 'meter', actor: '$actor', meter: 'gold', atLeast: 1 };
      j.rules[4].while = { if: 'control', region: '$region', actor: 'RED' };
    });
    expect(problemAt(errors, 'rules[5].effects[0].actor').message).toContain(
      'in a scheduled rule there is no order',
    );
    expect(problemAt(errors, 'actors[1].objectives[0].when.actor').message).toContain('in an objective');
    expect(problemAt(errors, 'rules[4].while.region').message).toContain('in a bound there is no order');
  });

  it('"$target" in a gate whose orders all lack targets is refused', () => {
    const errors = errorsAfter(
      (j) => (j.rules[1].when = { if: 'relation', a: '$actor', b: '$target', layer: 'land', atLeast: 0 }),
    );
    expect(problemAt(errors, 'rules[1].when.b').message).toBe(
      '"$target" stands for an order\'s target, but none of the orders rule "G2" applies to (fair) lists ' +
        'targets, so it never has a value: write an actor id here, or apply the rule to orders with targets',
    );
  });

  it('a placeholder of the wrong kind is refused by the schema', () => {
    const errors = errorsAfter((j) => (j.rules[3].effects[0].a = '$region'));
    expect(problemAt(errors, 'rules[3].effects[0].a').message).toBe(
      'expected an actor id, "$actor" or "$target" ("$region" stands for a region)',
    );
  });

  it('a text the player sees may not contain a placeholder (the engine never fills one in)', () => {
    const errors = errorsAfter((j) => {
      j.orders[0].name = 'Storm $region';
      j.rules[1].refusal = '$actor is too poor';
    });
    expect(problemAt(errors, 'orders[0].name').message).toBe(
      'this text is shown to the player as written and contains "$region", which the engine does not fill in ' +
        'here: write the name out (or "the target", "the region")',
    );
    expect(problemAt(errors, 'rules[1].refusal').message).toContain('contains "$actor"');
  });

  it('a dollar amount in a text is fine', () => {
    const found = findingsOf(brokenValleys((j) => (j.rules[5].text = 'A $5 billion storm at sea')));
    expect(found.ok).toBe(true);
  });
});

describe('order types in conditions', () => {
  it('an "ordered" condition with a type that does not exist is refused, with the types offered', () => {
    const errors = errorsAfter((j) => (j.rules[3].when = { if: 'ordered', type: 'offense' }));
    expect(problemAt(errors, 'rules[3].when.type').message).toMatch(/expected one of .*"offensive"/);
  });
});

describe('unknown ids', () => {
  it('name the ids that exist', () => {
    const errors = errorsAfter((j) => (j.orders[0].regions[0] = 'hil'));
    expect(problemAt(errors, 'orders[0].regions[0]').message).toBe(
      'unknown region "hil" (regions: hill, ford, marsh, coast)',
    );
  });
});

describe('the checks on odd but well-shaped scenarios', () => {
  /** Every [parent, key] of the parsed JSON, so that a property test can change any one value. */
  const slots = (node: any, out: [any, string | number][] = []): [any, string | number][] => {
    if (node && typeof node === 'object')
      for (const k of Array.isArray(node) ? node.keys() : Object.keys(node)) {
        out.push([node, k]);
        slots(node[k], out);
      }
    return out;
  };
  const values = [
    'hill',
    'RED',
    'GREEN',
    '$actor',
    '$target',
    '$region',
    'net',
    'land',
    'gold',
    'S1',
    0,
    7,
    -200,
    300,
    null,
    [],
    {},
  ];

  it('never throw, whatever one value is changed to', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...values), fc.nat(), (at, value, again) => {
        const json = valleysJson();
        const all = slots(json);
        const [parent, key] = all[at % all.length]!;
        parent[key] = structuredClone(value);
        const more = slots(json);
        const [p2, k2] = more[again % more.length]!;
        p2[k2] = structuredClone(value);
        const found = findingsOf(json);
        expect(found.ok).toBe(found.errors.length === 0);
      }),
      { numRuns: 1500 },
    );
  });
});
