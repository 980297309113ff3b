// Each region's callout: its name over a grid of force tokens, placed near the region point (or inside its
// own area) so that no two callouts overlap, with a leader line when it had to move away. Greedy placement,
// then simulated annealing with a fixed seed: pure and deterministic, the same state gives the same picture.
import type { RegionState } from '../engine/index';
import type { Rect, Segment } from './geometry';
import { centreOf, inflate, nearestOnRect, outsideArea, overlapArea, rect } from './geometry';
import type { Pt } from './mapData';

export interface CalloutMetrics {
  chipH: number; // token height: 18
  gap: number; // between tokens, and between the name and the tokens: 3
  labelH: number; // height of the name line: 16
  pad: number; // around the content: 2
}

export interface CalloutInput {
  id: string; // region id
  point: Pt; // region point
  radius: number; // what must stay uncovered around the point (its marker)
  labelW: number; // width of its name
  chipWidths: number[]; // width of each token, in presence order
  alt?: { at: Pt; room: number }; // roomy point inside the region's area (and its clearance): no leader there
}

export interface Callout {
  id: string;
  box: Rect;
  label: Pt; // centre of the name
  chips: Pt[]; // centres of the tokens, in presence order
  leader: Segment | null; // from the point to the box when the box had to move away
  slot: number; // which candidate was chosen (preferred again next time, for calm animation)
}

/** Columns of the token grid: 1–2 tokens in a row, 3–4 in two columns, more in three. */
export const chipColumns = (n: number): number => (n <= 2 ? Math.max(1, n) : n <= 4 ? 2 : 3);

/** The actors present in a region, strongest first (the controller leads a tie), in scenario order after that. */
export function orderPresence(
  region: RegionState,
  actorOrder: readonly string[],
): { actor: string; strength: number }[] {
  return actorOrder
    .filter((a) => (region.presence[a] ?? 0) > 0)
    .map((actor) => ({ actor, strength: region.presence[actor]! }))
    .sort(
      (a, b) =>
        b.strength - a.strength ||
        Number(b.actor === region.controller) - Number(a.actor === region.controller) ||
        actorOrder.indexOf(a.actor) - actorOrder.indexOf(b.actor),
    );
}

/** The callout's content laid out in `cols` columns, relative to its top-left corner. */
function arrange(item: CalloutInput, cols: number, m: CalloutMetrics): { w: number; h: number; chips: Pt[] } {
  const n = item.chipWidths.length;
  const rows: number[][] = [];
  for (let i = 0; i < n; i += cols) rows.push(item.chipWidths.slice(i, i + cols));
  const rowW = (row: number[]) => row.reduce((a, b) => a + b, 0) + (row.length - 1) * m.gap;
  const w = Math.max(item.labelW, ...rows.map(rowW)) + 2 * m.pad;
  const h = m.labelH + (n ? m.gap + rows.length * m.chipH + (rows.length - 1) * m.gap : 0) + 2 * m.pad;
  const chips: Pt[] = [];
  rows.forEach((row, r) => {
    let x = w / 2 - rowW(row) / 2;
    for (const cw of row) {
      chips.push([x + cw / 2, m.pad + m.labelH + m.gap + r * (m.chipH + m.gap) + m.chipH / 2]);
      x += cw + m.gap;
    }
  });
  return { w, h, chips };
}

// Candidate directions: below first, then alternately either side round the clock (screen y down).
const DIRECTIONS: Pt[] = Array.from({ length: 12 }, (_, k) => {
  const t = Math.PI / 2 + (k % 2 ? 1 : -1) * Math.ceil(k / 2) * (Math.PI / 6);
  return [Math.round(Math.cos(t) * 1e6) / 1e6, Math.round(Math.sin(t) * 1e6) / 1e6];
});
const RINGS = 8;
const LEADER_SAMPLES = [0.3, 0.55, 0.8];
const AREA_SAMPLES: Pt[] = [
  [0.5, 0.5],
  [0.15, 0.2],
  [0.85, 0.2],
  [0.15, 0.8],
  [0.85, 0.8],
]; // distances tried: the nearest first, each further one costs more
const RING_STEP = 12;
const NO_REACH = [Infinity, Infinity, -Infinity, -Infinity]; // meets no other reach

/**
 * Candidate boxes of size w×h for a callout, with their base cost: inside the region's own area around its
 * roomy point (best: no leader needed, nothing to misread), or beside the region point, nearest first (any
 * but the nearest needs a leader line).
 */
