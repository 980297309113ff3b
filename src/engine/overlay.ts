// The AI's view of one candidate order: the state read through the changes the order is expected to make
// (relations, meters, flags, forces, control), kept in small arrays by index. It reads like the state
// (reader.ts) and knows which conditions its changes can touch (their footprints, compile.ts).
import { bindRef } from './context';
import type { Footprint, ReadIndex } from './compile';
import { NET_START, netFrom } from './net';
import type { Bound, OrderedCondition, Reader } from './reader';
import { NOBODY, UNKNOWN } from './reader';
import type { World } from './scenario';
import type { Order } from './types';

/** The empty list an overlay's rare change lists start as (never written: replaced on the first change). */
const UNSET: number[] = Object.freeze([]) as unknown as number[];

const clamp = (v: number): number => (v > 100 ? 100 : v < -100 ? -100 : v);

/**
 * The AI's view of one candidate order: the state read through the changes the order is expected to make
 * (relations, meters, flags, forces, control), kept in small arrays in the order they were recorded.
 */
export class Overlay implements Reader {
  /**
   * Relation changes: keys layer·n² + (lower·n + higher), in the order first recorded, their pairs
   * (lower·n + higher) and their deltas.
   */
  readonly relKeys: number[] = [];
  readonly relPairs: number[] = [];
  readonly relDeltas: number[] = [];
  // Meter, force and control changes are rare: their lists are made on the first one (UNSET until then).
  private meterKeys: number[] = UNSET;
  private meterDeltas: number[] = UNSET;
  private flags: Map<string, number> | null = null;
  private presenceKeys: number[] = UNSET;
  private presenceDeltas: number[] = UNSET;
  private controlKeys: number[] = UNSET;
  private controlHolders: number[] = UNSET;
  vp = 0; // VP the order banks for the actor directly
  private readonly n: number;
  private readonly regions: number;

  constructor(
    private readonly base: Reader,
    private readonly w: World,
    private readonly candidate: Order | null,
    private readonly type: string,
  ) {
    this.n = w.actorIds.length;
    this.regions = w.def.regions.length;
  }

  /** Records a relation change between actor indexes in a layer index (ignored for an unknown or same actor). */
  bumpRel(i: number, j: number, l: number, delta: number): void {
    if (i < 0 || j < 0 || l < 0 || i === j) return;
    const n = this.n;
    const pair = i < j ? i * n + j : j * n + i;
    const k = l * n * n + pair;
    const at = this.relKeys.indexOf(k);
    if (at < 0) {
      this.relKeys.push(k);
      this.relPairs.push(pair);
      this.relDeltas.push(delta);
    } else this.relDeltas[at]! += delta;
  }
  /** Records a relation change by ids; unknown actors or layers are ignored. */
  bumpRelation(a: string, b: string, layer: string, delta: number): void {
    const { actorIndex, layerIndex } = this.w;
    this.bumpRel(actorIndex[a] ?? UNKNOWN, actorIndex[b] ?? UNKNOWN, layerIndex[layer] ?? UNKNOWN, delta);
  }
  bumpMeter(a: number, m: number, delta: number): void {
    if (a < 0 || m < 0) return;
    if (this.meterKeys === UNSET) [this.meterKeys, this.meterDeltas] = [[], []];
    addAt(this.meterKeys, this.meterDeltas, a * this.w.def.meters.length + m, delta);
  }
  bumpFlag(f: string, delta: number): void {
    (this.flags ??= new Map()).set(f, (this.flags.get(f) ?? 0) + delta);
  }
  /** Records a change of an actor's forces in a region (by indexes). */
  bumpForces(a: number, r: number, delta: number): void {
    if (a < 0 || r < 0) return;
    if (this.presenceKeys === UNSET) [this.presenceKeys, this.presenceDeltas] = [[], []];
    addAt(this.presenceKeys, this.presenceDeltas, a * this.regions + r, delta);
  }
  /** Records a change of an actor's forces in a region (by ids). */
  bumpPresence(actor: string, region: string, delta: number): void {
    this.bumpForces(this.w.actorIndex[actor] ?? UNKNOWN, this.w.regionIndex[region] ?? UNKNOWN, delta);
  }
  /** Records a change of a region's holder (by indexes; NOBODY: nobody). */
  setHolder(r: number, a: number): void {
    if (r < 0 || a === UNKNOWN) return;
    if (this.controlKeys === UNSET) [this.controlKeys, this.controlHolders] = [[], []];
    const at = this.controlKeys.indexOf(r);
    if (at < 0) {
      this.controlKeys.push(r);
      this.controlHolders.push(a);
    } else this.controlHolders[at] = a;
  }
  /** Records a change of a region's holder (by ids; null: nobody). */
  setControl(region: string, actor: string | null): void {
    const a = actor === null ? NOBODY : (this.w.actorIndex[actor] ?? UNKNOWN);
    this.setHolder(this.w.regionIndex[region] ?? UNKNOWN, a);
  }

