// The rule language's conditions: a small JSON expression tree evaluated through a Lens. The state lens
// reads the game (`ordered` and `controlChanged` look at the turn being resolved); the AI reads an overlay.
import type { Binding, Ctx } from './context';
import { bindRef } from './context';
import { nextInt } from './rng';
import { relation, setBoundTester } from './relations';
import type { World } from './scenario';
import type { Condition } from './schema';
import type { GameState, Order } from './types';

const gap = (v: number, x: { atLeast?: number; atMost?: number }): number =>
  Math.max(0, x.atLeast !== undefined ? x.atLeast - v : 0, x.atMost !== undefined ? v - x.atMost : 0);

const within = (v: number, c: { atLeast?: number; atMost?: number }): boolean =>
  (c.atLeast === undefined || v >= c.atLeast) && (c.atMost === undefined || v <= c.atMost);

/** What a condition can read. The state is one lens; the AI looks through an overlay of a planned order. */
export interface Lens {
  relation(a: string, b: string, layer: string): number;
  meter(actor: string, meter: string): number;
  flag(flag: string): number;
  controller(region: string): string | null | undefined; // undefined: no such region
  presence(actor: string, region?: string, theatre?: string): number;
  turn(): number;
  ordered(c: Extract<Condition, { if: 'ordered' }>, bind?: Binding): boolean;
  controlChanged(region: string, from?: string, to?: string): boolean;
  redefined(actor: string): boolean;
  chance(percent: number): boolean;
}

/**
 * The state as conditions see it. `orders` is what `ordered` looks at (the orders given or resolved so far this
 * turn); `dice` is what `chance` draws from (the state itself during resolution, a copy elsewhere). `turn` is
 * the turn in progress: one more than the turns resolved.
 */
export class StateLens implements Lens {
  constructor(
    private readonly s: GameState,
    private readonly w: World,
    private readonly orders: readonly (Order & { type?: string; outcome?: string })[],
    private readonly dice: { rng: number },
  ) {}

  relation(a: string, b: string, layer: string): number {
    return relation(this.s, this.w, a, b, layer);
  }
  meter(actor: string, meter: string): number {
    return this.s.actors[this.w.actorIndex[actor] ?? -1]?.meters[meter] ?? 0;
  }
  flag(flag: string): number {
    return this.s.flags[flag] ?? 0;
  }
  controller(region: string): string | null | undefined {
    return this.s.regions[this.w.regionIndex[region] ?? -1]?.controller;
  }
  presence(actor: string, region?: string, theatre?: string): number {
    const { s, w } = this;
    if (region) return s.regions[w.regionIndex[region] ?? -1]?.presence[actor] ?? 0;
    let total = 0;
    for (let i = 0; i < s.regions.length; i++)
      if (!theatre || w.def.regions[i]!.theatre === theatre) total += s.regions[i]!.presence[actor] ?? 0;
    return total;
  }
  turn(): number {
    return this.s.turn + 1;
  }
  ordered(c: Extract<Condition, { if: 'ordered' }>, bind?: Binding): boolean {
    for (const o of this.orders) {
      if (o.outcome === 'refused') continue;
      if (c.actor && o.actor !== bindRef(c.actor, bind)) continue;
      if (c.order && o.id !== c.order) continue;
      if (c.type && (o.type ?? this.w.orders[o.id]?.type) !== c.type) continue;
      if (c.target && o.target !== bindRef(c.target, bind)) continue;
      if (c.region && o.region !== bindRef(c.region, bind)) continue;
      return true;
    }
    return false;
  }
  controlChanged(region: string, from?: string, to?: string): boolean {
    const turn = this.s.turn + 1;
    for (const e of this.s.effects)
      if (
        e.kind === 'control' &&
        e.turn === turn &&
        e.region === region &&
        (!from || e.a === from) &&
        (!to || e.b === to)
      )
        return true;
    return false;
  }
  redefined(actor: string): boolean {
    return this.s.actors[this.w.actorIndex[actor] ?? -1]?.redefined ?? false;
  }
  chance(percent: number): boolean {
    return nextInt(this.dice, 100) < percent;
  }
}

/** The lens for resolution: the turn's resolved orders, and dice drawn from the state itself. */
export const stateLens = (ctx: Ctx): Lens => new StateLens(ctx.s, ctx.w, ctx.s.orders, ctx.s);

/** Evaluates a condition against the state. `chance` draws from the state's generator. */
export const test = (ctx: Ctx, c: Condition, bind?: Binding): boolean => evaluate(stateLens(ctx), c, bind);

