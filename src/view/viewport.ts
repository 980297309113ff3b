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

/** A camera as Phaser keeps it: its zoom and scroll (origin at its centre). */
export interface Camera {
  zoom: number;
  scrollX: number;
  scrollY: number;
}

/** The world point shown at a screen point (Phaser: world = (screen − half) / zoom + scroll + half). */
export function worldAt(c: Camera, width: number, height: number, sx: number, sy: number): Pt {
  return [
    (sx - width / 2) / c.zoom + c.scrollX + width / 2,
    (sy - height / 2) / c.zoom + c.scrollY + height / 2,
  ];
}

/** The camera at `zoom` that shows the world point `world` at the screen point (sx, sy). */
function showAt(zoom: number, width: number, height: number, world: Pt, sx: number, sy: number): Camera {
  return {
    zoom,
    scrollX: world[0] - width / 2 - (sx - width / 2) / zoom,
    scrollY: world[1] - height / 2 - (sy - height / 2) / zoom,
  };
}

/** The least zoom at which the window shows nothing beyond `extent`. */
export const extentZoom = (width: number, height: number, extent: Rect): number =>
  Math.max(width / extent.w, height / extent.h);

/** The camera moved (not zoomed) so that the window shows nothing beyond `extent`. */
export function clampCamera(c: Camera, width: number, height: number, extent: Rect): Camera {
  const clamp = (scroll: number, half: number, lo: number, span: number) => {
    const view = (2 * half) / c.zoom;
    const x0 = scroll + half - half / c.zoom; // world coordinate of the window's left (or top) edge
    const fixed = Math.min(Math.max(x0, lo), lo + span - view);
    return scroll + (fixed - x0);
  };
  return {
    zoom: c.zoom,
    scrollX: clamp(c.scrollX, width / 2, extent.x, extent.w),
    scrollY: clamp(c.scrollY, height / 2, extent.y, extent.h),
  };
}

/**
 * The camera zoomed by `factor` about the screen point (sx, sy): the world point under it stays under it
 * (as far as the extent allows). The zoom stays within [min, max] and never shows beyond `extent`.
 */
export function zoomAbout(
  c: Camera,
  width: number,
  height: number,
  factor: number,
  sx: number,
  sy: number,
  limits: { min: number; max: number },
  extent: Rect,
): Camera {
  const zoom = Math.max(
    extentZoom(width, height, extent),
    Math.min(limits.max, Math.max(limits.min, c.zoom * factor)),
  );
  const anchor = worldAt(c, width, height, sx, sy);
  return clampCamera(showAt(zoom, width, height, anchor, sx, sy), width, height, extent);
}

/** The camera after a drag of (dx, dy) screen px: the map follows the pointer, within `extent`. */
export function panBy(
  c: Camera,
  width: number,
  height: number,
  dx: number,
  dy: number,
  extent: Rect,
): Camera {
  return clampCamera(
    { zoom: c.zoom, scrollX: c.scrollX - dx / c.zoom, scrollY: c.scrollY - dy / c.zoom },
    width,
    height,
    extent,
  );
}

/** The camera at `zoom` centred on the world point `centre`, within `extent`. */
export function centredOn(zoom: number, width: number, height: number, centre: Pt, extent: Rect): Camera {
  const z = Math.max(zoom, extentZoom(width, height, extent));
  return clampCamera(showAt(z, width, height, centre, width / 2, height / 2), width, height, extent);
}

/** Which panels count: those that leave at least 300 px of the width (or height) free; else none do. */
function effectiveInsets(width: number, height: number, insets: Insets): Insets {
  let { left, right, top, bottom } = insets;
  if (width - left - right < 300) [left, right] = [0, 0];
  if (height - top - bottom < 300) [top, bottom] = [0, 0];
  return { left, right, top, bottom };
}

/** The view a camera gives: the world rectangle the window shows, and the part the panels leave free. */
export function viewOf(c: Camera, width: number, height: number, insets: Insets): View {
  const { left, right, top, bottom } = effectiveInsets(width, height, insets);
  const [x0, y0] = worldAt(c, width, height, 0, 0);
  const [fx, fy] = worldAt(c, width, height, left, top);
  return {
    ...c,
    visible: rect(x0, y0, width / c.zoom, height / c.zoom),
    free: rect(fx, fy, (width - left - right) / c.zoom, (height - top - bottom) / c.zoom),
  };
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
  const { left, right, top, bottom } = effectiveInsets(width, height, insets);
  const [freeW, freeH] = [width - left - right, height - top - bottom];
  let zoom = Math.min(freeW / focus.w, freeH / focus.h);
  zoom = Math.min(maxZoom, Math.max(minZoom, zoom));
  zoom = Math.max(zoom, extentZoom(width, height, extent));
  const centre: Pt = [focus.x + focus.w / 2, focus.y + focus.h / 2];
  const camera = clampCamera(
    showAt(zoom, width, height, centre, left + freeW / 2, top + freeH / 2),
    width,
    height,
    extent,
  );
  return viewOf(camera, width, height, insets);
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
