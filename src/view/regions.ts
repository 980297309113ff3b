// The scenario's regions on the map: areas filled with the controller's colour, markers for regions without
// an outline, contested regions hatched with a dashed outline (a cue that does not rely on colour), and the
// hover and selection outlines. Fills are painted on the map's canvas, hatching baked; highlights are small live Graphics.
import type * as Phaser from 'phaser';
import type { GameState } from '../engine/index';
import { paintRings, rgba, strokeRings } from './basemap';
import type { Rect } from './geometry';
import { circleRing, dashRing, hatchSegments } from './geometry';
import type { Segment } from './geometry';
import type { RegionShape, RegionShapes } from './regionShapes';
import { LAND_FOCUS, SELECT, UNCONTROLLED } from './palette';

export const MARKER_RADIUS = 11;
const DARK = 0x0b1116;

/** Linear mix of two 0xrrggbb colours, t = 0 → a, 1 → b. */
export function mix(a: number, b: number, t: number): number {
  const ch = (shift: number) => Math.round(((a >> shift) & 255) * (1 - t) + ((b >> shift) & 255) * t);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/** The fill of a region held by `controller` (opaque, so enclaves painted later cover correctly). */
const fillColour = (colour: number | null): number =>
  colour === null ? UNCONTROLLED : mix(LAND_FOCUS, colour, 0.78);

export type ColourOf = (actor: string) => number;

const controllerColour = (state: GameState, id: string, colourOf: ColourOf): number | null => {
  const c = state.regions.find((r) => r.id === id)?.controller;
  return c ? colourOf(c) : null;
};

/** Region areas in governorate order (holed governorates first, so enclaves paint over them). */
export function paintRegionFills(
  ctx: CanvasRenderingContext2D,
  shapes: RegionShapes,
  state: GameState,
  colourOf: ColourOf,
): void {
  for (const { governorate, region } of shapes.fills) {
    ctx.fillStyle = rgba(region ? fillColour(controllerColour(state, region, colourOf)) : LAND_FOCUS, 1);
    paintRings(ctx, governorate.rings);
  }
}

/**
 * Markers for regions drawn as points, and a small dot at the point of regions drawn as areas. `k` scales
 * their size (and that of the other marks below) in the world: the scene shrinks them as a person zooms in,
 * so that on screen they grow by the square root of the zoom, as text does.
 */
export function drawMarkers(
  g: Phaser.GameObjects.Graphics,
  shapes: RegionShapes,
  state: GameState,
  colourOf: ColourOf,
  k = 1,
): void {
  g.clear();
  for (const s of shapes.shapes) {
    const [x, y] = s.point;
    if (s.areas.length) {
      g.fillStyle(DARK, 1).fillCircle(x, y, 4.5 * k);
      g.fillStyle(0xffffff, 1).fillCircle(x, y, 3 * k);
      continue;
    }
    const colour = controllerColour(state, s.id, colourOf);
    g.fillStyle(DARK, 1).fillCircle(x, y, (MARKER_RADIUS + 2) * k);
    g.fillStyle(colour ?? UNCONTROLLED, 1).fillCircle(x, y, MARKER_RADIUS * k);
    g.lineStyle(2 * k, 0xffffff, 0.95).strokeCircle(x, y, (MARKER_RADIUS - 1) * k);
  }
}

/** Strokes segments as one path in the current style. */
function strokeSegments(ctx: CanvasRenderingContext2D, segments: readonly Segment[]): void {
  ctx.beginPath();
  for (const [a, b] of segments) {
    ctx.moveTo(a[0], a[1]);
    ctx.lineTo(b[0], b[1]);
  }
  ctx.stroke();
}

/** Two-tone hatching and dashed outline for every contested region (visible over light and dark fills). */
export function paintContested(
  ctx: CanvasRenderingContext2D,
  shapes: RegionShapes,
  state: GameState,
  k = 1,
): void {
  const style = (width: number, colour: number, alpha: number) => {
    ctx.lineWidth = width;
    ctx.strokeStyle = rgba(colour, alpha);
  };
  for (const s of shapes.shapes) {
    if (!state.regions.find((r) => r.id === s.id)?.contested) continue;
    const parts = s.areas.length
      ? s.areas.map((a) => ({ fill: [...a.rings, ...a.holes], outline: a.rings }))
      : [{ fill: [circleRing(s.point[0], s.point[1], (MARKER_RADIUS - 1) * k)], outline: [] }]; // ringed by drawPulse
    for (const part of parts) {
      const hatch = hatchSegments(part.fill, (s.areas.length ? 10 : 5) * k);
      style(3 * k, DARK, 0.45);
      strokeSegments(ctx, hatch);
      style(1.4 * k, 0xffffff, 0.75);
      strokeSegments(ctx, hatch);
      const dashes = part.outline.flatMap((ring) => dashRing(ring, 8 * k, 5 * k));
      style(4.5 * k, DARK, 0.9);
      strokeSegments(ctx, dashes);
      style(2.2 * k, 0xffe14d, 1);
      strokeSegments(ctx, dashes);
    }
  }
}

/** A ring round each contested region's point, for the scene to pulse (motion as a second cue). */
export function drawPulse(
  g: Phaser.GameObjects.Graphics,
  shapes: RegionShapes,
  state: GameState,
  k = 1,
): void {
  g.clear();
  for (const s of shapes.shapes) {
    if (!state.regions.find((r) => r.id === s.id)?.contested) continue;
    const r = (s.areas.length ? 9 : MARKER_RADIUS + 9) * k;
    g.lineStyle(5 * k, DARK, 0.6).strokeCircle(s.point[0], s.point[1], r);
    g.lineStyle(2.5 * k, 0xffe14d, 1).strokeCircle(s.point[0], s.point[1], r);
  }
}

/** Outline of a region (area or marker) and of its callout: strong for the selection, light for hover. */
export function drawHighlight(
  g: Phaser.GameObjects.Graphics,
  shape: RegionShape,
  callout: Rect | null,
  strong: boolean,
  k = 1,
): void {
  const [width, alpha] = strong ? [3 * k, 1] : [2 * k, 0.7];
  for (const [w, colour, a] of [
    [width + 3 * k, DARK, alpha * 0.8],
    [width, SELECT, alpha],
  ] as const) {
    g.lineStyle(w, colour, a);
    if (shape.areas.length) for (const area of shape.areas) strokeRings(g, area.rings);
    else g.strokeCircle(shape.point[0], shape.point[1], (MARKER_RADIUS + (strong ? 6 : 4)) * k);
    if (callout) g.strokeRoundedRect(callout.x - 3, callout.y - 3, callout.w + 6, callout.h + 6, 5);
  }
}
