// What conditions read, by index: the state itself (StateReader) or the state seen through the expected changes
// of one order the AI weighs (Overlay, overlay.ts). Compiled conditions (compile.ts) read only through this interface, with
// actors, regions, layers and meters resolved to indexes once per World, so a reading is an array access.
import type { Binding } from './context';
import { bindRef } from './context';
import { NET_START, netFrom } from './net';
import { nextInt } from './rng';
import type { Condition } from './schema';
import type { World } from './scenario';
import type { GameState, Order } from './types';

/** An index that names nothing (an unknown id, or a placeholder with no value): reads as 0 / false. */
export const UNKNOWN = -2;
/** A region's holder when nobody holds it. */
export const NOBODY = -1;

const NET_UNREAD = -32768; // net values lie in -100…100

/** An order's placeholders resolved: indexes for `$actor`, `$target`, `$region` (UNKNOWN when absent), and ids. */
export interface Bound {
  actor: number;
  target: number;
  region: number;
  ids: Binding;
}

export const NO_BINDING: Bound = Object.freeze({
  actor: UNKNOWN,
  target: UNKNOWN,
  region: UNKNOWN,
  ids: Object.freeze({}),
});

/** The binding of an order's placeholders. */
export function bindOrder(w: World, o: Order): Bound {
  return {
    actor: w.actorIndex[o.actor] ?? UNKNOWN,
    target: o.target === undefined ? UNKNOWN : (w.actorIndex[o.target] ?? UNKNOWN),
    region: o.region === undefined ? UNKNOWN : (w.regionIndex[o.region] ?? UNKNOWN),
    ids: { actor: o.actor, target: o.target, region: o.region },
  };
}

/** Index of the unordered pair (i, j), i ≠ j, among n actors (no allocation: it runs in every reading). */
export function pairAt(i: number, j: number, n: number): number {
  const x = i < j ? i : j;
  const y = i < j ? j : i;
  return (x * (2 * n - x - 1)) / 2 + (y - x - 1);
}

export type OrderedCondition = Extract<Condition, { if: 'ordered' }>;

/**
 * What a condition can read. Actor, region and layer arguments are valid indexes (compiled conditions check
 * them first); meters are indexes into the scenario's meter list.
 */
export interface Reader {
  rel(i: number, j: number, l: number): number;
  net(i: number, j: number): number;
  meter(a: number, m: number): number;
  flag(f: string): number;
  holder(r: number): number; // an actor index, or NOBODY
  presence(a: number, r: number): number;
  presenceSum(a: number, theatre: string | undefined): number; // over all regions, or those of a theatre
  turn(): number; // the turn in progress: one more than the turns resolved
  ordered(c: OrderedCondition, b: Bound): boolean;
  controlChanged(r: number, from: number, to: number): boolean; // from/to: an actor, or NOBODY for any
  redefined(a: number): boolean;
  chance(percent: number): boolean;
}

/**
 * The state as conditions see it. `orders` is what `ordered` looks at (the orders given or resolved so far this
 * turn; null: the state's own `orders`, read when asked, as during resolution); `dice` is what `chance` draws
 * from (the state itself during resolution, a copy elsewhere).
 */
export class StateReader implements Reader {
  private readonly n: number;
  private readonly nets: number[] | null; // net values by pair, once read (NET_UNREAD before), when `still`
  constructor(
    private readonly s: GameState,
    private readonly w: World,
    private readonly orders: readonly (Order & { type?: string; outcome?: string })[] | null,
    private readonly dice: { rng: number },
    still = false, // the state does not change while this reader is used (the AI's planning): net values are kept
  ) {
    this.n = w.actorIds.length;
    this.nets = still ? new Array<number>((this.n * (this.n - 1)) / 2).fill(NET_UNREAD) : null;
  }

  rel(i: number, j: number, l: number): number {
    return this.s.relations[l]![pairAt(i, j, this.n)]!;
  }
  net(i: number, j: number): number {
    const p = pairAt(i, j, this.n);
    const nets = this.nets;
    if (nets === null) return this.netOf(p);
    const known = nets[p]!;
    return known !== NET_UNREAD ? known : (nets[p] = this.netOf(p));
  }
  private netOf(p: number): number {
    const layers = this.w.netLayers;
    const rel = this.s.relations;
    let keep = NET_START;
    let hold = NET_START;
    for (let k = 0; k < layers.length; k++) {
      const v = rel[layers[k]!]![p]!;
      if (v > 0) keep *= 1 - v / 100;
      else if (v < 0) hold *= 1 + v / 100;
    }
    return netFrom(keep, hold);
  }
  meter(a: number, m: number): number {
    return this.s.actors[a]!.meters[this.w.def.meters[m]!.id] ?? 0;
  }
  flag(f: string): number {
    return this.s.flags[f] ?? 0;
  }
  holder(r: number): number {
    const c = this.s.regions[r]!.controller;
    return c === null ? NOBODY : (this.w.actorIndex[c] ?? UNKNOWN);
  }
  presence(a: number, r: number): number {
    return this.s.regions[r]!.presence[this.w.actorIds[a]!] ?? 0;
  }
  presenceSum(a: number, theatre: string | undefined): number {
    const { s, w } = this;
    const id = w.actorIds[a]!;
    let total = 0;
    for (let i = 0; i < s.regions.length; i++)
      if (!theatre || w.def.regions[i]!.theatre === theatre) total += s.regions[i]!.presence[id] ?? 0;
    return total;
  }
  turn(): number {
    return this.s.turn + 1;
  }
  ordered(c: OrderedCondition, b: Bound): boolean {
    for (const o of this.orders ?? this.s.orders) {
      if (o.outcome === 'refused') continue;
      if (c.actor && o.actor !== bindRef(c.actor, b.ids)) continue;
      if (c.order && o.id !== c.order) continue;
      if (c.type && (o.type ?? this.w.orders[o.id]?.type) !== c.type) continue;
      if (c.target && o.target !== bindRef(c.target, b.ids)) continue;
      if (c.region && o.region !== bindRef(c.region, b.ids)) continue;
      return true;
    }
    return false;
  }
  controlChanged(r: number, from: number, to: number): boolean {
    const turn = this.s.turn + 1;
    const region = this.w.def.regions[r]!.id;
    const ids = this.w.actorIds;
    for (const e of this.s.effects)
      if (
        e.kind === 'control' &&
        e.turn === turn &&
        e.region === region &&
        (from === NOBODY || e.a === ids[from]) &&
        (to === NOBODY || e.b === ids[to])
      )
        return true;
    return false;
  }
  redefined(a: number): boolean {
    return this.s.actors[a]!.redefined;
  }
  chance(percent: number): boolean {
    return nextInt(this.dice, 100) < percent;
  }
}
