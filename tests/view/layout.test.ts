// The map's pure layout: token callouts that never overlap, arena boxes on the frame edge towards their
// place, relation lines by sign and size, picking, camera framing and the geometry underneath them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine/index';
import { advance, createGame } from '../../src/engine/index';
import type { Rect } from '../../src/view/geometry';
import { contains, overlapArea, rect } from '../../src/view/geometry';
import type { CalloutInput } from '../../src/view/callouts';
import { orderPresence, placeCallouts, withoutOverlaps } from '../../src/view/callouts';
import { homePoints, pickAt, placeArenas, relationEdges } from '../../src/view/layout';
import type { MapData, Pt } from '../../src/view/mapData';
import { createProjector } from '../../src/view/mapData';
import { areaLocator, buildRegionShapes } from '../../src/view/regionShapes';
import { fitView, scenarioFocus } from '../../src/view/viewport';
import { ROOT, worldFrom } from '../support/worlds';

const map = JSON.parse(readFileSync(path.join(ROOT, 'assets/map/map.json'), 'utf8')) as MapData;
const metrics = { chipH: 18, gap: 3, labelH: 16, pad: 2 };
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x - 1e-6 &&
  inner.y >= outer.y - 1e-6 &&
  inner.x + inner.w <= outer.x + outer.w + 1e-6 &&
  inner.y + inner.h <= outer.y + outer.h + 1e-6;

/** The scene's inputs for a state of the shipped scenario, with token widths like the browser's. */
function calloutInputs(state: GameState) {
  const world = worldFrom('scenarios/mosul-2016.json');
  const shapes = buildRegionShapes(map, world.def).shapes;
  const order = world.def.actors.map((a) => a.id);
  return shapes.map((s): CalloutInput => ({
    id: s.id,
    point: s.point,
    radius: s.areas.length ? 6 : 14,
    labelW: s.label.length * 7.2 + 6,
    chipWidths: orderPresence(
      state.regions.find((r) => r.id === s.id)!,
      order,
    ).map((p) => 10 + 7.4 * (p.actor.length + 3)),
    alt: s.roomy ?? undefined,
  }));
}