function candidates(
  item: CalloutInput,
  w: number,
  h: number,
): { box: Rect; cost: number; slot: number; lead: boolean }[] {
  const out: { box: Rect; cost: number; slot: number; lead: boolean }[] = [];
  for (let ring = 0; ring < RINGS; ring++) {
    const d = item.radius + 2 + ring * RING_STEP;
    DIRECTIONS.forEach((dir, k) => {
      const dx = dir[0]!;
      const dy = dir[1]!;
      // Along direction (dx, dy) until the box's edge is d away from the point.
      const t = Math.min(
        dx ? (w / 2 + d) / Math.abs(dx) : Infinity,
        dy ? (h / 2 + d) / Math.abs(dy) : Infinity,
      );
      const cx = item.point[0] + dx * t;
      const cy = item.point[1] + dy * t;
      const box = rect(cx - w / 2, cy - h / 2, w, h);
      out.push({ box, cost: (item.alt ? 10 : 0) + ring * 30 + k, slot: ring * 20 + k, lead: ring > 0 });
    });
  }
  if (item.alt) {
    // Centred on the roomy point, or shifted from it while its centre stays inside the area.
    const { at, room } = item.alt;
    for (let ring = 0; ring * RING_STEP <= room && ring < 4; ring++)
      DIRECTIONS.forEach((dir, k) => {
        if (ring === 0 && k > 0) return;
        const dx = dir[0]!;
        const dy = dir[1]!;
        const cx = at[0] + dx * ring * RING_STEP;
        const cy = at[1] + dy * ring * RING_STEP;
        out.push({
          box: rect(cx - w / 2, cy - h / 2, w, h),
          cost: ring * 25 + k,
          slot: 500 + ring * 20 + k,
          lead: false,
        });
      });
  }
  return out;
}

/**
 * Places every region's callout greedily (regions drawn as points first, as they have fewer good places,
 * then most tokens first): each tries a few grid shapes at the candidate positions and takes the cheapest,
 * counting overlap with callouts already placed, with
 * `obstacles` (arena boxes), with other regions' markers and with the outside of `bounds`.
 */
