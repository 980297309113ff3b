// Structural balance on the multiplex graph. A triad is unbalanced when the product of its three signs is
// negative (zero edges make no triad). "cross" triads are A1's contradictions: unbalanced once the layers of
// a pair are taken together, i.e. some choice of one non-zero layer value per edge gives a negative product.
import type { Cause, Ctx } from './context';
import { actorName, layerName, whyOf, later } from './context';
import { nextInt } from './rng';
import { changeRelation, netOf, pairIndex } from './relations';
import type { World } from './scenario';
import type { GameState } from './types';

export interface Triad {
  actors: [string, string, string]; // sorted by actor order in the scenario
  layer: string; // a layer id, "net", or "cross"
}

const sign = (v: number): number => (v > 0 ? 1 : v < 0 ? -1 : 0);

/**
 * Every unbalanced triad per layer, on the net graph, and across layers. `kinds` limits the work to the
 * layers, the net graph and/or the cross-layer view. Signs are computed once per pair, then the triple loop
 * is integer arithmetic (this runs several times a turn in every playout).
 */
export function listUnbalancedTriads(
  s: GameState,
  w: World,
  kinds: { layers?: boolean; net?: boolean; cross?: boolean } = { layers: true, net: true, cross: true },
): Triad[] {
  const n = w.actorIds.length;
  const pairs = (n * (n - 1)) / 2;
  const layerCount = w.def.layers.length;
  // Plain arrays, not Int8Arrays: a typed array of more than 64 bytes is allocated outside the heap, which
  // costs several times more than the loops below at these sizes.
  const signs: number[][] = [];
  if (kinds.layers)
    for (let l = 0; l < layerCount; l++) {
      const values = s.relations[l]!;
      const out = new Array<number>(pairs);
      for (let p = 0; p < pairs; p++) out[p] = sign(values[p]!);
      signs.push(out);
    }
  const net = new Array<number>(pairs).fill(0);
  const mask = new Array<number>(pairs).fill(0);
  const values: number[] = new Array<number>(w.netLayers.length);
  for (let p = 0; p < pairs && (kinds.net || kinds.cross); p++) {
    let m = 0;
    for (let k = 0; k < w.netLayers.length; k++) {
      const v = s.relations[w.netLayers[k]!]![p]!;
      values[k] = v;
      if (v > 0) m |= 1;
      else if (v < 0) m |= 2;
    }
    net[p] = sign(netOf(values));
    mask[p] = m;
  }
  // Only triads whose three pairs are tied in some layer can be unbalanced in any sense: walk those alone, in
  // the same order as all triples (i < j < k), through each actor's list of tied partners.
  const tied = new Array<number>(pairs).fill(0);
  const partners: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const p = pairIndex(i, j, n);
      for (let l = 0; l < layerCount && !tied[p]; l++) if (s.relations[l]![p] !== 0) tied[p] = 1;
      if (tied[p]) partners[i]!.push(j);
    }
  const out: Triad[] = [];
  const ids = w.actorIds;
  const layerIds = w.def.layers.map((l) => l.id);
  for (let i = 0; i < n; i++) {
    const mine = partners[i]!;
    for (let x = 0; x < mine.length; x++) {
      const j = mine[x]!;
      const pij = pairIndex(i, j, n);
      for (let y = x + 1; y < mine.length; y++) {
        const k = mine[y]!;
        const pjk = pairIndex(j, k, n);
        if (!tied[pjk]) continue;
        const pik = pairIndex(i, k, n);
        let actors: [string, string, string] | null = null;
        if (kinds.layers)
          for (let l = 0; l < layerCount; l++) {
            const r = signs[l]!;
            if (r[pij]! * r[pik]! * r[pjk]! < 0)
              out.push({ actors: (actors ??= [ids[i]!, ids[j]!, ids[k]!]), layer: layerIds[l]! });
          }
        if (kinds.net && net[pij]! * net[pik]! * net[pjk]! < 0)
          out.push({ actors: (actors ??= [ids[i]!, ids[j]!, ids[k]!]), layer: 'net' });
        if (kinds.cross) {
          const a = mask[pij]!;
          const b = mask[pik]!;
          const c = mask[pjk]!;
          if (a && b && c && canBeNegative(a, b, c))
            out.push({ actors: (actors ??= [ids[i]!, ids[j]!, ids[k]!]), layer: 'cross' });
        }
      }
    }
  }
  return out;
}

/**
 * True when a choice of one sign per edge (from the masks: bit 1 positive, bit 2 negative) gives two ties of
 * friendship and one of enmity: A1's contradiction ("+ + −"). Three enemies are not a contradiction: nobody
 * in that triad is pulled two ways.
 */
