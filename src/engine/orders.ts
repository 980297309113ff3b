// Legality of orders: which orders an actor may give now, and for a refused one the typed reason, never an
// exception. Per-type needs come from orderTypes.ts; an order accepted with the turn's pending orders is never
// refused at resolution for anything they decide (limits, once, forces) — only for what the turn changes.
import { compiled } from './compile';
import { describeCondition } from './conditions';
import type { Binding } from './context';
import { actorName, bindRef, layerName, regionName } from './context';
import type { Bound } from './reader';
import { bindOrder, StateReader } from './reader';
import type { Commitments } from './orderTypes';
import { describeOrderType, readAmount } from './orderTypes';
import type { World } from './scenario';
import type { OrderDef } from './schema';
import type { GameState, Order, Refusal, RefusalCode, Verdict } from './types';

const refuse = (code: RefusalCode, reason: string): Refusal => ({ ok: false, code, reason });

/**
 * Checks one order against the state and the orders already given this turn (`pending`, by every actor, none
 * of them resolved yet): who may give it with which parameters, the turn's limits, the forces it needs once
 * the giver's pending orders have taken theirs, and its requirement and gates.
 */
export function checkOrder(s: GameState, w: World, order: Order, pending: readonly Order[] = []): Verdict {
  return judge(s, w, order, pending, true);
}

/**
 * Checks an order as it resolves, after `resolved` (the turn's orders resolved before it): their forces are in
 * the state already, so they are not counted again. A refusal here is the turn's doing — a region taken,
 * forces lost, a gate's condition changed by an earlier order — never something `checkOrder` could have seen.
 */
export function checkOrderAtResolution(
  s: GameState,
  w: World,
  order: Order,
  resolved: readonly Order[],
): Verdict {
  return judge(s, w, order, resolved, false);
}

/** The checks in their order; `unresolved`: the given orders are still to resolve, so their forces are counted. */
function judge(
  s: GameState,
  w: World,
  order: Order,
  given: readonly Order[],
  unresolved: boolean,
  fixed: Fixed = checkFixed(w, order),
  lens?: Lens,
  bound?: Bound,
): Verdict {
  if (s.over) return refuse('game-over', 'The game is over: no more orders.');
  if (fixed.before) return fixed.before;
  const def = w.orders[order.id]!;
  const type = describeOrderType(def.type);
  const actor = s.actors[w.actorIndex[order.actor]!]!;
  const who = actorName(w, order.actor);
  const mine = given.length ? given.filter((g) => g.actor === order.actor) : NONE;
  const committed = unresolved && mine.length ? countCommitments(w, mine) : NO_COMMITMENTS;
  if (order.region !== undefined) {
    const region = type.checkRegion?.({ s, w, def, order, who, committed });
    if (region) return region;
  }
  if (fixed.covert) return fixed.covert;
  if (def.once && actor.usedOnce.includes(def.id))
    return refuse('once', `${who} has already used "${def.name}"; it can be given once per game.`);
  if (!type.repeatable && mine.some((g) => sameOrder(g, order)))
    return refuse('limit', `${who} has already given "${def.name}" this turn.`);
  if (def.once && mine.some((g) => g.id === def.id))
    return refuse('once', `${who} has already given "${def.name}" this turn; it can be given once per game.`);
  if (mine.length >= w.settings.ordersPerTurn)
    return refuse('limit', `${who} has already given ${mine.length} orders this turn (the limit).`);
  const forces = type.checkForces?.({ s, w, def, order, who, committed }) ?? null;
  if (forces) return forces;
  if (unresolved) {
    const starved = checkStillSupplied(s, w, def, order, mine, who);
    if (starved) return starved;
  }
  const gates = gatesOf(w, def);
  if (!def.requires && !gates.length) return ACCEPTED;
  // `ordered` sees the orders given so far this turn; `chance` draws from a copy of the generator (a shared
  // lens's copy is set back to the state's before each order, so every order sees the same draws).
  let reader: StateReader;
  if (lens) {
    lens.dice.rng = s.rng;
    reader = lens.reader;
  } else reader = new StateReader(s, w, given, { rng: s.rng });
  const bind = bound ?? bindOrder(w, order);
  if (def.requires && !compiled(w, def.requires).test(reader, bind))
    return refuse(
      'requires',
      def.refusal ?? `"${def.name}" needs: ${describeCondition(def.requires, named(w, bind.ids))}.`,
    );
  for (const gate of gates)
    if (!compiled(w, gate.when).test(reader, bind))
      return refuse(
        'gate',
        `${gate.id}: ${gate.refusal ?? gate.text} (needs ${describeCondition(gate.when, named(w, bind.ids))})`,
      );
  return ACCEPTED;
}

