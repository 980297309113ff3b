// What every rule function receives: the compiled world and the (draft or mutable) state, plus the cause
// that a change is logged with. Rule functions mutate `s`; callers decide whether `s` is an immer draft.
import type { StateReader } from './reader';
import type { SourceRef } from './schema';
import type { World } from './scenario';
import type { Effect, GameState } from './types';

export interface Ctx {
  w: World;
  s: GameState;
  reader?: StateReader; // conditions' view of `s` during resolution, made on first use
  texts?: [Effect, () => string][]; // effects of the turn whose text is still to be written (see record)
  quiet?: boolean; // log only the effects rules read during the turn (control, contest): see TurnOptions.quiet
}

/** Why a change happens: becomes the effect's reason. */
export interface Cause {
  why: string | (() => string); // "the US opposed Turkey's intervention"; a function: made when shown
  rule?: string;
  order?: number;
  actor?: string;
  source?: SourceRef;
  triad?: string[];
  facilitator?: true; // a change the facilitator injected (injection.ts)
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

/**
 * A text made when shown. Wrapping the function in a call keeps it anonymous: tsx (esbuild's keepNames) names
 * every function stored in a variable or a property with a defineProperty call, which costs more than the text.
 */
export const later = (make: () => string): (() => string) => make;

/** A rule's reason, "R3: the US opposed …", made when shown. */
export const ruleWhy = (rule: { id: string; text: string }): (() => string) =>
  later(() => `${rule.id}: ${rule.text}`);

/** The reason of a cause as text. */
export const whyOf = (cause: Cause): string => (typeof cause.why === 'string' ? cause.why : cause.why());

/** An effect as rule functions log it: its text may be a function that writes it (only when it is shown). */
export type Logged = Omit<Effect, 'turn' | 'text'> & { text: string | (() => string) };

/**
 * Appends an effect to the turn's log, filling in the cause. A text given as a function is written by
 * `writeTexts` at the end of the turn, or not at all by a batch playout for the turns nobody reads.
 */
export function record(ctx: Ctx, effect: Logged, cause: Cause): void {
  if (ctx.quiet && effect.kind !== 'control' && effect.kind !== 'contest') return;
  const e = Object.assign({ turn: ctx.s.turn + 1 }, effect) as Effect; // the turn being resolved
  if (cause.rule) e.rule = cause.rule;
  if (cause.order !== undefined) e.order = cause.order;
  if (cause.actor) e.actor = cause.actor;
  if (cause.source) e.source = cause.source;
  if (cause.triad) e.triad = cause.triad;
  if (cause.facilitator) e.facilitator = true;
  if (typeof effect.text === 'function') {
    (ctx.texts ??= []).push([e, effect.text]);
    e.text = '';
  } else e.text = qualified(ctx, e, effect.text);
  ctx.s.effects.push(e);
}

/**
 * An effect's text with the standing of what it rests on: a claim the scenario marks doubtful is given as the
 * article's ("If the article's claim is true: …"), and a rule resting on outside knowledge says so.
 */
function qualified(ctx: Ctx, e: Effect, text: string): string {
  const rule = e.rule ? ctx.w.rulesById[e.rule] : undefined;
  const ok = rule && 'ok' in rule && rule.ok ? ' (this rests on outside knowledge, not on the articles)' : '';
  return `${e.source?.doubtful ? "If the article's claim is true: " : ''}${text}${ok}`;
}

/**
 * Writes the texts of the turn's effects and freezes them (effects never change once logged; frozen, immer
 * skips them when finalizing).
 */
export function writeTexts(ctx: Ctx): void {
  if (ctx.texts) for (const [e, text] of ctx.texts) e.text = qualified(ctx, e, text());
  ctx.texts = undefined;
  for (const e of ctx.s.effects) Object.freeze(e);
}

export const signed = (n: number): string => (n > 0 ? `+${n}` : `${n}`);