function canBeNegative(a: number, b: number, c: number): boolean {
  return (
    (a & 2 && b & 1 && c & 1) !== 0 || (b & 2 && a & 1 && c & 1) !== 0 || (c & 2 && a & 1 && b & 1) !== 0
  );
}

/**
 * Tension per actor: for each cross-layer contradiction it is part of (unless it has redefined its interests),
 * the strength of the triad's weakest tie in thirds of the scale (1 for ±33, 3 for ±100).
 */
export function tensionScores(
  s: GameState,
  w: World,
  triads = listUnbalancedTriads(s, w, { cross: true }),
): Record<string, number> {
  const n = w.actorIds.length;
  const redefined = s.actors.map((a) => a.redefined);
  const strength = new Array<number>((n * (n - 1)) / 2).fill(0);
  for (let p = 0; p < strength.length; p++)
    for (const l of w.netLayers) strength[p] = Math.max(strength[p]!, Math.abs(s.relations[l]![p]!));
  const points = new Array<number>(n).fill(0);
  for (const t of triads) {
    if (t.layer !== 'cross') continue;
    const [x, y, z] = [w.actorIndex[t.actors[0]]!, w.actorIndex[t.actors[1]]!, w.actorIndex[t.actors[2]]!];
    const weakest = Math.min(
      strength[pairIndex(x, y, n)]!,
      strength[pairIndex(x, z, n)]!,
      strength[pairIndex(y, z, n)]!,
    );
    const add = Math.max(1, Math.round(weakest / 33));
    for (const i of [x, y, z]) if (!redefined[i]) points[i]! += add;
  }
  const out: Record<string, number> = {};
  w.actorIds.forEach((id, i) => (out[id] = points[i]!));
  return out;
}

type Edge = { a: string; b: string; layer: number; value: number };

/** The weakest of a triad's three edges in a layer: the first of them, or a seeded pick among several tied. */
function weakestEdge(ctx: Ctx, t: Triad, l: number): Edge {
  const { s, w } = ctx;
  const n = w.actorIds.length;
  const x = w.actorIndex[t.actors[0]]!;
  const y = w.actorIndex[t.actors[1]]!;
  const z = w.actorIndex[t.actors[2]]!;
  const layer = s.relations[l]!;
  const vxy = layer[pairIndex(x, y, n)]!;
  const vxz = layer[pairIndex(x, z, n)]!;
  const vyz = layer[pairIndex(y, z, n)]!;
  const min = Math.min(Math.abs(vxy), Math.abs(vxz), Math.abs(vyz));
  const tied =
    (Math.abs(vxy) === min ? 1 : 0) + (Math.abs(vxz) === min ? 1 : 0) + (Math.abs(vyz) === min ? 1 : 0);
  let pick = tied === 1 ? 0 : nextInt(s, tied); // among the tied edges, in the order xy, xz, yz
  if (Math.abs(vxy) === min && pick-- === 0) return { a: t.actors[0], b: t.actors[1], layer: l, value: vxy };
  if (Math.abs(vxz) === min && pick-- === 0) return { a: t.actors[0], b: t.actors[2], layer: l, value: vxz };
  return { a: t.actors[1], b: t.actors[2], layer: l, value: vyz };
}

/**
 * The realignment step: in each layer, the weakest edge of each unbalanced triad drifts toward the sign that
 * balances it, by 1..realignStep (seeded). An edge moves at most once per layer per turn.
 */
export function realign(ctx: Ctx): void {
  const { s, w } = ctx;
  const step = w.settings.realignStep;
  if (step <= 0) return;
  const triads = listUnbalancedTriads(s, w, { layers: true });
  const moved = new Set<string>();
  const n = w.actorIds.length;
  for (const t of triads) {
    const l = w.layerIndex[t.layer]!;
    // An earlier move this turn may have balanced the triad already (or zeroed one of its ties): leave it.
    const [x, y, z] = t.actors.map((a) => w.actorIndex[a]!) as [number, number, number];
    const values = s.relations[l]!;
    const product =
      sign(values[pairIndex(x, y, n)]!) *
      sign(values[pairIndex(x, z, n)]!) *
      sign(values[pairIndex(y, z, n)]!);
    if (product >= 0) continue;
    const e = weakestEdge(ctx, t, l);
    const key = `${e.a}|${e.b}|${l}`;
    if (moved.has(key)) continue;
    moved.add(key);
    const delta = -sign(e.value) * (1 + nextInt(s, step));
    const third = t.actors.find((a) => a !== e.a && a !== e.b)!;
    const k = w.actorIndex[third]!;
    const kind = balanceCase(
      e.value,
      values[pairIndex(w.actorIndex[e.a]!, k, n)]!,
      values[pairIndex(w.actorIndex[e.b]!, k, n)]!,
    );
    const layer = t.layer;
    const why = later(() => balanceWhy(w, kind, e.a, e.b, third, layer));
    changeRelation(ctx, e.a, e.b, t.layer, delta, { why, triad: t.actors });
  }
}

