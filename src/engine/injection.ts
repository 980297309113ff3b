// What a facilitator injects into a turn: a change of a relation or a meter with a typed reason, or one of the
// scenario's own events (a scheduled rule or a trigger) fired now. Injections are part of the turn like the
// orders: they take effect first, before the orders resolve, each effect logged with the facilitator's reason
// (and the event's rule and quote); the history and the replay record them, so a replay gives the same bytes.
import type { Cause, Ctx } from './context';
import { later, ruleWhy } from './context';
import { applyEffect } from './effects';
import type { World } from './scenario';

export type Injection =
  | { kind: 'relation'; a: string; b: string; layer: string; delta: number; reason: string }
  | { kind: 'meter'; actor: string; meter: string; delta: number; reason: string }
  | { kind: 'event'; rule: string; reason: string };

/** The most one relation or meter change may move (a relation's whole scale). */
export const INJECTION_LIMIT = 100;
export const REASON_LIMIT = 300;

/** The scenario's events a facilitator may fire: its scheduled rules and triggers. */
export const injectableEvents = (w: World) => [...w.scheduled, ...w.triggers];

/** What is wrong with an injection in this world, in a sentence naming the problem; null when it is sound. */
export function checkInjection(w: World, x: Injection): string | null {
  const reason = typeof x.reason === 'string' ? x.reason.trim() : '';
  if (!reason) return 'An injected change needs a reason (it is shown in the report and the log).';
  if (reason.length > REASON_LIMIT) return `The reason is longer than ${REASON_LIMIT} characters.`;
  const actor = (id: unknown) => typeof id === 'string' && w.actorIndex[id] !== undefined;
  const amount = (d: unknown) =>
    typeof d === 'number' && Number.isInteger(d) && d !== 0 && Math.abs(d) <= INJECTION_LIMIT;
  switch (x.kind) {
    case 'relation':
      if (!actor(x.a) || !actor(x.b)) return `Unknown actor "${actor(x.a) ? x.b : x.a}".`;
      if (x.a === x.b) return 'A relation needs two different actors.';
      if (w.layerIndex[x.layer] === undefined) return `Unknown layer "${x.layer}".`;
      if (!amount(x.delta))
        return `The change must be a whole number from −${INJECTION_LIMIT} to ${INJECTION_LIMIT}, not 0.`;
      return null;
    case 'meter':
      if (!actor(x.actor)) return `Unknown actor "${x.actor}".`;
      if (!w.def.meters.some((m) => m.id === x.meter)) return `Unknown meter "${x.meter}".`;
      if (!amount(x.delta))
        return `The change must be a whole number from −${INJECTION_LIMIT} to ${INJECTION_LIMIT}, not 0.`;
      return null;
    case 'event':
      return injectableEvents(w).some((r) => r.id === x.rule)
        ? null
        : `"${x.rule}" is not one of the scenario's events (its scheduled rules and triggers).`;
    default:
      return 'An injection is a relation change, a meter change or an event.';
  }
}

/** Applies the turn's injections, in order (they were checked when given). */
export function applyInjections(ctx: Ctx, injected: readonly Injection[]): void {
  const { s, w } = ctx;
  for (const x of injected) {
    const why = `the facilitator: ${x.reason.trim()}`;
    if (x.kind === 'event') {
      const rule = w.rulesById[x.rule];
      if (!rule || (rule.kind !== 'scheduled' && rule.kind !== 'trigger')) continue;
      if (rule.kind === 'trigger' && rule.once) {
        if (s.fired.includes(rule.id)) continue;
        s.fired.push(rule.id);
      }
      const rulesWhy = ruleWhy(rule);
      const cause: Cause = {
        why: later(() => `${rulesWhy()} (fired by ${why})`),
        rule: rule.id,
        facilitator: true,
      };
      if (rule.source) cause.source = rule.source;
      for (const e of rule.effects) applyEffect(ctx, e, cause);
      continue;
    }
    const cause: Cause = { why, facilitator: true };
    if (x.kind === 'relation')
      applyEffect(ctx, { do: 'relation', a: x.a, b: x.b, layer: x.layer, delta: x.delta }, cause);
    else applyEffect(ctx, { do: 'meter', actor: x.actor, meter: x.meter, delta: x.delta }, cause);
  }
}
