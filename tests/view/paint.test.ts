// The map's painted base (view/bake.ts, basemap.ts): borders keep their width on screen at any zoom (their
// width in the world is divided by the zoom factor), and while the camera moves before the next paint the
// painting is moved so that every world point stays under the same point of the live map above it.
import { describe, expect, it } from 'vitest';
import type { CameraView } from '../../src/view/bake';
import { following } from '../../src/view/bake';
import { paintBorders } from '../../src/view/basemap';
import type { MapData } from '../../src/view/mapData';

/** A 2D context that records the line width of every stroke. */
function recorder() {
  const strokes: number[] = [];
  const ctx = {
    lineWidth: 1,
    strokeStyle: '',
    lineJoin: 'miter',
    beginPath() {},
    moveTo() {},
    lineTo() {},
    closePath() {},
    stroke() {
      strokes.push(ctx.lineWidth);
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, strokes };
}

const ring = [
  [0, 0],
  [10, 0],
  [10, 10],
] as [number, number][];
const map = {
  governorates: [{ rings: [ring] }],
  countries: [
    { focus: false, rings: [ring] },
    { focus: true, rings: [ring] },
  ],
} as unknown as MapData;

/** Where camera c shows world point (x, y) in a w × h window (Phaser's main camera, zooming about its centre). */
const screen = (c: CameraView, x: number, y: number, w: number, h: number): [number, number] => [
  (x - c.scrollX - w / 2) * c.zoom + w / 2,
  (y - c.scrollY - h / 2) * c.zoom + h / 2,
];

describe('the painted base of the map', () => {
  it('draws borders thinner in the world as the map is zoomed, so they keep their width on screen', () => {
    const fitted = recorder();
    paintBorders(fitted.ctx, map, 1);
    const zoomed = recorder();
    paintBorders(zoomed.ctx, map, 1 / 4); // zoomed in four times
    expect(fitted.strokes).toEqual([1, 1, 1.8]);
    expect(zoomed.strokes).toEqual(fitted.strokes.map((w) => w / 4));
  });

  it('follows the camera: each painted point is moved to where the moved camera shows it', () => {
    const [w, h] = [1280, 720];
    const painted = { zoom: 1.6, scrollX: 120, scrollY: -40 };
    for (const now of [
      painted,
      { zoom: 1.6, scrollX: 180, scrollY: 10 }, // panned
      { zoom: 4.1, scrollX: 90, scrollY: -75 }, // zoomed and panned
      { zoom: 0.9, scrollX: 300, scrollY: 20 }, // zoomed out
    ]) {
      const { k, tx, ty } = following(painted, now, w, h);
      for (const [x, y] of [
        [0, 0],
        [640, 360],
        [1000, -50],
        [-300, 900],
      ] as const) {
        const [px, py] = screen(painted, x, y, w, h);
        const [sx, sy] = screen(now, x, y, w, h);
        expect(px * k + tx).toBeCloseTo(sx, 6);
        expect(py * k + ty).toBeCloseTo(sy, 6);
      }
      if (now === painted) expect({ k, tx, ty }).toEqual({ k: 1, tx: 0, ty: 0 });
    }
  });
});
