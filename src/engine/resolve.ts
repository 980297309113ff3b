// Resolution of the turn's orders phase by phase (orderTypes.ts: diplomacy, pressure, movement, combat, …),
// by actor order within a phase. Each order is checked again as it resolves, then applies its type's built-in
// resolution, the scenario's effects for it, the order rules that match it, and the reactions of interests.
import { test } from './conditions';
import type { Cause, Ctx } from './context';
import { actorName, record, ruleWhy, later } from './context';
import { applyEffect } from './effects';
import { checkOrderAtResolution } from './orders';
import { readAmount, describeOrderType, rankPhase, readRelationChange } from './orderTypes';
import { bindOrder } from './reader';
import { changeRelation, valueAt } from './relations';
import { nextInt } from './rng';
import type { World } from './scenario';
import type { OrderDef } from './schema';
import type { Order, Refusal, ResolvedOrder } from './types';

/** Told of each order refused as it resolves, with the verdict (tests use it; the log has the reason). */
export type RefusalObserver = (order: ResolvedOrder, verdict: Refusal) => void;

/** The orders in the order they resolve; deterministic whatever order they were given in. */
export function sortOrders(ctx: Ctx, orders: readonly Order[]): ResolvedOrder[] {
  const { w } = ctx;
  return orders
    .flatMap((o) => {
      const def = w.orders[o.id];
      if (!def) return [];
      const r: ResolvedOrder = { ...o, type: def.type };
      if (def.covert === 'always') r.covert = true;
      return [r];
    })
    .sort(
      (x, y) =>
        rankPhase(x.type) - rankPhase(y.type) ||
        w.actorIndex[x.actor]! - w.actorIndex[y.actor]! ||
        (x.id < y.id ? -1 : x.id > y.id ? 1 : 0) ||
        (x.target === y.target ? 0 : (x.target ?? '').localeCompare(y.target ?? '')) ||
        (x.region === y.region ? 0 : (x.region ?? '').localeCompare(y.region ?? '')),
    );
}

/** Resolves the orders of a turn into the state; `s.orders` ends as the resolved list with outcomes. */
export function resolveOrders(ctx: Ctx, orders: readonly Order[], onRefusal?: RefusalObserver): void {
  const { s, w } = ctx;
  s.orders = sortOrders(ctx, orders);
  const accepted: Order[] = [];
  s.orders.forEach((o, k) => {
    const def = w.orders[o.id]!;
    const verdict = checkOrderAtResolution(s, w, o, accepted);
    const cause: Cause = {
      why: later(() => `${actorName(w, o.actor)}: ${def.name}`),
      order: k,
      actor: o.actor,
    };
    if (def.source) cause.source = def.source;
    if (!verdict.ok) {
      o.outcome = 'refused';
      record(
        ctx,
        {
          kind: 'refusal',
          text: later(() => `${actorName(w, o.actor)}: "${def.name}" refused: ${verdict.reason}`),
        },
        cause,
      );
      onRefusal?.(o, verdict);
      return;
    }
    accepted.push(o);
    resolveOne(ctx, o, def, cause);
    if (def.once) s.actors[w.actorIndex[o.actor]!]!.usedOnce.push(def.id);
  });
  for (const o of s.orders) Object.freeze(o); // settled: frozen now, immer need not walk them again
}

