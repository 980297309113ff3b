// The AI: each actor not held by a person scores every legal order by what it would do to the actor's
// objectives (valuation.ts: through an overlay of the order's expected changes), its own stakes and its
// friendships, picks the best, and says why. It draws from a generator derived from the state, so planning
// never changes the state.
import type { Footprint } from './compile';
import { compiled, readsWith } from './compile';
import { actorName } from './context';
import type { Bound } from './reader';
import { Overlay } from './overlay';
import { bindOrder, NO_BINDING } from './reader';
import type { OrderOption } from './orders';
import { checkOrder, gatesOf, listPlanningOptions } from './orders';
import { describeOrderType } from './orderTypes';
import { deriveSeed, nextInt } from './rng';
import type { Compiled } from './compile';
import type { OrderDef } from './schema';
import type { World } from './scenario';
import type { GameState, Order } from './types';
import type { Baseline, Motive, Scorer } from './valuation';
import { factsFor, objectivesOf, planningFor, scorerFor, scoreWith } from './valuation';

export { alignment, LOOK_AHEAD_TURNS, planningFor, reciprocity, regard } from './valuation';
export type { Planning } from './valuation';

export interface Choice {
  order: Order;
  reason: string;
  utility: number;
}

/** Why the AI gives a ranked order, in a sentence. */
export const explainChoice = (w: World, r: Ranked): string => explain(w, r.order, r.def, r.motive);

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

/** One legal order of an actor as the AI values it: its utility and why. */
export interface Ranked {
  order: Order;
  def: OrderDef;
  motive: Motive;
  utility: number;
  i: number; // its place among the actor's options (ties go to the first)
}

/** The orders an AI actor gives this turn, best first, each with its reason. */
export const planOrders = (s: GameState, w: World, actor: string, plan = planningFor(s, w)): Choice[] =>
  chooseOrders(s, w, rankOrders(s, w, actor, plan));

/** Every legal order of the actor valued, best first (with the small random tie-breaker of each). */
export function rankOrders(s: GameState, w: World, actor: string, plan = planningFor(s, w)): Ranked[] {
  const holder = { rng: deriveSeed(s.rng, s.turn, w.actorIndex[actor] ?? 0) };
  const base = new Overlay(plan.reader, w, null, '');
  const index = w.actorIndex[actor];
  if (index === undefined) return []; // no such actor: no options
  const objectives = objectivesOf(w, index);
  const baseline: Baseline = {
    met: objectives.map((c) => (c.test(base, NO_BINDING) ? 1 : 0)),
    dist: objectives.map((c) => c.distance(base, NO_BINDING)),
  };
  const options = listPlanningOptions(s, w, actor).filter((x) => describeOrderType(x.def.type).planned);
  const scorer = scorerFor(s, w, index, base, baseline, plan);
  const subgoals = instrumentalGoals(s, w, options, scorer);
  const scored = options
    .filter((x) => x.verdict.ok)
    .map((x, i) => {
      const { utility, motive, after } = scoreWith(s, w, x.order, x.def, scorer, x.bind);
      let total = utility;
      let why: Motive = motive;
      if (subgoals.length) {
        let best = 0;
        for (const g of subgoals) {
          if (!after.changes(g.reads)) continue; // as far as before the order: it adds nothing
          const value = (g.value * (g.dist - g.when.distance(after, g.bind))) / g.dist;
          total += value;
          if (value > best && value > utility) [best, why] = [value, { kind: 'opens', what: g.what }];
        }
      }
      return { order: x.order, def: x.def, motive: why, utility: total + nextInt(holder, 4), i };
    })
    .sort((a, b) => b.utility - a.utility || a.i - b.i);
  return scored;
}

/**
 * The orders an actor gives from its ranked options: the best ones, as many as a turn allows, each allowed
 * with those before it, and worth more than doing nothing.
 */
export function chooseOrders(s: GameState, w: World, ranked: readonly Ranked[]): Choice[] {
  const chosen: Choice[] = [];
  for (const c of ranked) {
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
      order: { ...c.order },
      reason: explainChoice(w, c),
      utility: Math.round(c.utility),
    });
  }
  return chosen;
}

interface Subgoal {
  when: Compiled; // what would open a refused order
  reads: Footprint | 'any'; // what it reads, with the order's placeholders bound
  bind: Bound;
  dist: number; // how far it is now
  value: number; // half what the refused order would be worth
  what: string; // "Euphrates Shield offensive (R19)"
}

/**
 * Orders refused now by a gate or a requirement, but worth something if allowed, make the condition that
 * refuses them a goal in itself: the AI then works toward "Russian acquiescence" to open an offensive.
 */
function instrumentalGoals(s: GameState, w: World, options: OrderOption[], scorer: Scorer): Subgoal[] {
  const base = scorer.base;
  const out: Subgoal[] = [];
  const seen = new Set<string>();
  for (const x of options) {
    if (x.verdict.ok || (x.verdict.code !== 'gate' && x.verdict.code !== 'requires') || seen.has(x.def.id))
      continue;
    seen.add(x.def.id);
    const bind = x.bind ?? bindOrder(w, x.order);
    const conditions =
      x.verdict.code === 'requires' && x.def.requires
        ? [{ when: compiled(w, x.def.requires), source: x.def.requires, id: '' }]
        : [];
    for (const g of gatesOf(w, x.def)) {
      const when = compiled(w, g.when);
      if (!when.test(base, bind)) conditions.push({ when, source: g.when, id: g.id });
    }
    const { utility } = scoreWith(s, w, x.order, x.def, scorer, bind);
    if (utility <= 0) continue;
    for (const c of conditions) {
      const dist = c.when.distance(base, bind);
      if (dist > 0 && dist < 100)
        out.push({
          when: c.when,
          reads: readsWith(w, c.source, bind),
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
  const plan = planningFor(s, w);
  return w.actorIds.filter((a) => !held.includes(a)).flatMap((a) => planOrders(s, w, a, plan));
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