describe('callouts', () => {
  const world = worldFrom('scenarios/mosul-2016.json');
  const shapes = buildRegionShapes(map, world.def).shapes;
  const bounds = rect(340, 130, 620, 630);
  const states = [createGame(world, 1)];
  for (let i = 0; i < 4; i++) states.push(advance(states.at(-1)!, world));

  it('orders a region’s tokens strongest first, the controller first on a tie', () => {
    const region = { id: 'r', controller: 'B', contested: false, presence: { A: 10, B: 10, C: 30, D: 0 } };
    expect(orderPresence(region, ['A', 'B', 'C', 'D']).map((p) => p.actor)).toEqual(['C', 'B', 'A']);
  });

  it('never overlap one another, keep their tokens inside and stay in bounds, turn after turn', () => {
    const locate = areaLocator(shapes, 4);
    for (const state of states) {
      const items = calloutInputs(state);
      const out = placeCallouts(items, metrics, bounds, [], {}, locate);
      const boxes = items.map((it) => out[it.id]!);
      for (let i = 0; i < boxes.length; i++) {
        expect(inside(boxes[i]!.box, bounds), boxes[i]!.id).toBe(true);
        expect(boxes[i]!.chips).toHaveLength(items[i]!.chipWidths.length);
        for (const [x, y] of boxes[i]!.chips) expect(contains(boxes[i]!.box, x, y)).toBe(true);
        for (let j = i + 1; j < boxes.length; j++)
          expect(overlapArea(boxes[i]!.box, boxes[j]!.box), `${boxes[i]!.id} × ${boxes[j]!.id}`).toBe(0);
      }
    }
  });

  it('leaves callouts out, fewest first, until none overlaps, when there is no room for all', () => {
    const locate = areaLocator(shapes, 4);
    const cramped = rect(340, 130, 260, 220); // a small window: no room for seventeen callouts
    for (const state of states) {
      const items = calloutInputs(state);
      const placed = placeCallouts(items, metrics, cramped, [], {}, locate);
      const all = Object.values(placed);
      const overlapping = all.filter((c) => all.some((d) => d !== c && overlapArea(c.box, d.box) > 0.5));
      expect(overlapping.length).toBeGreaterThan(0); // the case this is for
      const obstacle = rect(340, 130, 60, 40);
      const { shown, left } = withoutOverlaps(placed, [obstacle]);
      const kept = Object.values(shown);
      for (const c of kept) {
        expect(overlapArea(c.box, obstacle), c.id).toBeLessThanOrEqual(0.5);
        for (const d of kept)
          if (d !== c) expect(overlapArea(c.box, d.box), `${c.id} × ${d.id}`).toBeLessThanOrEqual(0.5);
      }
      // Nothing is lost that had room: each one left out overlapped something that stays, or the obstacle.
      expect(kept.length + left.length).toBe(all.length);
      for (const id of left)
        expect(
          overlapArea(placed[id]!.box, obstacle) > 0.5 ||
            kept.some((d) => overlapArea(placed[id]!.box, d.box) > 0.5),
          id,
        ).toBe(true);
      expect(withoutOverlaps(placed, [obstacle])).toEqual({ shown, left });
    }
    // With room for all, none is left out.
    const roomy = placeCallouts(calloutInputs(states[0]!), metrics, bounds, [], {}, locate);
    expect(withoutOverlaps(roomy).left).toEqual([]);
  });

  it('keeps clear of obstacles, draws a leader only when moved away, and is deterministic', () => {
    const items = calloutInputs(states[0]!);
    const obstacle = rect(600, 150, 120, 60);
    const a = placeCallouts(items, metrics, bounds, [obstacle]);
    const b = placeCallouts(items, metrics, bounds, [obstacle]);
    expect(a).toEqual(b);
    for (const c of Object.values(a)) {
      expect(overlapArea(c.box, obstacle), c.id).toBe(0);
      if (c.leader) {
        const [[x1, y1], [x2, y2]] = c.leader;
        expect(Math.hypot(x2 - x1, y2 - y1)).toBeGreaterThan(0);
        expect(contains(c.box, x2, y2)).toBe(true); // the leader ends on the box
      }
    }
  });

  it('puts a lone region’s callout right beside its point, without a leader', () => {
    const out = placeCallouts(
      [{ id: 'x', point: [500, 400], radius: 10, labelW: 60, chipWidths: [40, 40] }],
      metrics,
      rect(0, 0, 1000, 800),
    );
    const c = out.x!;
    expect(c.leader).toBeNull();
    expect(c.box.y).toBeGreaterThanOrEqual(410); // below the marker, its preferred side
    expect(c.box.y).toBeLessThan(420);
    expect(c.box.x + c.box.w / 2).toBeCloseTo(500);
  });
});

describe('arenas', () => {
  const frame = rect(340, 130, 620, 630);
  const arenas = (points: Record<string, Pt>) =>
    Object.entries(points).map(([id, point]) => ({ id, point, w: 80, h: 40 }));

  it('sit on their place when it is inside the frame', () => {
    const [box] = placeArenas(arenas({ here: [600, 400] }), frame);
    expect(box!.inside).toBe(true);
    expect(box!.box).toEqual(rect(560, 380, 80, 40));
  });

  it('sit on the frame edge in the direction of a place outside it, without overlapping', () => {
    const projector = createProjector(map.projection);
    const p = (lon: number, lat: number): Pt => {
      const q = projector.project(lon, lat);
      return [q.x, q.y];
    };
    // Far north, far west, south-east of the frame.
    const boxes = placeArenas(
      arenas({ north: p(37.6, 55.8), west: p(-77, 38.9), south: p(46.7, 24.7) }),
      frame,
    );
    const [north, west, south] = boxes.map((b) => b.box);
    const inner = rect(frame.x + 6, frame.y + 6, frame.w - 12, frame.h - 12);
    for (const b of boxes) expect(inside(b.box, inner), b.id).toBe(true);
    expect(north!.y).toBeCloseTo(inner.y); // top edge
    expect(west!.x).toBeCloseTo(inner.x); // left edge
    expect(south!.y + south!.h).toBeCloseTo(inner.y + inner.h); // bottom edge…
    expect(south!.x + south!.w / 2).toBeGreaterThan(frame.x + frame.w / 2); // …right of centre
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlapArea(boxes[i]!.box, boxes[j]!.box)).toBe(0);
    // The arrow points at the place.
    expect(Math.sin(boxes[0]!.toward)).toBeLessThan(-0.9);
  });

  it('slide along the edge away from the map’s regions, and apart from each other', () => {
    const keepOut = [rect(560, 130, 160, 100)];
    const boxes = placeArenas(arenas({ a: [640, -500], b: [641, -500] }), frame, keepOut);
    for (const b of boxes) expect(overlapArea(b.box, keepOut[0]!)).toBe(0);
    expect(overlapArea(boxes[0]!.box, boxes[1]!.box)).toBe(0);
  });
});

