// Where the rest goes on the map, in design pixels: arena boxes at their place or on the frame edge towards
// it, the actors' home points that relation lines join, which lines to draw, and what lies under the
// pointer. Pure and deterministic (no Phaser). Region callouts are placed by callouts.ts.
import type { Rect } from './geometry';
import { centreOf, clampInto, contains, inflate, overlapArea, rect } from './geometry';
import type { Pt } from './mapData';

export interface ArenaInput {
  id: string;
  point: Pt; // the place, projected (may lie far outside the design space)
  w: number;
  h: number;
}

export interface ArenaBox {
  id: string;
  box: Rect;
  inside: boolean; // the place itself is inside the frame
  toward: number; // direction from the box to the place, radians (screen y down)
}

/** Smallest difference between two angles, radians (0 … π). */
const angleBetween = (a: number, b: number): number => {
  const d = Math.abs(a - b) % (2 * Math.PI);
  return d > Math.PI ? 2 * Math.PI - d : d;
};

/**
 * Arena boxes: centred on their place when it is inside `frame`; otherwise on the frame's edge, as near to
 * the direction of the place (seen from the frame centre) as the `keepOut` areas (region points) and the
 * boxes already placed allow. Deterministic: arenas are placed in the given order.
 */
export function placeArenas(
  items: readonly ArenaInput[],
  frame: Rect,
  keepOut: readonly Rect[] = [],
  margin = 6,
): ArenaBox[] {
  const inner = inflate(frame, -margin);
  const [cx, cy] = centreOf(frame);
  const out: ArenaBox[] = [];
  const direction = (it: ArenaInput) => Math.atan2(it.point[1] - cy, it.point[0] - cx);
  for (const it of items)
    if (contains(inner, it.point[0], it.point[1]))
      out.push({
        id: it.id,
        inside: true,
        toward: direction(it),
        box: clampInto(rect(it.point[0] - it.w / 2, it.point[1] - it.h / 2, it.w, it.h), inner),
      });
  for (const it of items) {
    if (out.some((b) => b.id === it.id)) continue;
    const toward = direction(it);
    // Box centres run round the inner frame, inset by half the box.
    const [x0, y0] = [inner.x + it.w / 2, inner.y + it.h / 2];
    const [x1, y1] = [inner.x + inner.w - it.w / 2, inner.y + inner.h - it.h / 2];
    const candidates: Pt[] = [];
    for (let x = x0; x <= x1; x += 6) candidates.push([x, y0], [x, y1]);
    for (let y = y0; y <= y1; y += 6) candidates.push([x0, y], [x1, y]);
    let best = { box: rect(x0 - it.w / 2, y0 - it.h / 2, it.w, it.h), score: Infinity };
    for (const [bx, by] of candidates) {
      const box = rect(bx - it.w / 2, by - it.h / 2, it.w, it.h);
      let score = ((angleBetween(Math.atan2(by - cy, bx - cx), toward) * 180) / Math.PI) * 6;
      for (const k of keepOut) score += 0.35 * overlapArea(box, k);
      for (const b of out) score += 50 * overlapArea(inflate(box, 3), b.box);
      if (score < best.score) best = { box, score };
    }
    const [bx, by] = centreOf(best.box);
    out.push({
      id: it.id,
      inside: false,
      toward: Math.atan2(it.point[1] - by, it.point[0] - bx),
      box: best.box,
    });
  }
  return items.map((it) => out.find((b) => b.id === it.id)!);
}

/**
 * The point that stands for each actor in relation lines: its token in an arena box, its token in its home
 * region, else the home region's point (actors sharing it are spread around it), or its own projected point.
 */
