// Fidelity of the Russia intervenes 2015 scenario (DOMAIN.md S2, rules R34–R37 with A1's R16, R17 and R19) to
// the articles: A2's background section on Syria and A1 on Aleppo and Euphrates Shield in 2016. Each test
// gives the engine the orders the articles describe, or sets up the situation they describe, and checks the
// effects they claim, as the scenario's rules produce them. Only starting situations are set by hand.
import { describe, expect, it } from 'vitest';
import type { Effect, GameState, Order } from '../../src/engine/index';
import { advance, checkOrder, createGame, objectiveStatus, relation } from '../../src/engine/index';
import { pairIndex } from '../../src/engine/relations';
import { fidelityKit } from '../support/fidelity';
import { worldFrom } from '../support/worlds';

const w = worldFrom('scenarios/russia-intervenes-2015.json');
const s0 = createGame(w, 1);
const { play, edit, meter, presence, controller } = fidelityKit(w);

const setRelation = (a: string, b: string, layer: string, v: number) => (d: GameState) => {
  d.relations[w.layerIndex[layer]!]![pairIndex(w.actorIndex[a]!, w.actorIndex[b]!, w.actorIds.length)] = v;
};
const byRule = (s: GameState, id: string): Effect[] => s.effects.filter((e) => e.rule === id);
const verdict = (s: GameState, order: Order, given: Order[] = []) => checkOrder(s, w, order, given);
const intervene: Order = { id: 'rus-intervene', actor: 'RUS', region: 'latakia' };
const met = (s: GameState, actor: string, objective: string): boolean =>
  objectiveStatus({ s, w }, actor).find((o) => o.id === objective)!.met;

describe('Russia intervenes 2015: the rules of A2’s Syrian background (R34–R37)', () => {
  it('R34: the Syrian uprising is the background: Russia–Iran start at +33 in Syria, and the turn-1 note quotes the "catalyst"', () => {
    expect(relation(s0, w, 'RUS', 'IRN', 'SY')).toBe(33);
    const s1 = play(s0);
    const note = byRule(s1, 'R34');
    expect(note).toHaveLength(1);
    expect(note[0]!.text).toMatch(/catalyst for closer Russia–Iran relations/);
    expect(note[0]!.source).toMatchObject({
      source: 'A2',
      quote: expect.stringMatching(/^The catalyst for a better relationship/),
      intended: expect.stringMatching(/closer relationship was the Syrian uprising/),
    });
  });

  it('R35: left alone, the regime army collapses and the game ends; Iranian militia can only be raised while it is at risk', () => {
    let s = s0;
    while (!s.over) s = play(s);
    expect(s.turn).toBeLessThan(10);
    expect(s.flags.regimeCollapsed).toBe(1);
    expect(meter(s, 'SYR', 'cohesion')).toBeLessThanOrEqual(5);
    expect(
      byRule(s, 'R36-collapse')
        .filter((e) => e.kind === 'vp')
        .map((e) => e.a),
    ).toEqual(['RUS', 'IRN']);
    // Iran's militia and foreign fighters shore the army up, at a cost.
    const militia = { id: 'irn-militia', actor: 'IRN', target: 'SYR' };
    expect(verdict(s0, militia)).toEqual({ ok: true });
    const s1 = play(s0, [militia]);
    expect(byRule(s1, 'R35').map((e) => [e.a, e.meter, e.after! - e.before!])).toEqual([
      ['SYR', 'cohesion', 6],
      ['IRN', 'economy', -2],
    ]);
    expect(s1.actors[w.actorIndex.SYR!]!.reserve).toBe(10 + 5);
    expect(byRule(s1, 'R35')[0]!.source!.quote).toMatch(/liable to dissolution/);
    const steady = edit(s0, (d) => {
      d.actors[w.actorIndex.SYR!]!.meters.cohesion = 50;
    });
    expect(verdict(steady, militia)).toMatchObject({
      ok: false,
      code: 'gate',
      reason: expect.stringMatching(/^R35-gate/),
    });
  });

  it('R36: the intervention props Assad up; sieges and bombardment wear the opposition down and send refugees to Turkey', () => {
    const bombard: Order = { id: 'rus-bombard', actor: 'RUS', target: 'SYR', region: 'aleppo' };
    expect(verdict(s0, bombard)).toMatchObject({ ok: false, code: 'requires' });
    const s1 = play(s0, [intervene]);
    expect(presence(s1, 'RUS', 'latakia')).toBe(10 + 20);
    expect(s1.flags.intervention).toBe(1);
    expect(byRule(s1, 'R36').find((e) => e.meter === 'cohesion')).toMatchObject({ before: 25, after: 35 });
    expect(byRule(s1, 'R36-airpower').find((e) => e.meter === 'cohesion')!.after).toBeGreaterThan(
      byRule(s1, 'R35-attrition')[0]!.after!,
    );
    expect(verdict(s1, intervene)).toMatchObject({ ok: false, code: 'once' });
    const s2 = play(s1, [bombard]);
    const siege = byRule(s2, 'R36-siege');
    expect(siege.map((e) => [e.a, e.after! - e.before!])).toEqual([
      ['TBO', -3],
      ['NUS', -3],
      ['TUR', 20],
      ['RUS', -2],
    ]);
    expect(siege[0]!.source!.quote).toMatch(/particular forces, sieges and bombardment/);
    // Bombardment adds its weight to a regime assault in the same place.
    const attack = (orders: Order[]) =>
      play(s1, orders)
        .effects.find((e) => /attacks Aleppo/.test(e.text))!
        .text.match(/strength (\d+)/)![1];
    const alone = Number(attack([{ id: 'syr-offensive', actor: 'SYR', region: 'aleppo' }]));
    const bombarded = Number(attack([{ id: 'syr-offensive', actor: 'SYR', region: 'aleppo' }, bombard]));
    expect(bombarded).toBe(alone + 15);
    // Only while the opposition, the Kurds and IS hold most of Syria.
    const regimeWins = edit(s0, (d) => {
      for (const r of ['aleppo', 'idlib', 'raqqa']) d.regions[w.regionIndex[r]!]!.controller = 'SYR';
    });
    expect(verdict(regimeWins, intervene)).toMatchObject({ ok: false, code: 'requires' });
  });

  it('R37: while both back Assad, Russia and Iran keep a tacit arrangement, limited and never an alliance (+66 net at most)', () => {
    let s = play(s0, [intervene]);
    expect(s.flags.tacit).toBe(1);
    expect(byRule(s, 'R37').some((e) => e.a === 'IRN' && e.b === 'RUS' && e.layer === 'SY')).toBe(true);
    const coordinate: Order = { id: 'rus-coordinate', actor: 'RUS', target: 'IRN' };
    const back: Order = { id: 'irn-coordinate', actor: 'IRN', target: 'RUS' };
    let capped = false;
    for (let t = 0; t < 6; t++) {
      s = play(s, [coordinate, back]);
      expect(relation(s, w, 'RUS', 'IRN', 'net')).toBeLessThanOrEqual(66);
      capped ||= s.effects.some((e) => e.rule === 'R37-cap');
    }
    expect(capped).toBe(true);
    expect(w.rulesById['R37-cap']!.source!.quote).toMatch(/proscribed, casual/);
    // It lapses once either stops backing Assad.
    const lapsed = play(edit(s, setRelation('RUS', 'SYR', 'SY', 33)));
    expect(lapsed.flags.tacit).toBe(0);
    expect(byRule(lapsed, 'R37-lapse')).toHaveLength(1);
  });
});

