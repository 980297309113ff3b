// Fidelity of the Tehran 2022 scenario (DOMAIN.md S3, rules R28–R49) to the article it comes from (A2, a
// machine-spun copy of a July 2022 analysis). Each test gives the engine the orders the article describes, or
// sets up the situation it describes, and checks the effects it claims, as the scenario's rules produce them:
// the effects must name their rule and carry its A2 quote. Only starting situations are set by hand.
import { describe, expect, it } from 'vitest';
import type { Effect, GameState, Order } from '../../src/engine/index';
import { advance, checkOrder, createGame, relation } from '../../src/engine/index';
import { netOf, pairIndex } from '../../src/engine/relations';
import { fidelityKit } from '../support/fidelity';
import { worldFrom } from '../support/worlds';

const w = worldFrom('scenarios/tehran-2022.json');
const s0 = createGame(w, 1);
const { play, edit, meter, presence } = fidelityKit(w);

const setMeter = (actor: string, m: string, v: number) => (d: GameState) => {
  d.actors[w.actorIndex[actor]!]!.meters[m] = v;
};
const setRelation = (a: string, b: string, layer: string, v: number) => (d: GameState) => {
  d.relations[w.layerIndex[layer]!]![pairIndex(w.actorIndex[a]!, w.actorIndex[b]!, w.actorIds.length)] = v;
};
const byRule = (s: GameState, id: string): Effect[] => s.effects.filter((e) => e.rule === id);
/** The effects an order caused this turn (its built-in change, its rules and the reactions of interests). */
const ofOrder = (s: GameState, id: string): Effect[] => {
  const k = s.orders.findIndex((o) => o.id === id);
  expect(k, `order ${id} resolved`).toBeGreaterThanOrEqual(0);
  return s.effects.filter((e) => e.order === k);
};
const touches = (e: Effect, a: string, b: string, layer?: string): boolean =>
  e.kind === 'relation' &&
  ((e.a === a && e.b === b) || (e.a === b && e.b === a)) &&
  (layer === undefined || e.layer === layer);
const delta = (effects: Effect[]): number =>
  effects.reduce((sum, e) => sum + (e.after ?? 0) - (e.before ?? 0), 0);
const quoteOf = (id: string): string => w.rulesById[id]!.source!.quote;
const verdict = (s: GameState, order: Order, given: Order[] = []) => checkOrder(s, w, order, given);