/** A reader of the state with no orders given, kept for the checks of many orders, and the dice it draws from. */
interface Lens {
  reader: StateReader;
  dice: { rng: number };
}

const ACCEPTED: Verdict = Object.freeze({ ok: true });
const NONE: readonly Order[] = Object.freeze([]);
const NO_COMMITMENTS: Commitments = Object.freeze({ reserve: 0, withdrawn: () => 0 });

const gatesByWorld = new WeakMap<World, Map<string, World['gates']>>();

/** The gate rules that apply to an order definition (by its id or its type), worked out once per World. */
export function gatesOf(w: World, def: OrderDef): World['gates'] {
  let byDef = gatesByWorld.get(w);
  if (!byDef) gatesByWorld.set(w, (byDef = new Map()));
  let gates = byDef.get(def.id);
  if (!gates)
    byDef.set(
      def.id,
      (gates = w.gates.filter((g) => g.orders.includes(def.id) || g.orders.includes(def.type))),
    );
  return gates;
}

const sameOrder = (a: Order, b: Order): boolean =>
  a.id === b.id && a.target === b.target && a.region === b.region;

/** What the given orders of one actor take from its reserve and pull out of regions when they resolve. */
function countCommitments(w: World, orders: readonly Order[]): Commitments {
  let reserve = 0;
  const withdrawn = new Map<string, number>();
  for (const o of orders) {
    const def = w.orders[o.id];
    if (!def) continue;
    const draws = describeOrderType(def.type).draws;
    if (draws === 'reserve') reserve += readAmount(def);
    if (draws === 'presence' && o.region)
      withdrawn.set(o.region, (withdrawn.get(o.region) ?? 0) + readAmount(def));
  }
  return {
    reserve,
    withdrawn(region) {
      return withdrawn.get(region) ?? 0;
    },
  };
}

/** The giver's pending orders must keep the forces they need with this one added (a withdrawal may starve an offensive). */
function checkStillSupplied(
  s: GameState,
  w: World,
  def: OrderDef,
  order: Order,
  mine: readonly Order[],
  who: string,
): Refusal | null {
  if (!describeOrderType(def.type).draws) return null;
  for (const other of mine) {
    const odef = w.orders[other.id];
    const check = odef && describeOrderType(odef.type).checkForces;
    if (!check) continue;
    const committed = countCommitments(w, [...mine.filter((g) => g !== other), order]);
    const short = check({ s, w, def: odef, order: other, who, committed });
    if (short)
      return refuse('no-forces', `"${def.name}" would leave ${who}'s "${odef.name}" short: ${short.reason}`);
  }
  return null;
}

/** What a player reads for an id or placeholder in a condition: the actor's, region's or layer's name. */
const named =
  (w: World, bind: Binding) =>
  (ref: string): string => {
    const id = bindRef(ref, bind);
    if (w.actorIndex[id] !== undefined) return actorName(w, id);
    if (w.regionIndex[id] !== undefined) return regionName(w, id);
    return id === 'net' ? 'net' : layerName(w, id);
  };

function checkTarget(w: World, def: OrderDef, order: Order, who: string): Refusal | null {
  if (describeOrderType(def.type).targets === 'required' && !order.target)
    return refuse('bad-target', `"${def.name}" needs a target actor.`);
  if (order.target === undefined) return null;
  if (!def.targets?.includes(order.target))
    return refuse('bad-target', `"${def.name}" cannot target ${actorName(w, order.target)}.`);
  if (order.target === order.actor) return refuse('bad-target', `${who} cannot target itself.`);
  return null;
}

