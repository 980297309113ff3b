// The rule language's effects: each one changes the state through one function and logs what it changed
// with its cause, so every change in the game can answer "why?".
import { unravel } from './balance';
import type { Binding, Cause, Ctx } from './context';
import { actorName, bindRef, record, regionName, signed, whyOf, later } from './context';
import { changeRelation } from './relations';
import type { Effect } from './schema';

export function changeMeter(
  ctx: Ctx,
  actor: string,
  meter: string,
  next: (v: number) => number,
  cause: Cause,
): void {
  const { s, w } = ctx;
  const a = s.actors[w.actorIndex[actor] ?? -1];
  const def = w.def.meters.find((m) => m.id === meter);
  if (!a || !def) return;
  const before = a.meters[meter] ?? 0;
  const after = Math.max(def.min, Math.min(def.max, next(before)));
  if (after === before) return;
  a.meters[meter] = after;
  const text = later(
    () => `${actorName(w, actor)} ${def.name} ${signed(after - before)} to ${after}: ${whyOf(cause)}`,
  );
  record(ctx, { kind: 'meter', text, a: actor, meter, before, after }, cause);
}

export function changePresence(ctx: Ctx, actor: string, region: string, delta: number, cause: Cause): void {
  const { s, w } = ctx;
  const r = s.regions[w.regionIndex[region] ?? -1];
  if (!r || delta === 0 || w.actorIndex[actor] === undefined) return;
  const before = r.presence[actor] ?? 0;
  const after = Math.max(0, before + delta);
  if (after === before) return;
  if (after === 0) delete r.presence[actor];
  else r.presence[actor] = after;
  const text = later(
    () =>
      `${actorName(w, actor)} forces in ${regionName(w, region)} ${signed(after - before)} to ${after}: ${whyOf(cause)}`,
  );
  record(ctx, { kind: 'presence', text, a: actor, region, before, after }, cause);
}

export function changeControl(ctx: Ctx, region: string, actor: string | null, cause: Cause): void {
  const { s, w } = ctx;
  const r = s.regions[w.regionIndex[region] ?? -1];
  if (!r || r.controller === actor) return;
  const from = r.controller;
  r.controller = actor;
  const text = later(
    () =>
      `${regionName(w, region)} passes from ${from ? actorName(w, from) : 'nobody'} to ${actor ? actorName(w, actor) : 'nobody'}: ${whyOf(cause)}`,
  );
  const e = {
    kind: 'control' as const,
    text,
    region,
    ...(from ? { a: from } : {}),
    ...(actor ? { b: actor } : {}),
  };
  record(ctx, e, cause);
}

export function changeReserve(ctx: Ctx, actor: string, delta: number, cause: Cause): void {
  const a = ctx.s.actors[ctx.w.actorIndex[actor] ?? -1];
  if (!a || delta === 0) return;
  const before = a.reserve;
  a.reserve = Math.max(0, before + delta);
  const after = a.reserve;
  const w = ctx.w;
  const text = later(
    () => `${actorName(w, actor)} reserve ${signed(after - before)} to ${after}: ${whyOf(cause)}`,
  );
  record(ctx, { kind: 'meter', text, a: actor, meter: 'reserve', before, after }, cause);
}

/** Moves up to `amount` of the actor's reserve into a region (what is left, if less); returns how many moved. */
export function deployForces(ctx: Ctx, actor: string, region: string, amount: number, cause: Cause): number {
  const n = Math.min(amount, ctx.s.actors[ctx.w.actorIndex[actor] ?? -1]?.reserve ?? 0);
  changeReserve(ctx, actor, -n, cause);
  changePresence(ctx, actor, region, n, cause);
  return n;
}

export function changeFlag(ctx: Ctx, flag: string, next: (v: number) => number, cause: Cause): void {
  const before = ctx.s.flags[flag] ?? 0;
  const after = next(before);
  if (after === before) return;
  ctx.s.flags[flag] = after;
  record(
    ctx,
    { kind: 'flag', text: later(() => `${flag} ${before} → ${after}: ${whyOf(cause)}`), before, after },
    cause,
  );
}

/** Applies one effect of the rule language; `$actor`, `$target`, `$region` are read from `bind`. */
export function applyEffect(ctx: Ctx, e: Effect, cause: Cause, bind?: Binding): void {
  const { s, w } = ctx;
  switch (e.do) {
    case 'relation':
      return changeRelation(ctx, bindRef(e.a, bind), bindRef(e.b, bind), e.layer, e.delta, cause);
    case 'meter':
      return changeMeter(
        ctx,
        bindRef(e.actor, bind),
        e.meter,
        (v) => (e.set !== undefined ? e.set : v + (e.delta ?? 0)),
        cause,
      );
    case 'flag':
      return changeFlag(ctx, e.flag, (v) => (e.set !== undefined ? e.set : v + (e.delta ?? 0)), cause);
    case 'presence':
      return changePresence(ctx, bindRef(e.actor, bind), bindRef(e.region, bind), e.delta, cause);
    case 'move': {
      const actor = bindRef(e.actor, bind);
      const from = s.regions[w.regionIndex[bindRef(e.from, bind)] ?? -1];
      const moving = Math.floor(((from?.presence[actor] ?? 0) * e.percent) / 100);
      if (!from || moving <= 0) return;
      changePresence(ctx, actor, bindRef(e.from, bind), -moving, cause);
      const share = Math.floor(moving / e.to.length);
      e.to.forEach((r, i) => {
        const extra = i === 0 ? moving - share * e.to.length : 0;
        changePresence(ctx, actor, bindRef(r, bind), share + extra, cause);
      });
      return;
    }
    case 'control':
      return changeControl(
        ctx,
        bindRef(e.region, bind),
        e.actor === null ? null : bindRef(e.actor, bind),
        cause,
      );
    case 'contest': {
      const r = s.regions[w.regionIndex[bindRef(e.region, bind)] ?? -1];
      if (r && r.contested !== e.value) {
        r.contested = e.value;
        const text = `${regionName(w, bindRef(e.region, bind))} ${e.value ? 'is contested' : 'is no longer contested'}: ${whyOf(cause)}`;
        record(ctx, { kind: 'contest', text, region: bindRef(e.region, bind) }, cause);
      }
      return;
    }
    case 'reserve':
      return changeReserve(ctx, bindRef(e.actor, bind), e.delta, cause);
    case 'vp': {
      const a = s.actors[w.actorIndex[bindRef(e.actor, bind)] ?? -1];
      if (!a || e.delta === 0) return;
      const before = a.vp;
      a.vp += e.delta;
      const text = `${actorName(w, bindRef(e.actor, bind))} ${signed(e.delta)} VP: ${whyOf(cause)}`;
      record(ctx, { kind: 'vp', text, a: bindRef(e.actor, bind), before, after: a.vp }, cause);
      return;
    }
    case 'weight': {
      const a = s.actors[w.actorIndex[bindRef(e.actor, bind)] ?? -1];
      if (!a || a.weights[e.objective] === e.set) return;
      const before = a.weights[e.objective] ?? 0;
      a.weights[e.objective] = e.set;
      const text = `${actorName(w, bindRef(e.actor, bind))} now weighs "${e.objective}" ${e.set} (was ${before}): ${whyOf(cause)}`;
      record(ctx, { kind: 'weight', text, a: bindRef(e.actor, bind), before, after: e.set }, cause);
      return;
    }
    case 'unravel':
      return unravel(ctx, cause, e.layer, e.triads);
    case 'note':
      return record(ctx, { kind: 'note', text: e.text }, cause);
  }
}
