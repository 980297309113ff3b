// How the camera frames the map: the scenario's regions (or, before one is loaded, the focus countries of
// map.json) fitted into the part of the window the DOM panels leave free, never past the map data. Pure.
import type { Rect } from './geometry';
import { inflate, rect, ringsBounds } from './geometry';
import type { Pt, Ring } from './mapData';

export interface Insets {
  left: number; // CSS px covered by panels on each side
  right: number;
  top: number;
  bottom: number;
}

export interface View {
  zoom: number;
  scrollX: number; // Phaser camera scroll (camera origin at its centre)
  scrollY: number;
  visible: Rect; // the world rectangle the window shows
  free: Rect; // the world rectangle not covered by panels
}

/**
 * Fits `focus` (world rect) into the window minus `insets`. Panels that would leave less than 300 px of the
 * width (or of the height) are taken to be collapsed, and the whole window is used. The zoom stays within
 * [minZoom, maxZoom] and never shows beyond `extent`.
 */
export function fitView(
  width: number,
  height: number,
  insets: Insets,
  focus: Rect,
  extent: Rect,
  minZoom = 0.6,
  maxZoom = 2.5,
): View {
  let { left, right, top, bottom } = insets;
  if (width - left - right < 300) [left, right] = [0, 0];
  if (height - top - bottom < 300) [top, bottom] = [0, 0];
  const [freeW, freeH] = [width - left - right, height - top - bottom];
  let zoom = Math.min(freeW / focus.w, freeH / focus.h);
  zoom = Math.min(maxZoom, Math.max(minZoom, zoom));
  zoom = Math.max(zoom, width / extent.w, height / extent.h);
  // Phaser's camera (origin at its centre): world = (screen - half) / zoom + scroll + half.
  const [hx, hy] = [width / 2, height / 2];
  const toScroll = (world: number, screen: number, half: number) => world - half - (screen - half) / zoom;
  let scrollX = toScroll(focus.x + focus.w / 2, left + freeW / 2, hx);
  let scrollY = toScroll(focus.y + focus.h / 2, top + freeH / 2, hy);
  const [viewW, viewH] = [width / zoom, height / zoom];
  const clampScroll = (s: number, half: number, span: number, lo: number, extentSpan: number) => {
    const x0 = s + half - half / zoom; // world coordinate of the window's left (or top) edge
    const fixed = Math.min(Math.max(x0, lo), lo + extentSpan - span);
    return s + (fixed - x0);
  };
  scrollX = clampScroll(scrollX, hx, viewW, extent.x, extent.w);
  scrollY = clampScroll(scrollY, hy, viewH, extent.y, extent.h);
  const toWorldX = (sx: number) => (sx - hx) / zoom + scrollX + hx;
  const toWorldY = (sy: number) => (sy - hy) / zoom + scrollY + hy;
  return {
    zoom,
    scrollX,
    scrollY,
    visible: rect(toWorldX(0), toWorldY(0), viewW, viewH),
    free: rect(toWorldX(left), toWorldY(top), freeW / zoom, freeH / zoom),
  };
}

/**
 * What the camera should frame for a scenario: its regions (areas and points, with room around the points
 * for their tokens), at least `min` wide and high, and within `limit` (the focus countries) if given.
 */
export function scenarioFocus(
  regions: readonly { point: Pt; rings: readonly Ring[] }[],
  room = 60,
  min: { w: number; h: number } = { w: 420, h: 320 },
): Rect | null {
  if (regions.length === 0) return null;
  const boxes = regions.flatMap((r) => [
    inflate(rect(r.point[0], r.point[1], 0, 0), room),
    ringsBounds(r.rings),
  ]);
  const all = boxes.filter((b) => b.w > 0 || b.h > 0);
  const x0 = Math.min(...all.map((b) => b.x));
  const y0 = Math.min(...all.map((b) => b.y));
  const x1 = Math.max(...all.map((b) => b.x + b.w));
  const y1 = Math.max(...all.map((b) => b.y + b.h));
  const [w, h] = [Math.max(min.w, x1 - x0), Math.max(min.h, y1 - y0)];
  return rect((x0 + x1) / 2 - w / 2, (y0 + y1) / 2 - h / 2, w, h);
}
