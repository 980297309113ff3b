// The static map: land (focus countries lighter than their neighbours), borders, governorate lines, cities
// and country names, all from map.json. The sea is the camera's background colour. Land, fills and borders are
// painted with a 2D canvas (PaintedLayer), the rest drawn with Graphics into the BakedLayer.
import type * as Phaser from 'phaser';
import type { Rect } from './geometry';
import { labelPoint, rect } from './geometry';
import type { MapData, Pt, Ring } from './mapData';
import {
  ADMIN_LINE,
  BORDER_CONTEXT,
  BORDER_FOCUS,
  INK,
  INK_STROKE,
  LAND_CONTEXT,
  LAND_FOCUS,
} from './palette';
import { textStyle } from './text';

export const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif';

/** Light bold text with a dark outline: legible on any fill. Sizes are design pixels (≥ 12). */
export function labelStyle(size: number, color = INK, bold = true): Phaser.Types.GameObjects.Text.TextStyle {
  return {
    fontFamily: FONT,
    fontSize: `${size}px`,
    fontStyle: bold ? 'bold' : 'normal',
    color,
    stroke: INK_STROKE,
    strokeThickness: Math.max(3, Math.round(size / 4)),
  };
}

/** Traces a ring as a closed path (Graphics.fillPoints wants Vector2s; a path takes plain numbers). */
function trace(g: Phaser.GameObjects.Graphics, ring: Ring): void {
  g.beginPath();
  g.moveTo(ring[0]![0], ring[0]![1]);
  for (let i = 1; i < ring.length; i++) g.lineTo(ring[i]![0], ring[i]![1]);
  g.closePath();
}

export function strokeRings(g: Phaser.GameObjects.Graphics, rings: readonly Ring[]): void {
  for (const ring of rings)
    if (ring.length > 1) {
      trace(g, ring);
      g.strokePath();
    }
}

/** Traces rings into a 2D canvas path (each ring closed). */
export function traceRings(ctx: CanvasRenderingContext2D, rings: readonly Ring[]): void {
  for (const ring of rings) {
    if (ring.length < 2) continue;
    ctx.moveTo(ring[0]![0], ring[0]![1]);
    for (let i = 1; i < ring.length; i++) ctx.lineTo(ring[i]![0], ring[i]![1]);
    ctx.closePath();
  }
}

/** Fills each ring on its own (as Graphics did: a ring inside another is painted over it, not cut out). */
export function paintRings(ctx: CanvasRenderingContext2D, rings: readonly Ring[]): void {
  for (const ring of rings)
    if (ring.length > 2) {
      ctx.beginPath();
      traceRings(ctx, [ring]);
      ctx.fill();
    }
}

const rgba = (colour: number, alpha: number): string =>
  `rgba(${(colour >> 16) & 255},${(colour >> 8) & 255},${colour & 255},${alpha})`;

/** Land: neighbouring countries dark, then the focus countries lighter on top. */
export function paintLand(ctx: CanvasRenderingContext2D, map: MapData): void {
  for (const focus of [false, true]) {
    ctx.fillStyle = rgba(focus ? LAND_FOCUS : LAND_CONTEXT, 1);
    for (const c of map.countries) if (c.focus === focus) paintRings(ctx, c.rings);
  }
}

/**
 * Governorate lines, then country borders (the focus countries' brighter and thicker). `k` scales the line
 * widths in the world: the scene passes 1/zoom factor, so borders keep their width on screen when zoomed.
 */
export function paintBorders(ctx: CanvasRenderingContext2D, map: MapData, k = 1): void {
  ctx.lineJoin = 'round';
  const stroke = (width: number, colour: number, alpha: number, rings: readonly Ring[]) => {
    ctx.lineWidth = width * k;
    ctx.strokeStyle = rgba(colour, alpha);
    ctx.beginPath();
    traceRings(ctx, rings);
    ctx.stroke();
  };
  stroke(
    1,
    ADMIN_LINE,
    0.45,
    map.governorates.flatMap((g) => g.rings),
  );
  for (const focus of [false, true])
    stroke(
      focus ? 1.8 : 1,
      focus ? BORDER_FOCUS : BORDER_CONTEXT,
      focus ? 0.9 : 1,
      map.countries.filter((c) => c.focus === focus).flatMap((c) => c.rings),
    );
}

export { rgba };

/** City dots (capitals ringed) and names; a city within `near` px of a region point keeps only its dot. */
export function drawCities(
  scene: Phaser.Scene,
  g: Phaser.GameObjects.Graphics,
  map: MapData,
  regionPoints: readonly Pt[],
  resolution = 1,
  near = 18,
): Phaser.GameObjects.Text[] {
  const labels: Phaser.GameObjects.Text[] = [];
  const style = textStyle(labelStyle(12, '#dfe4e8', false), resolution);
  for (const city of map.cities) {
    g.fillStyle(0x0b1116, 1).fillCircle(city.x, city.y, city.capital ? 4.5 : 3.5);
    g.fillStyle(0xf4f6f8, 1).fillCircle(city.x, city.y, city.capital ? 2.8 : 2);
    if (city.capital) g.lineStyle(1.2, 0xf4f6f8, 1).strokeCircle(city.x, city.y, 6.5);
    if (regionPoints.some(([x, y]) => Math.hypot(x - city.x, y - city.y) < near)) continue;
    labels.push(
      scene.make.text({ x: city.x + 7, y: city.y, text: city.name, style }, false).setOrigin(0, 0.5),
    );
  }
  return labels;
}

/** A country's name on the map: where (world units), its size in design px, and whether it is a focus country. */
export interface CountryName {
  text: string;
  x: number;
  y: number;
  size: number;
  focus: boolean;
}

/**
 * Country names at the roomiest point of each country's visible part (`frame`, design pixels); countries
 * with too little room get none. Focus countries get larger, fainter names so tokens stay readable on top.
 */
export function placeCountryNames(
  map: MapData,
  frame: Rect = rect(0, 0, map.width, map.height),
): CountryName[] {
  const out: CountryName[] = [];
  for (const c of map.countries) {
    const at = labelPoint(c.rings, frame, 3);
    const size = c.focus ? 22 : 14;
    const width = c.name.length * size * 0.75;
    if (at.d < size || at.d * 2.4 < width * 0.6) continue;
    out.push({ text: c.name.toUpperCase(), x: at.x, y: at.y, size, focus: c.focus });
  }
  return out;
}

/** Paints country names (spaced capitals with a dark outline); `ui` is world units per design pixel. */
export function paintCountryNames(
  ctx: CanvasRenderingContext2D,
  names: readonly CountryName[],
  ui: number,
): void {
  ctx.save();
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  ctx.direction = 'ltr'; // names of the map's countries, in the map's (English) spelling
  for (const n of names) {
    ctx.font = `bold ${n.size * ui}px ${FONT}`;
    ctx.letterSpacing = `${(n.focus ? 6 : 3) * ui}px`;
    ctx.globalAlpha = n.focus ? 0.35 : 0.75;
    ctx.lineWidth = Math.max(3, Math.round(n.size / 4)) * ui;
    ctx.strokeStyle = INK_STROKE;
    ctx.strokeText(n.text, n.x, n.y);
    ctx.fillStyle = n.focus ? '#ffffff' : '#aab3bb';
    ctx.fillText(n.text, n.x, n.y);
  }
  ctx.restore();
}

/** Text resolution for a camera zoom, so baked and live text stays sharp when the map is zoomed in. */
export const textResolution = (zoom: number): number => Math.min(3, Math.max(1, Math.ceil(zoom * 2) / 2));
