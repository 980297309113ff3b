// The AI: each actor not held by a person scores every legal order by what it would do to the actor's
// objectives (through an overlay of the order's expected changes), its own stakes and its friendships, picks
// the best, and says why. It draws from a generator derived from the state, so planning never changes the state.
import type { Lens } from './conditions';
import { Overlay } from './overlay';
import { distance, evaluate, StateLens } from './conditions';
import type { Binding } from './context';
import { actorName, bindRef } from './context';
import type { OrderOption } from './orders';
import { checkOrder, listOrderOptions } from './orders';
import { readAmount, describeOrderType, readRelationChange } from './orderTypes';
import { deriveSeed, nextInt } from './rng';
import type { Condition, Effect, OrderDef } from './schema';
import type { World } from './scenario';
import type { GameState, Order } from './types';

export interface Choice {
  order: Order;
  reason: string;
  utility: number;
}

const bump = (m: Map<string, number>, k: string, d: number) => m.set(k, (m.get(k) ?? 0) + d);

function addEffect(ov: Overlay, e: Effect, bind: Binding, actor: string): void {
  const ref = (x: string) => bindRef(x, bind);
  switch (e.do) {
    case 'relation':
      return ov.bumpRelation(ref(e.a), ref(e.b), e.layer, e.delta);
    case 'meter':
      return void bump(ov.meters, `${ref(e.actor)}|${e.meter}`, e.delta ?? 0);
    case 'flag':
      return void bump(ov.flags, e.flag, e.delta ?? e.set ?? 0);
    case 'presence':
      return ov.bumpPresence(ref(e.actor), ref(e.region), e.delta);
    case 'control':
      return ov.setControl(ref(e.region), e.actor === null ? null : ref(e.actor));
    case 'vp':
      if (ref(e.actor) === actor) ov.vp += e.delta;
      return;
    default:
      return;
  }
}

/** What the AI needs per order definition, worked out once per world. */
interface OrderFacts {
  layer: string;
  builtIn: number;
  rules: World['orderRules'];
  reactions: { observer: string; delta: number }[]; // interest reactions of every other actor, per giver
  issueNames: string;
}

const factsCache = new WeakMap<World, Map<string, OrderFacts>>();

function factsFor(w: World, def: OrderDef): OrderFacts {
  let byDef = factsCache.get(w);
  if (!byDef) factsCache.set(w, (byDef = new Map()));
  const known = byDef.get(def.id);
  if (known) return known;
  const issues = Object.entries(def.issues ?? {});
  const facts: OrderFacts = {
    layer: def.layer ?? w.def.layers[0]!.id,
    builtIn: readRelationChange(def),
    rules: w.orderRules.filter((r) => r.orders.includes(def.id) || r.orders.includes(def.type)),
    reactions: w.def.actors.flatMap((other) => {
      const delta = issues.reduce((sum, [issue, change]) => sum + (other.stakes?.[issue] ?? 0) * change, 0);
      return delta ? [{ observer: other.id, delta: delta * w.settings.interestScale }] : [];
    }),
    issueNames: issues.map(([i]) => w.def.issues?.find((x) => x.id === i)?.name ?? i).join(', '),
  };
  byDef.set(def.id, facts);
  return facts;
}

/** What the order is expected to change, and the probability that its control change happens. */
function expect(s: GameState, w: World, o: Order, def: OrderDef, base: Lens): { ov: Overlay; odds: number } {
  const facts = factsFor(w, def);
  const ov = new Overlay(base, w, o, def.type);
  const bind: Binding = { actor: o.actor, target: o.target, region: o.region };
  if (o.target && facts.builtIn) ov.bumpRelation(o.actor, o.target, facts.layer, facts.builtIn);
  if (def.effects) for (const e of def.effects) addEffect(ov, e, bind, o.actor);
  for (const rule of facts.rules) {
    if (rule.when && !evaluate(ov, rule.when, bind)) continue;
    for (const e of rule.effects) addEffect(ov, e, bind, o.actor);
  }
  for (const r of facts.reactions)
    if (r.observer !== o.actor) ov.bumpRelation(r.observer, o.actor, facts.layer, r.delta);
  const odds = describeOrderType(def.type).forecast?.({ s, w, o, def, ov, amount: readAmount(def) }) ?? 100;
  return { ov, odds };
}