/**
 * Why the weakest edge (a, b) of an unbalanced triad moves, from the signs of its three edges: a and b are
 * friends but stand in opposite ways toward the third (the friend of my enemy); they are enemies with a friend
 * in common (the friend of my friend); or all three are enemies (the enemy of my enemy).
 */
export type BalanceCase = 'opposite' | 'common-friend' | 'three-enemies';

export function balanceCase(ab: number, az: number, bz: number): BalanceCase {
  if (ab > 0) return 'opposite';
  return az > 0 && bz > 0 ? 'common-friend' : 'three-enemies';
}

/** The sentence a balance effect gives, naming the case and the theory it comes from (the model's, not an article's). */
export function balanceWhy(
  w: World,
  kind: BalanceCase,
  a: string,
  b: string,
  third: string,
  layer: string,
): string {
  const [x, y, z] = [actorName(w, a), actorName(w, b), actorName(w, third)];
  const where = layerName(w, layer);
  const theory = `the model's structural balance (Heider; Cartwright–Harary, strong balance within a layer)`;
  if (kind === 'opposite')
    return `${x} and ${y} are friends but stand in opposite ways toward ${z} in ${where}: the friend of my enemy is my enemy, so their tie cools (${theory})`;
  if (kind === 'common-friend')
    return `${x} and ${y} are enemies with a friend in common, ${z}, in ${where}: the friend of my friend is my friend, so their tie warms (${theory})`;
  return `${x}, ${y} and ${z} are all enemies in ${where}: the enemy of my enemy is my friend, so the tie of ${x} and ${y} warms (${theory})`;
}

/**
 * R26-style unravelling: each contradiction (cross-layer, or unbalanced in `layer`; only the `named` triads
 * when the rule lists the ones its source names) whose actors have not redefined their interests comes apart: its weakest positive tie turns negative. Triads are checked again
 * just before each flip (an earlier flip may already have balanced them), and a triad of three enemies has
 * no tie to break, so it is left alone.
 */
export function unravel(ctx: Ctx, cause: Cause, layer?: string, named?: readonly string[][]): void {
  const { s, w } = ctx;
  const key = (actors: readonly string[]) => [...actors].sort().join();
  const only = named ? new Set(named.map(key)) : null;
  const triads = listUnbalancedTriads(s, w, layer ? { layers: true } : { cross: true }).filter(
    (t) => t.layer === (layer ?? 'cross') && (!only || only.has(key(t.actors))),
  );
  const n = w.actorIds.length;
  const layers = layer ? [w.layerIndex[layer]!] : w.netLayers;
  for (const t of triads) {
    if (t.actors.some((a) => s.actors[w.actorIndex[a]!]!.redefined)) continue;
    const pairs = [
      [t.actors[0], t.actors[1]],
      [t.actors[0], t.actors[2]],
      [t.actors[1], t.actors[2]],
    ].map(([a, b]) => ({ a: a!, b: b!, p: pairIndex(w.actorIndex[a!]!, w.actorIndex[b!]!, n) }));
    if (
      !stillUnbalanced(
        s,
        layers,
        pairs.map((x) => x.p),
      )
    )
      continue;
    let best = null as Edge | null;
    for (const { a, b, p } of pairs)
      for (const l of layers) {
        const v = s.relations[l]![p]!;
        if (v > 0 && (!best || v < best.value)) best = { a, b, layer: l, value: v };
      }
    if (!best) continue;
    const target = -Math.max(10, Math.ceil(best.value / 2));
    const layerId = w.def.layers[best.layer]!.id;
    const actors = t.actors;
    const why = later(
      () =>
        `${whyOf(cause)}: the contradiction ${actors.map((a) => actorName(w, a)).join('–')}${only ? ', one the source names,' : ''} comes apart — two friendships and an enmity once the layers are taken together (the model's weak balance across layers, Cartwright–Harary)`,
    );
    changeRelation(ctx, best.a, best.b, layerId, target - best.value, { ...cause, triad: t.actors, why });
  }
}

/** Whether a triad (three pair indexes) is still unbalanced in the given layers taken together. */
function stillUnbalanced(s: GameState, layers: readonly number[], pairs: readonly number[]): boolean {
  const masks = pairs.map((p) => {
    let m = 0;
    for (const l of layers) {
      const v = s.relations[l]![p]!;
      if (v > 0) m |= 1;
      else if (v < 0) m |= 2;
    }
    return m;
  });
  return masks.every((m) => m !== 0) && canBeNegative(masks[0]!, masks[1]!, masks[2]!);
}
