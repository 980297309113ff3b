// Orders accepted with the turn's pending orders are never refused at resolution for anything the check could
// have seen (once, limits, forces they take): explicit cases from the audit, then a seeded property test over
// every shipped scenario and the invented valleys. Also the capture settings (garrison, allyCapture).
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { GameState, Order, World } from '../../src/engine/index';
import {
  checkOrder,
  compileWorld,
  createGame,
  listOrderOptions,
  planTurn,
  resolveTurn,
  validateScenario,
} from '../../src/engine/index';
import { describeOrderType } from '../../src/engine/orderTypes';
import { Overlay } from '../../src/engine/overlay';
import { StateReader } from '../../src/engine/reader';
import type { ScenarioDef } from '../../src/engine/schema';
import { valleys, valleysJson } from '../support/worlds';
import { judgeRefusal, listCases, pickOrders } from '../support/legality';

const resolve = (s: GameState, w: World, orders: Order[]) => produce(s, (d) => resolveTurn(d, w, orders));
const findActor = (w: World, id: string) => w.actorIndex[id]!;
const findRegion = (w: World, id: string) => w.regionIndex[id]!;
const listRefused = (s: GameState) => s.orders.filter((o) => o.outcome === 'refused');

describe('pending orders count when an order is checked', () => {
  const w = valleys();
  const s0 = createGame(w, 1);

  it('refuses a second copy of a once-per-game order in the same turn, and resolves the first', () => {
    const first: Order = { id: 'dam', actor: 'RED', target: 'BLUE' };
    const second: Order = { id: 'dam', actor: 'RED', target: 'GREEN' };
    expect(checkOrder(s0, w, second, [first])).toEqual({
      ok: false,
      code: 'once',
      reason: 'Red Kingdom has already given "Dam the river" this turn; it can be given once per game.',
    });
    const option = listOrderOptions(s0, w, 'RED', [first]).find(
      (o) => o.order.id === 'dam' && o.order.target === 'GREEN',
    );
    expect(option?.verdict).toMatchObject({ ok: false, code: 'once' });
    expect(listRefused(resolve(s0, w, [first]))).toEqual([]);
  });

  it('refuses a second deploy that the reserve cannot cover with the first, saying how much is left', () => {
    const short = produce(s0, (d) => {
      d.actors[findActor(w, 'RED')]!.reserve = 8; // each deploy of 5 fits alone; together they take 10
    });
    const first: Order = { id: 'deploy', actor: 'RED', region: 'hill' };
    const second: Order = { id: 'deploy', actor: 'RED', region: 'marsh' };
    expect(checkOrder(short, w, first)).toEqual({ ok: true });
    expect(checkOrder(short, w, second, [first])).toEqual({
      ok: false,
      code: 'no-forces',
      reason:
        'Red Kingdom has 3 forces left in reserve after its other orders this turn; "Send troops" needs 5.',
    });
  });

  it('resolves two deploys that the reserve covers exactly, counting each once', () => {
    const exact = produce(s0, (d) => {
      d.actors[findActor(w, 'RED')]!.reserve = 10;
    });
    const orders: Order[] = [
      { id: 'deploy', actor: 'RED', region: 'hill' },
      { id: 'deploy', actor: 'RED', region: 'marsh' },
    ];
    expect(checkOrder(exact, w, orders[1]!, [orders[0]!])).toEqual({ ok: true });
    const s1 = resolve(exact, w, orders);
    expect(listRefused(s1)).toEqual([]);
    expect(s1.actors[findActor(w, 'RED')]!.reserve).toBe(0);
    expect(s1.regions[findRegion(w, 'marsh')]!.presence.RED).toBe(5);
  });

  it('refuses a withdrawal that would strip a pending offensive of its forces, and the reverse', () => {
    const thin = produce(s0, (d) => {
      d.regions[findRegion(w, 'hill')]!.presence.RED = 5;
    });
    const attack: Order = { id: 'red-attack', actor: 'RED', region: 'hill' };
    const pullBack: Order = { id: 'withdraw', actor: 'RED', region: 'hill' };
    expect(checkOrder(thin, w, attack)).toEqual({ ok: true });
    expect(checkOrder(thin, w, pullBack)).toEqual({ ok: true });
    expect(checkOrder(thin, w, pullBack, [attack])).toMatchObject({
      ok: false,
      code: 'no-forces',
      reason: expect.stringMatching(/^"Pull back" would leave Red Kingdom's "Storm" short: .*withdrawals/),
    });
    expect(checkOrder(thin, w, attack, [pullBack])).toMatchObject({
      ok: false,
      code: 'no-forces',
      reason: 'Red Kingdom has no forces in or next to The Hill once its withdrawals this turn are made.',
    });
  });
});

// ---- the property: over the shipped scenarios and the valleys, accepted orders resolve or fail on the turn's events

/** Plays `skip` AI turns, then `turns` turns of random orders for the held actors; returns every unjustified refusal. */
function playAndJudge(w: World, seed: number, skip: number, turns: number, mask: boolean[], picks: number[]) {
  const s = structuredClone(createGame(w, seed)) as GameState;
  for (let i = 0; i < skip && !s.over; i++) resolveTurn(s, w, planTurn(s, w, [], []));
  const held = w.actorIds.filter((_, i) => mask[i % mask.length]);
  const problems: string[] = [];
  let checked = 0;
  for (let t = 0; t < turns && !s.over; t++) {
    const orders = planTurn(s, w, pickOrders(s, w, held, picks), held);
    resolveTurn(s, w, orders, (o, verdict) => {
      const problem = judgeRefusal(w, s, o, verdict, s.effects.slice(0, -1));
      if (problem) problems.push(`turn ${s.turn + 1}: ${problem}`);
    });
    checked += orders.length;
  }
  return { problems, checked };
}

describe('accepted orders are never refused at resolution for a reason the check could see', () => {
  const cases = listCases();

  it('covers every shipped scenario and branch, and the valleys', () => {
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining(['valleys', 'mosul-2016', 'tehran-2022', 'russia-intervenes-2015']),
    );
    expect(cases.length).toBeGreaterThan(4);
  });

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s: random orders of the held actors and the AI’s orders for the rest',
    (_, { world }) => {
      let checked = 0;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 0xffffffff }),
          fc.nat(Math.min(6, world.def.end.turns - 1)),
          fc.integer({ min: 1, max: 2 }),
          fc.array(fc.boolean(), { minLength: 1, maxLength: world.actorIds.length }),
          fc.array(fc.nat(10_000), { minLength: 8, maxLength: 40 }),
          (seed, skip, turns, mask, picks) => {
            const result = playAndJudge(world, seed, skip, turns, mask, picks);
            checked += result.checked;
            expect(result.problems).toEqual([]);
          },
        ),
        { numRuns: 40, seed: 2016 },
      );
      expect(checked).toBeGreaterThan(12); // orders were actually given and resolved
    },
    120_000,
  );
});

