// The geometry and colour rules under the map views: dashes, hatching clipped to shapes (holes included),
// label points, rectangle helpers, and relation and text colours chosen for contrast and colour blindness.
import { describe, expect, it } from 'vitest';
import {
  circleRing,
  clampInto,
  dashRing,
  dashSegments,
  hatchSegments,
  labelPoint,
  overlapArea,
  rect,
} from '../../src/view/geometry';
import type { Ring } from '../../src/view/mapData';
import { pointInShape } from '../../src/view/mapData';
import { hexToNumber, luminance, NEGATIVE, POSITIVE, relationStyle, textOn } from '../../src/view/palette';

const square = (x: number, y: number, s: number): Ring => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
];
const length = ([a, b]: [[number, number], [number, number]]) => Math.hypot(b[0] - a[0], b[1] - a[1]);

describe('dashes', () => {
  it('cut a line into dashes and gaps that start with a dash', () => {
    const dashes = dashSegments([0, 0], [100, 0], 10, 5);
    expect(dashes).toHaveLength(7);
    expect(dashes[0]).toEqual([
      [0, 0],
      [10, 0],
    ]);
    expect(dashes.at(-1)![1]).toEqual([100, 0]);
    expect(dashSegments([3, 3], [3, 3], 10, 5)).toEqual([]);
  });

  it('run on round a ring’s corners', () => {
    const dashes = dashRing(square(0, 0, 40), 8, 4);
    const drawn = dashes.reduce((sum, d) => sum + length(d), 0);
    expect(drawn).toBeCloseTo(13 * 8 + 4); // 13 whole periods of 12 px round 160 px, then 4 px of dash
  });
});

describe('hatching', () => {
  it('stays inside the shape, holes left empty', () => {
    const shape = { rings: [square(0, 0, 100)], holes: [square(30, 30, 40)] };
    const segments = hatchSegments([...shape.rings, ...shape.holes], 8);
    expect(segments.length).toBeGreaterThan(15);
    for (const [a, b] of segments) {
      const mid = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as const;
      expect(pointInShape(shape, mid[0], mid[1])).toBe(true);
      expect(b[0] - a[0]).toBeCloseTo(b[1] - a[1]); // 45°
    }
  });

  it('covers a circle marker', () => {
    const segments = hatchSegments([circleRing(50, 50, 10)], 5);
    expect(segments.length).toBeGreaterThanOrEqual(5);
  });
});

describe('rectangles and label points', () => {
  it('measure overlap and clamp into bounds', () => {
    expect(overlapArea(rect(0, 0, 10, 10), rect(5, 5, 10, 10))).toBe(25);
    expect(overlapArea(rect(0, 0, 10, 10), rect(10, 0, 10, 10))).toBe(0);
    expect(clampInto(rect(-5, 95, 10, 10), rect(0, 0, 100, 100))).toEqual(rect(0, 90, 10, 10));
    expect(clampInto(rect(0, 0, 200, 10), rect(0, 0, 100, 100)).x).toBe(-50); // too wide: centred
  });

  it('finds the roomiest point of a shape, within a frame', () => {
    const p = labelPoint([square(0, 0, 100)]);
    expect(p.x).toBeCloseTo(50, -1);
    expect(p.y).toBeCloseTo(50, -1);
    expect(p.d).toBeGreaterThan(45);
    const clipped = labelPoint([square(0, 0, 100)], rect(50, 0, 100, 100));
    expect(clipped.x).toBeGreaterThan(60);
    expect(clipped.d).toBeLessThanOrEqual(25 + 2);
  });
});

describe('colours', () => {
  it('tell relation signs apart by colour and by dash, with width growing with |value|', () => {
    expect(relationStyle(40)).toMatchObject({ color: POSITIVE, dashed: false });
    expect(relationStyle(-40)).toMatchObject({ color: NEGATIVE, dashed: true });
    expect(relationStyle(-90).width).toBeGreaterThan(relationStyle(-30).width);
    expect(relationStyle(100).width).toBe(relationStyle(-100).width);
  });

  it('put white text on dark fills and dark text on light ones', () => {
    expect(textOn(hexToNumber('#000000'))).toBe('#ffffff');
    expect(textOn(hexToNumber('#F0E442'))).not.toBe('#ffffff');
    expect(textOn(hexToNumber('#332288'))).toBe('#ffffff');
    expect(luminance(0xffffff)).toBeCloseTo(1);
    expect(hexToNumber('not a colour')).toBe(hexToNumber('#8c939a'));
  });
});