/** The built-in relation change, the type's own resolution, effects, order rules, exposure, then interests. */
function resolveOne(ctx: Ctx, o: ResolvedOrder, def: OrderDef, cause: Cause): void {
  const { s, w } = ctx;
  const layer = def.layer ?? w.def.layers[0]!.id;
  const bind = bindOrder(w, o);
  const builtIn = readRelationChange(def);
  if (o.target && builtIn) changeRelation(ctx, o.actor, o.target, layer, builtIn, cause);
  describeOrderType(def.type).resolve?.({ ctx, o, def, cause, amount: readAmount(def) });
  for (const e of def.effects ?? []) applyEffect(ctx, e, cause, bind.ids);
  for (const rule of w.orderRules) {
    if (!rule.orders.includes(def.id) && !rule.orders.includes(def.type)) continue;
    if (rule.when && !test(ctx, rule.when, bind)) continue;
    const ruleCause: Cause = { ...cause, rule: rule.id, why: ruleWhy(rule) };
    if (rule.source) ruleCause.source = rule.source;
    for (const e of rule.effects) applyEffect(ctx, e, ruleCause, bind.ids);
  }
  if (o.covert && def.exposure && nextInt(s, 100) < def.exposure.percent) {
    o.outcome = 'exposed';
    const text = def.exposure.text ?? `the covert "${def.name}" is exposed`;
    const exposed: Cause = { ...cause, why: later(() => `${actorName(w, o.actor)}: ${text}`) };
    record(
      ctx,
      { kind: 'note', text: later(() => `Exposed: ${actorName(w, o.actor)}'s covert "${def.name}"`) },
      exposed,
    );
    for (const e of def.exposure.effects) applyEffect(ctx, e, exposed, bind.ids);
  }
  reactByInterest(ctx, o, def, layer, cause);
}

/**
 * An interest reaction on a tie at `value`: in full when it moves the tie back toward 0, and less the further
 * the tie already is the way it pushes (nothing at ±100): one more grievance weighs less on a tie already
 * hostile, so repeated orders do not drive ties to the end of the scale.
 */
export function dampedReaction(value: number, delta: number): number {
  const further = delta * value > 0 ? Math.abs(value) : 0;
  return Math.round((delta * (100 - further)) / 100);
}

/** Each other actor's view of the giver moves by its stake in the issues the order touches × the change. */
function reactByInterest(ctx: Ctx, o: Order, def: OrderDef, layer: string, cause: Cause): void {
  const { s, w } = ctx;
  const l = w.layerIndex[layer];
  const j = w.actorIndex[o.actor];
  if (l === undefined || j === undefined) return;
  for (const r of reactionsOf(w, def)) {
    if (r.observer === o.actor) continue;
    const i = w.actorIndex[r.observer]!;
    const delta = dampedReaction(valueAt(s, w, i, j, l), r.delta);
    if (!delta) continue;
    const why = later(() => `interests: to ${r.name}, ${actorName(w, o.actor)}'s "${def.name}" ${r.reasons}`);
    changeRelation(ctx, r.observer, o.actor, layer, delta, { why, order: cause.order, actor: o.actor });
  }
}

interface Reaction {
  observer: string;
  name: string;
  delta: number;
  reasons: string; // 'advances "Mosul retaken" (stake +2), …'
}

const reactionsByWorld = new WeakMap<World, Map<string, Reaction[]>>();

/** The actors whose view of any giver of the order moves, by how much and why: worked out once per World. */
function reactionsOf(w: World, def: OrderDef): Reaction[] {
  let byDef = reactionsByWorld.get(w);
  if (!byDef) reactionsByWorld.set(w, (byDef = new Map()));
  const known = byDef.get(def.id);
  if (known) return known;
  const out: Reaction[] = [];
  const touched = Object.entries(def.issues ?? {});
  const scale = w.settings.interestScale;
  for (const other of touched.length ? w.def.actors : []) {
    if (!other.stakes) continue;
    let delta = 0;
    const reasons: string[] = [];
    for (const [issue, change] of touched) {
      const stake = other.stakes[issue] ?? 0;
      if (!stake) continue;
      delta += stake * change * scale;
      const name = w.def.issues?.find((i) => i.id === issue)?.name ?? issue;
      reasons.push(
        `${change > 0 ? 'advances' : 'sets back'} "${name}" (stake ${stake > 0 ? '+' : ''}${stake})`,
      );
    }
    if (delta) out.push({ observer: other.id, name: other.name, delta, reasons: reasons.join(', ') });
  }
  byDef.set(def.id, out);
  return out;
}
