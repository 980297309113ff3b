// What an order is worth to the AI actor that weighs it: the state seen through the order's expected changes (an
// overlay: its own effects, the rules it sets off, the interests it touches in others, the triggers it sets
// off or stops), valued by the actor's objectives, its own stakes and what its ties are worth to it. ai.ts
// chooses by these values; nothing here changes the state.
import type { Compiled } from './compile';
import { compiled, ReadIndex } from './compile';
import type { Bound, Reader } from './reader';
import { Overlay } from './overlay';
import { bindOrder, NO_BINDING, NOBODY, StateReader, UNKNOWN } from './reader';
import { dampedReaction } from './resolve';
import { readAmount, describeOrderType, readRelationChange } from './orderTypes';
import type { Condition, Effect, OrderDef } from './schema';
import type { World } from './scenario';
import type { GameState, Order } from './types';

/** An index from an effect's actor or region reference: a placeholder's value, else the id's index. */
function refIndex(index: Record<string, number>, ref: string, bind: Bound): number {
  if (ref === '$actor') return bind.actor;
  if (ref === '$target') return bind.target;
  if (ref === '$region') return bind.region;
  return ref.startsWith('$') ? UNKNOWN : (index[ref] ?? UNKNOWN);
}

/** Writes what an effect is expected to change into the overlay (only what conditions and scores read). */
function addEffect(w: World, ov: Overlay, e: Effect, bind: Bound, actor: number, sign = 1): void {
  switch (e.do) {
    case 'relation':
      return ov.bumpRel(
        refIndex(w.actorIndex, e.a, bind),
        refIndex(w.actorIndex, e.b, bind),
        w.layerIndex[e.layer] ?? UNKNOWN,
        sign * e.delta,
      );
    case 'meter': {
      const a = refIndex(w.actorIndex, e.actor, bind);
      const m = meterIndex(w, e.meter);
      // A set is a change to the value it sets (as resolution applies it); a rule that no longer fires leaves
      // what it set as it is.
      if (e.set === undefined) return ov.bumpMeter(a, m, sign * (e.delta ?? 0));
      if (sign < 0 || a < 0 || m < 0) return;
      return ov.bumpMeter(a, m, e.set - ov.meter(a, m));
    }
    case 'flag':
      if (e.set === undefined) return ov.bumpFlag(e.flag, sign * (e.delta ?? 0));
      if (sign < 0) return;
      return ov.bumpFlag(e.flag, e.set - ov.flag(e.flag));
    case 'presence':
      return ov.bumpForces(
        refIndex(w.actorIndex, e.actor, bind),
        refIndex(w.regionIndex, e.region, bind),
        sign * e.delta,
      );
    case 'control':
      if (sign < 0) return;
      return ov.setHolder(
        refIndex(w.regionIndex, e.region, bind),
        e.actor === null ? NOBODY : refIndex(w.actorIndex, e.actor, bind),
      );
    case 'vp':
      if (refIndex(w.actorIndex, e.actor, bind) === actor) ov.vp += sign * e.delta;
      return;
    default:
      return;
  }
}

/** How many turns the AI counts a lasting rule's effects for (the rest of the game, if shorter). */
export const LOOK_AHEAD_TURNS = 3;

/** The scenario's triggers the AI can foresee: all but those that turn on a roll of the dice. */
interface Foreseen {
  rule: World['triggers'][number];
  when: Compiled;
}
const foreseenByWorld = new WeakMap<World, Foreseen[]>();
const foreseenIndex = new WeakMap<World, ReadIndex>();

/** Which foreseeable triggers read what (so that an order's overlay finds those it may set off or stop). */
function foreseenReads(w: World): ReadIndex {
  let ix = foreseenIndex.get(w);
  if (!ix) foreseenIndex.set(w, (ix = new ReadIndex(foreseen(w).map((f) => f.when.reads))));
  return ix;
}

function foreseen(w: World): Foreseen[] {
  let all = foreseenByWorld.get(w);
  if (!all) {
    const chance = (c: Condition): boolean =>
      c.if === 'chance' ||
      ((c.if === 'all' || c.if === 'any') && c.of.some(chance)) ||
      (c.if === 'not' && chance(c.cond));
    all = w.triggers.filter((r) => !chance(r.when)).map((rule) => ({ rule, when: compiled(w, rule.when) }));
    foreseenByWorld.set(w, all);
  }
  return all;
}

