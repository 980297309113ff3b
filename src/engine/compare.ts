// Differences between two states of the same scenario (usually the same turn on two branches): relations per
// layer and net, control, meters, scores and unbalanced triads. Worlds may differ (branches) but share actors.
import { listUnbalancedTriads } from './balance';
import { netAt, pairIndex } from './relations';
import type { World } from './scenario';
import type { Effect, GameState } from './types';

export interface StateDiff {
  turn: [number, number];
  relations: { a: string; b: string; layer: string; left: number; right: number; delta: number }[];
  control: { region: string; left: string | null; right: string | null }[];
  meters: { actor: string; meter: string; left: number; right: number; delta: number }[];
  scores: { actor: string; left: number; right: number; delta: number }[];
  triads: { actors: string[]; layer: string; side: 'left' | 'right' }[];
}

export function compareStates(lw: World, left: GameState, rw: World, right: GameState): StateDiff {
  const ids = lw.actorIds;
  const n = ids.length;
  const relations: StateDiff['relations'] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const p = pairIndex(i, j, n);
      lw.def.layers.forEach((l, li) => {
        const [x, y] = [left.relations[li]![p]!, right.relations[li]![p]!];
        if (x !== y) relations.push({ a: ids[i]!, b: ids[j]!, layer: l.id, left: x, right: y, delta: y - x });
      });
      const [x, y] = [netAt(left, lw, i, j), netAt(right, rw, i, j)];
      if (x !== y) relations.push({ a: ids[i]!, b: ids[j]!, layer: 'net', left: x, right: y, delta: y - x });
    }
  const control = left.regions.flatMap((r, ri) => {
    const other = right.regions[ri]!.controller;
    return r.controller === other ? [] : [{ region: r.id, left: r.controller, right: other }];
  });
  const meters = left.actors.flatMap((a, ai) =>
    Object.keys(a.meters)
      .sort()
      .flatMap((m) => {
        const [x, y] = [a.meters[m]!, right.actors[ai]!.meters[m] ?? 0];
        return x === y ? [] : [{ actor: a.id, meter: m, left: x, right: y, delta: y - x }];
      }),
  );
  const scores = ids.flatMap((a) => {
    const [x, y] = [left.scores[a] ?? 0, right.scores[a] ?? 0];
    return x === y ? [] : [{ actor: a, left: x, right: y, delta: y - x }];
  });
  const key = (t: { actors: string[]; layer: string }) => `${t.actors.join(',')}|${t.layer}`;
  const lt = listUnbalancedTriads(left, lw);
  const rt = listUnbalancedTriads(right, rw);
  const lk = new Set(lt.map(key));
  const rk = new Set(rt.map(key));
  const triads: StateDiff['triads'] = [
    ...lt
      .filter((t) => !rk.has(key(t)))
      .map((t) => ({ actors: [...t.actors], layer: t.layer, side: 'left' as const })),
    ...rt
      .filter((t) => !lk.has(key(t)))
      .map((t) => ({ actors: [...t.actors], layer: t.layer, side: 'right' as const })),
  ];
  return { turn: [left.turn, right.turn], relations, control, meters, scores, triads };
}

export interface Cause {
  turn: number;
  text: string;
  rule?: string;
  source?: string;
}

export interface ExplainedDiff extends StateDiff {
  causes: { key: string; left: Cause[]; right: Cause[] }[]; // key: "relation:A|B|layer", "control:region", "meter:actor|meter"
}

const cause = (e: Effect): Cause => {
  const c: Cause = { turn: e.turn, text: e.text };
  if (e.rule) c.rule = e.rule;
  if (e.source) c.source = e.source.source;
  return c;
};

/** Adds to each difference the effects, along each line, that changed that relation, region or meter. */
export function explainDiff(
  diff: StateDiff,
  left: readonly Effect[],
  right: readonly Effect[],
): ExplainedDiff {
  const causes: ExplainedDiff['causes'] = [];
  const pick = (effects: readonly Effect[], test: (e: Effect) => boolean) => effects.filter(test).map(cause);
  for (const r of diff.relations) {
    const touches = (e: Effect) =>
      e.kind === 'relation' &&
      ((e.a === r.a && e.b === r.b) || (e.a === r.b && e.b === r.a)) &&
      (r.layer === 'net' || e.layer === r.layer);
    causes.push({
      key: `relation:${r.a}|${r.b}|${r.layer}`,
      left: pick(left, touches),
      right: pick(right, touches),
    });
  }
  for (const c of diff.control) {
    const touches = (e: Effect) => e.kind === 'control' && e.region === c.region;
    causes.push({ key: `control:${c.region}`, left: pick(left, touches), right: pick(right, touches) });
  }
  for (const m of diff.meters) {
    const touches = (e: Effect) => e.kind === 'meter' && e.a === m.actor && e.meter === m.meter;
    causes.push({
      key: `meter:${m.actor}|${m.meter}`,
      left: pick(left, touches),
      right: pick(right, touches),
    });
  }
  return { ...diff, causes };
}