describe('relation lines', () => {
  const homes: Record<string, Pt> = { A: [0, 0], B: [100, 0], C: [0, 100], D: [100, 100] };
  const values: Record<string, number> = { AB: 50, AC: -30, AD: 10, BC: -5, BD: 0, CD: 90 };
  const value = (a: string, b: string) => values[a + b] ?? values[b + a] ?? 0;

  it('hide relations weaker than 20 and zero ones, and put the strongest on top', () => {
    const edges = relationEdges(['A', 'B', 'C', 'D'], value, homes, null);
    expect(edges.map((e) => e.a + e.b)).toEqual(['AC', 'AB', 'CD']);
    expect(edges.every((e) => e.emphasis === 'normal')).toBe(true);
  });

  it('show every edge of a highlighted triad, on top, and dim the rest', () => {
    const edges = relationEdges(['A', 'B', 'C', 'D'], value, homes, ['A', 'B', 'C']);
    expect(edges.slice(-3).map((e) => [e.a + e.b, e.emphasis])).toEqual([
      ['BC', 'triad'],
      ['AC', 'triad'],
      ['AB', 'triad'],
    ]);
    expect(edges.find((e) => e.a + e.b === 'CD')!.emphasis).toBe('dim');
  });

  it('show only the ties of a selected actor, weak ones too (not zero), unless a triad is highlighted', () => {
    const edges = relationEdges(['A', 'B', 'C', 'D'], value, homes, null, 20, 'A');
    expect(edges.map((e) => e.a + e.b)).toEqual(['AD', 'AC', 'AB']);
    expect(relationEdges(['A', 'B', 'C', 'D'], value, homes, null, 20, 'B').map((e) => e.a + e.b)).toEqual([
      'BC', // −5: weak, still shown; BD is 0, not drawn
      'AB',
    ]);
    const triad = relationEdges(['A', 'B', 'C', 'D'], value, homes, ['A', 'B', 'C'], 20, 'D');
    expect(triad.filter((e) => e.emphasis === 'triad')).toHaveLength(3);
  });

  it('skip actors with no home point, and pairs that share a point', () => {
    const edges = relationEdges(['A', 'B', 'E'], () => 80, { A: [0, 0], B: [0, 0] }, null);
    expect(edges).toEqual([]);
  });

  it('end at arena tokens, home-region tokens, spread region points or projected points', () => {
    const out = homePoints(
      [
        { id: 'A', home: 'capital' },
        { id: 'B', home: 'valley' },
        { id: 'C', home: 'valley' },
        { id: 'D', home: 'hill' },
        { id: 'E', home: { lat: 10, lon: 20 } },
        { id: 'F', home: 'nowhere' },
      ],
      {
        arenaChips: { A: [5, 5] },
        regionChips: { valley: { B: [50, 60] } },
        regionPoints: { valley: [40, 40], hill: [200, 200] },
        project: (lon, lat) => [lon * 10, lat * 10],
      },
    );
    expect(out.A).toEqual([5, 5]);
    expect(out.B).toEqual([50, 60]);
    expect(out.C).toEqual([40, 40]); // alone at the valley point (B has its token)
    expect(out.D).toEqual([200, 200]);
    expect(out.E).toEqual([200, 100]);
    expect(out.F).toBeUndefined();
  });
});

