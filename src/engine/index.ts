// The engine's public face: load a world, start a game, advance it by one turn (AI for every actor not held
// by a person), and read what the UI and the CLI need. Interactive callers get frozen immer states.
import { produce } from 'immer';
import type { Injection } from './injection';
import { planTurn } from './ai';
import { planAhead } from './lookahead';
import { createGame } from './game';
import type { World } from './scenario';
import { compileWorld, parseScenario, validateScenario } from './scenario';
import { resolveTurn } from './turn';
import type { GameState, Order, Result } from './types';

export type { Choice } from './ai';
export { planAll, planOrders, planTurn } from './ai';
export { listUnbalancedTriads, tensionScores } from './balance';
export type { Triad } from './balance';
export { describeCondition } from './conditions';
export { createGame } from './game';
export { checkOrder, listLegalOrders, listOrderOptions } from './orders';
export type { OrderOption } from './orders';
export { netAt, relation } from './relations';
export { findJsonSyntaxError } from './jsonSyntax';
export type { SyntaxProblem } from './jsonSyntax';
export { lintScenario, reviewScenario } from './review';
export type { Findings } from './review';
export {
  compileWorld,
  labelProblems,
  labelWarnings,
  parseScenario,
  readScenarioJson,
  validateScenario,
  worldCache,
} from './scenario';
export type { Problem, Validation, World } from './scenario';
export { objectiveStatus, tensionPenalty } from './scoring';
export { resolveTurn } from './turn';
export type { Injection } from './injection';
export { checkInjection, injectableEvents } from './injection';
export * from './types';

/** Parses, validates and compiles scenario text with a branch. */
export function loadWorld(text: string, branch: string | null = null, label?: string): Result<World> {
  const parsed = parseScenario(text, label);
  if (!parsed.ok) return parsed;
  return compileWorld(parsed.value, branch);
}

export function loadWorldFromJson(json: unknown, branch: string | null = null): Result<World> {
  const parsed = validateScenario(json);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return compileWorld(parsed.value, branch);
}

/** How the AI chooses its orders: greedy (ai.ts) or looking ahead by rollouts (lookahead.ts). */
export type Policy = 'greedy' | 'lookahead';

/** Resolves one turn as a new frozen state (structural sharing with the previous one). */
export function advance(
  s: GameState,
  w: World,
  orders: readonly Order[] = [],
  held: readonly string[] = [],
  policy: Policy = 'greedy',
  injected: readonly Injection[] = [],
): GameState {
  const all = policy === 'lookahead' ? planAhead(s, w, orders, held) : planTurn(s, w, orders, held);
  return produce(s, (draft) => resolveTurn(draft, w, all, { injected }));
}

export { createGame as startGame };
