// The net value of a pair (src/engine/net.ts) is monotonic in each layer: warming one layer never cools the net
// and cooling one never warms it. The weighted mean it replaces was not (+70 and +20 gave 59; with the +20 at 0,
// 70). The state's reader, the AI's overlay and the rules' netAt all compute the same value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGame, netAt } from '../../src/engine/index';
import { netOf } from '../../src/engine/net';
import { Overlay } from '../../src/engine/overlay';
import { StateReader } from '../../src/engine/reader';
import { pairIndex } from '../../src/engine/relations';
import { valleys, worldFrom } from '../support/worlds';

const layer = fc.integer({ min: -100, max: 100 });
const layers = fc.array(layer, { minLength: 1, maxLength: 5 });

describe('the net value', () => {
  it('never falls when one layer rises, and never rises when one falls', () => {
    fc.assert(
      fc.property(layers, fc.nat(), fc.integer({ min: 1, max: 200 }), (values, at, up) => {
        const k = at % values.length;
        const warmer = values.map((v, i) => (i === k ? Math.min(100, v + up) : v));
        expect(netOf(warmer)).toBeGreaterThanOrEqual(netOf(values));
        const cooler = values.map((v, i) => (i === k ? Math.max(-100, v - up) : v));
        expect(netOf(cooler)).toBeLessThanOrEqual(netOf(values));
      }),
      { numRuns: 5000 },
    );
  });

  it('stays within −100…100, keeps a lone layer as it is, and is symmetric in sign', () => {
    fc.assert(
      fc.property(layers, (values) => {
        const n = netOf(values);
        expect(Math.abs(n)).toBeLessThanOrEqual(100);
        expect(netOf(values.map((v) => -v))).toBe(-n || 0);
        expect(netOf([values[0]!])).toBe(values[0]);
        expect(netOf([values[0]!, 0, 0])).toBe(values[0]);
      }),
    );
  });

  it('is the case the old mean got wrong: cooling +20 to 0 beside +70 cools the net', () => {
    expect(netOf([70, 20])).toBeGreaterThan(netOf([70, 0]));
    expect(netOf([70, 0])).toBe(70);
    expect(netOf([50, 50])).toBe(75); // each tie closes half the way that is left
    expect(netOf([66, -66])).toBe(0);
  });

  it('is the same through the rules, the state reader and the AI overlay, on every shipped pair', () => {
    for (const w of [
      valleys(),
      worldFrom('scenarios/tehran-2022.json'),
      worldFrom('scenarios/mosul-2016.json'),
    ]) {
      const s = createGame(w, 3);
      const reader = new StateReader(s, w, null, { rng: 1 }, true);
      const n = w.actorIds.length;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const p = pairIndex(i, j, n);
          const expected = netOf(w.netLayers.map((l) => s.relations[l]![p]!));
          expect(netAt(s, w, i, j)).toBe(expected);
          expect(reader.net(i, j)).toBe(expected);
          const ov = new Overlay(reader, w, null, '');
          const l = w.netLayers[0]!;
          ov.bumpRel(i, j, l, 30);
          const bumped = w.netLayers.map((x) => {
            const v = s.relations[x]![p]! + (x === l ? 30 : 0);
            return Math.max(-100, Math.min(100, v));
          });
          expect(ov.net(i, j)).toBe(netOf(bumped));
          expect(ov.net(i, j)).toBeGreaterThanOrEqual(expected);
        }
    }
  });
});