export function evaluate(lens: Lens, c: Condition, bind?: Binding): boolean {
  switch (c.if) {
    case 'relation':
      return within(lens.relation(bindRef(c.a, bind), bindRef(c.b, bind), c.layer), c);
    case 'meter':
      return within(lens.meter(bindRef(c.actor, bind), c.meter), c);
    case 'flag':
      return within(lens.flag(c.flag), c);
    case 'control': {
      const holder = lens.controller(bindRef(c.region, bind));
      if (holder === undefined) return false;
      if (c.actor === null) return holder === null;
      if (holder === null) return false;
      if (!Array.isArray(c.actor)) return bindRef(c.actor, bind) === holder;
      for (const x of c.actor) if (bindRef(x, bind) === holder) return true;
      return false;
    }
    case 'presence':
      return within(
        lens.presence(bindRef(c.actor, bind), c.region ? bindRef(c.region, bind) : undefined, c.theatre),
        c,
      );
    case 'turn':
      return within(lens.turn(), c);
    case 'ordered':
      return lens.ordered(c, bind);
    case 'controlChanged':
      return lens.controlChanged(
        bindRef(c.region, bind),
        c.from && bindRef(c.from, bind),
        c.to && bindRef(c.to, bind),
      );
    case 'redefined':
      return lens.redefined(bindRef(c.actor, bind));
    case 'chance':
      return lens.chance(c.percent);
    case 'all':
      for (const x of c.of) if (!evaluate(lens, x, bind)) return false;
      return true;
    case 'any':
      for (const x of c.of) if (evaluate(lens, x, bind)) return true;
      return false;
    case 'not':
      return !evaluate(lens, c.cond, bind);
  }
}

/** How far a condition is from holding (0 when it holds), in relation points: the AI's sense of progress. */
export function distance(lens: Lens, c: Condition, bind?: Binding): number {
  switch (c.if) {
    case 'relation':
      return gap(lens.relation(bindRef(c.a, bind), bindRef(c.b, bind), c.layer), c);
    case 'meter':
      return gap(lens.meter(bindRef(c.actor, bind), c.meter), c);
    case 'flag':
      return Math.min(100, gap(lens.flag(c.flag), c) * 20);
    case 'presence':
      return Math.min(
        100,
        gap(
          lens.presence(bindRef(c.actor, bind), c.region ? bindRef(c.region, bind) : undefined, c.theatre),
          c,
        ),
      );
    case 'all': {
      let sum = 0;
      for (const x of c.of) sum += distance(lens, x, bind);
      return sum;
    }
    case 'any': {
      let min = Infinity;
      for (const x of c.of) min = Math.min(min, distance(lens, x, bind));
      return min === Infinity ? 0 : min;
    }
    default:
      return evaluate(lens, c, bind) ? 0 : 100;
  }
}

setBoundTester((ctx, c) => test(ctx, c));

/**
 * Plain-language rendering of a condition, for refusals and the briefing. `name` turns an id or placeholder
 * (an actor, a region, a layer) into what the player reads; by default the id itself.
 */
export function describeCondition(c: Condition, name: (ref: string) => string = (x) => x): string {
  const n = name;
  const range = (x: { atLeast?: number; atMost?: number }) =>
    [x.atLeast !== undefined ? `≥ ${x.atLeast}` : '', x.atMost !== undefined ? `≤ ${x.atMost}` : '']
      .filter(Boolean)
      .join(' and ');
  switch (c.if) {
    case 'relation':
      return `${n(c.a)}–${n(c.b)} (${n(c.layer)}) ${range(c)}`;
    case 'meter':
      return `${n(c.actor)} ${c.meter} ${range(c)}`;
    case 'flag':
      return `${c.flag} ${range(c)}`;
    case 'control':
      return c.actor === null
        ? `${n(c.region)} held by nobody`
        : `${n(c.region)} held by ${Array.isArray(c.actor) ? c.actor.map(n).join(' or ') : n(c.actor)}`;
    case 'presence':
      return `${n(c.actor)} forces in ${c.region ? n(c.region) : c.theatre ? n(c.theatre) : 'all regions'} ${range(c)}`;
    case 'turn':
      return `turn ${range(c)}`;
    case 'ordered':
      return `${c.actor ? n(c.actor) : 'someone'} ordered ${c.order ?? c.type ?? 'something'}${c.target ? ` on ${n(c.target)}` : ''}`;
    case 'controlChanged':
      return `${n(c.region)} changed hands${c.from ? ` from ${n(c.from)}` : ''}${c.to ? ` to ${n(c.to)}` : ''}`;
    case 'redefined':
      return `${n(c.actor)} has redefined its interests`;
    case 'chance':
      return `${c.percent}% chance`;
    case 'all':
      return c.of.map((x) => describeCondition(x, n)).join(' and ');
    case 'any':
      return c.of.map((x) => describeCondition(x, n)).join(' or ');
    case 'not':
      return `not (${describeCondition(c.cond, n)})`;
  }
}
