// Compiled conditions (compile.ts) and what the AI skips with them: a condition whose footprint an overlay does
// not touch must read exactly what it reads without the overlay — that is what lets the AI leave an objective
// or a subgoal alone (its gain is exactly 0). Checked on every condition of the shipped scenarios, against
// random overlays, and for the placeholders of every order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/engine/schema';
import type { World } from '../../src/engine/index';
import { advance, createGame } from '../../src/engine/index';
import { compiled, readsWith } from '../../src/engine/compile';
import type { Bound } from '../../src/engine/reader';
import { Overlay } from '../../src/engine/overlay';
import { bindOrder, NO_BINDING, NOBODY, StateReader } from '../../src/engine/reader';
import { worldFrom } from '../support/worlds';

const worlds = ['mosul-2016', 'tehran-2022', 'russia-intervenes-2015'].map((id) =>
  worldFrom(`scenarios/${id}.json`),
);

/** Every condition a scenario holds, with the binding it is read with (an order's, or none). */
function conditionsOf(w: World): { c: Condition; bind: Bound }[] {
  const out: { c: Condition; bind: Bound }[] = [];
  for (const a of w.def.actors) for (const o of a.objectives) out.push({ c: o.when, bind: NO_BINDING });
  for (const r of w.triggers) out.push({ c: r.when, bind: NO_BINDING });
  for (const def of w.def.orders) {
    const order = {
      id: def.id,
      actor: def.actors[0]!,
      ...(def.targets?.length
        ? { target: def.targets.find((t) => t !== def.actors[0]) ?? def.targets[0] }
        : {}),
      ...(def.regions?.length ? { region: def.regions[0] } : {}),
    };
    const bind = bindOrder(w, order);
    if (def.requires) out.push({ c: def.requires, bind });
    for (const g of w.gates)
      if (g.orders.includes(def.id) || g.orders.includes(def.type)) out.push({ c: g.when, bind });
    for (const r of w.orderRules)
      if (r.when && (r.orders.includes(def.id) || r.orders.includes(def.type))) out.push({ c: r.when, bind });
  }
  return out;
}

/** The actors, regions and flags a condition names (placeholders resolved), found by walking it. */
function named(
  w: World,
  c: Condition,
  bind: Bound,
): { actors: number[]; regions: number[]; flags: string[] } {
  const out = { actors: [] as number[], regions: [] as number[], flags: [] as string[] };
  const actor = (ref: string) =>
    ref === '$actor' ? bind.actor : ref === '$target' ? bind.target : (w.actorIndex[ref] ?? -2);
  const region = (ref: string) => (ref === '$region' ? bind.region : (w.regionIndex[ref] ?? -2));
  const walk = (x: Condition): void => {
    if ('of' in x) return x.of.forEach(walk);
    if ('cond' in x) return walk(x.cond);
    for (const key of ['a', 'b', 'actor', 'from', 'to'] as const) {
      const v = (x as Record<string, unknown>)[key];
      for (const ref of Array.isArray(v) ? v : [v]) if (typeof ref === 'string') out.actors.push(actor(ref));
    }
    if ('region' in x && typeof x.region === 'string') out.regions.push(region(x.region));
    if ('flag' in x) out.flags.push(x.flag);
  };
  walk(c);
  out.actors = out.actors.filter((i) => i >= 0);
  out.regions = out.regions.filter((i) => i >= 0);
  return out;
}

/** Random changes an overlay records: relations, meters, flags, forces and holders. */
const changes = (w: World) =>
  fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('rel' as const),
        i: fc.nat(w.actorIds.length - 1),
        j: fc.nat(w.actorIds.length - 1),
        l: fc.nat(w.def.layers.length - 1),
        d: fc.integer({ min: -60, max: 60 }),
      }),
      fc.record({
        kind: fc.constant('meter' as const),
        a: fc.nat(w.actorIds.length - 1),
        m: fc.nat(Math.max(0, w.def.meters.length - 1)),
        d: fc.integer({ min: -40, max: 40 }),
      }),
      fc.record({
        kind: fc.constant('flag' as const),
        f: fc.constantFrom(...Object.keys(w.def.flags ?? { x: 0 })),
        d: fc.integer({ min: -2, max: 2 }),
      }),
      fc.record({
        kind: fc.constant('forces' as const),
        a: fc.nat(w.actorIds.length - 1),
        r: fc.nat(w.def.regions.length - 1),
        d: fc.integer({ min: -30, max: 30 }),
      }),
      fc.record({
        kind: fc.constant('holder' as const),
        r: fc.nat(w.def.regions.length - 1),
        a: fc.integer({ min: NOBODY, max: w.actorIds.length - 1 }),
      }),
    ),
    { maxLength: 6 },
  );