/**
 * What every actor's planning reads alike, worked out once per turn: the state's reader, which foreseeable
 * triggers are still live (a `once` rule that fired is spent) and which of them fire as things stand (an order
 * is then credited with the rules it sets off and debited with those it stops), and each actor's reciprocity
 * toward each other one.
 */
export interface Planning {
  reader: StateReader;
  live: boolean[];
  firing: boolean[];
  reciprocity: number[]; // mine·n + other
  touched: Uint8Array; // scratch: which foreseeable triggers an option's overlay touches (Overlay.touches)
}

export function planningFor(s: GameState, w: World): Planning {
  const reader = new StateReader(s, w, [], { rng: s.rng }, true);
  const base = new Overlay(reader, w, null, '');
  const rules = foreseen(w);
  const live = rules.map(({ rule }) => !(rule.once && s.fired.includes(rule.id)));
  const firing = rules.map(({ when }, k) => live[k]! && when.test(base, NO_BINDING));
  return { reader, live, firing, reciprocity: reciprocities(s, w), touched: new Uint8Array(rules.length) };
}

const meterIndex = (w: World, id: string): number => w.def.meters.findIndex((m) => m.id === id);

/** What the AI needs per order definition, worked out once per world. */
export interface OrderFacts {
  layer: number;
  builtIn: number;
  rules: { rule: World['orderRules'][number]; when: Compiled | null }[];
  reactions: { observer: number; delta: number }[]; // interest reactions of every other actor, per giver
  own: number[]; // by actor index: what the order's issues are worth to the giver's own stakes
  issueNames: string;
}

const factsCache = new WeakMap<World, Map<string, OrderFacts>>();

export function factsFor(w: World, def: OrderDef): OrderFacts {
  let byDef = factsCache.get(w);
  if (!byDef) factsCache.set(w, (byDef = new Map()));
  const known = byDef.get(def.id);
  if (known) return known;
  const issues = Object.entries(def.issues ?? {});
  const facts: OrderFacts = {
    layer: w.layerIndex[def.layer ?? w.def.layers[0]!.id] ?? UNKNOWN,
    builtIn: readRelationChange(def),
    rules: w.orderRules
      .filter((r) => r.orders.includes(def.id) || r.orders.includes(def.type))
      .map((rule) => ({ rule, when: rule.when ? compiled(w, rule.when) : null })),
    reactions: w.def.actors.flatMap((other, i) => {
      const delta = issues.reduce((sum, [issue, change]) => sum + (other.stakes?.[issue] ?? 0) * change, 0);
      return delta ? [{ observer: i, delta: delta * w.settings.interestScale }] : [];
    }),
    own: w.def.actors.map((me) => {
      let own = 0;
      if (def.issues)
        for (const issue in def.issues) own += (me.stakes?.[issue] ?? 0) * def.issues[issue]! * 5;
      return own;
    }),
    issueNames: issues.map(([i]) => w.def.issues?.find((x) => x.id === i)?.name ?? i).join(', '),
  };
  byDef.set(def.id, facts);
  return facts;
}