  private relDelta(i: number, j: number, l: number): number {
    const n = this.n;
    const at = this.relKeys.indexOf(l * n * n + (i < j ? i * n + j : j * n + i));
    return at < 0 ? 0 : this.relDeltas[at]!;
  }
  rel(i: number, j: number, l: number): number {
    if (this.relKeys.length === 0) return this.base.rel(i, j, l);
    return clamp(this.base.rel(i, j, l) + this.relDelta(i, j, l));
  }
  net(i: number, j: number): number {
    if (this.relKeys.length === 0) return this.base.net(i, j);
    // The net of the layer values with this pair's changes, as StateReader.net computes it (the base's own
    // net when the overlay does not change the pair).
    const n = this.n;
    const pair = i < j ? i * n + j : j * n + i;
    const pairs = this.relPairs;
    const first = pairs.indexOf(pair);
    if (first < 0) return this.base.net(i, j);
    const nn = n * n;
    const layers = this.w.netLayers;
    let keep = NET_START;
    let hold = NET_START;
    for (let k = 0; k < layers.length; k++) {
      const l = layers[k]!;
      let delta = 0;
      for (let x = first; x < pairs.length; x++)
        if (this.relKeys[x] === l * nn + pair) {
          delta = this.relDeltas[x]!; // one change per pair and layer
          break;
        }
      const v = clamp(this.base.rel(i, j, l) + delta);
      if (v > 0) keep *= 1 - v / 100;
      else if (v < 0) hold *= 1 + v / 100;
    }
    return netFrom(keep, hold);
  }
  meter(a: number, m: number): number {
    const base = this.base.meter(a, m);
    if (this.meterKeys.length === 0) return base;
    const at = this.meterKeys.indexOf(a * this.w.def.meters.length + m);
    return at < 0 ? base : base + this.meterDeltas[at]!;
  }
  flag(f: string): number {
    return this.base.flag(f) + (this.flags?.get(f) ?? 0);
  }
  holder(r: number): number {
    const at = this.controlKeys.length ? this.controlKeys.indexOf(r) : -1;
    return at < 0 ? this.base.holder(r) : this.controlHolders[at]!;
  }
  presence(a: number, r: number): number {
    const base = this.base.presence(a, r);
    if (this.presenceKeys.length === 0) return base;
    const at = this.presenceKeys.indexOf(a * this.regions + r);
    return at < 0 ? base : base + this.presenceDeltas[at]!;
  }
  presenceSum(a: number, theatre: string | undefined): number {
    return this.base.presenceSum(a, theatre); // what the order moves is not counted in totals
  }
  turn(): number {
    return this.base.turn();
  }
  ordered(c: OrderedCondition, b: Bound): boolean {
    const o = this.candidate;
    if (!o) return false;
    return (
      (!c.actor || bindRef(c.actor, b.ids) === o.actor) &&
      (!c.order || c.order === o.id) &&
      (!c.type || c.type === this.type) &&
      (!c.target || bindRef(c.target, b.ids) === o.target) &&
      (!c.region || bindRef(c.region, b.ids) === o.region)
    );
  }
  controlChanged(r: number, from: number, to: number): boolean {
    return this.base.controlChanged(r, from, to);
  }
  redefined(a: number): boolean {
    return this.base.redefined(a);
  }
  chance(): boolean {
    return false;
  }

  /**
   * Whether the overlay changes anything a condition reads (compile.ts footprints): when it does not, the
   * condition reads exactly what it reads through the overlay's base.
   */
  changes(reads: Footprint | 'any'): boolean {
    if (reads === 'any') return true;
    if (reads.pairs.length) for (const p of this.relPairs) if (reads.pairs.includes(p)) return true;
    if (reads.meters.length) for (const k of this.meterKeys) if (reads.meters.includes(k)) return true;
    if (reads.flags.length && this.flags) for (const f of reads.flags) if (this.flags.has(f)) return true;
    if (reads.holders.length) for (const r of this.controlKeys) if (reads.holders.includes(r)) return true;
    if (reads.forces.length) for (const k of this.presenceKeys) if (reads.forces.includes(k)) return true;
    return false;
  }

  /**
   * Which conditions of an index read something the overlay changes (1 at their position): the others read
   * exactly what they read through the overlay's base. The same answer as `changes` for each, found from the
   * overlay's changes. `hit` (ix.size long) is cleared and filled, so that a caller may keep one.
   */
  touches(ix: ReadIndex, hit: Uint8Array = new Uint8Array(ix.size)): Uint8Array {
    hit.fill(0);
    for (const k of ix.always) hit[k] = 1;
    if (ix.pairs.size) for (const p of this.relPairs) mark(hit, ix.pairs.get(p));
    if (ix.meters.size) for (const k of this.meterKeys) mark(hit, ix.meters.get(k));
    if (ix.flags.size && this.flags) for (const f of this.flags.keys()) mark(hit, ix.flags.get(f));
    if (ix.holders.size) for (const r of this.controlKeys) mark(hit, ix.holders.get(r));
    if (ix.forces.size) for (const k of this.presenceKeys) mark(hit, ix.forces.get(k));
    return hit;
  }

  /** The holder of a region by id (null: nobody), for tests and explanations. */
  controllerOf(region: string): string | null {
    const h = this.holder(this.w.regionIndex[region]!);
    return h < 0 ? null : this.w.actorIds[h]!;
  }
  /** An actor's forces in a region by ids, for tests and explanations. */
  presenceOf(actor: string, region: string): number {
    return this.presence(this.w.actorIndex[actor]!, this.w.regionIndex[region]!);
  }
}

function mark(hit: Uint8Array, list: readonly number[] | undefined): void {
  if (list) for (const k of list) hit[k] = 1;
}

function addAt(keys: number[], deltas: number[], k: number, delta: number): void {
  const at = keys.indexOf(k);
  if (at < 0) {
    keys.push(k);
    deltas.push(delta);
  } else deltas[at]! += delta;
}