/** The actor's objectives as they stand before any order: computed once per planning. */
interface Baseline {
  met: number[];
  dist: number[];
}

/** Why the AI values an order: the objective it serves most (its index), its own stakes, or neither. */
type Motive =
  | { kind: 'objective'; index: number }
  | { kind: 'stakes' }
  | { kind: 'opens'; what: string }
  | { kind: 'none' };

function score(
  s: GameState,
  w: World,
  o: Order,
  def: OrderDef,
  base: Lens,
  baseline: Baseline,
): { utility: number; motive: Motive; after: Overlay } {
  const me = w.def.actors[w.actorIndex[o.actor]!]!;
  const weights = s.actors[w.actorIndex[o.actor]!]!.weights;
  const { ov: after, odds } = expect(s, w, o, def, base);
  let utility = 0;
  let bestValue = 0;
  let motive: Motive = { kind: 'none' };
  for (let k = 0; k < me.objectives.length; k++) {
    const obj = me.objectives[k]!;
    const weight = weights[obj.id] ?? 5;
    if (!weight) continue;
    const met = evaluate(after, obj.when) ? 1 : 0;
    const gain = 10 * (met - baseline.met[k]!) + (baseline.dist[k]! - distance(after, obj.when)) / 10;
    const value = (weight * obj.vp * gain * odds) / 100;
    utility += value;
    if (value > bestValue) [bestValue, motive] = [value, { kind: 'objective', index: k }];
  }
  let own = 0;
  if (def.issues) for (const issue in def.issues) own += (me.stakes?.[issue] ?? 0) * def.issues[issue]! * 5;
  if (own > bestValue) motive = { kind: 'stakes' };
  utility += own + after.vp * 50;
  // Friendships: only the pairs the order touches can change.
  const n = w.actorIds.length;
  const mine = w.actorIndex[o.actor]!;
  for (const k of after.rel.keys()) {
    const pair = k % (n * n);
    const i = Math.floor(pair / n);
    const j = pair % n;
    const other = i === mine ? j : j === mine ? i : -1;
    if (other < 0) continue;
    const id = w.actorIds[other]!;
    const now = base.relation(o.actor, id, 'net');
    utility += ((after.relation(o.actor, id, 'net') - now) * Math.sign(now)) / 10;
  }
  return { utility, motive, after };
}

function explain(w: World, o: Order, def: OrderDef, motive: Motive): string {
  const me = w.def.actors[w.actorIndex[o.actor]!]!;
  if (motive.kind === 'objective') {
    const obj = me.objectives[motive.index]!;
    return `works toward "${obj.text}" (${obj.vp} VP)`;
  }
  if (motive.kind === 'stakes') return `serves its interests (${factsFor(w, def).issueNames})`;
  if (motive.kind === 'opens') return `works toward what it needs for "${motive.what}"`;
  if (o.target) return `improves its standing with ${actorName(w, o.target)}`;
  if (o.region) return `positions itself in ${w.def.regions[w.regionIndex[o.region]!]!.name}`;
  return 'no objective is at stake; the least costly option';
}