/** What the order is expected to change, and the probability that its control change happens. */
export function expect(
  s: GameState,
  w: World,
  o: Order,
  def: OrderDef,
  base: Reader,
  plan: Planning,
  bind: Bound = bindOrder(w, o),
  facts: OrderFacts = factsFor(w, def),
): { ov: Overlay; odds: number } {
  const ov = new Overlay(base, w, o, def.type);
  if (o.target && facts.builtIn) ov.bumpRel(bind.actor, bind.target, facts.layer, facts.builtIn);
  if (def.effects) for (const e of def.effects) addEffect(w, ov, e, bind, bind.actor);
  for (const { rule, when } of facts.rules) {
    if (when && !when.test(ov, bind)) continue;
    for (const e of rule.effects) addEffect(w, ov, e, bind, bind.actor);
  }
  if (facts.layer >= 0)
    for (const r of facts.reactions)
      if (r.observer !== bind.actor)
        ov.bumpRel(
          r.observer,
          bind.actor,
          facts.layer,
          dampedReaction(base.rel(r.observer, bind.actor, facts.layer), r.delta),
        );
  // The rules the order sets off this turn, or stops (a link that objections answer; a backing down that ends
  // them): the triggers whose condition the order changes, one pass in the scenario's order. A rule that fires
  // every turn while its condition holds is counted for as many turns as the AI looks ahead (what the order
  // sets up lasts), a `once` rule once.
  const rules = foreseen(w);
  const horizon = Math.max(1, Math.min(LOOK_AHEAD_TURNS, w.def.end.turns - s.turn));
  const touched = ov.touches(foreseenReads(w), plan.touched);
  for (let k = 0; k < rules.length; k++) {
    if (!plan.live[k] || !touched[k]) continue;
    const { rule, when } = rules[k]!;
    const now = when.test(ov, NO_BINDING);
    if (now === plan.firing[k]) continue;
    const turns = rule.once ? 1 : horizon;
    for (const e of rule.effects) addEffect(w, ov, e, NO_BINDING, bind.actor, now ? turns : -turns);
  }
  const odds = describeOrderType(def.type).forecast?.({ s, w, o, def, ov, amount: readAmount(def) }) ?? 100;
  return { ov, odds };
}

/** The actor's objectives as they stand before any order: computed once per planning. */
export interface Baseline {
  met: number[];
  dist: number[];
}

/** Why the AI values an order: the objective it serves most (its index), its own stakes, or neither. */
export type Motive =
  | { kind: 'objective'; index: number }
  | { kind: 'stakes' }
  | { kind: 'opens'; what: string }
  | { kind: 'none' };

/**
 * What one actor's valuing of its options reads alike, worked out once per ranking: its objectives with their
 * weights and baseline, and what each of its ties is worth as things stand.
 */
export interface Scorer {
  mine: number;
  base: Overlay;
  baseline: Baseline;
  plan: Planning;
  objectives: Compiled[];
  weights: number[]; // by objective: the actor's weight (5 when unset)
  vps: number[]; // by objective: its VP
  regard: number[]; // by other actor: alignment + reciprocity
  baseTie: number[]; // by other actor: tieValue of the net tie as things stand
}

export function scorerFor(
  s: GameState,
  w: World,
  mine: number,
  base: Overlay,
  baseline: Baseline,
  plan: Planning,
): Scorer {
  const me = w.def.actors[mine]!;
  const weights = s.actors[mine]!.weights;
  const n = w.actorIds.length;
  // Plain arrays: a typed array of more than 64 bytes is allocated outside the heap, several times slower.
  const regard = new Array<number>(n).fill(0);
  const baseTie = new Array<number>(n).fill(0);
  for (let other = 0; other < n; other++) {
    if (other === mine) continue;
    regard[other] = alignment(w, mine, other) + plan.reciprocity[mine * n + other]!;
    baseTie[other] = tieValue(base.net(mine, other));
  }
  return {
    mine,
    base,
    baseline,
    plan,
    objectives: objectivesOf(w, mine),
    weights: me.objectives.map((obj) => weights[obj.id] ?? 5),
    vps: me.objectives.map((obj) => obj.vp),
    regard,
    baseTie,
  };
}

export function score(
  s: GameState,
  w: World,
  o: Order,
  def: OrderDef,
  base: Overlay,
  baseline: Baseline,
  plan: Planning,
): { utility: number; motive: Motive; after: Overlay } {
  return scoreWith(s, w, o, def, scorerFor(s, w, w.actorIndex[o.actor]!, base, baseline, plan));
}