describe('Tehran 2022: the rules of A2 (R28–R49)', () => {
  it('R28: a summit is a photo opportunity that lowers an isolated Russia’s isolation, with a small prestige gain', () => {
    const s1 = play(s0, [{ id: 'summit', actor: 'RUS', target: 'IRN' }]);
    expect(meter(s1, 'RUS', 'isolation')).toBe(80 - 6);
    expect(meter(s1, 'RUS', 'prestige')).toBe(42 + 2);
    expect(meter(s1, 'IRN', 'isolation')).toBe(75 - 2);
    const r28 = byRule(s1, 'R28');
    expect(r28.map((e) => e.text)).toContainEqual(
      expect.stringMatching(/^Russia International isolation .* -6 to 74: R28/),
    );
    expect(r28.every((e) => e.source?.quote === quoteOf('R28'))).toBe(true);
    expect(quoteOf('R28')).toMatch(/he was not remoted/);
    // Turkey is not isolated (30): its summit is only a meeting.
    const tur = play(s0, [{ id: 'summit', actor: 'TUR', target: 'RUS' }]);
    expect(byRule(tur, 'R28')).toEqual([]);
    expect(meter(tur, 'TUR', 'isolation')).toBe(30);
  });

  it('R29: while both are isolated, Russia–Iran rises each turn, but never above the +66 cap (a convergence, not an alliance)', () => {
    let s = edit(s0, setRelation('RUS', 'IRN', 'GL', 50));
    const seen: number[] = [];
    while (!s.over) {
      const before = relation(s, w, 'RUS', 'IRN', 'GL');
      s = play(s);
      const after = relation(s, w, 'RUS', 'IRN', 'GL');
      seen.push(after);
      expect(after).toBeLessThanOrEqual(66); // the cap is on the layer that isolation moves
      if (before + 4 <= 66) expect(after).toBe(before + 4);
      else expect(after).toBe(66);
    }
    expect(seen).toEqual([54, 58, 62, 66, 66, 66]);
    // the cap names its rule once the convergence reaches it
    expect(s.effects.some((e) => e.rule === 'R29-cap' && /held at 66 by R29-cap/.test(e.text))).toBe(true);
    expect(quoteOf('R29')).toMatch(/weak point/);
    expect(quoteOf('R29-cap')).toMatch(/shouldn’t be an alliance/);
    // Without Russian isolation there is no convergence.
    const open = play(edit(s0, setMeter('RUS', 'isolation', 40)));
    expect(byRule(open, 'R29')).toEqual([]);
  });

  it('R30: Iranian drones move to Russia; Washington perceives an axis (PERC) while the actual US–Iran edge does not move', () => {
    const order = { id: 'irn-drones', actor: 'IRN', target: 'RUS' };
    const s1 = play(s0, [order]);
    expect(meter(s1, 'RUS', 'drones')).toBe(5 + 20);
    expect(meter(s1, 'IRN', 'drones')).toBe(60 - 20);
    expect(s1.actors[w.actorIndex.RUS!]!.reserve).toBe(5 + 5); // the military resource itself
    expect(s1.flags.dronesDelivered).toBe(1);
    expect(relation(s1, w, 'US', 'IRN', 'GL')).toBe(relation(s0, w, 'US', 'IRN', 'GL'));
    expect(relation(s1, w, 'US', 'IRN', 'PERC')).toBeLessThan(relation(s0, w, 'US', 'IRN', 'PERC') - 10);
    expect(relation(s1, w, 'RUS', 'IRN', 'PERC')).toBeGreaterThan(relation(s0, w, 'RUS', 'IRN', 'PERC'));
    expect(relation(s1, w, 'IRN', 'UKR', 'GL')).toBe(-33 - 10);
    const mine = ofOrder(s1, 'irn-drones');
    expect(mine.some((e) => touches(e, 'US', 'IRN', 'GL'))).toBe(false);
    expect(byRule(s1, 'R30').find((e) => touches(e, 'US', 'IRN', 'PERC'))!.source!.quote).toMatch(
      /a whole bunch of armed drones/,
    );
    // Only amid Russian shortcomings: with the front going well, Iran has no such deal to make.
    const strong = edit(s0, setMeter('RUS', 'front', 70));
    expect(verdict(strong, order)).toMatchObject({ ok: false, code: 'requires' });
  });

  it('R31–R33: the history (Soviet arms for Saddam, 1990s reconciliation, 2000s caution) is told on turn 1 with its quotes', () => {
    const s1 = play(s0);
    const notes = ['R31', 'R32', 'R33'].map((id) => byRule(s1, id));
    expect(notes.map((n) => n.length)).toEqual([1, 1, 1]);
    expect(notes[0]![0]!.text).toMatch(/^Timeline, 1980–88/);
    expect(notes[0]![0]!.source).toMatchObject({
      source: 'A2',
      quote: expect.stringMatching(/Soviets equipped Saddam/),
    });
    expect(notes[1]![0]!.source!.quote).toMatch(/Bushehr/);
    expect(notes[2]![0]!.source!.note).toMatch(/S-300/);
    expect(byRule(play(s1), 'R31')).toEqual([]); // history is told once
  });

  it('R38: Russia both speaks out against US sanctions on Tehran and works in the P5+1 for compliance, in the same turn', () => {
    const oppose = { id: 'rus-oppose-sanctions', actor: 'RUS', target: 'US' };
    const p5 = { id: 'rus-p5', actor: 'RUS', target: 'US' };
    expect(verdict(s0, p5, [oppose])).toEqual({ ok: true });
    const s1 = play(s0, [oppose, p5]);
    expect(s1.orders.filter((o) => o.actor === 'RUS').map((o) => o.outcome)).toEqual([undefined, undefined]);
    expect(byRule(s1, 'R38').some((e) => touches(e, 'RUS', 'IRN', 'GL') && e.after! > e.before!)).toBe(true);
    expect(byRule(s1, 'R38-p5').find((e) => e.meter === 'deal')).toMatchObject({ before: 60, after: 64 });
    // Iran welcomes the first (its stake in relief), and the P5+1 work keeps the door to Washington open
    expect(
      ofOrder(s1, 'rus-oppose-sanctions').some((e) => touches(e, 'IRN', 'RUS') && e.after! > e.before!),
    ).toBe(true);
    expect(ofOrder(s1, 'rus-p5').some((e) => touches(e, 'RUS', 'US', 'GL') && e.after! > e.before!)).toBe(
      true,
    );
  });

  it('R39: Russia hedges with Iran’s Gulf rivals, and Iran does not react', () => {
    const s1 = play(s0, [{ id: 'rus-hedge-gulf', actor: 'RUS', target: 'UAE' }]);
    const mine = ofOrder(s1, 'rus-hedge-gulf');
    expect(mine.find((e) => touches(e, 'RUS', 'UAE', 'GL'))).toMatchObject({ before: 33, after: 39 });
    expect(mine.filter((e) => e.a === 'IRN' || e.b === 'IRN')).toEqual([]);
    expect(byRule(s1, 'R39').find((e) => e.meter === 'economy')).toMatchObject({ a: 'RUS', after: 36 });
    expect(quoteOf('R39')).toMatch(/Iranian rivals comparable to Saudi Arabia and the UAE/);
  });

  it('R40: linking the sanctions stalls the talks and costs Russia–Iran; backing down restores only part', () => {
    const link = { id: 'rus-link-sanctions', actor: 'RUS', target: 'US' };
    const back = { id: 'rus-back-down', actor: 'RUS', target: 'IRN' };
    expect(verdict(s0, back)).toMatchObject({ ok: false, code: 'requires' });
    const s1 = play(s0, [link]);
    expect(byRule(s1, 'R40').find((e) => e.meter === 'deal')).toMatchObject({ before: 60, after: 45 });
    expect(s1.flags.talksLinked).toBe(1);
    const lost = delta(ofOrder(s1, 'rus-link-sanctions').filter((e) => touches(e, 'RUS', 'IRN', 'GL')));
    expect(lost).toBe(-10 - 3 + 1); // R40, and Iran's stakes: relief for itself (3 × −1), Russia's sanctions lifted (−1 × −1)
    // Tehran objects every turn the link stands, from this one on.
    const s2 = play(s1);
    for (const s of [s1, s2]) {
      const objections = byRule(s, 'R40-objections');
      expect(delta(objections.filter((e) => touches(e, 'RUS', 'IRN', 'GL')))).toBe(-3);
      expect(delta(objections.filter((e) => e.meter === 'deal'))).toBe(-2);
    }
    const s3 = play(s2, [back]);
    expect(s3.flags.talksLinked).toBe(0);
    const restored = delta(ofOrder(s3, 'rus-back-down').filter((e) => touches(e, 'RUS', 'IRN', 'GL')));
    expect(restored).toBeGreaterThan(0);
    expect(restored).toBeLessThan(-(lost - 3 - 3));
    expect(byRule(s3, 'R40-back').find((e) => e.meter === 'deal')).toMatchObject({
      after: meter(s2, 'IRN', 'deal') + 10,
    });
    expect(byRule(s3, 'R40-objections')).toEqual([]);
    expect(quoteOf('R40-back')).toBe('The Russians quickly backed down amid Iranian objections.');
  });

  it('R41: the drawdown vacates Russian positions in Syria; Iran may take them over, or they open a Turkish offensive', () => {
    const offensive = { id: 'tur-offensive', actor: 'TUR', region: 'manbij' };
    const threat = { id: 'tur-threaten', actor: 'TUR', target: 'KRD' };
    expect(verdict(s0, offensive)).toMatchObject({ ok: false, code: 'gate' });
    expect(verdict(s0, threat)).toMatchObject({ ok: false, code: 'gate' });
    const russianTroops = (s: GameState) =>
      w.def.regions.reduce((sum, r) => sum + presence(s, 'RUS', r.id), 0);
    const s1 = play(s0);
    expect(byRule(s1, 'R41').length).toBeGreaterThan(0);
    expect(russianTroops(s1)).toBe(russianTroops(s0) - 30);
    for (const r of ['palmyra', 'deir-ez-zor', 'aleppo', 'manbij']) expect(presence(s1, 'RUS', r)).toBe(0);
    expect(presence(s1, 'RUS', 'latakia')).toBe(15);
    expect(s1.flags.drawdown).toBe(1);
    // (b) the space opens for Erdoğan
    expect(verdict(s1, threat)).toEqual({ ok: true });
    expect(verdict(s1, offensive)).toEqual({ ok: true });
    // (a) Iran takes over a vacated position: Moscow welcomes it...
    const s2 = play(s1, [{ id: 'irn-deploy', actor: 'IRN', region: 'palmyra' }]);
    expect(presence(s2, 'IRN', 'palmyra')).toBe(10 + 5);
    expect(byRule(s2, 'R41-iran').some((e) => touches(e, 'RUS', 'IRN', 'SY') && e.after! > e.before!)).toBe(
      true,
    );
    // ... and where Iran stands, no Turkish offensive
    const s3 = play(s1, [{ id: 'irn-deploy', actor: 'IRN', region: 'manbij' }]);
    expect(verdict(s3, offensive)).toMatchObject({
      ok: false,
      code: 'gate',
      reason: expect.stringMatching(/^R41-offensive/),
    });
    // No heavy losses in Ukraine, no drawdown.
    const holding = play(edit(s0, setMeter('RUS', 'front', 70)));
    expect(byRule(holding, 'R41')).toEqual([]);
    expect(holding.flags.drawdown).toBe(0);
  });

  it('R42: while the war goes on, the international response weighs on the Russian economy every turn', () => {
    let s = s0;
    for (let t = 0; t < 3; t++) {
      const before = meter(s, 'RUS', 'economy');
      s = play(s);
      expect(byRule(s, 'R42')).toHaveLength(1);
      expect(meter(s, 'RUS', 'economy')).toBe(before - 2);
    }
    expect(byRule(s, 'R42')[0]!.source!.quote).toMatch(/already struggling/);
    const peace = play(edit(s0, setRelation('RUS', 'UKR', 'GL', 0)));
    expect(byRule(peace, 'R42')).toEqual([]);
  });

  it('R43: Russia can promise Iran a loan but never pays it', () => {
    const promise = { id: 'rus-promise-loan', actor: 'RUS', target: 'IRN' };
    const pay = { id: 'rus-pay-loan', actor: 'RUS', target: 'IRN' };
    const promised = play(s0, [promise]);
    expect(promised.flags.loanPromised).toBe(1);
    expect(ofOrder(promised, 'rus-promise-loan').find((e) => touches(e, 'RUS', 'IRN', 'GL'))).toMatchObject({
      after: 33 + 4,
    });
    expect(byRule(promised, 'R43').map((e) => e.text)).toContain(
      'The loans are promised, not paid: Iran gets nothing from them.',
    );
    // Iran's economy follows the same path, turn by turn, as in a game without the promise.
    let a = promised;
    let b = play(s0);
    expect(meter(a, 'IRN', 'economy')).toBe(meter(b, 'IRN', 'economy'));
    while (!a.over) {
      expect(verdict(a, pay)).toMatchObject({
        ok: false,
        code: 'gate',
        reason: expect.stringMatching(/^R43-pay/),
      });
      a = play(a);
      b = play(b);
      expect(meter(a, 'IRN', 'economy')).toBe(meter(b, 'IRN', 'economy'));
    }
    // The same with the AI holding everyone else: nothing paid to Iran's economy comes from a loan.
    let s = advance(s0, w, [promise], ['RUS']);
    const loans = new Set(['rus-promise-loan', 'rus-pay-loan']);
    for (;;) {
      for (const e of s.effects)
        if (e.kind === 'meter' && e.a === 'IRN' && e.meter === 'economy') {
          expect(e.rule ?? '').not.toMatch(/^R43/);
          if (e.order !== undefined) expect(loans.has(s.orders[e.order]!.id)).toBe(false);
        }
      if (s.over) break;
      expect(verdict(s, pay).ok).toBe(false);
      s = advance(s, w, [], ['RUS']);
    }
    // Promising again wears thin.
    const again = play(promised, [promise]);
    expect(delta(byRule(again, 'R43-repeat'))).toBe(-6);
  });

  it('R44: Russia and Iran sell oil to China and India at a discount; a bailout of Moscow stays blocked', () => {
    const s1 = play(s0, [
      { id: 'oil-sell', actor: 'RUS', target: 'CHN' },
      { id: 'oil-buy', actor: 'IND', target: 'IRN' },
    ]);
    const sold = byRule(s1, 'R44');
    expect(sold.find((e) => e.a === 'RUS')).toMatchObject({ meter: 'economy', before: 35, after: 37 });
    expect(sold.find((e) => e.a === 'CHN')).toMatchObject({ meter: 'economy', before: 70, after: 71 });
    expect(byRule(s1, 'R44-buy').find((e) => e.a === 'IND')).toMatchObject({ before: 55, after: 57 });
    expect(byRule(s1, 'R44-cap-chn')[0]!.text).toMatch(/held at 33 by R44-cap-chn/);
    const bailout = { id: 'bailout', actor: 'CHN', target: 'RUS' };
    let s = s1;
    while (!s.over) {
      expect(verdict(s, bailout)).toMatchObject({
        ok: false,
        code: 'gate',
        reason: expect.stringMatching(/^R44-bailout/),
      });
      s = play(s, [
        { id: 'oil-buy', actor: 'CHN', target: 'RUS' },
        { id: 'oil-sell', actor: 'RUS', target: 'CHN' },
      ]);
      expect(relation(s, w, 'RUS', 'CHN', 'GL')).toBeLessThanOrEqual(33);
    }
  });

  it('R45: the US Gulf tour patches up ties with Riyadh and Abu Dhabi, leaves Iran–Gulf untouched, and lets the UAE open to Tehran', () => {
    const s1 = play(s0, [{ id: 'us-gulf-tour', actor: 'US', target: 'SAU' }]);
    const mine = ofOrder(s1, 'us-gulf-tour');
    expect(mine.find((e) => touches(e, 'US', 'SAU', 'GL'))).toMatchObject({ before: 66, after: 72 });
    expect(mine.some((e) => touches(e, 'IRN', 'SAU') || touches(e, 'IRN', 'UAE'))).toBe(false);
    expect(s1.flags.gulfTour).toBe(1);
    const uae = { id: 'uae-tehran', actor: 'UAE', target: 'IRN' };
    const strained = edit(s0, setRelation('US', 'UAE', 'GL', 60));
    expect(verdict(strained, uae)).toMatchObject({ ok: false, code: 'gate' });
    const toured = play(strained, [{ id: 'us-gulf-tour', actor: 'US', target: 'UAE' }]);
    expect(relation(toured, w, 'US', 'UAE', 'GL')).toBeGreaterThanOrEqual(66);
    expect(verdict(toured, uae)).toEqual({ ok: true });
  });

  it('R46: making a leader wait costs him prestige and leaves a grudge, which allows a later payback', () => {
    const payback = { id: 'tur-payback', actor: 'TUR', target: 'RUS' };
    const clean = edit(s0, (d) => {
      d.flags.grudgeTurkey = 0;
    });
    expect(verdict(clean, payback)).toMatchObject({ ok: false, code: 'requires' });
    const s1 = play(clean, [{ id: 'rus-make-wait', actor: 'RUS', target: 'TUR' }]);
    expect(meter(s1, 'TUR', 'prestige')).toBe(50 - 4);
    expect(s1.flags.grudgeTurkey).toBe(1);
    expect(byRule(s1, 'R46')[0]!.source!.quote).toMatch(/hallway/);
    expect(verdict(s1, payback)).toEqual({ ok: true });
    const s2 = play(s1, [payback]);
    expect(byRule(s2, 'R46-payback').map((e) => [e.a, e.after! - e.before!])).toEqual([
      ['RUS', -4],
      ['TUR', 4],
    ]);
    expect(s2.flags).toMatchObject({ grudgeTurkey: 0, grudgeRussia: 1 });
    expect(verdict(s2, payback)).toMatchObject({ ok: false, code: 'requires' });
  });

  it('R47: prestige cannot offset material losses: with a weak economy, Russian prestige is capped', () => {
    const weak = edit(s0, (d) => {
      setMeter('RUS', 'prestige', 44)(d);
      setMeter('RUS', 'economy', 30)(d);
    });
    const s1 = play(weak, [{ id: 'summit', actor: 'RUS', target: 'IRN' }]);
    expect(byRule(s1, 'R28').find((e) => e.meter === 'prestige')).toMatchObject({ before: 44, after: 46 });
    expect(byRule(s1, 'R47')).toHaveLength(1);
    expect(meter(s1, 'RUS', 'prestige')).toBe(45);
    expect(quoteOf('R47')).toMatch(/no PR go to might substitute/);
    const richer = play(edit(weak, setMeter('RUS', 'economy', 45)), [
      { id: 'summit', actor: 'RUS', target: 'IRN' },
    ]);
    expect(byRule(richer, 'R47')).toEqual([]);
    expect(meter(richer, 'RUS', 'prestige')).toBe(46);
  });

  it('R48: Iran’s rhetorical backing warms Russia–Iran and sets Iran against NATO', () => {
    const s1 = play(s0, [{ id: 'irn-backing', actor: 'IRN', target: 'RUS' }]);
    expect(ofOrder(s1, 'irn-backing').find((e) => touches(e, 'IRN', 'RUS', 'GL'))).toMatchObject({
      before: 33,
      after: 37,
    });
    const r48 = byRule(s1, 'R48');
    expect(r48.find((e) => touches(e, 'IRN', 'NATO', 'GL'))).toMatchObject({ before: -66, after: -72 });
    expect(r48.find((e) => touches(e, 'RUS', 'IRN', 'PERC'))!.after).toBeGreaterThan(66);
    expect(r48[0]!.source!.quote).toMatch(/the opposite aspect would have induced the struggle/);
  });

  it('R49: perceived edges are kept apart from actual ones, and the US acts on what it perceives', () => {
    const perc = w.layerIndex.PERC!;
    expect(w.netLayers).not.toContain(perc);
    expect(relation(s0, w, 'RUS', 'IRN', 'PERC')).toBe(66);
    expect(relation(s0, w, 'RUS', 'IRN', 'GL')).toBe(33);
    // the net value is made of the Syria and global layers only
    expect(relation(s0, w, 'RUS', 'IRN', 'net')).toBe(netOf([66, 33]));
    expect(relation(s0, w, 'RUS', 'IRN', 'net')).not.toBe(netOf([66, 33, 66]));
    const sanction = { id: 'us-counter-axis', actor: 'US', target: 'IRN' };
    expect(verdict(s0, sanction)).toEqual({ ok: true });
    const reviewed = play(s0, [{ id: 'us-reassess', actor: 'US' }]);
    expect(byRule(reviewed, 'R49-mundane')[0]!.source!.quote).toMatch(/the truth is extra mundane/);
    expect(relation(reviewed, w, 'RUS', 'IRN', 'PERC')).toBeLessThan(66);
    expect(verdict(reviewed, sanction)).toMatchObject({
      ok: false,
      code: 'gate',
      reason: expect.stringMatching(/^R49/),
    });
    // Drones and public backing feed the perceived axis back up past the threshold; the actual edge lags behind.
    const backing = { id: 'irn-backing', actor: 'IRN', target: 'RUS' };
    const fed = play(
      play(play(reviewed, [{ id: 'irn-drones', actor: 'IRN', target: 'RUS' }, backing]), [backing]),
      [backing],
    );
    expect(relation(fed, w, 'RUS', 'IRN', 'PERC')).toBeGreaterThanOrEqual(66);
    expect(relation(fed, w, 'RUS', 'IRN', 'GL')).toBeLessThan(relation(fed, w, 'RUS', 'IRN', 'PERC'));
    expect(verdict(fed, sanction)).toEqual({ ok: true });
  });
});

