// The AI's view of one candidate order: the state seen through the changes the order is expected to make
// (relations by numeric pair key, meters, flags, forces, control), without copying the state.
import type { Lens } from './conditions';
import type { Binding } from './context';
import { bindRef } from './context';
import { netOf } from './relations';
import type { Condition } from './schema';
import type { World } from './scenario';
import type { Order } from './types';

/** A lens that reads the state through the expected changes of one candidate order. */
export class Overlay implements Lens {
  rel = new Map<number, number>(); // layer * pairs + pair index -> delta
  meters = new Map<string, number>(); // "actor|meter" -> delta
  flags = new Map<string, number>();
  presences = new Map<string, number>(); // "actor|region" -> delta
  control = new Map<string, string | null>();
  vp = 0; // VP the order banks for the actor directly

  constructor(
    private readonly base: Lens,
    private readonly w: World,
    private readonly candidate: Order | null,
    private readonly type: string,
  ) {}

  /** Records a relation change; ignores unknown actors or layers. */
  bumpRelation(a: string, b: string, layer: string, delta: number): void {
    const k = relKey(this.w, a, b, layer);
    if (k >= 0) this.rel.set(k, (this.rel.get(k) ?? 0) + delta);
  }
  /** Records a change of an actor's forces in a region. */
  bumpPresence(actor: string, region: string, delta: number): void {
    const k = `${actor}|${region}`;
    this.presences.set(k, (this.presences.get(k) ?? 0) + delta);
  }
  /** Records a change of a region's holder (null: nobody). */
  setControl(region: string, actor: string | null): void {
    this.control.set(region, actor);
  }
  relation(a: string, b: string, layer: string): number {
    if (this.rel.size === 0) return this.base.relation(a, b, layer);
    if (layer !== 'net') {
      const k = relKey(this.w, a, b, layer);
      return clamp(this.base.relation(a, b, layer) + (k >= 0 ? (this.rel.get(k) ?? 0) : 0));
    }
    const values: number[] = [];
    for (const l of this.w.netLayers) {
      const id = this.w.def.layers[l]!.id;
      values.push(clamp(this.base.relation(a, b, id) + (this.rel.get(relKey(this.w, a, b, id)) ?? 0)));
    }
    return netOf(values);
  }
  meter(a: string, m: string): number {
    return this.meters.size
      ? this.base.meter(a, m) + (this.meters.get(`${a}|${m}`) ?? 0)
      : this.base.meter(a, m);
  }
  flag(f: string): number {
    return this.base.flag(f) + (this.flags.get(f) ?? 0);
  }
  controller(r: string): string | null | undefined {
    return this.control.has(r) ? this.control.get(r)! : this.base.controller(r);
  }
  presence(a: string, r?: string, t?: string): number {
    const base = this.base.presence(a, r, t);
    return r && this.presences.size ? base + (this.presences.get(`${a}|${r}`) ?? 0) : base;
  }
  turn(): number {
    return this.base.turn();
  }
  ordered(c: Extract<Condition, { if: 'ordered' }>, bind?: Binding): boolean {
    const o = this.candidate;
    if (!o) return false;
    return (
      (!c.actor || bindRef(c.actor, bind) === o.actor) &&
      (!c.order || c.order === o.id) &&
      (!c.type || c.type === this.type) &&
      (!c.target || bindRef(c.target, bind) === o.target) &&
      (!c.region || bindRef(c.region, bind) === o.region)
    );
  }
  controlChanged(region: string, from?: string, to?: string): boolean {
    return this.base.controlChanged(region, from, to);
  }
  redefined(actor: string): boolean {
    return this.base.redefined(actor);
  }
  chance(): boolean {
    return false;
  }
}

const clamp = (v: number) => (v > 100 ? 100 : v < -100 ? -100 : v);

/** A number for (pair, layer), or -1 when an actor or the layer is unknown. */
function relKey(w: World, a: string, b: string, layer: string): number {
  const i = w.actorIndex[a];
  const j = w.actorIndex[b];
  const l = w.layerIndex[layer];
  if (i === undefined || j === undefined || l === undefined || i === j) return -1;
  const n = w.actorIds.length;
  return l * n * n + (i < j ? i * n + j : j * n + i);
}