export function homePoints(
  actors: readonly { id: string; home: string | { lat: number; lon: number } }[],
  sources: {
    arenaChips: Readonly<Record<string, Pt>>; // actor → token centre in its arena box
    regionChips: Readonly<Record<string, Readonly<Record<string, Pt>>>>; // region → actor → token centre
    regionPoints: Readonly<Record<string, Pt>>;
    project: (lon: number, lat: number) => Pt;
  },
): Record<string, Pt> {
  const out: Record<string, Pt> = {};
  const sharing = new Map<string, string[]>();
  for (const a of actors) {
    if (typeof a.home !== 'string') out[a.id] = sources.project(a.home.lon, a.home.lat);
    else if (sources.arenaChips[a.id]) out[a.id] = sources.arenaChips[a.id]!;
    else if (sources.regionChips[a.home]?.[a.id]) out[a.id] = sources.regionChips[a.home]![a.id]!;
    else if (sources.regionPoints[a.home]) sharing.set(a.home, [...(sharing.get(a.home) ?? []), a.id]);
  }
  for (const [home, ids] of sharing) {
    const [x, y] = sources.regionPoints[home]!;
    ids.forEach((id, i) => {
      const t = -Math.PI / 2 + (2 * Math.PI * i) / ids.length;
      out[id] = ids.length === 1 ? [x, y] : [x + 10 * Math.cos(t), y + 10 * Math.sin(t)];
    });
  }
  return out;
}

export interface RelationEdge {
  a: string;
  b: string;
  value: number; // [-100, 100]
  from: Pt;
  to: Pt;
  emphasis: 'normal' | 'triad' | 'dim';
}

/**
 * The relation lines to draw: every pair with both home points and |value| ≥ threshold, plus the edges of the
 * highlighted triad whatever their size. Triad edges come last so they are drawn on top. With an actor selected
 * (and no triad), only that actor's ties are drawn, every one that is not zero: the map shows whom it stands with.
 */
export function relationEdges(
  actorIds: readonly string[],
  value: (a: string, b: string) => number,
  homes: Readonly<Record<string, Pt>>,
  triad: readonly string[] | null,
  threshold = 20,
  actor: string | null = null,
): RelationEdge[] {
  const only = triad ? null : actor;
  const edges: RelationEdge[] = [];
  for (let i = 0; i < actorIds.length; i++)
    for (let j = i + 1; j < actorIds.length; j++) {
      const [a, b] = [actorIds[i]!, actorIds[j]!];
      const [from, to] = [homes[a], homes[b]];
      if (!from || !to || Math.hypot(from[0] - to[0], from[1] - to[1]) < 1) continue;
      const v = value(a, b);
      const inTriad = !!triad && triad.includes(a) && triad.includes(b);
      if (only && a !== only && b !== only) continue;
      if (v === 0 || (!inTriad && !only && Math.abs(v) < threshold)) continue;
      edges.push({ a, b, value: v, from, to, emphasis: triad ? (inTriad ? 'triad' : 'dim') : 'normal' });
    }
  const rank = (e: RelationEdge) => (e.emphasis === 'triad' ? 1000 : 0) + Math.abs(e.value);
  return edges.sort((x, y) => rank(x) - rank(y));
}

export type Hit =
  | { kind: 'actor'; actor: string; region: string | null }
  | { kind: 'arena'; arena: string }
  | { kind: 'region'; region: string };

export interface PickModel {
  chips: readonly { actor: string; region: string | null; rect: Rect }[]; // region null: an arena token
  arenas: readonly { id: string; rect: Rect }[];
  markers: readonly { region: string; point: Pt; radius: number }[];
  callouts: readonly { region: string; rect: Rect }[];
  areaAt: (x: number, y: number) => string | null;
}

/** What lies under (x, y), topmost first: tokens, arena boxes, markers, callouts, then region areas. */
export function pickAt(m: PickModel, x: number, y: number): Hit | null {
  const chip = [...m.chips].reverse().find((c) => contains(c.rect, x, y));
  if (chip) return { kind: 'actor', actor: chip.actor, region: chip.region };
  const arena = m.arenas.find((a) => contains(a.rect, x, y));
  if (arena) return { kind: 'arena', arena: arena.id };
  const marker = m.markers.find((k) => Math.hypot(k.point[0] - x, k.point[1] - y) <= k.radius + 3);
  if (marker) return { kind: 'region', region: marker.region };
  const callout = [...m.callouts].reverse().find((c) => contains(c.rect, x, y));
  if (callout) return { kind: 'region', region: callout.region };
  const area = m.areaAt(x, y);
  return area ? { kind: 'region', region: area } : null;
}
