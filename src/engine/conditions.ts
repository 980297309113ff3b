// The rule language's conditions: a small JSON expression tree, compiled per World (compile.ts) and read
// through the state (`ordered` and `controlChanged` look at the turn being resolved) or, for the AI, an overlay.
import { compiled } from './compile';
import type { Ctx } from './context';
import type { Bound } from './reader';
import { NO_BINDING, StateReader } from './reader';
import { setBoundTester } from './relations';
import type { Condition } from './schema';

/** The reader for resolution: the turn's resolved orders, and dice drawn from the state itself. */
export function stateReader(ctx: Ctx): StateReader {
  return (ctx.reader ??= new StateReader(ctx.s, ctx.w, null, ctx.s));
}

/** Whether a condition holds in the state, with an order's placeholders bound. `chance` draws from the state's generator. */
export const test = (ctx: Ctx, c: Condition, bind: Bound = NO_BINDING): boolean =>
  compiled(ctx.w, c).test(stateReader(ctx), bind);

setBoundTester((ctx, c) => test(ctx, c));

/**
 * Plain-language rendering of a condition, for refusals and the briefing. `name` turns an id or placeholder
 * (an actor, a region, a layer) into what the player reads; by default the id itself.
 */
export function describeCondition(c: Condition, name: (ref: string) => string = (x) => x): string {
  const n = name;
  const range = (x: { atLeast?: number; atMost?: number }) =>
    [x.atLeast !== undefined ? `≥ ${x.atLeast}` : '', x.atMost !== undefined ? `≤ ${x.atMost}` : '']
      .filter(Boolean)
      .join(' and ');
  switch (c.if) {
    case 'relation':
      return `${n(c.a)}–${n(c.b)} (${n(c.layer)}) ${range(c)}`;
    case 'meter':
      return `${n(c.actor)} ${c.meter} ${range(c)}`;
    case 'flag':
      return `${c.flag} ${range(c)}`;
    case 'control':
      return c.actor === null
        ? `${n(c.region)} held by nobody`
        : `${n(c.region)} held by ${Array.isArray(c.actor) ? c.actor.map(n).join(' or ') : n(c.actor)}`;
    case 'presence':
      return `${n(c.actor)} forces in ${c.region ? n(c.region) : c.theatre ? n(c.theatre) : 'all regions'} ${range(c)}`;
    case 'turn':
      return `turn ${range(c)}`;
    case 'ordered':
      return `${c.actor ? n(c.actor) : 'someone'} ordered ${c.order ?? c.type ?? 'something'}${c.target ? ` on ${n(c.target)}` : ''}`;
    case 'controlChanged':
      return `${n(c.region)} changed hands${c.from ? ` from ${n(c.from)}` : ''}${c.to ? ` to ${n(c.to)}` : ''}`;
    case 'redefined':
      return `${n(c.actor)} has redefined its interests`;
    case 'chance':
      return `${c.percent}% chance`;
    case 'all':
      return c.of.map((x) => describeCondition(x, n)).join(' and ');
    case 'any':
      return c.of.map((x) => describeCondition(x, n)).join(' or ');
    case 'not':
      return `not (${describeCondition(c.cond, n)})`;
  }
}
