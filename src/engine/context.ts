// What every rule function receives: the compiled world and the (draft or mutable) state, plus the cause
// that a change is logged with. Rule functions mutate `s`; callers decide whether `s` is an immer draft.
import type { SourceRef } from './schema';
import type { World } from './scenario';
import type { Effect, GameState } from './types';

export interface Ctx {
  w: World;
  s: GameState;
}

/** Why a change happens: becomes the effect's reason. */
export interface Cause {
  why: string; // "the US opposed Turkey's intervention"
  rule?: string;
  order?: number;
  actor?: string;
  source?: SourceRef;
  triad?: string[];
}

/** Values for `$actor`, `$target` and `$region` inside an order's conditions and effects. */
export interface Binding {
  actor?: string;
  target?: string;
  region?: string;
}

export const bindRef = (ref: string, bind: Binding | undefined): string => {
  if (!ref.startsWith('$')) return ref;
  const value = bind?.[ref.slice(1) as keyof Binding];
  return value ?? ref;
};

export const actorName = (w: World, id: string): string => w.def.actors[w.actorIndex[id] ?? -1]?.name ?? id;
export const regionName = (w: World, id: string): string =>
  w.def.regions[w.regionIndex[id] ?? -1]?.name ?? id;
export const layerName = (w: World, id: string): string =>
  id === 'net' ? 'net' : (w.def.layers[w.layerIndex[id] ?? -1]?.name ?? id);

/** Appends an effect to the turn's log, filling in the cause. */
export function record(ctx: Ctx, effect: Omit<Effect, 'turn'>, cause: Cause): void {
  const e: Effect = { turn: ctx.s.turn + 1, ...effect }; // the turn being resolved
  if (cause.rule) e.rule = cause.rule;
  if (cause.order !== undefined) e.order = cause.order;
  if (cause.actor) e.actor = cause.actor;
  if (cause.source) e.source = cause.source;
  if (cause.triad) e.triad = cause.triad;
  ctx.s.effects.push(Object.freeze(e)); // effects never change once logged; frozen, immer skips them when finalizing
}

export const signed = (n: number): string => (n > 0 ? `+${n}` : `${n}`);