/** `score` with what the actor's options share worked out once (`scorerFor`), and the order's binding if known. */
export function scoreWith(
  s: GameState,
  w: World,
  o: Order,
  def: OrderDef,
  sc: Scorer,
  bind?: Bound,
): { utility: number; motive: Motive; after: Overlay } {
  const mine = sc.mine;
  const facts = factsFor(w, def);
  const { ov: after, odds } = expect(s, w, o, def, sc.base, sc.plan, bind, facts);
  const { objectives, weights, vps, baseline } = sc;
  let utility = 0;
  let bestValue = 0;
  let best = -1; // the objective it serves most
  for (let k = 0; k < objectives.length; k++) {
    const weight = weights[k]!;
    if (!weight) continue;
    const c = objectives[k]!;
    if (!after.changes(c.reads)) continue; // it reads what it read before the order: no gain, no value
    const met = c.test(after, NO_BINDING) ? 1 : 0;
    const gain = 10 * (met - baseline.met[k]!) + (baseline.dist[k]! - c.distance(after, NO_BINDING)) / 10;
    const value = (weight * vps[k]! * gain * odds) / 100;
    utility += value;
    if (value > bestValue) [bestValue, best] = [value, k];
  }
  const own = facts.own[mine]!;
  const motive: Motive =
    own > bestValue ? { kind: 'stakes' } : best >= 0 ? { kind: 'objective', index: best } : NO_MOTIVE;
  utility += own + after.vp * 50;
  // Ties: what a warmer or cooler tie with another actor is worth is the actor's regard for it (shared interests
  // and what the other did last turn), not the tie's current sign. Only the pairs the order touches can change,
  // each counted once (an order may change several layers of one pair).
  const n = w.actorIds.length;
  const pairs = after.relPairs;
  for (let x = 0; x < pairs.length; x++) {
    const pair = pairs[x]!;
    if (pairs.indexOf(pair) !== x) continue;
    const i = Math.floor(pair / n);
    const j = pair % n;
    const other = i === mine ? j : j === mine ? i : -1;
    if (other < 0) continue;
    utility += (tieValue(after.net(mine, other)) - sc.baseTie[other]!) * sc.regard[other]!;
  }
  return { utility, motive, after };
}

const NO_MOTIVE: Motive = Object.freeze({ kind: 'none' });

const alignmentByWorld = new WeakMap<World, Float64Array>();

/**
 * How far two actors want the same things: the cosine of their stakes over the scenario's issues, in −1…1 (0
 * when either has none). Worked out once per world.
 */
export function alignment(w: World, i: number, j: number): number {
  const n = w.actorIds.length;
  let all = alignmentByWorld.get(w);
  if (!all) {
    all = new Float64Array(n * n);
    const stakes = w.def.actors.map((a) => a.stakes ?? {});
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        let dot = 0;
        let na = 0;
        let nb = 0;
        for (const issue of w.def.issues ?? []) {
          const x = stakes[a]![issue.id] ?? 0;
          const y = stakes[b]![issue.id] ?? 0;
          dot += x * y;
          na += x * x;
          nb += y * y;
        }
        all[a * n + b] = na && nb ? dot / Math.sqrt(na * nb) : 0;
      }
    alignmentByWorld.set(w, all);
  }
  return all[i * n + j]!;
}

/**
 * Reciprocity: what the other actor has done for this one lately (the state's ledger, ledger.ts: +½ for each
 * order that warmed their tie, −½ for each that cooled it, halving every turn after, within −1…1). A favour
 * makes the tie worth more, a slight less (tit for tat, with a memory).
 */
export const reciprocity = (s: GameState, w: World, mine: number, other: number): number =>
  s.ledger[mine * w.actorIds.length + other] ?? 0;

/** Every actor's reciprocity toward every other (mine·n + other), as the ledger holds it. */
function reciprocities(s: GameState, w: World): number[] {
  const out = new Array<number>(w.actorIds.length ** 2);
  for (let k = 0; k < out.length; k++) out[k] = s.ledger[k] ?? 0;
  return out;
}

/**
 * A tie's net value as the AI weighs it: each point is worth less the nearer the tie is to ±100 (the slope falls
 * from 1 at 0 to 0 at ±100), so that no actor gains by driving a friendship or an enmity to the end of the scale.
 */
export const tieValue = (x: number): number => x - (x * Math.abs(x)) / 200;

/** What a tie with the other actor is worth to this one, per point of net value: interests plus reciprocity. */
export const regard = (s: GameState, w: World, mine: number, other: number): number =>
  alignment(w, mine, other) + reciprocity(s, w, mine, other);

const objectivesByWorld = new WeakMap<World, Compiled[][]>();

/** The compiled conditions of each actor's objectives. */
export function objectivesOf(w: World, actor: number): Compiled[] {
  let all = objectivesByWorld.get(w);
  if (!all)
    objectivesByWorld.set(w, (all = w.def.actors.map((a) => a.objectives.map((o) => compiled(w, o.when)))));
  return all[actor]!;
}