describe('picking', () => {
  const model = {
    chips: [{ actor: 'A', region: 'r1', rect: rect(0, 0, 40, 18) }],
    arenas: [{ id: 'far', rect: rect(100, 0, 80, 40) }],
    markers: [{ region: 'r2', point: [300, 300] as Pt, radius: 10 }],
    callouts: [{ region: 'r1', rect: rect(0, 0, 120, 60) }],
    areaAt: (x: number) => (x > 500 ? 'r3' : null),
  };

  it('finds tokens first, then arenas, markers, callouts and areas', () => {
    expect(pickAt(model, 10, 10)).toEqual({ kind: 'actor', actor: 'A', region: 'r1' });
    expect(pickAt(model, 110, 10)).toEqual({ kind: 'arena', arena: 'far' });
    expect(pickAt(model, 305, 305)).toEqual({ kind: 'region', region: 'r2' });
    expect(pickAt(model, 60, 50)).toEqual({ kind: 'region', region: 'r1' });
    expect(pickAt(model, 600, 50)).toEqual({ kind: 'region', region: 'r3' });
    expect(pickAt(model, 400, 600)).toBeNull();
  });
});

describe('camera framing', () => {
  const focus = rect(347, 216, 610, 467);
  const extent = rect(-100, -100, 1480, 920);
  const insets = { left: 320, right: 360, top: 48, bottom: 56 };
  const toScreen = (v: ReturnType<typeof fitView>, x: number, y: number, w: number, h: number): Pt => [
    (x - v.scrollX - w / 2) * v.zoom + w / 2,
    (y - v.scrollY - h / 2) * v.zoom + h / 2,
  ];

  it('fits the focus countries between the panels at 1280×720', () => {
    const v = fitView(1280, 720, insets, focus, extent);
    const [x0, y0] = toScreen(v, focus.x, focus.y, 1280, 720);
    const [x1, y1] = toScreen(v, focus.x + focus.w, focus.y + focus.h, 1280, 720);
    expect(x0).toBeGreaterThanOrEqual(320 - 1e-6);
    expect(x1).toBeLessThanOrEqual(920 + 1e-6);
    expect(y0).toBeGreaterThanOrEqual(48 - 1e-6);
    expect(y1).toBeLessThanOrEqual(664 + 1e-6);
    expect(v.free.x).toBeCloseTo(focus.x - (600 / v.zoom - focus.w) / 2);
  });

  it('zooms in on a large window and never shows beyond the map data', () => {
    for (const [w, h] of [
      [1920, 1080],
      [1024, 768],
      [800, 1200],
      [3000, 600],
    ] as const) {
      const v = fitView(w, h, insets, focus, extent);
      expect(inside(v.visible, extent), `${w}×${h}`).toBe(true);
      expect(v.visible.w).toBeCloseTo(w / v.zoom);
    }
    expect(fitView(1920, 1080, insets, focus, extent).zoom).toBeGreaterThan(1.9);
  });

  it('uses the whole width when the side panels would leave too little of it', () => {
    expect(fitView(1024, 768, insets, focus, extent).free.w).toBeLessThan(focus.w + 1);
    const v = fitView(900, 768, insets, focus, extent);
    expect(v.free.w).toBeCloseTo(900 / v.zoom);
  });

  it('frames a scenario by its regions, with room round their points and a minimum size', () => {
    const world = worldFrom('scenarios/mosul-2016.json');
    const shapes = buildRegionShapes(map, world.def).shapes;
    const regions = shapes.map((s) => ({ point: s.point, rings: s.areas.flatMap((a) => a.rings) }));
    const f = scenarioFocus(regions)!;
    for (const s of shapes) expect(contains(f, s.point[0], s.point[1]), s.id).toBe(true);
    for (const s of shapes.filter((x) => x.areas.length))
      expect(inside(rect(s.roomy!.at[0], s.roomy!.at[1], 0, 0), f)).toBe(true);
    const one = scenarioFocus([{ point: [500, 400], rings: [] }])!;
    expect(one).toEqual(rect(500 - 210, 400 - 160, 420, 320));
    expect(scenarioFocus([])).toBeNull();
  });
});
