// One turn (the one after `s.turn`, which counts the turns resolved): orders → resolution → realignment (balance pressure, common enemies, triggers, scheduled events)
// → scoring → end check. A pure function of (state, orders) that mutates a draft or a private copy.
import { current, isDraft } from 'immer';
import { realign } from './balance';
import { addDays } from './calendar';
import { test } from './conditions';
import type { Cause, Ctx } from './context';
import { actorName, regionName, ruleWhy, writeTexts, later } from './context';
import { applyEffect } from './effects';
import { netAt, valueAt } from './relations';
import type { RefusalObserver } from './resolve';
import { resolveOrders } from './resolve';
import type { Injection } from './injection';
import { applyInjections } from './injection';
import { recordFavours } from './ledger';
import type { Rule } from './schema';
import { computeScores } from './scoring';
import type { World } from './scenario';
import type { GameState, Order } from './types';

/** How a turn is resolved: `batch` for a private mutable state that only the end of a playout shows. */
export interface TurnOptions {
  onRefusal?: RefusalObserver; // hears of each order refused as it resolves
  /**
   * The state is a private copy that nobody reads until the game is over (a playout): it is changed in place,
   * and the effects' texts are written only for the last turn. The rules and the resulting state are the same.
   */
  batch?: boolean;
  /**
   * With `batch`: log only the effects that rules read during the turn (changes of control, contest effects).
   * For a playout that resolves again, in full, the turn that turns out to be its last: the state is the same.
   */
  quiet?: boolean;
  /** What a facilitator injects into this turn (injection.ts): it takes effect before the orders resolve. */
  injected?: readonly Injection[];
}

/**
 * A copy of a state that a turn may change in place: what turns change in place (relations, regions and their
 * forces, actors, flags, fired rules) is copied; what they only replace (orders, effects, scores) or never
 * change (layers) is shared. Much cheaper than structuredClone, and the same bytes.
 */
export function copyState(s: GameState): GameState {
  return {
    ...s,
    layers: s.layers,
    actors: s.actors.map((a) => ({
      ...a,
      meters: { ...a.meters },
      weights: { ...a.weights },
      usedOnce: [...a.usedOnce],
    })),
    regions: s.regions.map((r) => ({ ...r, presence: { ...r.presence } })),
    relations: s.relations.map((l) => l.slice()),
    flags: { ...s.flags },
    fired: [...s.fired],
    ledger: s.ledger.slice(),
  };
}

/** Resolves one turn into `s` (an immer draft, or a private copy with `batch`). */
export function resolveTurn(
  s: GameState,
  w: World,
  orders: readonly Order[],
  options: TurnOptions | RefusalObserver = {},
): void {
  if (s.over) return;
  const {
    onRefusal,
    batch = false,
    quiet = false,
    injected = [],
  } = typeof options === 'function' ? { onRefusal: options } : options;
  if (batch) return resolveInPlace({ s, w, quiet }, orders, onRefusal, false, injected);
  if (!isDraft(s)) {
    // A plain state on the interactive path: its parts may be shared with other states, so the turn changes
    // fresh copies of them, in the state itself (what a refusal observer reads is the turn in progress).
    Object.assign(s, copyState(s));
    return resolveInPlace({ s, w, quiet: false }, orders, onRefusal, true, injected);
  }
  // An immer draft: nearly every part of the state is read many times a turn (balance, conditions, combat)
  // and most change every turn, so reading them through the draft would go through a proxy each time. The turn
  // is worked out on a plain copy (taken from the state itself, not through the draft, which would make a proxy
  // of each part) and committed to the draft at the end: each part the turn replaced is frozen (immer then
  // keeps it as it is rather than walking it) and written to the draft; what did not change keeps its
  // structural sharing. The rules that run are the same as on the batch path.
  const base = current(s);
  const work = copyState(base);
  resolveInPlace({ s: work, w, quiet: false }, orders, onRefusal, true, injected);
  for (const key of Object.keys(work) as (keyof GameState)[])
    if (work[key] !== base[key]) (s as unknown as Record<string, unknown>)[key] = deepFreeze(work[key]);
}