export function placeCallouts(
  items: readonly CalloutInput[],
  m: CalloutMetrics,
  bounds: Rect,
  obstacles: readonly Rect[] = [],
  previous: Readonly<Record<string, number>> = {},
  areaAt: (x: number, y: number) => string | null = () => null,
): Record<string, Callout> {
  const markers = items.map((it) => inflate(rect(it.point[0], it.point[1], 0, 0), it.radius));
  // The markers' edges as plain numbers, for the loop below (it runs for every option of every callout).
  const [mx0, my0, mx1, my1] = [0, 1, 2, 3].map((k) =>
    Float64Array.from(markers, (r) => [r.x, r.y, r.x + r.w, r.y + r.h][k]!),
  ) as [Float64Array, Float64Array, Float64Array, Float64Array];
  // Every option of every callout with the part of its cost that does not depend on the other callouts.
  const options = items.map((item, i) => {
    const n = item.chipWidths.length;
    const shapes = [...new Set([chipColumns(n), Math.min(n, 4), Math.ceil(n / 2), 1])].filter((c) => c > 0);
    const [px, py] = item.point;
    const mine = previous[item.id];
    return shapes.flatMap((cols, shapeIndex) => {
      const { w, h, chips } = arrange(item, cols, m);
      return candidates(item, w, h).map((c) => {
        const slot = shapeIndex * 1000 + c.slot;
        const b = c.box;
        const x0 = b.x;
        const y0 = b.y;
        const x1 = b.x + b.w;
        const y1 = b.y + b.h;
        let cost = c.cost + shapeIndex * 8 + 10 * outsideArea(b, bounds) - (mine === slot ? 20 : 0);
        // Overlap with other regions' markers (overlapArea, inline).
        for (let j = 0; j < mx0.length; j++) {
          if (j === i) continue;
          const ow = Math.min(x1, mx1[j]!) - Math.max(x0, mx0[j]!);
          if (!(ow > 0)) continue;
          const oh = Math.min(y1, my1[j]!) - Math.max(y0, my0[j]!);
          if (oh > 0) cost += 6 * (ow * oh);
        }
        for (let k = 0; k < obstacles.length; k++) cost += 8 * overlapArea(b, obstacles[k]!);
        // Covering another region's area hides what that area shows: a point-sampled penalty.
        for (let k = 0; k < AREA_SAMPLES.length; k++) {
          const f = AREA_SAMPLES[k]!;
          const owner = areaAt(x0 + f[0] * b.w, y0 + f[1] * b.h);
          if (owner !== null && owner !== item.id) cost += 15;
        }
        const centre = centreOf(b);
        const cx = centre[0];
        const cy = centre[1];
        const along: number[] = [];
        if (c.lead)
          for (let k = 0; k < LEADER_SAMPLES.length; k++) {
            const t = LEADER_SAMPLES[k]!;
            along.push(px + (cx - px) * t, py + (cy - py) * t);
          }
        // Plain numbers for the inner loop: the box, the box with a 2 px margin, leader sample points; and
        // what the option can touch at all (the box with its margin and the leader's samples).
        const edges = [x0, y0, x1, y1, b.x - 2, b.y - 2, x1 + 2, y1 + 2];
        const reach = [b.x - 2, b.y - 2, x1 + 2, y1 + 2];
        for (let k = 0; k < along.length; k += 2) {
          reach[0] = Math.min(reach[0]!, along[k]!);
          reach[1] = Math.min(reach[1]!, along[k + 1]!);
          reach[2] = Math.max(reach[2]!, along[k]!);
          reach[3] = Math.max(reach[3]!, along[k + 1]!);
        }
        return { box: b, cost, slot, lead: c.lead, chips, edges, along, reach };
      });
    });
  });
  type Option = (typeof options)[number][number];
  const chosen: (Option | null)[] = items.map(() => null);
  // Overlap with the other callouts, and a leader line crossing another callout, cost most.
  // (Indexed reads, not destructuring: this runs some hundred thousand times per layout.) Two options
  // whose reaches do not meet cost nothing together: most pairs are settled by the first test.
  const pair = (a: Option, b: Option): number => {
    const ra = a.reach;
    const rb = b.reach;
    if (ra[2]! < rb[0]! || rb[2]! < ra[0]! || ra[3]! < rb[1]! || rb[3]! < ra[1]!) return 0;
    const ea = a.edges;
    const eb = b.edges;
    const la = a.along;
    const lb = b.along;
    const w = Math.min(ea[6]!, eb[2]!) - Math.max(ea[4]!, eb[0]!);
    const h = Math.min(ea[7]!, eb[3]!) - Math.max(ea[5]!, eb[1]!);
    let cost = w > 0 && h > 0 ? 10 * w * h : 0;
    for (let k = 0; k < la.length; k += 2)
      if (la[k]! >= eb[0]! && la[k]! <= eb[2]! && la[k + 1]! >= eb[1]! && la[k + 1]! <= eb[3]!) cost += 150;
    for (let k = 0; k < lb.length; k += 2)
      if (lb[k]! >= ea[0]! && lb[k]! <= ea[2]! && lb[k + 1]! >= ea[1]! && lb[k + 1]! <= ea[3]!) cost += 150;
    return cost;
  };
  // The reaches of the chosen options, as plain numbers (none chosen: a reach that meets nothing), so the
  // pairs that cost nothing are skipped without a call. Skipping them adds nothing a call would have added.
  const reaches = new Float64Array(4 * items.length);
  const choose = (i: number, o: Option | null) => {
    chosen[i] = o;
    reaches.set(o ? o.reach : NO_REACH, 4 * i);
  };
  items.forEach((_, i) => choose(i, null));
  const costOf = (i: number, o: Option) => {
    let cost = o.cost;
    const r = o.reach;
    const r0 = r[0]!;
    const r1 = r[1]!;
    const r2 = r[2]!;
    const r3 = r[3]!;
    for (let j = 0, k = 0; j < chosen.length; j++, k += 4) {
      if (j === i || r2 < reaches[k]! || reaches[k + 2]! < r0 || r3 < reaches[k + 1]! || reaches[k + 3]! < r1)
        continue;
      cost += pair(o, chosen[j]!);
    }
    return cost;
  };
  const bestFor = (i: number): { option: Option; cost: number } => {
    let option = options[i]![0]!;
    let best = Infinity;
    const list = options[i]!;
    for (let k = 0; k < list.length; k++) {
      const o = list[k]!;
      const cost = costOf(i, o);
      if (cost < best) {
        option = o;
        best = cost;
      }
    }
    return { option, cost: best };
  };
  // Greedy first (regions drawn as points, then the most tokens), then simulated annealing to escape the
  // greedy order's traps, then move each callout to its best place given the others until nothing improves.
  const order = items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) =>
        Number(!!a.item.alt) - Number(!!b.item.alt) ||
        b.item.chipWidths.length - a.item.chipWidths.length ||
        a.i - b.i,
    )
    .map((x) => x.i);
  for (const i of order) choose(i, bestFor(i).option);
  anneal(chosen as Option[], options, pair);
  chosen.forEach((o, i) => choose(i, o));
  for (let round = 0; round < 6; round++) {
    let improved = false;
    for (const i of order) {
      const { option, cost } = bestFor(i);
      if (option !== chosen[i] && cost < costOf(i, chosen[i]!) - 1e-6) {
        choose(i, option);
        improved = true;
      }
    }
    if (!improved) break;
  }
  const out: Record<string, Callout> = {};
  items.forEach((item, i) => {
    const best = chosen[i]!;
    const box = best.box;
    let leader: Segment | null = null;
    if (best.lead) {
      const end = nearestOnRect(box, item.point);
      const len = Math.hypot(end[0] - item.point[0], end[1] - item.point[1]);
      const t = len > 0 ? item.radius / len : 0;
      leader = [
        [item.point[0] + (end[0] - item.point[0]) * t, item.point[1] + (end[1] - item.point[1]) * t],
        end,
      ];
    }
    out[item.id] = {
      id: item.id,
      box,
      label: [box.x + box.w / 2, box.y + m.pad + m.labelH / 2],
      chips: best.chips.map(([x, y]): Pt => [box.x + x, box.y + y]),
      leader,
      slot: best.slot,
    };
  });
  return out;
}

