// Resolution of the turn's orders in a fixed order: diplomacy, then pressure (support/oppose), then movement,
// then combat, then the rest; within a phase, by actor order. Each order applies its type's built-in
// semantics, the scenario's effects for it, the order rules that match it, and the reactions of interests.
import { test } from './conditions';
import type { Binding, Cause, Ctx } from './context';
import { actorName, record, regionName } from './context';
import { applyEffect, changeControl, changePresence, changeReserve } from './effects';
import { checkOrder, strikingStrength } from './orders';
import { changeRelation } from './relations';
import { nextInt } from './rng';
import type { OrderDef, OrderType } from './schema';
import type { Order, ResolvedOrder } from './types';

const PHASE: Record<OrderType, number> = {
  redefine: 0,
  summit: 1,
  coordinate: 1,
  broker: 1,
  sanction: 1,
  lift: 1,
  oppose: 2,
  support: 2,
  deploy: 3,
  withdraw: 3,
  arms: 3,
  offensive: 4,
  refugees: 5,
  pass: 6,
};

/** Built-in change of the giver's relation with the target, per order type (a def's `relation` overrides it). */
export const DEFAULT_RELATION: Partial<Record<OrderType, number>> = {
  coordinate: 6,
  support: 4,
  oppose: -8,
  sanction: -8,
  lift: 6,
  arms: 5,
  broker: 4,
  summit: 4,
};

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
        PHASE[x.type] - PHASE[y.type] ||
        w.actorIndex[x.actor]! - w.actorIndex[y.actor]! ||
        (x.id < y.id ? -1 : x.id > y.id ? 1 : 0) ||
        (x.target ?? '').localeCompare(y.target ?? '') ||
        (x.region ?? '').localeCompare(y.region ?? ''),
    );
}

/** Resolves the orders of a turn into the state; `s.orders` ends as the resolved list with outcomes. */
export function resolveOrders(ctx: Ctx, orders: readonly Order[]): void {
  const { s, w } = ctx;
  s.orders = sortOrders(ctx, orders);
  const accepted: Order[] = [];
  s.orders.forEach((o, k) => {
    const def = w.orders[o.id]!;
    const verdict = checkOrder(s, w, o, accepted);
    const cause: Cause = { why: `${actorName(w, o.actor)}: ${def.name}`, order: k, actor: o.actor };
    if (def.source) cause.source = def.source;
    if (!verdict.ok) {
      o.outcome = 'refused';
      record(
        ctx,
        { kind: 'refusal', text: `${actorName(w, o.actor)}: "${def.name}" refused: ${verdict.reason}` },
        cause,
      );
      return;
    }
    accepted.push(o);
    resolveOne(ctx, o, def, cause);
    if (def.once) s.actors[w.actorIndex[o.actor]!]!.usedOnce.push(def.id);
  });
  for (const o of s.orders) Object.freeze(o); // settled: frozen now, immer need not walk them again
}

function resolveOne(ctx: Ctx, o: ResolvedOrder, def: OrderDef, cause: Cause): void {
  const { s, w } = ctx;
  const layer = def.layer ?? w.def.layers[0]!.id;
  const bind: Binding = { actor: o.actor, target: o.target, region: o.region };
  const builtIn = def.relation ?? DEFAULT_RELATION[def.type] ?? 0;
  if (o.target && builtIn) changeRelation(ctx, o.actor, o.target, layer, builtIn, cause);
  const amount = def.amount ?? 10;
  switch (def.type) {
    case 'deploy': {
      const n = Math.min(amount, s.actors[w.actorIndex[o.actor]!]!.reserve);
      changeReserve(ctx, o.actor, -n, cause);
      changePresence(ctx, o.actor, o.region!, n, cause);
      break;
    }
    case 'withdraw': {
      const n = Math.min(amount, s.regions[w.regionIndex[o.region!]!]!.presence[o.actor] ?? 0);
      changePresence(ctx, o.actor, o.region!, -n, cause);
      changeReserve(ctx, o.actor, n, cause);
      break;
    }
    case 'arms': {
      const n = Math.min(amount, s.actors[w.actorIndex[o.actor]!]!.reserve);
      changeReserve(ctx, o.actor, -n, cause);
      changeReserve(ctx, o.target!, n, cause);
      break;
    }
    case 'offensive':
      o.outcome = fight(ctx, o, def, cause) ? 'succeeded' : 'failed';
      break;
    case 'redefine':
      s.actors[w.actorIndex[o.actor]!]!.redefined = true;
      record(
        ctx,
        {
          kind: 'note',
          text: `${actorName(w, o.actor)} redefines its interests (R27-style): its contradictions no longer unravel`,
        },
        cause,
      );
      break;
    default:
      break;
  }
  for (const e of def.effects ?? []) applyEffect(ctx, e, cause, bind);
  for (const rule of w.orderRules) {
    if (!rule.orders.includes(def.id) && !rule.orders.includes(def.type)) continue;
    if (rule.when && !test(ctx, rule.when, bind)) continue;
    const ruleCause: Cause = { ...cause, rule: rule.id, why: `${rule.id}: ${rule.text}` };
    if (rule.source) ruleCause.source = rule.source;
    for (const e of rule.effects) applyEffect(ctx, e, ruleCause, bind);
  }
  if (o.covert && def.exposure && nextInt(s, 100) < def.exposure.percent) {
    o.outcome = 'exposed';
    const text = def.exposure.text ?? `the covert "${def.name}" is exposed`;
    const exposed: Cause = { ...cause, why: `${actorName(w, o.actor)}: ${text}` };
    record(ctx, { kind: 'note', text: `Exposed: ${actorName(w, o.actor)}'s covert "${def.name}"` }, exposed);
    for (const e of def.exposure.effects) applyEffect(ctx, e, exposed, bind);
  }
  reactByInterest(ctx, o, def, layer, cause);
}

