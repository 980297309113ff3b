// The soak: 10,000 turns of random accepted orders (every actor, each turn up to its limit of orders, seeded)
// on every shipped scenario and branch and the invented valleys, checking after every turn what must always
// hold: relations integers in [-100, 100], forces and reserves non-negative integers, meters, VP and scores
// finite, the state plain JSON, the game over by its last turn, and no accepted order refused at resolution for
// anything the check could have seen when it was accepted (the judge of legality.test.ts).
import { describe, expect, it } from 'vitest';
import type { GameState, Order, World } from '../../src/engine/index';
import { checkOrder, createGame, listOrderOptions, resolveTurn } from '../../src/engine/index';
import { judgeRefusal, listCases } from '../support/legality';

const TURNS = 10_000;

/** A small seeded generator (the test's own, apart from the engine's). */
function generator(seed: number) {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

/** Random orders for every actor: each picks up to its turn's limit among the options accepted so far. */
function randomOrders(s: GameState, w: World, rand: (n: number) => number): Order[] {
  const pending: Order[] = [];
  for (const actor of w.actorIds) {
    const ok = listOrderOptions(s, w, actor, pending)
      .filter((o) => o.verdict.ok)
      .map((o) => o.order);
    const wanted = rand(w.settings.ordersPerTurn + 1);
    for (let i = 0; i < wanted && ok.length; i++) {
      const order = ok.splice(rand(ok.length), 1)[0]!;
      if (checkOrder(s, w, order, pending).ok) pending.push(order); // the options were listed before this turn's picks
    }
  }
  return pending;
}

/** Where a value is not plain JSON (a function, undefined, NaN, an infinity, a class instance), or null. */
function notJson(x: unknown, at = 'state'): string | null {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return null;
  if (typeof x === 'number') return Number.isFinite(x) ? null : `${at} is ${x}`;
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const bad = notJson(x[i], `${at}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
    for (const [k, v] of Object.entries(x)) {
      const bad = notJson(v, `${at}.${k}`);
      if (bad) return bad;
    }
    return null;
  }
  return `${at} is ${typeof x}`;
}

const whole = (n: number) => Number.isInteger(n) && n >= 0;

/** What is wrong with a state after a turn, in words; empty when every invariant holds. */
function invariants(s: GameState, w: World): string[] {
  const out: string[] = [];
  s.relations.forEach((layer, l) =>
    layer.forEach((v, p) => {
      if (!Number.isInteger(v) || v < -100 || v > 100) out.push(`relation ${s.layers[l]} #${p} is ${v}`);
    }),
  );
  for (const r of s.regions)
    for (const [a, n] of Object.entries(r.presence)) if (!whole(n)) out.push(`${r.id}: ${a} has ${n} forces`);
  for (const a of s.actors) {
    if (!whole(a.reserve)) out.push(`${a.id}: reserve ${a.reserve}`);
    if (!Number.isFinite(a.vp)) out.push(`${a.id}: VP ${a.vp}`);
    for (const [m, v] of Object.entries(a.meters)) if (!Number.isFinite(v)) out.push(`${a.id}: ${m} is ${v}`);
  }
  for (const [a, v] of Object.entries(s.scores)) if (!Number.isFinite(v)) out.push(`${a}: score ${v}`);
  if (s.turn > w.def.end.turns) out.push(`turn ${s.turn} is past the last turn (${w.def.end.turns})`);
  if (s.turn === w.def.end.turns && !s.over) out.push(`the game is not over at its last turn`);
  const json = notJson(s);
  if (json) out.push(json);
  return out;
}

describe('the invariants the soak checks', () => {
  it('name a relation out of range, negative or fractional forces, NaN, a function and a game past its end', () => {
    const { world } = listCases().find((c) => c.name === 'valleys')!;
    const s = structuredClone(createGame(world, 1)) as GameState;
    expect(invariants(s, world)).toEqual([]);
    s.relations[0]![0] = 101;
    s.regions[0]!.presence.X = -1;
    s.actors[0]!.reserve = 2.5;
    s.actors[1]!.meters.m = Number.NaN;
    s.turn = world.def.end.turns + 1;
    const found = invariants(s, world).join('\n');
    for (const part of [
      /relation .* is 101/,
      /has -1 forces/,
      /reserve 2\.5/,
      /\.m is NaN/,
      /past the last turn/,
    ])
      expect(found).toMatch(part);
    const fn = structuredClone(createGame(world, 1)) as GameState;
    (fn.flags as Record<string, unknown>).f = () => 0;
    expect(invariants(fn, world)).toEqual(['state.flags.f is function']);
  });
});

describe('the soak: 10,000 turns of random accepted orders per scenario and branch', () => {
  const cases = listCases();

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s',
    (name, { world }) => {
      const rand = generator(2016);
      const problems: string[] = [];
      let turns = 0;
      let games = 0;
      let orders = 0;
      let refused = 0;
      while (turns < TURNS) {
        const s = structuredClone(createGame(world, ++games)) as GameState;
        while (!s.over && turns < TURNS) {
          const given = randomOrders(s, world, rand);
          orders += given.length;
          resolveTurn(s, world, given, (o, verdict) => {
            refused++;
            const problem = judgeRefusal(world, s, o, verdict, s.effects.slice(0, -1));
            if (problem) problems.push(`game ${games}, turn ${s.turn + 1}: ${problem}`);
          });
          turns++;
          for (const p of invariants(s, world)) problems.push(`game ${games}, turn ${s.turn}: ${p}`);
          if (problems.length > 10) break;
        }
        if (problems.length > 10) break;
      }
      console.log(
        `soak ${name}: ${turns} turns in ${games} games, ${orders} orders given, ${refused} refused at resolution for what the turn changed`,
      );
      expect(problems).toEqual([]);
      expect(turns).toBe(TURNS);
      expect(orders).toBeGreaterThan(TURNS); // orders were given, more than one a turn on average
    },
    300_000,
  );
});