/**
 * The callouts with none overlapping another or an obstacle: where the placement could not keep them apart
 * (a small window, a map zoomed out), callouts are left out one at a time — first one on an obstacle, then the
 * one that overlaps most others (ties: the one with fewer tokens, then the later) — until none overlaps. The
 * region still shows on the map (its area or marker, its tooltip and card) and in the map's table; zooming
 * in makes room for its callout again. Pure and deterministic.
 */
export function withoutOverlaps(
  callouts: Readonly<Record<string, Callout>>,
  obstacles: readonly Rect[] = [],
): { shown: Record<string, Callout>; left: string[] } {
  const ids = Object.keys(callouts);
  const hits = (a: Rect, b: Rect) => overlapArea(a, b) > 0.5;
  const live = new Set(ids.filter((id) => !obstacles.some((o) => hits(callouts[id]!.box, o))));
  const left = ids.filter((id) => !live.has(id));
  for (;;) {
    let worst: string | null = null;
    let most = 0;
    for (const id of live) {
      let n = 0;
      for (const other of live) if (other !== id && hits(callouts[id]!.box, callouts[other]!.box)) n++;
      const tokens = callouts[id]!.chips.length;
      const better =
        n > most || (n === most && n > 0 && worst !== null && tokens <= callouts[worst]!.chips.length);
      if (better) [worst, most] = [id, n];
    }
    if (!worst) break;
    live.delete(worst);
    left.push(worst);
  }
  return {
    shown: Object.fromEntries(ids.filter((id) => live.has(id)).map((id) => [id, callouts[id]!])),
    left,
  };
}

/**
 * Simulated annealing over the callouts' options (Christensen, Marks and Shieber's label placement), with a
 * fixed-seed generator so the same input always gives the same layout.
 */
function anneal<O extends { cost: number; reach: number[] }>(
  chosen: O[],
  options: readonly (readonly O[])[],
  pair: (a: O, b: O) => number,
): void {
  let seed = 0x2f6b3a1d;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const n = chosen.length;
  // Each callout's cost is its option's own cost plus what it pays with each other callout, summed in
  // callout order. What chosen options pay each other is kept (paid[i * n + j]) and changes only when an
  // option is taken, so a step works out the candidate's sum only: the same numbers, added in the same order.
  const paid = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (j !== i) paid[i * n + j] = pair(chosen[i]!, chosen[j]!);
  const row = new Float64Array(n);
  // The chosen options' reaches as plain numbers: a pair whose reaches do not meet costs 0 (see `pair`).
  const reaches = new Float64Array(4 * n);
  chosen.forEach((o, i) => reaches.set(o.reach, 4 * i));
  const steps = 600 * n;
  const [hot, cold] = [400, 1];
  for (let step = 0; step < steps; step++) {
    const t = hot * Math.pow(cold / hot, step / steps);
    const i = Math.floor(random() * n);
    const list = options[i]!;
    const o = list[Math.floor(random() * list.length)]!;
    let next = o.cost;
    let now = chosen[i]!.cost;
    const r = o.reach;
    const r0 = r[0]!;
    const r1 = r[1]!;
    const r2 = r[2]!;
    const r3 = r[3]!;
    for (let j = 0, k = 0; j < n; j++, k += 4)
      if (j !== i) {
        const apart =
          r2 < reaches[k]! || reaches[k + 2]! < r0 || r3 < reaches[k + 1]! || reaches[k + 3]! < r1;
        next += row[j] = apart ? 0 : pair(o, chosen[j]!);
        now += paid[i * n + j]!;
      }
    const delta = next - now;
    if (delta < 0 || random() < Math.exp(-delta / t)) {
      chosen[i] = o;
      reaches.set(r, 4 * i);
      for (let j = 0; j < n; j++)
        if (j !== i) {
          paid[i * n + j] = row[j]!;
          paid[j * n + i] = pair(chosen[j]!, o);
        }
    }
  }
}
