// Scores: victory points banked by rules, plus the objectives whose condition holds now, less a penalty for
// tension (a quarter of the actor's tension score, rounded down): DOMAIN's "VP minus their tension score",
// scaled so that the several contradictions a great power sits in weigh like one objective, not all of them.
import { listUnbalancedTriads, tensionScores } from './balance';
import { compiled } from './compile';
import type { Ctx } from './context';
import { NO_BINDING, StateReader } from './reader';

export interface ObjectiveStatus {
  id: string;
  text: string;
  vp: number;
  met: boolean;
}

export function objectiveStatus(ctx: Ctx, actor: string): ObjectiveStatus[] {
  const def = ctx.w.def.actors[ctx.w.actorIndex[actor] ?? -1];
  if (!def) return [];
  const lens = new StateReader(ctx.s, ctx.w, ctx.s.orders, { rng: ctx.s.rng });
  return def.objectives.map((o) => ({
    id: o.id,
    text: o.text,
    vp: o.vp,
    met: compiled(ctx.w, o.when).test(lens, NO_BINDING),
  }));
}

/** What an actor's tension costs its score. */
export const tensionPenalty = (tension: number): number => Math.floor(tension / 4);

export function computeScores(ctx: Ctx): Record<string, number> {
  const { s, w } = ctx;
  const tension = tensionScores(s, w, listUnbalancedTriads(s, w, { cross: true }));
  const out: Record<string, number> = {};
  for (const a of w.def.actors) {
    const met = objectiveStatus(ctx, a.id).reduce((sum, o) => sum + (o.met ? o.vp : 0), 0);
    out[a.id] = s.actors[w.actorIndex[a.id]!]!.vp + met - tensionPenalty(tension[a.id] ?? 0);
  }
  return out;
}