/**
 * What the order's definition decides whatever the state, in the order the checks are made: refusals before
 * the region's state is checked (unknown order or actor, not the giver's, target, region not listed), and the
 * one after it (covert). Worked out once per candidate order of the AI.
 */
interface Fixed {
  before: Refusal | null;
  covert: Refusal | null;
}

function checkFixed(w: World, order: Order): Fixed {
  const def = w.orders[order.id];
  const only = (before: Refusal): Fixed => ({ before, covert: null });
  if (!def) return only(refuse('unknown-order', `There is no order "${order.id}" in this scenario.`));
  if (w.actorIndex[order.actor] === undefined)
    return only(refuse('unknown-actor', `There is no actor "${order.actor}" in this scenario.`));
  const who = actorName(w, order.actor);
  if (!def.actors.includes(order.actor))
    return only(refuse('not-yours', `${who} cannot give the order "${def.name}".`));
  const target = checkTarget(w, def, order, who);
  if (target) return only(target);
  if (describeOrderType(def.type).regions === 'required' && !order.region)
    return only(refuse('bad-region', `"${def.name}" needs a region.`));
  if (order.region !== undefined && !def.regions?.includes(order.region))
    return only(refuse('bad-region', `"${def.name}" cannot be given for ${regionName(w, order.region)}.`));
  const covert = order.covert && (def.covert ?? 'never') === 'never';
  return {
    before: null,
    covert: covert ? refuse('bad-target', `"${def.name}" cannot be given covertly.`) : null,
  };
}

export interface OrderOption {
  order: Order;
  def: OrderDef;
  verdict: Verdict;
  bind?: Bound; // the order's placeholders resolved (the AI's planning options carry it)
}

/** One order an actor's definitions allow, with its parameters spelled out. */
interface Candidate {
  order: Readonly<Order>;
  def: OrderDef;
  fixed: Fixed;
  bind: Bound;
}

const candidatesByWorld = new WeakMap<World, Map<string, Candidate[]>>();

/** Every order the actor's definitions allow, parameters spelled out: worked out once per World. */
function candidatesOf(w: World, actor: string): Candidate[] {
  let byActor = candidatesByWorld.get(w);
  if (!byActor) candidatesByWorld.set(w, (byActor = new Map()));
  const known = byActor.get(actor);
  if (known) return known;
  const out: Candidate[] = [];
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
          out.push({
            order: Object.freeze(order),
            def,
            fixed: checkFixed(w, order),
            bind: bindOrder(w, order),
          });
        }
  }
  byActor.set(actor, out);
  return out;
}

/**
 * Every order the actor's definitions allow, with its parameters spelled out and a verdict for each, given the
 * orders already pending this turn (so that an option accepted here is accepted together with them).
 */
export function listOrderOptions(
  s: GameState,
  w: World,
  actor: string,
  pending: readonly Order[] = [],
): OrderOption[] {
  return candidatesOf(w, actor).map(({ order, def, fixed }) => ({
    order: { ...order },
    def,
    verdict: judge(s, w, order, pending, true, fixed),
  }));
}

/** The same options for the AI's planning: the orders are shared (frozen) between turns, not copied. */
export function listPlanningOptions(s: GameState, w: World, actor: string): OrderOption[] {
  const dice = { rng: s.rng };
  const lens: Lens = { reader: new StateReader(s, w, NONE, dice), dice };
  return candidatesOf(w, actor).map(({ order, def, fixed, bind }) => ({
    order,
    def,
    verdict: judge(s, w, order, NONE, true, fixed, lens, bind),
    bind,
  }));
}

export const listLegalOrders = (
  s: GameState,
  w: World,
  actor: string,
  pending: readonly Order[] = [],
): Order[] =>
  listOrderOptions(s, w, actor, pending)
    .filter((o) => o.verdict.ok)
    .map((o) => o.order);
