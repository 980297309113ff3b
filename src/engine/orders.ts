// Legality of orders: which orders an actor may give now, and for a refused one the typed reason, never an
// exception. The scenario says who may give which order with which parameters; gates add conditions.
import { describeCondition, evaluate, StateLens } from './conditions';
import type { Binding } from './context';
import { actorName, regionName } from './context';
import type { World } from './scenario';
import type { OrderDef } from './schema';
import type { GameState, Order, Refusal, RefusalCode, Verdict } from './types';

const TARGETED = new Set(['support', 'oppose', 'coordinate', 'sanction', 'lift', 'arms', 'broker']);
const REGIONAL = new Set(['deploy', 'withdraw', 'offensive']);

const refuse = (code: RefusalCode, reason: string): Refusal => ({ ok: false, code, reason });

/** Strength an actor can bring to an offensive on a region: its forces there plus half those next door. */
export function strikingStrength(s: GameState, w: World, actor: string, region: string): number {
  const ri = w.regionIndex[region];
  if (ri === undefined) return 0;
  let total = s.regions[ri]!.presence[actor] ?? 0;
  for (const n of w.def.regions[ri]!.neighbours)
    total += Math.floor((s.regions[w.regionIndex[n]!]!.presence[actor] ?? 0) / 2);
  return total;
}

/** Checks one order against the state and the orders the same actor has already given this turn. */
export function checkOrder(s: GameState, w: World, order: Order, given: readonly Order[] = []): Verdict {
  const def = w.orders[order.id];
  if (s.over) return refuse('game-over', 'The game is over: no more orders.');
  if (!def) return refuse('unknown-order', `There is no order "${order.id}" in this scenario.`);
  const actor = s.actors[w.actorIndex[order.actor] ?? -1];
  if (!actor) return refuse('unknown-actor', `There is no actor "${order.actor}" in this scenario.`);
  const who = actorName(w, order.actor);
  if (!def.actors.includes(order.actor))
    return refuse('not-yours', `${who} cannot give the order "${def.name}".`);
  const target = checkTarget(w, def, order, who);
  if (target) return target;
  const region = checkRegion(s, w, def, order, who);
  if (region) return region;
  if (order.covert && (def.covert ?? 'never') === 'never')
    return refuse('bad-target', `"${def.name}" cannot be given covertly.`);
  if (def.once && actor.usedOnce.includes(def.id))
    return refuse('once', `${who} has already used "${def.name}"; it can be given once per game.`);
  const mine = given.filter((g) => g.actor === order.actor);
  if (def.type !== 'pass' && mine.some((g) => sameOrder(g, order)))
    return refuse('limit', `${who} has already given "${def.name}" this turn.`);
  if (mine.length >= w.settings.ordersPerTurn)
    return refuse('limit', `${who} has already given ${mine.length} orders this turn (the limit).`);
  const forces = checkForces(s, w, def, order, mine, who);
  if (forces) return forces;
  // `ordered` sees the orders given so far this turn; `chance` draws from a copy of the generator.
  const lens = new StateLens(s, w, given, { rng: s.rng });
  const bind: Binding = { actor: order.actor, target: order.target, region: order.region };
  if (def.requires && !evaluate(lens, def.requires, bind))
    return refuse('requires', def.refusal ?? `"${def.name}" needs: ${describeCondition(def.requires)}.`);
  for (const gate of w.gates) {
    if (!gate.orders.includes(def.id) && !gate.orders.includes(def.type)) continue;
    if (!evaluate(lens, gate.when, bind))
      return refuse(
        'gate',
        `${gate.id}: ${gate.refusal ?? gate.text} (needs ${describeCondition(gate.when)})`,
      );
  }
  return { ok: true };
}

const sameOrder = (a: Order, b: Order): boolean =>
  a.id === b.id && a.target === b.target && a.region === b.region;

function checkTarget(w: World, def: OrderDef, order: Order, who: string): Refusal | null {
  if (TARGETED.has(def.type) && !order.target)
    return refuse('bad-target', `"${def.name}" needs a target actor.`);
  if (order.target === undefined) return null;
  if (!def.targets?.includes(order.target))
    return refuse('bad-target', `"${def.name}" cannot target ${actorName(w, order.target)}.`);
  if (order.target === order.actor) return refuse('bad-target', `${who} cannot target itself.`);
  return null;
}

function checkRegion(s: GameState, w: World, def: OrderDef, order: Order, who: string): Refusal | null {
  if (REGIONAL.has(def.type) && !order.region) return refuse('bad-region', `"${def.name}" needs a region.`);
  if (order.region === undefined) return null;
  if (!def.regions?.includes(order.region))
    return refuse('bad-region', `"${def.name}" cannot be given for ${regionName(w, order.region)}.`);
  const r = s.regions[w.regionIndex[order.region]!]!;
  const captor = def.captor ?? order.actor;
  if (def.type === 'offensive' && (r.controller === captor || r.controller === order.actor))
    return refuse(
      'bad-region',
      `${regionName(w, order.region)} is already held by ${actorName(w, r.controller!)} (${who}'s side).`,
    );
  return null;
}

function checkForces(
  s: GameState,
  w: World,
  def: OrderDef,
  order: Order,
  mine: Order[],
  who: string,
): Refusal | null {
  const actor = s.actors[w.actorIndex[order.actor]!]!;
  const committed = mine.reduce((sum, g) => {
    const d = w.orders[g.id];
    return d && (d.type === 'deploy' || d.type === 'arms') ? sum + (d.amount ?? 10) : sum;
  }, 0);
  if ((def.type === 'deploy' || def.type === 'arms') && actor.reserve - committed <= 0)
    return refuse('no-forces', `${who} has no forces left in reserve.`);
  if (def.type === 'withdraw' && !(s.regions[w.regionIndex[order.region!]!]!.presence[order.actor] ?? 0))
    return refuse('no-forces', `${who} has no forces in ${regionName(w, order.region!)} to withdraw.`);
  if (def.type === 'offensive' && strikingStrength(s, w, order.actor, order.region!) <= 0)
    return refuse('no-forces', `${who} has no forces in or next to ${regionName(w, order.region!)}.`);
  return null;
}

export interface OrderOption {
  order: Order;
  def: OrderDef;
  verdict: Verdict;
}

/** Every order the actor's definitions allow, with its parameters spelled out and a verdict for each. */
export function listOrderOptions(
  s: GameState,
  w: World,
  actor: string,
  given: readonly Order[] = [],
): OrderOption[] {
  const out: OrderOption[] = [];
  for (const def of w.def.orders) {
    if (!def.actors.includes(actor)) continue;
    const targets = def.targets?.filter((t) => t !== actor) ?? [undefined];
    const regions = def.regions ?? [undefined];
    const covert = def.covert === 'always' ? [true] : def.covert === 'optional' ? [false, true] : [false];
    for (const target of targets.length ? targets : [undefined])
      for (const region of regions)
        for (const c of covert) {
          const order: Order = { id: def.id, actor };
          if (target !== undefined) order.target = target;
          if (region !== undefined) order.region = region;
          if (c) order.covert = true;
          out.push({ order, def, verdict: checkOrder(s, w, order, given) });
        }
  }
  return out;
}

export const listLegalOrders = (
  s: GameState,
  w: World,
  actor: string,
  given: readonly Order[] = [],
): Order[] =>
  listOrderOptions(s, w, actor, given)
    .filter((o) => o.verdict.ok)
    .map((o) => o.order);
