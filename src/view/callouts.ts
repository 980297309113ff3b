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
    DIRECTIONS.forEach(([dx, dy], k) => {
      // Along direction (dx, dy) until the box's edge is d away from the point.
      const t = Math.min(
        dx ? (w / 2 + d) / Math.abs(dx) : Infinity,
        dy ? (h / 2 + d) / Math.abs(dy) : Infinity,
      );
      const [cx, cy] = [item.point[0] + dx * t, item.point[1] + dy * t];
      const box = rect(cx - w / 2, cy - h / 2, w, h);
      out.push({ box, cost: (item.alt ? 10 : 0) + ring * 30 + k, slot: ring * 20 + k, lead: ring > 0 });
    });
  }
  if (item.alt) {
    // Centred on the roomy point, or shifted from it while its centre stays inside the area.
    const { at, room } = item.alt;
    for (let ring = 0; ring * RING_STEP <= room && ring < 4; ring++)
      DIRECTIONS.forEach(([dx, dy], k) => {
        if (ring === 0 && k > 0) return;
        const [cx, cy] = [at[0] + dx * ring * RING_STEP, at[1] + dy * ring * RING_STEP];
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
  // Every option of every callout with the part of its cost that does not depend on the other callouts.
  const options = items.map((item, i) => {
    const n = item.chipWidths.length;
    const shapes = [...new Set([chipColumns(n), Math.min(n, 4), Math.ceil(n / 2), 1])].filter((c) => c > 0);
    return shapes.flatMap((cols, shapeIndex) => {
      const { w, h, chips } = arrange(item, cols, m);
      return candidates(item, w, h).map((c) => {
        const slot = shapeIndex * 1000 + c.slot;
        let cost =
          c.cost + shapeIndex * 8 + 10 * outsideArea(c.box, bounds) - (previous[item.id] === slot ? 20 : 0);
        markers.forEach((mk, j) => (cost += j === i ? 0 : 6 * overlapArea(c.box, mk)));
        for (const o of obstacles) cost += 8 * overlapArea(c.box, o);
        // Covering another region's area hides what that area shows: a point-sampled penalty.
        const { x, y, w: bw, h: bh } = c.box;
        for (const [fx, fy] of AREA_SAMPLES) {
          const owner = areaAt(x + fx * bw, y + fy * bh);
          if (owner !== null && owner !== item.id) cost += 15;
        }
        const [cx, cy] = centreOf(c.box);
        const [px, py] = item.point;
        const along = c.lead ? LEADER_SAMPLES.flatMap((t) => [px + (cx - px) * t, py + (cy - py) * t]) : [];
        const b = c.box;
        // Plain numbers for the inner loop: the box, the box with a 2 px margin, leader sample points.
        const edges = [b.x, b.y, b.x + b.w, b.y + b.h, b.x - 2, b.y - 2, b.x + b.w + 2, b.y + b.h + 2];
        return { ...c, slot, cost, chips, edges, along };
      });
    });
  });
  type Option = (typeof options)[number][number];
  const chosen: (Option | null)[] = items.map(() => null);
  // Overlap with the other callouts, and a leader line crossing another callout, cost most.
  // (Indexed reads, not destructuring: this runs some hundred thousand times per layout.)
  const pair = (a: Option, b: Option): number => {
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
  const costOf = (i: number, o: Option) => {
    let cost = o.cost;
    for (let j = 0; j < chosen.length; j++) {
      const c = chosen[j];
      if (c && j !== i) cost += pair(o, c);
    }
    return cost;
  };
  const bestFor = (i: number): { option: Option; cost: number } => {
    let [option, best] = [options[i]![0]!, Infinity];
    for (const o of options[i]!) {
      const cost = costOf(i, o);
      if (cost < best) [option, best] = [o, cost];
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
  for (const i of order) chosen[i] = bestFor(i).option;
  anneal(chosen as Option[], options, costOf);
  for (let round = 0; round < 6; round++) {
    let improved = false;
    for (const i of order) {
      const { option, cost } = bestFor(i);
      if (option !== chosen[i] && cost < costOf(i, chosen[i]!) - 1e-6) {
        chosen[i] = option;
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
 * Simulated annealing over the callouts' options (Christensen, Marks and Shieber's label placement), with a
 * fixed-seed generator so the same input always gives the same layout.
 */
function anneal<O>(
  chosen: O[],
  options: readonly (readonly O[])[],
  costOf: (i: number, o: O) => number,
): void {
  let seed = 0x2f6b3a1d;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const steps = 600 * chosen.length;
  const [hot, cold] = [400, 1];
  for (let step = 0; step < steps; step++) {
    const t = hot * Math.pow(cold / hot, step / steps);
    const i = Math.floor(random() * chosen.length);
    const list = options[i]!;
    const o = list[Math.floor(random() * list.length)]!;
    const delta = costOf(i, o) - costOf(i, chosen[i]!);
    if (delta < 0 || random() < Math.exp(-delta / t)) chosen[i] = o;
  }
}