// ---- captured regions: the garrison that moves in, and whether allies take ground from allies

/** The valleys with extra settings, written into the file and validated like any scenario's. */
function buildValleysWith(
  settings: Record<string, unknown>,
  edit: (json: ScenarioDef) => void = () => {},
): World {
  const json = valleysJson() as unknown as ScenarioDef;
  edit(json);
  const def = validateScenario({ ...json, settings: { ...json.settings, ...settings } });
  if (!def.ok) throw new Error(def.error);
  const world = compileWorld(def.value);
  if (!world.ok) throw new Error(world.error);
  return world.value;
}

/** Red storms the hill, left unguarded by the raiders: the odds are 100% and the defence breaks. */
function stormHill(w: World, reserve = 30): GameState {
  const open = produce(createGame(w, 4), (d) => {
    delete d.regions[findRegion(w, 'hill')]!.presence.RAID;
    d.actors[findActor(w, 'RED')]!.reserve = reserve;
  });
  return resolve(open, w, [{ id: 'red-attack', actor: 'RED', region: 'hill' }]);
}

describe('captured regions', () => {
  it('moves no garrison by default, and `garrison` forces from the captor’s reserve when set', () => {
    const plain = stormHill(valleys());
    const w = buildValleysWith({ garrison: 6 });
    const garrisoned = stormHill(w);
    for (const s of [plain, garrisoned]) expect(s.regions[findRegion(w, 'hill')]!.controller).toBe('RED');
    const red = (s: GameState) => [
      s.regions[findRegion(w, 'hill')]!.presence.RED!,
      s.actors[findActor(w, 'RED')]!.reserve,
    ];
    const [forces, reserve] = red(plain);
    expect(red(garrisoned)).toEqual([forces! + 6, reserve! - 6]);
    expect(garrisoned.effects.map((e) => e.text)).toContain(
      'Red Kingdom forces in The Hill +6 to 15: Red Kingdom garrisons The Hill',
    );
    expect(plain.effects.some((e) => /garrisons/.test(e.text))).toBe(false);
  });

  it('moves only what the reserve holds into the captured region', () => {
    const w = buildValleysWith({ garrison: 6 });
    const s = stormHill(w, 4);
    expect(s.actors[findActor(w, 'RED')]!.reserve).toBe(0);
    expect(s.regions[findRegion(w, 'hill')]!.presence.RED).toBe(
      stormHill(valleys(), 4).regions[findRegion(w, 'hill')]!.presence.RED! + 4,
    );
  });

  it('lets the AI expect the garrison when it weighs an offensive', () => {
    const forecast = (w: World) => {
      const s = createGame(w, 4);
      const order: Order = { id: 'red-attack', actor: 'RED', region: 'hill' };
      const ov = new Overlay(new StateReader(s, w, [], { rng: s.rng }), w, order, 'offensive');
      describeOrderType('offensive').forecast!({
        s,
        w,
        o: order,
        def: w.orders['red-attack']!,
        ov,
        amount: 0,
      });
      return [ov.controllerOf('hill'), ov.presenceOf('RED', 'hill')];
    };
    expect(forecast(valleys())).toEqual(['RED', 10]);
    expect(forecast(buildValleysWith({ garrison: 6 }))).toEqual(['RED', 16]);
  });

  it('lets allies take ground from allies unless `allyCapture` is false', () => {
    // Blue and Green are allies (net +40); Green's ford is left unguarded, so Blue's storm cannot fail.
    const storm: Order = { id: 'red-attack', actor: 'BLUE', region: 'ford' };
    const open = (w: World) =>
      produce(createGame(w, 2), (d) => {
        delete d.regions[findRegion(w, 'ford')]!.presence.GREEN;
      });
    const free = valleys();
    expect(checkOrder(open(free), free, storm)).toEqual({ ok: true });
    expect(resolve(open(free), free, [storm]).regions[findRegion(free, 'ford')]!.controller).toBe('BLUE');
    const strict = buildValleysWith({ allyCapture: false });
    expect(checkOrder(open(strict), strict, storm)).toEqual({
      ok: false,
      code: 'bad-region',
      reason:
        'The Ford is held by Green Hills, an ally of Blue League: allies do not take ground from allies in this scenario.',
    });
    const s1 = resolve(open(strict), strict, [storm]);
    expect(s1.orders[0]!.outcome).toBe('refused');
    expect(s1.regions[findRegion(strict, 'ford')]!.controller).toBe('GREEN');
  });

  it('with `allyCapture` false, also refuses an offensive whose captor is an ally of the holder', () => {
    // Red is Green's enemy, but its offensive here would hand the ford to Blue, Green's ally.
    const w = buildValleysWith({ allyCapture: false }, (json) => {
      json.orders.push({
        id: 'for-blue',
        type: 'offensive',
        name: 'Storm for Blue',
        actors: ['RED'],
        regions: ['ford'],
        captor: 'BLUE',
      });
    });
    expect(checkOrder(createGame(w, 2), w, { id: 'for-blue', actor: 'RED', region: 'ford' })).toMatchObject({
      ok: false,
      code: 'bad-region',
      reason: expect.stringMatching(/an ally of Blue League/),
    });
    expect(checkOrder(createGame(w, 2), w, { id: 'red-attack', actor: 'RED', region: 'ford' })).toEqual({
      ok: true,
    });
  });
});