describe('Russia intervenes 2015: Turkey, Aleppo and Euphrates Shield (A1 rules and outside knowledge)', () => {
  it('S2-jet and S2-sanctions: the downed Su-24 (turn 2) sinks Russia–Turkey, and Russian sanctions cost Turkey each turn', () => {
    const s1 = play(s0);
    const s2 = play(s1);
    expect(byRule(s2, 'S2-jet').length).toBeGreaterThan(0);
    const jet = byRule(s2, 'S2-jet').find((e) => e.layer === 'GL')!;
    expect(jet).toMatchObject({ a: 'RUS', b: 'TUR', layer: 'GL' });
    expect(jet.after! - jet.before!).toBe(-66);
    expect(relation(s2, w, 'RUS', 'TUR', 'net')).toBeLessThan(0);
    expect(s2.flags.jetCrisis).toBe(1);
    const s3 = play(s2);
    expect(byRule(s3, 'S2-sanctions')[0]).toMatchObject({ a: 'TUR', meter: 'economy' });
    expect(meter(s3, 'TUR', 'economy')).toBe(meter(s2, 'TUR', 'economy') - 2);
  });

  it('R19: Euphrates Shield needs Russian acquiescence, which returns only after Turkey’s apology (and coordination over Aleppo)', () => {
    const shield: Order = { id: 'tur-euphrates-shield', actor: 'TUR', region: 'euphrates-shield' };
    const apology: Order = { id: 'tur-apologise', actor: 'TUR', target: 'RUS' };
    expect(verdict(s0, shield)).toMatchObject({
      ok: false,
      code: 'gate',
      reason: expect.stringMatching(/^R19/),
    });
    let s = play(s0, [intervene]); // (so that the regime lasts)
    // The sanctions bite until Erdoğan writes to Putin.
    while (!verdict(s, apology).ok && !s.over) {
      expect(verdict(s, shield).ok).toBe(false);
      s = play(s);
    }
    expect(s.flags.jetCrisis).toBe(1);
    expect(meter(s, 'TUR', 'economy')).toBeLessThanOrEqual(40);
    expect(s.turn).toBeGreaterThanOrEqual(6);
    s = play(s, [apology]);
    expect(s.flags.jetCrisis).toBe(0);
    // Coordination over Aleppo brings the acquiescence.
    const coordinate: Order[] = [
      { id: 'tur-coordinate', actor: 'TUR', target: 'RUS' },
      { id: 'rus-coordinate', actor: 'RUS', target: 'TUR' },
    ];
    let rounds = 0;
    while (!verdict(s, shield).ok && !s.over) {
      s = play(s, coordinate);
      rounds++;
    }
    expect(verdict(s, shield)).toEqual({ ok: true });
    expect(rounds).toBeLessThanOrEqual(3);
    expect(relation(s, w, 'RUS', 'TUR', 'net')).toBeGreaterThanOrEqual(20);
    expect(w.rulesById.R19!.source!.quote).toMatch(/continued need of Russian acquiescence/);
  });

  it('S2-coup: the failed coup of July 2016 (turn 10) warms Russia–Turkey', () => {
    let s = play(s0, [intervene]); // without it the regime would fall before July 2016
    while (s.turn < 9) s = play(s);
    expect(byRule(s, 'S2-coup')).toEqual([]);
    const before = relation(s, w, 'RUS', 'TUR', 'GL');
    s = play(s);
    expect(s.date).toBe('2016-07-26');
    expect(relation(s, w, 'RUS', 'TUR', 'GL')).toBe(before + 10);
    expect(byRule(s, 'S2-coup').find((e) => e.kind === 'relation')).toMatchObject({
      a: 'RUS',
      b: 'TUR',
      layer: 'GL',
    });
  });

  it('R16: after a siege, with Turkey on side, Russia brokers the rebels’ exit from Aleppo: the regime takes the city', () => {
    const broker: Order = { id: 'rus-broker-exit', actor: 'RUS', target: 'TUR' };
    expect(verdict(s0, broker)).toMatchObject({ ok: false, code: 'requires' });
    const besieged = edit(play(s0, [intervene]), (d) => {
      d.regions[w.regionIndex.aleppo!]!.presence.TBO = 10;
      setRelation('RUS', 'TUR', 'SY', 33)(d);
      setRelation('RUS', 'TUR', 'GL', 40)(d);
    });
    expect(verdict(besieged, broker)).toEqual({ ok: true });
    const s = play(besieged, [broker]);
    expect(controller(s, 'aleppo')).toBe('SYR');
    expect(presence(s, 'TBO', 'aleppo') + presence(s, 'NUS', 'aleppo')).toBe(0);
    expect(presence(s, 'NUS', 'idlib')).toBeGreaterThan(presence(besieged, 'NUS', 'idlib'));
    expect(byRule(s, 'R16').find((e) => e.a === 'NUS' && e.b === 'TUR')!.after).toBe(0);
    expect(byRule(s, 'R16')[0]!.source).toMatchObject({
      source: 'A1',
      quote: expect.stringMatching(/drive out the al-Nusra/),
    });
  });

  it('R17: fighting in Aleppo sends refugees to Turkey', () => {
    const s1 = play(s0, [{ id: 'syr-offensive', actor: 'SYR', region: 'aleppo' }]);
    expect(byRule(s1, 'R17').find((e) => e.meter === 'refugees')).toMatchObject({
      a: 'TUR',
      before: 0,
      after: 40,
    });
    expect(byRule(play(s0), 'R17')).toEqual([]);
  });

  it('S2-garrison and S2-garrison-2: the side that takes a region moves a garrison in', () => {
    const open = edit(s0, (d) => {
      delete d.regions[w.regionIndex.palmyra!]!.presence.IS;
    });
    const s1 = play(open, [{ id: 'syr-offensive', actor: 'SYR', region: 'palmyra' }]);
    expect(controller(s1, 'palmyra')).toBe('SYR');
    expect(byRule(s1, 'S2-garrison').find((e) => e.kind === 'presence')).toMatchObject({
      a: 'SYR',
      region: 'palmyra',
    });
    expect(presence(s1, 'SYR', 'palmyra')).toBeGreaterThanOrEqual(10);
    // and the same for the SDF, Turkey, IS and the rebels (S2-garrison-2)
    const empty = edit(s0, (d) => {
      delete d.regions[w.regionIndex.manbij!]!.presence.IS;
    });
    const s2 = play(empty, [{ id: 'krd-offensive', actor: 'KRD', region: 'manbij' }]);
    expect(controller(s2, 'manbij')).toBe('KRD');
    expect(byRule(s2, 'S2-garrison-2').find((e) => e.kind === 'presence')).toMatchObject({
      a: 'KRD',
      after: 10,
    });
  });
});

describe('Russia intervenes 2015: games with the AI holding every actor', () => {
  it('Russia intervenes at once, the regime survives, and Syria ends in three parts with Aleppo held by the regime', () => {
    for (const seed of [1, 2, 3]) {
      let s = createGame(w, seed);
      let intervened = 0;
      while (!s.over) {
        s = advance(s, w);
        if (s.orders.some((o) => o.id === 'rus-intervene' && o.outcome !== 'refused')) intervened = s.turn;
      }
      expect(intervened).toBe(1);
      expect(s.turn).toBe(15);
      expect(s.flags.regimeCollapsed).toBe(0);
      expect(controller(s, 'aleppo')).toBe('SYR');
      expect(met(s, 'RUS', 'rus-three-parts')).toBe(true);
      expect(met(s, 'IRN', 'irn-survival')).toBe(true);
    }
  });
});