describe('Tehran 2022: events from outside the article (OK)', () => {
  it('H-protests: in September 2022 (turn 3) the Amini protests isolate Iran further and stall the nuclear talks', () => {
    const s2 = play(play(s0));
    expect(byRule(s2, 'H-protests')).toEqual([]);
    const s3 = play(s2);
    expect(s3.date).toBe('2022-10-17');
    const protests = byRule(s3, 'H-protests');
    expect(protests.filter((e) => e.kind === 'meter').map((e) => [e.meter, e.after! - e.before!])).toEqual([
      ['isolation', 5],
      ['deal', -8],
    ]);
    expect(protests.some((e) => e.kind === 'note' && /Mahsa Amini/.test(e.text))).toBe(true);
    expect(w.rulesById['H-protests']!.ok).toMatch(/Mahsa Amini/);
  });

  it('H-lastmile: the deal never crosses its last mile (75)', () => {
    const close = edit(s0, setMeter('IRN', 'deal', 74));
    const s1 = play(close, [
      { id: 'us-offer-deal', actor: 'US', target: 'IRN' },
      { id: 'irn-vienna', actor: 'IRN', target: 'US' },
    ]);
    expect(byRule(s1, 'H-lastmile')).toHaveLength(1);
    expect(meter(s1, 'IRN', 'deal')).toBe(75);
  });
});

