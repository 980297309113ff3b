// @vitest-environment happy-dom
// Plot geometry (scales, ticks, stacked segments, bar placement) as pure numbers, the SVG built node by node,
// and the rows chosen from the data: every pair of playable actors, by how much the two runs differ.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlayoutSummary } from '../../src/engine/playout';
import { controlRows, extent, keyPairs, scoreRows } from '../../src/ui/oddsRows';
import {
  labelWidth,
  linearScale,
  luminance,
  niceDomain,
  rangeGeometry,
  rangePlot,
  stackPlot,
  stackSegments,
  ticks,
} from '../../src/ui/plots';
import type { TestElement } from './testDom';
import { installTestDom, clearTestDom } from './testDom';
import { mosulJson } from './support';

describe('plot geometry', () => {
  it('maps a domain onto a range linearly, clamping outside values', () => {
    const x = linearScale([-100, 100], [0, 200]);
    expect([x(-100), x(0), x(50), x(100)]).toEqual([0, 100, 150, 200]);
    expect([x(-300), x(300)]).toEqual([0, 200]);
    const flipped = linearScale([0, 10], [100, 0]);
    expect(flipped(2.5)).toBe(75);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(0); // an empty domain does not divide by zero
  });

  it('rounds domains outwards and picks round ticks', () => {
    expect(niceDomain(-3, 7)).toEqual([-5, 10]);
    expect(niceDomain(0, 0)).toEqual([0, 5]);
    expect(niceDomain(12, 12, 10)).toEqual([10, 20]);
    expect(ticks([-100, 100], 8)).toEqual([-100, -50, 0, 50, 100]);
    expect(ticks([-5, 10], 5)).toEqual([-5, 0, 5, 10]);
    expect(ticks([-5, 10], 8)).toEqual([-4, -2, 0, 2, 4, 6, 8, 10]);
    expect(ticks([0, 1], 4)).toEqual([0, 0.5, 1]);
  });

  it('lays fractions end to end, skipping empty ones', () => {
    expect(
      stackSegments(
        [
          { key: 'A', fraction: 0.5 },
          { key: 'B', fraction: 0 },
          { key: 'C', fraction: 0.25 },
          { key: 'D', fraction: 0.25 },
        ],
        [100, 300],
      ),
    ).toEqual([
      { key: 'A', x: 100, width: 100, fraction: 0.5 },
      { key: 'C', x: 200, width: 50, fraction: 0.25 },
      { key: 'D', x: 250, width: 50, fraction: 0.25 },
    ]);
  });

  it('places a range bar from p10 to p90 with the mean inside, at least 2px wide', () => {
    const x = linearScale([-100, 100], [0, 200]);
    expect(rangeGeometry({ p10: -20, p90: 40, mean: 10 }, x)).toEqual({ x: 80, width: 60, cx: 110 });
    expect(rangeGeometry({ p10: 30, p90: 30, mean: 30 }, x)).toEqual({ x: 130, width: 2, cx: 130 });
  });

  it('sizes the label column to the labels, and tells light colours from dark', () => {
    expect(labelWidth(['US–TUR'])).toBe(56);
    expect(labelWidth(['a'.repeat(100)])).toBe(200);
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('#F0E442')).toBeGreaterThan(0.3);
  });
});

