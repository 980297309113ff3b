// Multiplex relations: one signed value per actor pair per layer, kept in flat arrays indexed by pair, and
// the derived net value (sum of the layers that count, clamped). Bounds rules (floors and caps) apply here.
import type { Cause, Ctx } from './context';
import { actorName, layerName, record, signed, whyOf, later } from './context';
import type { World } from './scenario';
import type { GameState } from './types';
import { NET_START, netFrom, netOf } from './net';

export const clampRelation = (v: number): number => (v > 100 ? 100 : v < -100 ? -100 : v);

/** Index of the unordered pair (i, j), i ≠ j, among n actors. */
export function pairIndex(i: number, j: number, n: number): number {
  const x = i < j ? i : j;
  const y = i < j ? j : i;
  return (x * (2 * n - x - 1)) / 2 + (y - x - 1);
}

export const pairCount = (n: number): number => (n * (n - 1)) / 2;

export function valueAt(s: GameState, w: World, i: number, j: number, layer: number): number {
  return s.relations[layer]![pairIndex(i, j, w.actorIds.length)]!;
}

export { netOf };

export function netAt(s: GameState, w: World, i: number, j: number): number {
  const p = pairIndex(i, j, w.actorIds.length);
  let keep = NET_START;
  let hold = NET_START;
  for (const l of w.netLayers) {
    const v = s.relations[l]![p]!;
    if (v > 0) keep *= 1 - v / 100;
    else if (v < 0) hold *= 1 + v / 100;
  }
  return netFrom(keep, hold); // netOf without an array
}

/** The relation between actors a and b in a layer id, or "net". Unknown ids read as 0. */
export function relation(s: GameState, w: World, a: string, b: string, layer: string): number {
  const i = w.actorIndex[a];
  const j = w.actorIndex[b];
  if (i === undefined || j === undefined || i === j) return 0;
  if (layer === 'net') return netAt(s, w, i, j);
  const l = w.layerIndex[layer];
  return l === undefined ? 0 : valueAt(s, w, i, j, l);
}

/** Applies the bound rules of a pair to a proposed value in one layer; returns the value and the rule that clipped it. */
function applyBounds(ctx: Ctx, a: string, b: string, layer: number, value: number): [number, string | null] {
  const { s, w } = ctx;
  let v = value;
  let clippedBy: string | null = null;
  for (const r of w.bounds) {
    if (!((r.a === a && r.b === b) || (r.a === b && r.b === a))) continue;
    if (r.while && !testLater(ctx, r.while)) continue;
    if (r.layer === 'net') {
      if (!w.netLayers.includes(layer)) continue;
      const p = pairIndex(w.actorIndex[a]!, w.actorIndex[b]!, w.actorIds.length);
      const netWith = (x: number) => netOf(w.netLayers.map((l) => (l === layer ? x : s.relations[l]![p]!)));
      // Step toward the bound, one point at a time, so the layer moves no further than the bound needs.
      if (r.max !== undefined) while (v > -100 && netWith(v) > r.max) [v, clippedBy] = [v - 1, r.id];
      if (r.min !== undefined) while (v < 100 && netWith(v) < r.min) [v, clippedBy] = [v + 1, r.id];
    } else if (w.layerIndex[r.layer] === layer) {
      if (r.max !== undefined && v > r.max) [v, clippedBy] = [r.max, r.id];
      if (r.min !== undefined && v < r.min) [v, clippedBy] = [r.min, r.id];
    }
  }
  return [clampRelation(v), clippedBy];
}

// Set by conditions.ts to break the import cycle (bounds may carry a `while` condition).
let testLater: (ctx: Ctx, c: NonNullable<World['bounds'][number]['while']>) => boolean = () => true;
export const setBoundTester = (fn: typeof testLater): void => {
  testLater = fn;
};

/** Changes the relation of a and b in one layer by delta, within bounds, and logs the effect with its cause. */
export function changeRelation(
  ctx: Ctx,
  a: string,
  b: string,
  layerId: string,
  delta: number,
  cause: Cause,
): void {
  const { s, w } = ctx;
  const i = w.actorIndex[a];
  const j = w.actorIndex[b];
  const l = w.layerIndex[layerId];
  if (i === undefined || j === undefined || l === undefined || i === j || delta === 0) return;
  const p = pairIndex(i, j, w.actorIds.length);
  const before = s.relations[l]![p]!;
  const [after, clippedBy] = bounded(w, p)
    ? applyBounds(ctx, a, b, l, before + delta)
    : [clampRelation(before + delta), null];
  if (after === before) {
    if (clippedBy) {
      const text = later(
        () =>
          `${actorName(w, a)}–${actorName(w, b)} (${layerName(w, layerId)}) held at ${before} by ${clippedBy} (${whyOf(cause)})`,
      );
      record(
        ctx,
        { kind: 'note', text, a, b, layer: layerId },
        { ...cause, rule: clippedBy, source: w.rulesById[clippedBy]?.source },
      );
    }
    return;
  }
  s.relations[l]![p] = after;
  const text = later(
    () =>
      `${actorName(w, a)}–${actorName(w, b)} (${layerName(w, layerId)}) ${signed(after - before)} to ${after}: ` +
      `${whyOf(cause)}${clippedBy ? `, limited by ${clippedBy}` : ''}`,
  );
  record(
    ctx,
    { kind: 'relation', text, a: a < b ? a : b, b: a < b ? b : a, layer: layerId, before, after },
    cause,
  );
}

const boundedPairs = new WeakMap<World, Uint8Array>();

/** Whether a bound rule names the pair (by pair index): most pairs have none, and skip the bound rules. */
function bounded(w: World, p: number): boolean {
  let marks = boundedPairs.get(w);
  if (!marks) {
    const n = w.actorIds.length;
    marks = new Uint8Array(pairCount(n));
    for (const r of w.bounds) {
      const i = w.actorIndex[r.a];
      const j = w.actorIndex[r.b];
      if (i !== undefined && j !== undefined && i !== j) marks[pairIndex(i, j, n)] = 1;
    }
    boundedPairs.set(w, marks);
  }
  return marks[p] === 1;
}
