// The AI that looks ahead: each actor's greedy choice (ai.ts) is put against a few alternatives by playing the
// turn out with each — the other actors giving their own greedy orders — and the next turn after it with the
// greedy AI for everyone, then valuing where the actor stands at the end. The best future wins. A fixed number
// of alternatives and turns is the budget of a decision, so a choice is the same for the same state; the dice of
// a rollout are the state's own, the same for every alternative (the futures differ by the orders only).
import type { Choice, Ranked } from './ai';
import { chooseOrders, explainChoice, planningFor, planTurn, rankOrders } from './ai';
import { checkOrder } from './orders';
import { NO_BINDING, StateReader } from './reader';
import type { World } from './scenario';
import { copyState, resolveTurn } from './turn';
import type { GameState, Order } from './types';
import type { Planning } from './valuation';
import { alignment, factsFor, objectivesOf, tieValue } from './valuation';

/** What one decision may spend: how many alternatives are played out, and over how many turns. */
export interface LookaheadBudget {
  alternatives: number; // besides the greedy choice, per actor
  turns: number; // this turn and the ones after it, played to the end of the last
}

/** The default budget: 25 two-turn rollouts a turn for 12 actors (npm run bench reports what it costs). */
export const LOOKAHEAD: LookaheadBudget = { alternatives: 2, turns: 2 };

/** The state after `first` is resolved and, to `turns` in all, the greedy AI plays every actor. */
function rollout(s: GameState, w: World, first: readonly Order[], turns: number): GameState {
  const x = copyState(s);
  resolveTurn(x, w, first, { batch: true, quiet: true });
  for (let t = 1; t < turns && !x.over; t++)
    resolveTurn(x, w, planTurn(x, w, [], []), { batch: true, quiet: true });
  return x;
}

/** One objective's standing for the actor, on the scale `score` weighs gains by. */
function objectiveValues(w: World, mine: number, end: GameState): number[] {
  const L = new StateReader(end, w, [], { rng: end.rng });
  const weights = end.actors[mine]!.weights;
  return objectivesOf(w, mine).map((c, k) => {
    const obj = w.def.actors[mine]!.objectives[k]!;
    const met = c.test(L, NO_BINDING) ? 1 : 0;
    return (weights[obj.id] ?? 5) * obj.vp * (10 * met - c.distance(L, NO_BINDING) / 10);
  });
}

/**
 * Where an actor stands in a state, as the greedy AI values a change (valuation.ts): its objectives met and
 * how near the rest are, its ties by what each is worth to it (regard as at the decision), its banked VP.
 */
function standing(w: World, mine: number, end: GameState, plan: Planning): number {
  const L = new StateReader(end, w, [], { rng: end.rng });
  const n = w.actorIds.length;
  let value = objectiveValues(w, mine, end).reduce((a, b) => a + b, 0);
  for (let other = 0; other < n; other++)
    if (other !== mine)
      value +=
        tieValue(L.net(mine, other)) * (alignment(w, mine, other) + plan.reciprocity[mine * n + other]!);
  return value + end.actors[mine]!.vp * 50;
}

/** What the orders themselves are worth to the giver's own stakes (counted once, as `score` does). */
const stakesOf = (w: World, mine: number, choices: readonly Choice[]): number =>
  choices.reduce((sum, c) => sum + factsFor(w, w.orders[c.order.id]!).own[mine]!, 0);

/** The alternative in place of the actor's first choice, with as many of its other choices as stay allowed. */
function withFirst(s: GameState, w: World, alt: Ranked, greedy: readonly Choice[]): Choice[] {
  const out: Choice[] = [{ order: { ...alt.order }, reason: '', utility: Math.round(alt.utility) }];
  for (const c of greedy) {
    if (out.length >= w.settings.ordersPerTurn) break;
    if (
      checkOrder(
        s,
        w,
        c.order,
        out.map((x) => x.order),
      ).ok
    )
      out.push(c);
  }
  return out;
}

/** Why the alternative won, in a sentence: the objective its future brings nearest compared with the greedy one. */
function whyAhead(
  w: World,
  mine: number,
  alt: Ranked,
  end: GameState,
  base: GameState,
  instead: Choice | undefined,
  budget: LookaheadBudget,
): string {
  const now = objectiveValues(w, mine, end);
  const then = objectiveValues(w, mine, base);
  let best = -1;
  for (let k = 0; k < now.length; k++)
    if (now[k]! - then[k]! > 0 && (best < 0 || now[k]! - then[k]! > now[best]! - then[best]!)) best = k;
  const rather = instead ? `than "${w.orders[instead.order.id]!.name}"` : 'than doing nothing';
  const horizon = `looking ${budget.turns} turns ahead`;
  const obj = best >= 0 ? w.def.actors[mine]!.objectives[best]! : null;
  return obj
    ? `${horizon}, it expects this to bring "${obj.text}" (${obj.vp} VP) nearer ${rather}`
    : `${horizon}, it expects this to leave its ties and interests better ${rather} (${explainChoice(w, alt)})`;
}

/**
 * The full order list for a turn with the AI looking ahead: the people's orders, then for each other actor the
 * greedy choice or the alternative whose rollout ends best for it, with its reason.
 */
export function planAhead(
  s: GameState,
  w: World,
  orders: readonly Order[],
  held: readonly string[],
  budget: LookaheadBudget = LOOKAHEAD,
): (Order & { reason?: string })[] {
  const plan = planningFor(s, w);
  const ai = w.actorIds.filter((a) => !held.includes(a));
  const ranked = ai.map((a) => rankOrders(s, w, a, plan));
  const greedy = ranked.map((r) => chooseOrders(s, w, r));
  const turn = (k = -1, mine: Choice[] = []) => [
    ...orders,
    ...ai.flatMap((_, j) => (j === k ? mine : greedy[j]!).map((c) => c.order)),
  ];
  const base = rollout(s, w, turn(), budget.turns);
  const out: (Order & { reason?: string })[] = [...orders];
  ai.forEach((actor, k) => {
    const mine = w.actorIndex[actor]!;
    const g = greedy[k]!;
    let best = { choices: g, value: standing(w, mine, base, plan) + stakesOf(w, mine, g) };
    let why = '';
    const tried = new Set<string>();
    for (const alt of ranked[k]!) {
      if (tried.size >= budget.alternatives) break;
      // Alternatives of other kinds than the greedy choice and each other: the future differs most by those.
      if (tried.has(alt.def.id) || g.some((c) => c.order.id === alt.def.id)) continue;
      tried.add(alt.def.id);
      const choices = withFirst(s, w, alt, g);
      const end = rollout(s, w, turn(k, choices), budget.turns);
      const value = standing(w, mine, end, plan) + stakesOf(w, mine, choices);
      if (value <= best.value) continue;
      best = { choices, value };
      why = whyAhead(w, mine, alt, end, base, g[0], budget);
    }
    best.choices.forEach((c, i) => out.push({ ...c.order, reason: i === 0 && why ? why : c.reason }));
  });
  return out;
}