describe('plots as SVG', () => {
  beforeEach(() => void installTestDom());
  afterEach(() => clearTestDom());

  it('draws a bar and a mark per run and row, each run with its own fill and marker shape', () => {
    const plot = rangePlot(
      [
        {
          label: 'A–B',
          runs: [
            { p10: -10, p90: 20, mean: 5 },
            { p10: 0, p90: 50, mean: 30 },
          ],
        },
        { label: 'A–C', runs: [{ p10: -60, p90: -20, mean: -40 }, null] },
      ],
      [-100, 100],
      'test',
    ) as unknown as TestElement;
    expect(plot.namespaceURI).toBe('http://www.w3.org/2000/svg');
    const rows = [...plot.querySelectorAll<TestElement>('g.row')];
    expect(rows).toHaveLength(2);
    expect([...rows[0]!.querySelectorAll<TestElement>('rect')]).toHaveLength(2);
    expect([...rows[0]!.querySelectorAll<TestElement>('circle')]).toHaveLength(1);
    expect([...rows[0]!.querySelectorAll<TestElement>('path')]).toHaveLength(1);
    expect([...rows[1]!.querySelectorAll<TestElement>('rect')]).toHaveLength(1);
    const [solid, hatched] = [...rows[0]!.querySelectorAll<TestElement>('rect')];
    expect(solid!.getAttribute('fill')).toMatch(/^#/);
    expect(hatched!.getAttribute('fill')).toMatch(/^url\(#hatch-\d+\)$/);
    expect(plot.querySelector('line.zero')).not.toBeNull();
  });

  it('stacks control shares, labelling the wide segments', () => {
    const parts = [
      { key: 'X', fraction: 0.8, colour: '#0072b2', name: 'Ex' },
      { key: 'none', fraction: 0.2, colour: '#8a94a8', name: 'nobody' },
    ];
    const plot = stackPlot([{ label: 'Hill', bars: [{ parts }] }], 'test', []) as unknown as TestElement;
    const rects = [...plot.querySelectorAll<TestElement>('g.row rect')];
    expect(rects).toHaveLength(2);
    expect(rects[1]!.getAttribute('fill')).toMatch(/^url\(#none-\d+\)$/);
    expect(plot.textContent).toContain('X 80%');
  });
});

describe('what the odds plot', () => {
  const def = () => {
    const json = mosulJson();
    return json as any;
  };
  const summary = (shift: number): PlayoutSummary => {
    const ids = (def().actors as { id: string }[]).map((a) => a.id);
    const relations: PlayoutSummary['relations'] = [];
    ids.forEach((a, i) =>
      ids.slice(i + 1).forEach((b, j) => {
        const mean = ((i * 7 + j * 3) % 40) - 20 + (a === ids[0] ? shift : 0);
        relations.push({ a, b, layer: 'net', mean, p10: mean - 10, p90: mean + 10 });
      }),
    );
    return {
      playouts: 10,
      seeds: [1, 10],
      relations,
      scores: ids.map((actor) => ({ actor, mean: shift, p10: shift - 1, p90: shift + 2 })),
      control: [{ region: def().regions[0].id, controllers: { [ids[1]!]: 0.7, none: 0.3 } }],
      unbalanced: [],
    };
  };

  it('plots every pair of playable actors first, the largest difference first, naming no actor', () => {
    const d = def();
    const playable = d.actors.filter((a: any) => a.playable).map((a: any) => a.id) as string[];
    const pairs = keyPairs(d, [summary(0), summary(30)], 12);
    const both = pairs.filter((p) => playable.includes(p.a) && playable.includes(p.b));
    expect(both).toHaveLength((playable.length * (playable.length - 1)) / 2);
    expect(pairs.slice(0, both.length)).toEqual(both);
    const diffs = both.map((p) => p.difference);
    expect(diffs).toEqual([...diffs].sort((x, y) => y - x));
    expect(diffs[0]).toBe(30);
    expect(pairs.length).toBe(12);
    for (const p of pairs.slice(both.length))
      expect(playable.includes(p.a) || playable.includes(p.b)).toBe(true);
    // With one run there is no difference: still the playable pairs.
    expect(keyPairs(d, [summary(0)], 4).every((p) => p.runs.length === 1 && p.difference === 0)).toBe(true);
  });

  it('stacks control per region and ranges scores per playable actor', () => {
    const d = def();
    const rows = controlRows(d, [summary(0), summary(1)]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.bars).toHaveLength(2);
    expect(rows[0]!.bars[0]!.parts.map((p) => [p.key, p.fraction])).toEqual([
      [d.actors[1].id, 0.7],
      ['none', 0.3],
    ]);
    expect(rows[0]!.bars[0]!.parts[0]!.colour).toBe(d.actors[1].color);
    const scores = scoreRows(d, [summary(0), summary(4)]);
    expect(scores.map((s) => s.actor)).toEqual(d.actors.filter((a: any) => a.playable).map((a: any) => a.id));
    expect(extent(scores)).toEqual([-1, 6]);
  });
});