/** The orders an AI actor gives this turn, best first, each with its reason. */
export function planOrders(s: GameState, w: World, actor: string): Choice[] {
  const holder = { rng: deriveSeed(s.rng, s.turn, w.actorIndex[actor] ?? 0) };
  const base = new Overlay(new StateLens(s, w, [], { rng: s.rng }), w, null, '');
  const objectives = w.def.actors[w.actorIndex[actor] ?? -1]?.objectives ?? [];
  const baseline: Baseline = {
    met: objectives.map((o) => (evaluate(base, o.when) ? 1 : 0)),
    dist: objectives.map((o) => distance(base, o.when)),
  };
  const options = listOrderOptions(s, w, actor).filter((x) => describeOrderType(x.def.type).planned);
  const subgoals = instrumentalGoals(s, w, options, base, baseline);
  const scored = options
    .filter((x) => x.verdict.ok)
    .map((x, i) => {
      const { utility, motive, after } = score(s, w, x.order, x.def, base, baseline);
      let total = utility;
      let why: Motive = motive;
      if (subgoals.length) {
        let best = 0;
        for (const g of subgoals) {
          const value = (g.value * (g.dist - distance(after, g.when, g.bind))) / g.dist;
          total += value;
          if (value > best && value > utility) [best, why] = [value, { kind: 'opens', what: g.what }];
        }
      }
      return { order: x.order, def: x.def, motive: why, utility: total + nextInt(holder, 4), i };
    })
    .sort((a, b) => b.utility - a.utility || a.i - b.i);
  const chosen: Choice[] = [];
  for (const c of scored) {
    if (chosen.length >= w.settings.ordersPerTurn || c.utility <= 2) break;
    if (
      !checkOrder(
        s,
        w,
        c.order,
        chosen.map((x) => x.order),
      ).ok
    )
      continue;
    chosen.push({
      order: c.order,
      reason: explain(w, c.order, c.def, c.motive),
      utility: Math.round(c.utility),
    });
  }
  return chosen;
}

interface Subgoal {
  when: Condition; // what would open a refused order
  bind: Binding;
  dist: number; // how far it is now
  value: number; // half what the refused order would be worth
  what: string; // "Euphrates Shield offensive (R19)"
}

/**
 * Orders refused now by a gate or a requirement, but worth something if allowed, make the condition that
 * refuses them a goal in itself: the AI then works toward "Russian acquiescence" to open an offensive.
 */
function instrumentalGoals(
  s: GameState,
  w: World,
  options: OrderOption[],
  base: Lens,
  baseline: Baseline,
): Subgoal[] {
  const out: Subgoal[] = [];
  const seen = new Set<string>();
  for (const x of options) {
    if (x.verdict.ok || (x.verdict.code !== 'gate' && x.verdict.code !== 'requires') || seen.has(x.def.id))
      continue;
    seen.add(x.def.id);
    const bind: Binding = { actor: x.order.actor, target: x.order.target, region: x.order.region };
    const conditions =
      x.verdict.code === 'requires' && x.def.requires ? [{ when: x.def.requires, id: '' }] : [];
    for (const g of w.gates)
      if ((g.orders.includes(x.def.id) || g.orders.includes(x.def.type)) && !evaluate(base, g.when, bind))
        conditions.push({ when: g.when, id: g.id });
    const { utility } = score(s, w, x.order, x.def, base, baseline);
    if (utility <= 0) continue;
    for (const c of conditions) {
      const dist = distance(base, c.when, bind);
      if (dist > 0 && dist < 100)
        out.push({
          when: c.when,
          bind,
          dist,
          value: utility / 2,
          what: `${x.def.name}${c.id ? ` (${c.id})` : ''}`,
        });
    }
  }
  return out;
}

/** The AI's orders for every actor not in `held`, in actor order. */
export function planAll(s: GameState, w: World, held: readonly string[] = []): Choice[] {
  return w.actorIds.filter((a) => !held.includes(a)).flatMap((a) => planOrders(s, w, a));
}

/** The full order list for a turn: the people's orders plus the AI's choices (with reasons) for the rest. */
export function planTurn(
  s: GameState,
  w: World,
  orders: readonly Order[],
  held: readonly string[],
): (Order & { reason?: string })[] {
  return [...orders, ...planAll(s, w, held).map((c) => ({ ...c.order, reason: c.reason }))];
}