/** Each other actor's view of the giver moves by its stake in the issues the order touches × the change. */
function reactByInterest(ctx: Ctx, o: Order, def: OrderDef, layer: string, cause: Cause): void {
  const { w } = ctx;
  const touched = Object.entries(def.issues ?? {});
  if (!touched.length) return;
  const scale = w.settings.interestScale;
  for (const other of w.def.actors) {
    if (other.id === o.actor || !other.stakes) continue;
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
    if (!delta) continue;
    const why = `interests: to ${other.name}, ${actorName(w, o.actor)}'s "${def.name}" ${reasons.join(', ')}`;
    const c: Cause = { why, order: cause.order, actor: o.actor };
    changeRelation(ctx, other.id, o.actor, layer, delta, c);
  }
}

/** An offensive: attackers (with supporters, less opposition) against the holder; a seeded roll decides. */
function fight(ctx: Ctx, o: ResolvedOrder, def: OrderDef, cause: Cause): boolean {
  const { s, w } = ctx;
  const region = o.region!;
  const r = s.regions[w.regionIndex[region]!]!;
  let attack = strikingStrength(s, w, o.actor, region);
  for (const x of s.orders) {
    if (x.target !== o.actor || x.outcome === 'refused' || (x.region && x.region !== region)) continue;
    const xdef = w.orders[x.id]!;
    const strength = Math.max(r.presence[x.actor] ?? 0, xdef.amount ?? 0);
    if (x.type === 'support') attack += strength;
    if (x.type === 'oppose') attack -= Math.max(xdef.amount ?? 10, 0);
  }
  attack = Math.max(0, attack);
  const holder = r.controller;
  const held = holder ? (r.presence[holder] ?? 0) : 0;
  const defence = Math.floor((held * (100 + w.settings.defenceBonus)) / 100);
  const odds = attack + defence === 0 ? 0 : Math.floor((attack * 100) / (attack + defence));
  const roll = nextInt(s, 100);
  const captor = def.captor ?? o.actor;
  const place = regionName(w, region);
  const summary = `${actorName(w, o.actor)} attacks ${place}: strength ${attack} against ${defence}, ${odds}% odds`;
  const lost = (actor: string, pct: number, why: string) => {
    const n = Math.ceil(((r.presence[actor] ?? 0) * pct) / 100);
    if (n) changePresence(ctx, actor, region, -n, { ...cause, why });
  };
  if (roll < odds) {
    // A successful assault wears the holder down; the region changes hands once the holder breaks (its
    // forces fall to breakRatio% of the attack or below). Sieges such as Mosul's take several turns.
    const { attrition, breakRatio } = w.settings;
    if (holder) lost(holder, attrition, `${actorName(w, holder)} is worn down in ${place}`);
    lost(o.actor, 5, `losses in the assault on ${place}`);
    const left = holder ? (r.presence[holder] ?? 0) : 0;
    if (left * 100 <= attack * breakRatio) {
      record(ctx, { kind: 'note', text: `${summary}: the defence breaks`, region }, cause);
      if (holder && left) lost(holder, 50, `${actorName(w, holder)} abandons ${place}`);
      changeControl(ctx, region, captor, { ...cause, why: `${actorName(w, o.actor)}'s offensive succeeds` });
      return true;
    }
    record(ctx, { kind: 'note', text: `${summary}: gains ground, the defence holds`, region }, cause);
    if (!r.contested) r.contested = true;
    return false;
  }
  record(ctx, { kind: 'note', text: `${summary}: repulsed`, region }, cause);
  lost(o.actor, 15, `losses in the failed assault on ${place}`);
  if (holder) lost(holder, 5, `${actorName(w, holder)} holds ${place} at a cost`);
  if (!r.contested) {
    r.contested = true;
    record(ctx, { kind: 'note', text: `${place} is contested`, region }, cause);
  }
  return false;
}