/** Freezes a plain value and everything in it (a part of the state made this turn). */
function deepFreeze<T>(x: T): T {
  if (typeof x === 'object' && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** The turn itself, on a state it may change in place; `full`: scores, date and texts every turn. */
function resolveInPlace(
  ctx: Ctx,
  orders: readonly Order[],
  onRefusal: RefusalObserver | undefined,
  full: boolean,
  injected: readonly Injection[],
): void {
  const { s, w } = ctx;
  s.effects = [];
  if (injected.length) applyInjections(ctx, injected);
  resolveOrders(ctx, orders, onRefusal);
  recordFavours(s, w);
  realign(ctx);
  pullTogether(ctx);
  markContested(ctx); // before the rules, so that a rule's `contest` effect has the last word this turn
  for (const rule of w.triggers) {
    if (rule.once && s.fired.includes(rule.id)) continue;
    if (!test(ctx, rule.when)) continue;
    if (rule.once) s.fired.push(rule.id);
    fire(ctx, rule, rule.effects);
  }
  for (const rule of w.scheduled) {
    if (rule.turn !== s.turn + 1 || (rule.when && !test(ctx, rule.when))) continue;
    fire(ctx, rule, rule.effects);
  }
  s.turn += 1;
  // Scores and the date are read by nothing in the rules: a batch writes them only for the last turn. Scores
  // see the generator as it was before the end check (which may draw), as on the interactive path.
  const rng = s.rng;
  const ends = s.turn >= w.def.end.turns || (w.def.end.when !== undefined && test(ctx, w.def.end.when));
  if (full || ends) {
    const drawn = s.rng;
    s.rng = rng;
    s.date = addDays(w.def.start, s.turn * w.def.turnDays);
    s.scores = computeScores(ctx);
    s.rng = drawn;
    writeTexts(ctx);
  }
  if (ends) s.over = true;
}

function fire(ctx: Ctx, rule: Rule, effects: Extract<Rule, { kind: 'trigger' }>['effects']): void {
  const cause: Cause = { why: ruleWhy(rule), rule: rule.id };
  if (rule.source) cause.source = rule.source;
  for (const e of effects) applyEffect(ctx, e, cause);
}

/**
 * Common enemies: in each region, the actors present there that are hostile to its holder (in the region's
 * theatre) draw closer to each other in that theatre, up to a cap, while the holder keeps the region.
 */
function pullTogether(ctx: Ctx): void {
  const { s, w } = ctx;
  const { perTurn, cap } = w.settings.commonEnemy;
  if (perTurn <= 0) return;
  const done = new Set<string>();
  s.regions.forEach((r, ri) => {
    const enemy = r.controller;
    if (!enemy) return;
    const def = w.def.regions[ri]!;
    const l = w.layerIndex[def.theatre]!;
    const e = w.actorIndex[enemy]!;
    const opponents = Object.keys(r.presence)
      .filter((a) => a !== enemy && (r.presence[a] ?? 0) > 0 && valueAt(s, w, w.actorIndex[a]!, e, l) < 0)
      .sort((x, y) => w.actorIndex[x]! - w.actorIndex[y]!);
    for (let i = 0; i < opponents.length; i++)
      for (let j = i + 1; j < opponents.length; j++) {
        const [a, b] = [opponents[i]!, opponents[j]!];
        const key = `${a}|${b}|${l}`;
        if (done.has(key)) continue;
        done.add(key);
        const v = valueAt(s, w, w.actorIndex[a]!, w.actorIndex[b]!, l);
        if (v >= cap) continue;
        const region = r.id;
        const why = later(
          () =>
            `common enemy: ${actorName(w, a)} and ${actorName(w, b)} both fight ${actorName(w, enemy)} in ${regionName(w, region)}`,
        );
        applyEffect(
          ctx,
          { do: 'relation', a, b, layer: def.theatre, delta: Math.min(perTurn, cap - v) },
          { why },
        );
      }
  });
}

/**
 * A region is contested while actors hostile to each other (net) both have forces there, unless a rule said
 * otherwise this turn (a `contest` effect: e.g. Russia withdrawing its acquiescence contests Turkey's zone).
 */
function markContested(ctx: Ctx): void {
  const { s, w } = ctx;
  const ruled = new Set(s.effects.filter((e) => e.kind === 'contest').map((e) => e.region));
  for (const r of s.regions) {
    if (ruled.has(r.id)) continue;
    const here = Object.keys(r.presence).map((a) => w.actorIndex[a]!);
    let hostile = false;
    for (let i = 0; i < here.length && !hostile; i++)
      for (let j = i + 1; j < here.length && !hostile; j++) hostile = netAt(s, w, here[i]!, here[j]!) < 0;
    if (r.contested !== hostile) r.contested = hostile;
  }
}