describe('compiled conditions', () => {
  it('read the same through an overlay that changes nothing they read as through the state', () => {
    for (const w of worlds) {
      const all = conditionsOf(w);
      const states = [createGame(w, 3), advance(advance(createGame(w, 9), w), w)];
      fc.assert(
        fc.property(fc.nat(all.length - 1), fc.nat(states.length - 1), changes(w), (k, si, list) => {
          const { c, bind } = all[k]!;
          const s = states[si]!;
          const base = new Overlay(new StateReader(s, w, [], { rng: s.rng }), w, null, '');
          const ov = new Overlay(base, w, null, '');
          // Besides the random changes, changes of what the condition names, so that a footprint that
          // misses something it reads is caught.
          const near = named(w, c, bind);
          const pick = <T>(xs: T[], n: number) => xs[n % xs.length]!;
          if (near.actors.length > 1)
            ov.bumpRel(
              pick(near.actors, k),
              pick(near.actors, k + 1),
              k % w.def.layers.length,
              37 - (k % 75),
            );
          if (near.actors.length && w.def.meters.length)
            ov.bumpMeter(pick(near.actors, k), k % w.def.meters.length, 25 - (k % 50));
          if (near.flags.length) ov.bumpFlag(pick(near.flags, k), 1 - (k % 3));
          if (near.actors.length && near.regions.length)
            ov.bumpForces(pick(near.actors, k), pick(near.regions, k), 20 - (k % 40));
          if (near.regions.length) ov.setHolder(pick(near.regions, k), pick([NOBODY, ...near.actors], k));
          for (const x of list) {
            if (x.kind === 'rel') ov.bumpRel(x.i, x.j, x.l, x.d);
            if (x.kind === 'meter' && w.def.meters.length) ov.bumpMeter(x.a, x.m, x.d);
            if (x.kind === 'flag') ov.bumpFlag(x.f, x.d);
            if (x.kind === 'forces') ov.bumpForces(x.a, x.r, x.d);
            if (x.kind === 'holder') ov.setHolder(x.r, x.a);
          }
          const cc = compiled(w, c);
          for (const reads of [cc.reads, readsWith(w, c, bind)]) {
            if (ov.changes(reads)) continue;
            expect(cc.test(ov, bind)).toBe(cc.test(base, bind));
            expect(cc.distance(ov, bind)).toBe(cc.distance(base, bind));
          }
        }),
        { numRuns: 300 },
      );
    }
  });

  it('name what an order reads through its placeholders', () => {
    const w = worlds[0]!;
    const c: Condition = { if: 'relation', a: '$actor', b: '$target', layer: 'net', atLeast: 10 };
    expect(compiled(w, c).reads).toBe('any');
    const bind = bindOrder(w, { id: 'x', actor: w.actorIds[0]!, target: w.actorIds[2]! });
    const reads = readsWith(w, c, bind);
    expect(reads).not.toBe('any');
    if (reads !== 'any') expect(reads.pairs).toEqual([0 * w.actorIds.length + 2]);
    // A change of that pair is seen; a change of another is not.
    const s = createGame(w, 1);
    const ov = new Overlay(new StateReader(s, w, [], { rng: s.rng }), w, null, '');
    ov.bumpRel(1, 3, 0, 5);
    expect(ov.changes(reads)).toBe(false);
    ov.bumpRel(2, 0, 1, 5);
    expect(ov.changes(reads)).toBe(true);
  });
});
