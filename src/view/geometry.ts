// Plane geometry for the map views: rectangles, dashes, hatching and label points, in design pixels.
// Pure (no Phaser) so it is unit-tested in Node; the Phaser views only draw what these functions return.
import type { Pt, Ring } from './mapData';
import { pointInRing } from './mapData';

export interface Rect {
  x: number; // left
  y: number; // top
  w: number;
  h: number;
}

export type Segment = [Pt, Pt];

export const rect = (x: number, y: number, w: number, h: number): Rect => ({ x, y, w, h });
export const centreOf = (r: Rect): Pt => [r.x + r.w / 2, r.y + r.h / 2];
export const inflate = (r: Rect, d: number): Rect => rect(r.x - d, r.y - d, r.w + 2 * d, r.h + 2 * d);
export const contains = (r: Rect, x: number, y: number): boolean =>
  x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h;

/** Area shared by two rectangles (0 if they do not overlap). */
export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Area of `r` that lies outside `bounds`. */
export const outsideArea = (r: Rect, bounds: Rect): number => r.w * r.h - overlapArea(r, bounds);

/** The point of `r` (edge or inside) nearest to p. */
export function nearestOnRect(r: Rect, p: Pt): Pt {
  return [Math.min(Math.max(p[0], r.x), r.x + r.w), Math.min(Math.max(p[1], r.y), r.y + r.h)];
}

/** Moves `r` the least distance that puts it inside `bounds` (centred on an axis where it is too big). */
export function clampInto(r: Rect, bounds: Rect): Rect {
  const fit = (pos: number, size: number, lo: number, span: number) =>
    size >= span ? lo + (span - size) / 2 : Math.min(Math.max(pos, lo), lo + span - size);
  return rect(fit(r.x, r.w, bounds.x, bounds.w), fit(r.y, r.h, bounds.y, bounds.h), r.w, r.h);
}

/** Bounding box of some rings (empty rect at 0,0 when there are no points). */
export function ringsBounds(rings: readonly Ring[]): Rect {
  // Plain loops: this runs over every point of the map at load, while the code is still cold.
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const ring of rings)
    for (const p of ring) {
      const x = p[0];
      const y = p[1];
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  return x0 === Infinity ? rect(0, 0, 0, 0) : rect(x0, y0, x1 - x0, y1 - y0);
}

/** A straight line cut into dashes of `dash` px separated by `gap` px, starting with a dash. */
export function dashSegments(a: Pt, b: Pt, dash: number, gap: number): Segment[] {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length = Math.hypot(dx, dy);
  if (length === 0 || dash <= 0) return [];
  const [ux, uy] = [dx / length, dy / length];
  const out: Segment[] = [];
  for (let s = 0; s < length; s += dash + gap) {
    const e = Math.min(length, s + dash);
    out.push([
      [a[0] + ux * s, a[1] + uy * s],
      [a[0] + ux * e, a[1] + uy * e],
    ]);
  }
  return out;
}

/** A closed ring cut into dashes that follow its outline (the pattern runs on across corners). */
export function dashRing(ring: Ring, dash: number, gap: number): Segment[] {
  const out: Segment[] = [];
  let phase = 0; // distance into the current dash+gap period
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (length === 0) continue;
    const at = (d: number): Pt => [a[0] + ((b[0] - a[0]) * d) / length, a[1] + ((b[1] - a[1]) * d) / length];
    let d = 0;
    while (d < length) {
      const inDash = phase < dash;
      const step = Math.min(length - d, (inDash ? dash : dash + gap) - phase);
      if (inDash) out.push([at(d), at(d + step)]);
      d += step;
      phase = (phase + step) % (dash + gap);
    }
  }
  return out;
}

/** A circle as a ring of n points (clockwise on screen). */
export function circleRing(cx: number, cy: number, r: number, n = 32): Ring {
  return Array.from({ length: n }, (_, i): Pt => {
    const t = (2 * Math.PI * i) / n;
    return [cx + r * Math.cos(t), cy + r * Math.sin(t)];
  });
}

/**
 * Diagonal hatching (45°, running down to the right) clipped to a shape by the even-odd rule, holes included.
 * Returns the visible pieces of the hatch lines, `spacing` px apart.
 */
