// With/without experiments: the same scenario played by the AI over many seeds twice, once as shipped (or with a
// player's choice made) and once with one cause taken away, turn by turn. A claim of an article holds in the
// model when a measure of the games differs between the two arms in the claimed direction by more than chance
// explains (the difference of the means beyond twice its standard error). Seeds are fixed, so the result is
// deterministic; the measures are means and p10/p90 over games, never one game's outcome.
import type { GameState, Order, World } from '../../src/engine/index';
import { compileWorld } from '../../src/engine/world';
import { createGame, planOrders, planTurn, relation, resolveTurn } from '../../src/engine/index';
import { copyState } from '../../src/engine/playout';
import { planAhead } from '../../src/engine/lookahead';
import type { ScenarioDef } from '../../src/engine/schema';
import { readScenarioText } from './worlds';

/** One arm of an experiment: the scenario (edited or not) and the orders people give in it, by turn. */
export interface Arm {
  /** Changes a private copy of the scenario: a removed rule, order, objective or starting value. */
  edit?: (def: ScenarioDef) => void;
  /** Orders given as a player would, for the actors they name, at the turns they are given (1-based). */
  orders?: (s: GameState, w: World) => Order[];
}

/** A played game: the state after each turn (index 0 is the start) and the orders of each turn. */
export interface Game {
  states: GameState[];
  orders: Order[][];
  w: World;
}

export interface Spread {
  mean: number;
  p10: number;
  p90: number;
  sd: number;
  n: number;
}

export function spread(values: readonly number[]): Spread {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / Math.max(1, n - 1));
  const at = (q: number) => sorted[Math.min(n - 1, Math.floor(q * n))]!;
  return { mean, p10: at(0.1), p90: at(0.9), sd, n };
}

const defs = new Map<string, ScenarioDef>();
function scenario(file: string): ScenarioDef {
  let def = defs.get(file);
  if (!def) defs.set(file, (def = JSON.parse(readScenarioText(file)) as ScenarioDef));
  return structuredClone(def);
}

/** The world of one arm: the scenario file, edited, with a branch. */
export function armWorld(file: string, branch: string | null, arm: Arm): World {
  const def = scenario(file);
  arm.edit?.(def);
  const compiled = compileWorld(def, branch);
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.value;
}

/** How the AI chooses: greedy (one order at a time, as playouts do) or looking ahead by rollouts (lookahead.ts). */
export type Policy = 'greedy' | 'lookahead';

/** Plays one game of an arm on the batch path, keeping the state after every turn. */
export function playGame(w: World, seed: number, arm: Arm, policy: Policy = 'greedy'): Game {
  const s = createGame(w, seed);
  const states = [copyState(s)];
  const orders: Order[][] = [];
  while (!s.over) {
    const turn = ordersOfTurn(s, w, arm.orders?.(s, w) ?? [], policy);
    orders.push(turn);
    resolveTurn(s, w, turn, { batch: true, quiet: true });
    states.push(copyState(s));
  }
  return { states, orders, w };
}

/**
 * The orders of a turn: those given, and the AI's for everything else, including the rest of the orders of an
 * actor that was given fewer than it may give (so that forcing one choice does not also cost a second order).
 */
function ordersOfTurn(s: GameState, w: World, given: Order[], policy: Policy): Order[] {
  const held = [...new Set(given.map((o) => o.actor))];
  const planned = policy === 'lookahead' ? planAhead(s, w, given, held) : planTurn(s, w, given, held);
  const out = planned.map(({ reason: _, ...o }) => o as Order);
  for (const actor of held) {
    let room = w.settings.ordersPerTurn - given.filter((o) => o.actor === actor).length;
    for (const c of planOrders(s, w, actor)) {
      if (room <= 0) break;
      if (given.some((o) => o.actor === actor && o.id === c.order.id)) continue;
      out.push(c.order);
      room--;
    }
  }
  return out;
}

/** Games of an arm over seeds from … from + count - 1. */
export function playArm(
  file: string,
  branch: string | null,
  arm: Arm,
  from: number,
  count: number,
  policy: Policy = 'greedy',
): Game[] {
  const w = armWorld(file, branch, arm);
  return Array.from({ length: count }, (_, i) => playGame(w, from + i, arm, policy));
}

export interface Comparison {
  with: Spread;
  without: Spread;
  difference: number; // mean with − mean without
  error: number; // standard error of the difference
}

export function compare(withCause: readonly number[], withoutCause: readonly number[]): Comparison {
  const a = spread(withCause);
  const b = spread(withoutCause);
  return {
    with: a,
    without: b,
    difference: a.mean - b.mean,
    error: Math.sqrt(a.sd ** 2 / a.n + b.sd ** 2 / b.n),
  };
}

/** The difference is in the claimed direction and beyond twice its standard error (and not nil). */
export const holds = (c: Comparison, direction: 'higher' | 'lower'): boolean =>
  (direction === 'higher' ? c.difference : -c.difference) > Math.max(2 * c.error, 1e-9);

// ---- measures ------------------------------------------------------------------------------------------

/** A relation of the game's state after turn t (the last state if the game ended before). */
export const relationAt = (g: Game, t: number, a: string, b: string, layer = 'net'): number =>
  relation(g.states[Math.min(t, g.states.length - 1)]!, g.w, a, b, layer);

export const last = (g: Game): GameState => g.states[g.states.length - 1]!;

/** How many orders of this id (or type) the actor gave over the game. */
export const ordersGiven = (g: Game, actor: string, id: string): number =>
  g.orders.flat().filter((o) => o.actor === actor && o.id === id).length;

/** The mean of a measure over the turns from → to (inclusive, clipped to the game). */
export function meanOver(g: Game, from: number, to: number, f: (s: GameState) => number): number {
  const states = g.states.slice(from, Math.min(to, g.states.length - 1) + 1);
  return states.length ? states.reduce((a, s) => a + f(s), 0) / states.length : 0;
}

/** Removes rules by id from a scenario (the rule and every reference from the scenario's rules list). */
export function withoutRules(def: ScenarioDef, ...ids: string[]): void {
  def.rules = def.rules.filter((r) => !ids.includes(r.id));
}

/** Removes orders by id from a scenario. */
export function withoutOrders(def: ScenarioDef, ...ids: string[]): void {
  def.orders = def.orders.filter((o) => !ids.includes(o.id));
  for (const r of def.rules)
    if ('orders' in r && Array.isArray(r.orders)) r.orders = r.orders.filter((o) => !ids.includes(o));
  def.rules = def.rules.filter((r) => !('orders' in r) || !Array.isArray(r.orders) || r.orders.length > 0);
}
