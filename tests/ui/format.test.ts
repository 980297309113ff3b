// What the panels show, computed from real games of the shipped scenario: signed values, grouping of effects
// by order, relation changes and their history, triads in teaching order, rankings, option groups.
import { describe, expect, it } from 'vitest';
import type { GameState, World } from '../../src/engine/index';
import {
  advance,
  createGame,
  listOrderOptions,
  listUnbalancedTriads,
  relation,
} from '../../src/engine/index';
import {
  describeParams,
  describeTurn,
  describeValue,
  formatDate,
  formatDelta,
  formatSigned,
  groupEffects,
  groupOptions,
  matrixActors,
  pairHistory,
  quoteShown,
  rankScores,
  relationDelta,
  shownMeters,
  signOf,
  sortTriads,
  triadEdges,
} from '../../src/ui/format';
import { worldFrom } from '../support/worlds';

const w: World = worldFrom('scenarios/mosul-2016.json');
const s0 = createGame(w, 7);
const s1 = advance(s0, w);
const s2 = advance(s1, w);
const playable = w.def.actors.filter((a) => a.playable).map((a) => a.id);

describe('labels and values', () => {
  it('writes signs with a real minus and never a bare number for a change', () => {
    expect([formatSigned(34), formatSigned(-20), formatSigned(0)]).toEqual(['+34', '\u221220', '0']);
    expect([formatDelta(5), formatDelta(-3), formatDelta(0)]).toEqual(['▲5', '▼3', '']);
    expect([signOf(3), signOf(-3), signOf(0)]).toEqual(['pos', 'neg', 'zero']);
    expect(describeValue(-70)).toBe('hostile (\u221270)');
    expect(describeValue(40)).toBe('cooperating (+40)');
  });

  it('formats ISO dates without a time zone', () => {
    expect(formatDate('2016-10-17')).toBe('17 Oct 2016');
    expect(formatDate('2017-01-09')).toBe('9 Jan 2017');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('spells out the parameters of an order with names from the scenario', () => {
    const [a, b] = playable;
    const region = w.def.regions[0]!;
    expect(describeParams(w.def, { target: b!, region: region.id, covert: true })).toEqual([
      `Target: ${w.def.actors.find((x) => x.id === b)!.name}`,
      `Region: ${region.name}`,
      'covert',
    ]);
    expect(describeParams(w.def, { target: a! })).toHaveLength(1);
  });
});

describe('the turn report', () => {
  it('groups every effect under the order that caused it, and keeps the rest as realignment', () => {
    const { orders, realignment } = groupEffects(s1);
    expect(orders).toHaveLength(s1.orders.length);
    const grouped = orders.reduce((n, g) => n + g.effects.length, 0);
    expect(grouped + realignment.length).toBe(s1.effects.length);
    for (const g of orders) {
      expect(g.order).toBe(s1.orders[g.index]);
      for (const e of g.effects) expect(e.order).toBe(g.index);
    }
    expect(realignment.every((e) => e.order === undefined)).toBe(true);
    expect(realignment.length).toBeGreaterThan(0);
  });

  it('quotes a passage once per run of effects that cite it', () => {
    const quoted = s1.effects.filter((e) => e.source);
    expect(quoted.length).toBeGreaterThan(0);
    const shown = quoteShown(s1.effects);
    s1.effects.forEach((e, i) => {
      if (!e.source) expect(shown[i]).toBe(false);
      const prev = s1.effects[i - 1];
      if (e.source && prev?.source?.quote === e.source.quote && prev.source.source === e.source.source)
        expect(shown[i]).toBe(false);
    });
    expect(shown[s1.effects.indexOf(quoted[0]!)]).toBe(true);
  });

  it('announces a resolved turn with its date and counts', () => {
    const text = describeTurn(s1, w);
    expect(text).toMatch(/^Turn 1 resolved \(\d+ \w{3} \d{4}\): /);
    expect(text).toContain(`${s1.orders.length} orders`);
  });
});

describe('relations', () => {
  const [a, b] = playable as [string, string];

  it('gives the change of a pair between two states, per layer and net', () => {
    for (const layer of [...w.def.layers.map((l) => l.id), 'net'])
      expect(relationDelta(s0, s1, w, a, b, layer)).toBe(
        relation(s1, w, a, b, layer) - relation(s0, w, a, b, layer),
      );
    expect(relationDelta(null, s1, w, a, b, 'net')).toBe(0);
  });

  it('finds every effect that touched a pair along the line, newest first, with its order', () => {
    const line = [{ state: s0 }, { state: s1 }, { state: s2 }];
    // pick a pair that changed in a layer during the two turns
    const e = s2.effects.find((x) => x.kind === 'relation' && x.a && x.b && x.layer)!;
    const history = pairHistory(line, w, e.b!, e.a!, e.layer!);
    expect(history.length).toBeGreaterThan(0);
    expect(history[0]!.turn).toBe(2);
    for (const h of history) {
      expect([h.effect.a, h.effect.b].sort()).toEqual([e.a, e.b].sort());
      expect(h.effect.layer).toBe(e.layer);
      if (h.effect.order !== undefined) expect(h.order).toBeTruthy();
    }
    // the net view gathers every layer that counts
    const net = pairHistory(line, w, e.a!, e.b!, 'net');
    expect(net.length).toBeGreaterThanOrEqual(history.length);
    // and the relation moves by the sum of what the log says, for a pair no bound clipped
    const moved = history
      .filter((h) => h.effect.kind === 'relation')
      .reduce((sum, h) => sum + (h.effect.after! - h.effect.before!), 0);
    expect(moved).toBe(relation(s2, w, e.a!, e.b!, e.layer!) - relation(s0, w, e.a!, e.b!, e.layer!));
  });

  it('shows the players and the states in the main matrix, every actor in the full one', () => {
    const main = matrixActors(w.def, 'main');
    expect(main).toEqual(expect.arrayContaining(playable));
    expect(main.length).toBeLessThan(w.actorIds.length);
    expect(matrixActors(w.def, 'all')).toEqual(w.actorIds);
  });
});

describe('contradictions', () => {
  const triads = listUnbalancedTriads(s1, w);

  it('puts cross-layer contradictions first, then the net graph, then each layer', () => {
    const sorted = sortTriads(triads, w);
    expect(sorted).toHaveLength(triads.length);
    const rank = (l: string) => (l === 'cross' ? 0 : l === 'net' ? 1 : 2 + w.layerIndex[l]!);
    for (let i = 1; i < sorted.length; i++)
      expect(rank(sorted[i]!.layer)).toBeGreaterThanOrEqual(rank(sorted[i - 1]!.layer));
    expect(sorted[0]!.layer).toBe('cross');
  });

  it('brings the triads of the given actors forward within each kind', () => {
    const first = playable[0]!;
    const sorted = sortTriads(triads, w, [first]).filter((t) => t.layer === 'cross');
    const firstOther = sorted.findIndex((t) => !t.actors.includes(first));
    const lastMine = sorted.map((t) => t.actors.includes(first)).lastIndexOf(true);
    if (firstOther >= 0) expect(lastMine).toBeLessThan(firstOther);
  });

  it('gives the three ties of a triad, whose signs multiply to a negative in its layer', () => {
    const layered = triads.find((t) => t.layer !== 'cross' && t.layer !== 'net')!;
    const edges = triadEdges(s1, w, layered);
    expect(edges).toHaveLength(3);
    const product = edges.reduce((p, e) => p * Math.sign(e.values[0]!.value), 1);
    expect(product).toBe(-1);
    const cross = triads.find((t) => t.layer === 'cross')!;
    for (const e of triadEdges(s1, w, cross)) {
      expect(e.values.length).toBeGreaterThan(0);
      expect(e.values.length).toBeLessThanOrEqual(w.netLayers.length);
      expect(e.values.every((v) => v.value !== 0)).toBe(true);
    }
  });
});

describe('scores and options', () => {
  it('ranks scores from best to worst, ties sharing a rank', () => {
    const fake: GameState = { ...s1, scores: Object.fromEntries(playable.map((a, i) => [a, i < 2 ? 5 : i])) };
    const ranked = rankScores(fake, w, playable);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((x, y) => y - x));
    const fives = ranked.filter((r) => r.score === 5);
    expect(new Set(fives.map((r) => r.rank)).size).toBe(1);
    expect(ranked[0]!.rank).toBe(1);
  });

  it('groups order options by order and shows one covert variant at a time', () => {
    const actor = playable.find((a) => listOrderOptions(s0, w, a).some((o) => o.def.covert === 'optional'))!;
    const options = listOrderOptions(s0, w, actor);
    const groups = groupOptions(options);
    expect(groups.map((g) => g.def.id)).toEqual([...new Set(options.map((o) => o.def.id))]);
    const optional = groups.find((g) => g.def.covert === 'optional')!;
    expect(optional.options.every((o) => !o.order.covert)).toBe(true);
    const covert = groupOptions(options, { [optional.def.id]: true }).find(
      (g) => g.def.id === optional.def.id,
    )!;
    expect(covert.options.length).toBeGreaterThan(0);
    expect(covert.options.every((o) => o.order.covert)).toBe(true);
  });

  it('lists the meters an actor defines, and those that moved off zero', () => {
    const a = w.def.actors.find((x) => x.playable && x.meters)!;
    const meters = shownMeters(w.def, s0, a.id);
    expect(meters.map((m) => m.id).sort()).toEqual(Object.keys(a.meters!).sort());
  });
});