describe('Tehran 2022: a game with the AI holding every actor', () => {
  it('plays six monthly turns: Russia draws down, Iran moves in, isolation drives Russia and Iran together, Russia hedges with the Gulf', () => {
    let s = s0;
    const fired = new Set<string>();
    while (!s.over) {
      s = advance(s, w);
      for (const e of s.effects) if (e.rule) fired.add(e.rule);
    }
    expect(s.turn).toBe(6);
    expect(s.date).toBe('2023-01-15');
    for (const id of ['R28', 'R29', 'R30', 'R41', 'R42', 'R44-buy']) expect(fired).toContain(id);
    expect(relation(s, w, 'RUS', 'IRN', 'GL')).toBeGreaterThan(relation(s0, w, 'RUS', 'IRN', 'GL'));
    expect(relation(s, w, 'RUS', 'IRN', 'GL')).toBeLessThanOrEqual(66);
    expect(presence(s, 'IRN', 'palmyra') + presence(s, 'IRN', 'deir-ez-zor')).toBeGreaterThan(
      presence(s0, 'IRN', 'palmyra') + presence(s0, 'IRN', 'deir-ez-zor'),
    );
    expect(relation(s, w, 'RUS', 'SAU', 'GL')).toBeGreaterThanOrEqual(33);
    expect(relation(s, w, 'RUS', 'UAE', 'GL')).toBeGreaterThanOrEqual(33);
  });
});