export function hatchSegments(rings: readonly Ring[], spacing: number): Segment[] {
  // Rotate by 45°: u runs along the hatch lines, v across them; each line is v = constant.
  const S = Math.SQRT1_2;
  const edges: [number, number, number, number][] = []; // u1, v1, u2, v2
  let [vMin, vMax] = [Infinity, -Infinity];
  for (const ring of rings)
    for (let i = 0; i < ring.length; i++) {
      const p1 = ring[i]!;
      const p2 = ring[(i + 1) % ring.length]!;
      const e: [number, number, number, number] = [
        (p1[0] + p1[1]) * S,
        (p1[0] - p1[1]) * S,
        (p2[0] + p2[1]) * S,
        (p2[0] - p2[1]) * S,
      ];
      edges.push(e);
      vMin = Math.min(vMin, e[1], e[3]);
      vMax = Math.max(vMax, e[1], e[3]);
    }
  const out: Segment[] = [];
  if (!(spacing > 0) || edges.length === 0) return out;
  const back = (u: number, v: number): Pt => [(u + v) * S, (u - v) * S];
  for (let v = Math.ceil(vMin / spacing) * spacing; v <= vMax; v += spacing) {
    const us: number[] = [];
    for (const e of edges) {
      const v1 = e[1];
      const v2 = e[3];
      if (v1 <= v !== v2 <= v) us.push(e[0] + ((v - v1) * (e[2] - e[0])) / (v2 - v1));
    }
    us.sort((a, b) => a - b);
    for (let i = 0; i + 1 < us.length; i += 2) out.push([back(us[i]!, v), back(us[i + 1]!, v)]);
  }
  return out;
}

/**
 * A good place for a label inside a shape: the point (within `within`, if given) farthest from the shape's
 * outline and from the edges of `within`, found to `precision` px by the polylabel search (Mapbox's
 * quadtree over cells, best-first). `d` is that distance (0 when nothing is inside).
 */
export function labelPoint(
  rings: readonly Ring[],
  within?: Rect,
  precision = 1,
): { x: number; y: number; d: number } {
  let box = ringsBounds(rings);
  if (within) {
    const x0 = Math.max(box.x, within.x);
    const y0 = Math.max(box.y, within.y);
    box = rect(
      x0,
      y0,
      Math.min(box.x + box.w, within.x + within.w) - x0,
      Math.min(box.y + box.h, within.y + within.h) - y0,
    );
  }
  const fallback = { x: box.x + box.w / 2, y: box.y + box.h / 2, d: 0 };
  if (!(box.w > 0 && box.h > 0)) return fallback;
  // Signed distance: positive inside the shape (and inside `within`), negative outside. The distance to
  // each segment is worked out inline (no array per segment): this runs for every cell of the search.
  const distance = (x: number, y: number): number => {
    let inside = false;
    for (const ring of rings) if (pointInRing(ring, x, y)) inside = !inside;
    let d = Infinity;
    for (const ring of rings)
      for (let i = 0, n = ring.length; i < n; i++) {
        const a = ring[i]!;
        const b = ring[i + 1 === n ? 0 : i + 1]!;
        const ax = a[0];
        const ay = a[1];
        const dx = b[0] - ax;
        const dy = b[1] - ay;
        const l2 = dx * dx + dy * dy;
        const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / l2));
        const e = Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
        if (e < d) d = e;
      }
    if (within) {
      const e = Math.min(x - within.x, within.x + within.w - x, y - within.y, within.y + within.h - y);
      if (e < 0) inside = false;
      d = Math.min(d, Math.abs(e));
    }
    return inside ? d : -d;
  };
  type Cell = { x: number; y: number; h: number; d: number; max: number };
  const cell = (x: number, y: number, h: number): Cell => {
    const d = distance(x, y);
    return { x, y, h, d, max: d + h * Math.SQRT2 };
  };
  const queue: Cell[] = [];
  const size = Math.min(box.w, box.h);
  for (let x = box.x; x < box.x + box.w; x += size)
    for (let y = box.y; y < box.y + box.h; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2));
  let best = cell(fallback.x, fallback.y, 0);
  while (queue.length) {
    // Best-first: take the cell that could hold the farthest point (a linear scan; queues stay short).
    let k = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i]!.max > queue[k]!.max) k = i;
    const c = queue[k]!;
    queue[k] = queue[queue.length - 1]!;
    queue.pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    const h = c.h / 2;
    queue.push(
      cell(c.x - h, c.y - h, h),
      cell(c.x + h, c.y - h, h),
      cell(c.x - h, c.y + h, h),
      cell(c.x + h, c.y + h, h),
    );
  }
  return best.d > 0 ? { x: best.x, y: best.y, d: best.d } : fallback;
}
