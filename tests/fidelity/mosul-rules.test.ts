// Fidelity of the Mosul 2016 rules R1–R27 (DOMAIN.md §3.1) to the article they come from (A1). Each test gives
// the engine the orders the article describes (or sets up the situation it describes) and checks the effects
// the article claims, as the scenario's rules produce them: the effect must name its rule and carry the rule's
// A1 quote, so each test fails if its rule is taken out of the data. Outcomes are never scripted: only the
// starting situation is set by hand, and where a dice roll decides (an assault, a leak), the test looks for a
// seed on which it happens and then checks what the rules make of it.
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Effect, GameState, Order, World } from '../../src/engine/index';
import {
  advance,
  checkOrder,
  createGame,
  listUnbalancedTriads,
  relation,
  resolveTurn,
  tensionScores,
} from '../../src/engine/index';
import { pairIndex } from '../../src/engine/relations';
import { normalise, readArticle } from '../support/sources';
import { worldFrom } from '../support/worlds';

const FILE = 'scenarios/mosul-2016.json';
const w = worldFrom(FILE);

// The article, when it is available (tests/support/sources.ts), to check that effects carry a real A1 quote.
const A1 = readArticle('A1');
const inA1 = (quote: string, text: string): boolean => {
  let from = 0;
  for (const part of normalise(quote)
    .split('...')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
};

// ---- helpers --------------------------------------------------------------------------------------------

const start = (seed = 1, world: World = w): GameState => createGame(world, seed);

/** Resolves exactly these orders (no AI) as one turn. */
const play = (s: GameState, orders: Order[], world: World = w): GameState =>
  produce(s, (d) => resolveTurn(d, world, orders));

/** Changes the starting situation: the only thing tests set by hand. */
const setup = (s: GameState, fn: (d: GameState) => void): GameState => produce(s, fn);

function setRelation(
  d: GameState,
  a: string,
  b: string,
  layer: string,
  value: number,
  world: World = w,
): void {
  const p = pairIndex(world.actorIndex[a]!, world.actorIndex[b]!, world.actorIds.length);
  d.relations[world.layerIndex[layer]!]![p] = value;
}
const actor = (s: GameState, id: string, world: World = w) => s.actors[world.actorIndex[id]!]!;
const region = (s: GameState, id: string, world: World = w) => s.regions[world.regionIndex[id]!]!;
const rel = (s: GameState, a: string, b: string, layer: string, world: World = w) =>
  relation(s, world, a, b, layer);

const byRule = (s: GameState, id: string): Effect[] => s.effects.filter((e) => e.rule === id);
const delta = (e: Effect): number => e.after! - e.before!;
/** The relation change a rule made to a pair in a layer (0 if none). */
const ruleRelation = (s: GameState, id: string, a: string, b: string, layer: string): number =>
  byRule(s, id)
    .filter(
      (e) => e.kind === 'relation' && e.layer === layer && [e.a, e.b].sort().join() === [a, b].sort().join(),
    )
    .reduce((sum, e) => sum + delta(e), 0);
const ruleMeter = (s: GameState, id: string, who: string, meter: string): number =>
  byRule(s, id)
    .filter((e) => e.kind === 'meter' && e.a === who && e.meter === meter)
    .reduce((sum, e) => sum + delta(e), 0);

/** The rule fired this turn, and every effect it made carries its A1 quote. */
function expectFired(s: GameState, id: string, world: World = w): Effect[] {
  const effects = byRule(s, id);
  expect(effects.length, `${id} made no effect`).toBeGreaterThan(0);
  const quote = world.rulesById[id]!.source!.quote;
  if (A1) expect(inA1(quote, A1), `${id}'s quote is not in A1`).toBe(true); // else: said once, skipped
  for (const e of effects) expect(e.source).toMatchObject({ source: 'A1', quote });
  return effects;
}

/** The first seed (of `tries`) on which `make` gives a state that `ok` accepts: for dice-decided events. */
function onSomeSeed(
  make: (seed: number) => GameState,
  ok: (s: GameState) => boolean,
  tries = 200,
): GameState {
  for (let seed = 1; seed <= tries; seed++) {
    const s = make(seed);
    if (ok(s)) return s;
  }
  throw new Error(`no seed in 1..${tries} gives the event`);
}

const DENY: Order = { id: 'us-deny-turkey', actor: 'US', target: 'TUR' };
const IRAQI_ASSAULT: Order = { id: 'irq-offensive', actor: 'IRQ', region: 'mosul' };
const US_IRAN: Order = { id: 'us-coordinate-iran', actor: 'US', target: 'IRN' };
const EUPHRATES: Order = { id: 'tur-euphrates-shield', actor: 'TUR', region: 'euphrates-shield' };
const IRAQ_REGIONS = ['mosul', 'bashiqa', 'tal-afar', 'erbil', 'kirkuk', 'baghdad', 'anbar'];

/** IS driven out of every Iraqi region (it may keep stragglers there, but holds none). */
const isGoneFromIraq = (d: GameState) => {
  for (const id of IRAQ_REGIONS) {
    const r = d.regions[w.regionIndex[id]!]!;
    if (r.controller === 'IS') r.controller = id === 'bashiqa' ? 'KRG' : 'IRQ';
  }
};

// ---- the rules --------------------------------------------------------------------------------------------

describe('Mosul 2016: the rules do what A1 says', () => {
  const s0 = start();

  it('R1: the first assault on Mosul opens the realignment around it (once)', () => {
    const quiet = play(s0, []);
    expect(byRule(quiet, 'R1')).toEqual([]);
    expect(byRule(quiet, 'R2')).toEqual([]); // no battle yet: no alliance forms or frays over it
    expect(quiet.flags.mosulOffensive).toBe(0);

    const s1 = play(s0, [IRAQI_ASSAULT]);
    expectFired(s1, 'R1');
    expect(s1.flags.mosulOffensive).toBe(1);
    expect(s1.fired).toContain('R1');
    // "Some new are formed and some old suffer a set-back": from this turn on, US–Iran closes and US–Turkey opens.
    expect(ruleRelation(s1, 'R2', 'US', 'IRN', 'IQ')).toBeGreaterThan(0);
    expect(ruleRelation(s1, 'R2', 'US', 'TUR', 'IQ')).toBeLessThan(0);

    const s2 = play(s1, [IRAQI_ASSAULT]);
    expect(byRule(s2, 'R1')).toEqual([]); // it opens the realignment once
  });

  it('R2: the Mosul battle without Turkey widens the US–Turkey gulf and bridges the US–Iran gap in Iraq', () => {
    const battle = setup(s0, (d) => void (d.flags.mosulOffensive = 1));
    let s = battle;
    for (let t = 0; t < 3; t++) {
      const before = { tur: rel(s, 'US', 'TUR', 'IQ'), irn: rel(s, 'US', 'IRN', 'IQ') };
      s = play(s, []);
      expectFired(s, 'R2');
      expect(ruleRelation(s, 'R2', 'US', 'TUR', 'IQ')).toBe(-2);
      expect(ruleRelation(s, 'R2', 'US', 'IRN', 'IQ')).toBe(2);
      expect(rel(s, 'US', 'IRN', 'IQ')).toBeGreaterThan(before.irn);
      expect(rel(s, 'US', 'TUR', 'IQ')).toBeLessThanOrEqual(before.tur);
    }
    // With Turkish troops in the battle, or once Mosul has fallen, it stops.
    const withTurkey = setup(battle, (d) => void (d.regions[w.regionIndex.mosul!]!.presence.TUR = 5));
    expect(byRule(play(withTurkey, []), 'R2')).toEqual([]);
    const fallen = setup(battle, (d) => void (d.regions[w.regionIndex.mosul!]!.controller = 'IRQ'));
    expect(byRule(play(fallen, []), 'R2')).toEqual([]);
  });

  it('R3: the US opposing Turkey’s intervention moves Russia and Turkey closer in Syria', () => {
    const control = play(s0, []);
    const s1 = play(s0, [DENY]);
    const [e] = expectFired(s1, 'R3');
    expect(e).toMatchObject({ kind: 'relation', a: 'RUS', b: 'TUR', layer: 'SY' });
    expect(delta(e!)).toBe(10);
    // The game's tie moves closer than without the denial (the rest of the turn moves it too).
    expect(rel(s1, 'RUS', 'TUR', 'SY') - rel(control, 'RUS', 'TUR', 'SY')).toBeGreaterThan(0);
    expect(s1.flags.turkeyDenied).toBe(1);
  });

  it('R3 (main line): left to the AI, the US denies Turkey a ground role at once, as in A1', () => {
    for (const seed of [1, 2, 3]) {
      const s1 = advance(start(seed), w);
      expect(s1.orders.some((o) => o.id === 'us-deny-turkey' && o.outcome !== 'refused')).toBe(true);
      expectFired(s1, 'R3');
    }
  });

  it('R4: US–Iran coordination makes Russia and Turkey watch and respond (their Iraq ties to Iran cool)', () => {
    expect(byRule(play(s0, []), 'R4')).toEqual([]);
    for (const order of [US_IRAN, { id: 'irn-coordinate-us', actor: 'IRN', target: 'US' }]) {
      const s1 = play(s0, [order]);
      expectFired(s1, 'R4');
      expect(ruleRelation(s1, 'R4', 'RUS', 'IRN', 'IQ')).toBe(-3);
      expect(ruleRelation(s1, 'R4', 'TUR', 'IRN', 'IQ')).toBe(-2);
    }
  });

  it('R5: denied a ground role, Turkey scales down its demand to take part in the battle for Mosul', () => {
    expect(actor(s0, 'TUR').weights['tur-mosul-role']).toBe(8);
    const s1 = play(s0, [DENY]);
    const [e] = expectFired(s1, 'R5').filter((x) => x.kind === 'weight');
    expect(e).toMatchObject({ a: 'TUR', before: 8, after: 3 });
    expect(actor(s1, 'TUR').weights['tur-mosul-role']).toBe(3);
    expect(byRule(play(s1, []), 'R5')).toEqual([]); // once
  });

  describe('R6: IS losing Mosul sends part of its strength to Syrian sanctuaries', () => {
    // IS worn down in Mosul and a large Iraqi force: the assault breaks it on most rolls.
    const siege = setup(s0, (d) => {
      const m = d.regions[w.regionIndex.mosul!]!;
      m.presence.IS = 30;
      m.presence.IRQ = 300;
    });
    const fallen = onSomeSeed(
      (seed) =>
        play(
          setup(siege, (d) => void (d.rng = seed)),
          [IRAQI_ASSAULT],
        ),
      (s) => region(s, 'mosul').controller === 'IRQ',
    );

    it('R6: part of the fighters move to Raqqa and Deir ez-Zor; Russia and Damascus turn to all of Syria', () => {
      const moved = expectFired(fallen, 'R6').filter((e) => e.kind === 'presence' && e.a === 'IS');
      const out = moved.filter((e) => e.region === 'mosul').reduce((n, e) => n + delta(e), 0);
      const into = moved.filter((e) => e.region !== 'mosul').reduce((n, e) => n + delta(e), 0);
      expect(out).toBeLessThan(0);
      expect(into).toBe(-out);
      expect(new Set(moved.filter((e) => e.region !== 'mosul').map((e) => e.region))).toEqual(
        new Set(['raqqa', 'deir-ez-zor']),
      );
      const syria = (s: GameState) =>
        (region(s, 'raqqa').presence.IS ?? 0) + (region(s, 'deir-ez-zor').presence.IS ?? 0);
      expect(syria(fallen) - syria(siege)).toBe(into);
      expect(fallen.flags).toMatchObject({ mosulFallen: 1, isRelocated: 1 });
      // "Russia has redefined its strategic objectives in Syria that now include liberation of the whole country"
      expect(actor(fallen, 'RUS').weights['rus-liberate-syria']).toBe(8);
      expect(actor(fallen, 'SYR').weights['syr-liberation']).toBe(8);
    });

    it('R6b: losing Tal Afar sends half of its fighters there into Syria', () => {
      const s = onSomeSeed(
        (seed) =>
          play(
            setup(s0, (d) => {
              d.rng = seed;
              const t = d.regions[w.regionIndex['tal-afar']!]!;
              t.presence.IS = 20;
              t.presence.IRQ = 300;
            }),
            [{ id: 'irq-offensive', actor: 'IRQ', region: 'tal-afar' }],
          ),
        (x) => region(x, 'tal-afar').controller === 'IRQ',
      );
      const into = expectFired(s, 'R6b')
        .filter((e) => e.kind === 'presence' && e.region !== 'tal-afar')
        .reduce((n, e) => n + delta(e), 0);
      expect(into).toBeGreaterThan(0);
    });

    it('R12: the PMF in the force that takes Mosul raises Iran’s influence in Iraq; without the PMF it does not', () => {
      expect(ruleMeter(fallen, 'R12', 'IRN', 'influence-iq')).toBe(8);
      expectFired(fallen, 'R12');
      const noPmf = onSomeSeed(
        (seed) =>
          play(
            setup(siege, (d) => {
              d.rng = seed;
              delete d.regions[w.regionIndex.mosul!]!.presence.PMF;
            }),
            [IRAQI_ASSAULT, { id: 'pmf-offensive', actor: 'PMF', region: 'tal-afar' }],
          ),
        (s) => region(s, 'mosul').controller === 'IRQ' && region(s, 'tal-afar').controller === 'IS',
      );
      expect(byRule(noPmf, 'R12')).toEqual([]); // a PMF attack elsewhere does not count
    });
  });

  it('R7: forced out of Mosul, Turkey loses its seat at the table, which only Moscow’s mediation gives back', () => {
    expect(actor(s0, 'TUR').meters.seat).toBe(1);
    const s1 = play(s0, [DENY]);
    expectFired(s1, 'R7');
    expect(actor(s1, 'TUR').meters.seat).toBe(0);
    expect(ruleMeter(s1, 'R7', 'TUR', 'seat')).toBe(-1);
    // The rule moves no tie: the engagement with Russia is Turkey's own (its orders), not a scripted warming.
    expect(ruleRelation(s1, 'R7', 'RUS', 'TUR', 'SY')).toBe(0);
    // Not forced out while its troops are in the city.
    const inside = setup(s0, (d) => void (d.regions[w.regionIndex.mosul!]!.presence.TUR = 5));
    expect(byRule(play(inside, [DENY]), 'R7')).toEqual([]);
  });

  it('R8: Turkey training its militia, unopposed, builds its clout in Iraq at the expense of Iran’s', () => {
    const train: Order = { id: 'tur-train-militia', actor: 'TUR', target: 'TMIL' };
    const s1 = play(s0, [train]);
    expectFired(s1, 'R8');
    expect(region(s1, 'bashiqa').presence.TMIL).toBe(15);
    expect(actor(s1, 'TUR').meters['influence-iq']).toBe(25);
    expect(actor(s1, 'IRN').meters['influence-iq']).toBe(47);
    // "some sort of power balance between Tehran and Ankara": the gap narrows.
    const gap = (s: GameState) =>
      actor(s, 'IRN').meters['influence-iq']! - actor(s, 'TUR').meters['influence-iq']!;
    expect(gap(s1)).toBeLessThan(gap(s0));
  });

  it('R8b: Turkish troops in Mosul itself (the S1-B branch) tip the Tehran–Ankara balance every turn', () => {
    const wb = worldFrom(FILE, 'turkey-joins-mosul');
    const s1 = play(start(1, wb), [], wb);
    expectFired(s1, 'R8b', wb);
    expect(ruleMeter(s1, 'R8b', 'TUR', 'influence-iq')).toBe(2);
    expect(ruleMeter(s1, 'R8b', 'IRN', 'influence-iq')).toBe(-2);
  });

  it('R9: the US denial sets Turkey’s plan back and blocks the militia plan and its troops (R9b)', () => {
    const s1 = play(s0, [DENY]);
    expectFired(s1, 'R9');
    expect(ruleMeter(s1, 'R9', 'TUR', 'influence-iq')).toBe(-5);
    expect(actor(s1, 'TUR').vp).toBe(-1);
    // Training no longer builds Turkish clout (R8 is blocked) ...
    const s2 = play(s1, [{ id: 'tur-train-militia', actor: 'TUR', target: 'TMIL' }]);
    expect(byRule(s2, 'R8')).toEqual([]);
    expect(actor(s2, 'TUR').meters['influence-iq']).toBe(actor(s1, 'TUR').meters['influence-iq']);
    // ... and Turkish troops may no longer enter the battle.
    const enter: Order = { id: 'tur-enter-mosul', actor: 'TUR', region: 'mosul' };
    expect(checkOrder(s0, w, enter)).toEqual({ ok: true });
    const refused = checkOrder(s1, w, enter);
    expect(refused).toMatchObject({ ok: false, code: 'gate' });
    expect(refused.ok || refused.reason).toMatch(/^R9b: /);
  });

  it('R10: while the US and Iran co-operate in Iraq, Russia and Turkey converge every turn', () => {
    let s = s0;
    for (let t = 0; t < 3; t++) {
      s = play(s, []);
      expectFired(s, 'R10');
      expect(ruleRelation(s, 'R10', 'RUS', 'TUR', 'SY')).toBe(3);
    }
    const apart = setup(s0, (d) => setRelation(d, 'US', 'IRN', 'IQ', 32));
    expect(byRule(play(apart, []), 'R10')).toEqual([]);
  });

  it('R11: with Washington, Baghdad and Tehran all wanting Mosul without Turkey, the army–PMF alliance deepens', () => {
    const s1 = play(s0, []);
    expectFired(s1, 'R11');
    expect(ruleRelation(s1, 'R11', 'IRQ', 'PMF', 'IQ')).toBe(2);
    // If Baghdad no longer demands Turkey's exclusion, the premise is gone.
    const relaxed = setup(s0, (d) => setRelation(d, 'IRQ', 'TUR', 'IQ', 0));
    expect(byRule(play(relaxed, []), 'R11')).toEqual([]);
  });

  it('R13: lifting some sanctions gives Iran’s economy breathing space and brings the US and Iran closer', () => {
    const lift: Order = { id: 'us-lift-sanctions', actor: 'US', target: 'IRN' };
    const s1 = play(s0, [lift]);
    expectFired(s1, 'R13');
    expect(ruleMeter(s1, 'R13', 'IRN', 'economy')).toBe(5);
    expect(ruleMeter(s1, 'R13', 'IRN', 'relief')).toBe(15);
    expect(actor(s1, 'IRN').meters.relief).toBe(55);
    expect(rel(s1, 'US', 'IRN', 'GL')).toBeGreaterThan(rel(s0, 'US', 'IRN', 'GL'));
    expect(ruleRelation(s1, 'R13', 'US', 'IRN', 'IQ')).toBe(10); // the co-operation in Iraq it facilitated
  });

  it('R14: while relief is in force Iran earns from Western business (and dollars when it runs deeper, R14b)', () => {
    const s1 = play(s0, []);
    expectFired(s1, 'R14');
    expect(ruleMeter(s1, 'R14', 'IRN', 'economy')).toBe(2);
    expect(byRule(s1, 'R14b')).toEqual([]); // relief 40: no dollar dealings yet
    const deep = play(
      setup(s0, (d) => void (actor(d, 'IRN').meters.relief = 50)),
      [],
    );
    expect(ruleMeter(deep, 'R14b', 'IRN', 'economy')).toBe(1);
    const none = play(
      setup(s0, (d) => void (actor(d, 'IRN').meters.relief = 10)),
      [],
    );
    expect(byRule(none, 'R14')).toEqual([]);
  });

  it('R15: with US–Iran co-operation extended, co-ordinating with Russia over Aleppo matters more to Turkey', () => {
    const coordinate: Order = { id: 'tur-coordinate-russia', actor: 'TUR', target: 'RUS' };
    expect(byRule(play(s0, [coordinate]), 'R15')).toEqual([]); // US–Iran (Iraq) only +33
    const extended = setup(s0, (d) => setRelation(d, 'US', 'IRN', 'IQ', 50));
    const s1 = play(extended, [coordinate]);
    expectFired(s1, 'R15');
    expect(ruleRelation(s1, 'R15', 'RUS', 'TUR', 'SY')).toBe(4);
  });

  describe('the battle for Aleppo', () => {
    const ready = setup(s0, (d) => setRelation(d, 'RUS', 'TUR', 'SY', 50));
    const BROKER: Order = { id: 'rus-broker-nusra', actor: 'RUS', target: 'TUR' };
    const ASSAULT: Order = { id: 'rus-offensive', actor: 'RUS', region: 'aleppo' };

    it('R16: the Aleppo deal hands Aleppo to the regime without a fight and moves al-Nusra to Idlib', () => {
      expect(checkOrder(s0, w, BROKER)).toMatchObject({ ok: false, code: 'requires' }); // Ankara not yet close enough
      expect(checkOrder(ready, w, BROKER)).toEqual({ ok: true });
      const s1 = play(ready, [BROKER]);
      expectFired(s1, 'R16');
      expect(region(s1, 'aleppo').controller).toBe('SYR');
      expect(region(s1, 'aleppo').presence.NUS).toBeUndefined();
      expect(region(s1, 'idlib').presence.NUS).toBe(35 + 25);
      expect(s1.effects.some((e) => /attacks Aleppo/.test(e.text))).toBe(false); // no fight
      expect(rel(s1, 'TUR', 'NUS', 'SY')).toBe(0); // Turkey gives up its lever on al-Nusra
      expect(rel(s1, 'RUS', 'TUR', 'SY')).toBeGreaterThan(50);
      expect(s1.flags.nusraExit).toBe(1);
      expect(byRule(s1, 'R17')).toEqual([]); // "provide peace for the city’s inhabitants": no exodus
    });

    it('R17: fighting for Aleppo drives refugees into Turkey, which takes at least a million', () => {
      let s = ready;
      for (let t = 0; t < 5; t++) {
        s = play(
          setup(s, (d) => void (d.regions[w.regionIndex.aleppo!]!.controller = 'NUS')),
          [ASSAULT],
        );
        expectFired(s, 'R17');
        expect(ruleMeter(s, 'R17', 'TUR', 'refugees')).toBe(200);
        expect(ruleMeter(s, 'R17', 'TUR', 'economy')).toBe(-2);
      }
      expect(actor(s, 'TUR').meters.refugees).toBe(1000);
      // After the deal, the city is the regime's: an al-Nusra raid from Idlib is not the battle for Aleppo.
      const after = play(play(ready, [BROKER]), [{ id: 'nus-offensive', actor: 'NUS', region: 'aleppo' }]);
      expect(after.orders[0]!.outcome).not.toBe('refused');
      expect(byRule(after, 'R17')).toEqual([]);
    });

    it('R23: the regime gaining Aleppo is a victory for Iran', () => {
      const s1 = play(ready, [BROKER]);
      expectFired(s1, 'R23');
      expect(actor(s1, 'IRN').vp).toBe(1);
      expect(byRule(play(s0, []), 'R23')).toEqual([]);
    });
  });

  describe('Euphrates Shield', () => {
    // Turkey alone in the zone it took, with Russia's acquiescence (net Russia–Turkey +50).
    const held = setup(s0, (d) => {
      setRelation(d, 'RUS', 'TUR', 'SY', 50);
      const r = d.regions[w.regionIndex['euphrates-shield']!]!;
      r.controller = 'TUR';
      r.presence = { TUR: 20 };
      r.contested = false;
    });
    const WITHHOLD: Order = { id: 'rus-withhold', actor: 'RUS', target: 'TUR' };

    it('R18: when Russia withholds its acquiescence, Euphrates Shield suffers a set-back', () => {
      const s1 = play(held, [WITHHOLD]);
      expectFired(s1, 'R18');
      expect(region(s1, 'euphrates-shield').presence.TUR).toBe(15);
      expect(rel(s1, 'RUS', 'TUR', 'net')).toBeLessThan(45);
      // ... and without that acquiescence the next Euphrates Shield operation is refused (R19).
      const manbij: Order = { id: 'tur-euphrates-shield', actor: 'TUR', region: 'manbij' };
      expect(checkOrder(held, w, manbij)).toEqual({ ok: true });
      expect(checkOrder(s1, w, manbij)).toMatchObject({ ok: false, code: 'gate' });
    });

    // Engine: turn.ts markContested() recomputes `contested` from hostile presence after the rules have run,
    // so a rule's `contest` effect (R18, R18b, R16) never survives the turn it is applied in.
    it('R18: … and the zone Turkey holds becomes contested', () => {
      const s1 = play(held, [WITHHOLD]);
      expect(s1.effects.some((e) => e.rule === 'R18' && /is contested/.test(e.text))).toBe(true);
      expect(region(s1, 'euphrates-shield').contested).toBe(true);
    });

    it('R19: Euphrates Shield is refused without Russian acquiescence, accepted with it', () => {
      const refused = checkOrder(s0, w, EUPHRATES);
      expect(refused).toMatchObject({ ok: false, code: 'gate' });
      expect(refused.ok || refused.reason).toMatch(/^R19: .*acquiescence/);
      const s1 = play(s0, [EUPHRATES]);
      expect(s1.orders[0]!.outcome).toBe('refused');
      expect(s1.effects.some((e) => e.kind === 'refusal' && /R19/.test(e.text))).toBe(true);
      const acquiesced = setup(s0, (d) => setRelation(d, 'RUS', 'TUR', 'SY', 50));
      expect(checkOrder(acquiesced, w, EUPHRATES)).toEqual({ ok: true });
      expect(play(acquiesced, [EUPHRATES]).orders[0]!.outcome).not.toBe('refused');
    });
  });

  it('R20: Turkey asks Moscow to mediate with Tehran and Baghdad, and Moscow, not hostile, eases both', () => {
    const ASK: Order = { id: 'tur-ask-mediation', actor: 'TUR', target: 'RUS' };
    const unseated = setup(s0, (d) => void (actor(d, 'TUR').meters.seat = 0));
    const s1 = play(unseated, [ASK]);
    expectFired(s1, 'R20');
    expect(ruleRelation(s1, 'R20', 'TUR', 'IRN', 'IQ')).toBe(6);
    expect(ruleRelation(s1, 'R20', 'TUR', 'IRQ', 'IQ')).toBe(6);
    expect(ruleMeter(s1, 'R20', 'RUS', 'influence-iq')).toBe(5);
    expect(actor(s1, 'TUR').meters.seat).toBe(1);
    // Turning to Moscow does not cool Russia–Turkey relations.
    expect(rel(s1, 'RUS', 'TUR', 'net')).toBeGreaterThan(rel(s0, 'RUS', 'TUR', 'net'));
    // A Moscow hostile to Ankara in Syria does not mediate: the ask warms the tie, nothing more.
    const hostile = setup(unseated, (d) => setRelation(d, 'RUS', 'TUR', 'SY', -20));
    const s2 = play(hostile, [ASK]);
    expect(s2.effects.some((e) => e.rule === 'R20')).toBe(false);
    expect(actor(s2, 'TUR').meters.seat).toBe(0);
  });

  it('R21: the US can act in Syria only on terms Turkey accepts', () => {
    const arm: Order = { id: 'us-arms-krd', actor: 'US', target: 'KRD' };
    const send: Order = { id: 'us-deploy-syria', actor: 'US', region: 'manbij' };
    expect(checkOrder(s0, w, arm)).toEqual({ ok: true });
    expect(checkOrder(s0, w, send)).toEqual({ ok: true });
    const cool = setup(s0, (d) => setRelation(d, 'US', 'TUR', 'SY', 20));
    for (const order of [arm, send]) {
      const v = checkOrder(cool, w, order);
      expect(v).toMatchObject({ ok: false, code: 'gate' });
      expect(v.ok || v.reason).toMatch(/^R21: /);
    }
  });

  it('R22: the NATO floor on US–Turkey (global) holds under pressure', () => {
    // At the floor already, a leak of the US–Iran coordination pushes US–Turkey (global) down.
    const s1 = onSomeSeed(
      (seed) =>
        play(
          setup(s0, (d) => {
            d.rng = seed;
            setRelation(d, 'US', 'TUR', 'GL', 33);
          }),
          [{ ...US_IRAN, covert: true }],
        ),
      (s) => s.orders[0]!.outcome === 'exposed',
    );
    const [held] = expectFired(s1, 'R22');
    expect(held).toMatchObject({ kind: 'note', a: 'US', b: 'TUR', layer: 'GL' });
    expect(rel(s1, 'US', 'TUR', 'GL')).toBe(33);
    // And R26's unravelling, however hard it pulls, cannot break it.
    let s = setup(s0, (d) => {
      setRelation(d, 'US', 'TUR', 'GL', 34);
      isGoneFromIraq(d);
    });
    for (let t = 0; t < 3 && !s.over; t++) {
      s = play(s, [{ ...US_IRAN, covert: true }]);
      expect(rel(s, 'US', 'TUR', 'GL')).toBeGreaterThanOrEqual(33);
    }
  });

  it('R24: Assad’s future caps US–Iran relations, and their direction stays uncertain (R24b, R24c)', () => {
    // Close to the cap (net +33): more coordination and relief cannot lift it further.
    const close = setup(s0, (d) => {
      setRelation(d, 'US', 'IRN', 'IQ', 25);
      setRelation(d, 'US', 'IRN', 'SY', -4);
      setRelation(d, 'US', 'IRN', 'GL', 16);
    });
    expect(rel(close, 'US', 'IRN', 'net')).toBe(33);
    let s = close;
    for (let t = 0; t < 3; t++) {
      s = play(s, [US_IRAN, { id: 'irn-coordinate-us', actor: 'IRN', target: 'US' }]);
      expect(rel(s, 'US', 'IRN', 'net')).toBeLessThanOrEqual(33);
      expect(s.effects.some((e) => e.rule === 'R24' || /limited by R24/.test(e.text))).toBe(true);
    }
    // "it is far from clear which direction their mutual relations would go": on some turns a quarrel, on
    // some a thaw, on some neither.
    const turns = Array.from({ length: 40 }, (_, seed) => play(start(seed + 1), []));
    const quarrels = turns.filter((x) => byRule(x, 'R24b').length).length;
    const thaws = turns.filter((x) => byRule(x, 'R24c').length).length;
    for (const n of [quarrels, thaws]) {
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(40);
    }
    expectFired(
      turns.find((x) => byRule(x, 'R24b').length)!,
      'R24b',
    );
  });

  it('R25: many sanctions remain: relief, and Iran’s income from it, stay capped', () => {
    const lift: Order = { id: 'us-lift-sanctions', actor: 'US', target: 'IRN' };
    let s = s0;
    for (let t = 0; t < 4; t++) {
      const economy = actor(s, 'IRN').meters.economy!;
      s = play(s, [lift]);
      expect(actor(s, 'IRN').meters.relief).toBeLessThanOrEqual(60);
      // income from relief (R14, R14b) never exceeds +3 a turn, whatever is lifted
      expect(
        ruleMeter(s, 'R14', 'IRN', 'economy') + ruleMeter(s, 'R14b', 'IRN', 'economy'),
      ).toBeLessThanOrEqual(3);
      expect(actor(s, 'IRN').meters.economy! - economy).toBeLessThanOrEqual(5 + 3);
    }
    expect(actor(s, 'IRN').meters.relief).toBe(60);
    const capped = s;
    // 40 + 15 = 55, then 70 → 60 on the second lift
    const second = play(play(s0, [lift]), [lift]);
    const [e] = expectFired(second, 'R25');
    expect(e).toMatchObject({ meter: 'relief', before: 70, after: 60 });
    expect(capped.flags.sanctionsLifted).toBe(1);
  });

  describe('R26–R27: the fall of IS in Iraq, and redefining interests', () => {
    it('R26: with IS holding no Iraqi region, the contradictions unravel, and the game ends after the next turn', () => {
      const gone = setup(s0, isGoneFromIraq);
      const before = listUnbalancedTriads(gone, w, { cross: true }).length;
      const s1 = play(gone, []);
      const flips = expectFired(s1, 'R26').filter((e) => e.kind === 'relation');
      expect(flips.length).toBeGreaterThanOrEqual(2);
      // Only the contradictions A1 names come apart (not every friendly tie in an unbalanced triad).
      const named = [
        'US,IRQ,TUR',
        'US,TUR,IRN',
        'US,IRN,RUS',
        'US,IRN,SYR',
        'RUS,TUR,SYR',
        'RUS,TUR,IRN',
        'US,TUR,RUS',
      ];
      const key = (a: readonly string[]) => [...a].sort().join();
      for (const e of flips) expect(named.map((n) => key(n.split(',')))).toContain(key(e.triad!));
      for (const e of flips) expect(e.text).toMatch(/one the source names/);
      // Each tie flips, unless a floor holds it (R22: US–Turkey stays NATO allies).
      for (const e of flips)
        if (!/limited by R22/.test(e.text)) expect(Math.sign(e.after!)).toBe(-Math.sign(e.before!));
      expect(rel(s1, 'US', 'TUR', 'GL')).toBeGreaterThanOrEqual(33); // R22: NATO allies still
      expect(listUnbalancedTriads(s1, w, { cross: true }).length).toBeLessThan(before);
      expect(s1.flags.isGoneIraq).toBe(1);
      // The contradictory alliances "may fall with the fall of IS in Iraq": the US–Iran convergence in Iraq
      // (A2's 2022 state: the US–Iran sign has flipped), and the Russia–Turkey convergence in Syria.
      expect(rel(gone, 'US', 'IRN', 'IQ')).toBeGreaterThan(0);
      expect(rel(s1, 'US', 'IRN', 'IQ')).toBeLessThan(0);
      expect(rel(gone, 'RUS', 'TUR', 'SY')).toBeGreaterThan(0);
      expect(rel(s1, 'RUS', 'TUR', 'SY')).toBeLessThan(0);
      expect(s1.over).toBe(false);
      const s2 = play(s1, []);
      expect(byRule(s2, 'R26')).toEqual([]); // once
      expect(s2.over).toBe(true); // R26b's countdown
      // While IS holds any of Iraq, nothing unravels.
      expect(byRule(play(s0, []), 'R26')).toEqual([]);
    });

    // unravel() checks each triad again just before its flip: an earlier flip may already have balanced it.
    it('R26: only contradictions unravel: each tie flips while its triad is still a contradiction', () => {
      const gone = setup(s0, isGoneFromIraq);
      const s1 = play(gone, []);
      expect(byRule(s1, 'R26').length).toBeGreaterThan(0);
      // Replay the turn's relation changes in order and look at each R26 triad just before its tie flips.
      const d = structuredClone(gone);
      for (const e of s1.effects) {
        if (e.kind !== 'relation') continue;
        if (e.rule === 'R26') {
          const contradiction = listUnbalancedTriads(d, w, { cross: true }).some(
            (t) => t.actors.join() === e.triad!.join(),
          );
          expect(contradiction, `${e.triad!.join('–')} when ${e.a}–${e.b} flips`).toBe(true);
        }
        setRelation(d, e.a!, e.b!, e.layer!, e.after!);
      }
    });

    it('R27: the actor that redefined its interests keeps its ties when the contradictions unravel', () => {
      const touchesUS = (e: Effect) => e.kind === 'relation' && (e.a === 'US' || e.b === 'US');
      const plain = play(setup(play(s0, []), isGoneFromIraq), []);
      expect(byRule(plain, 'R26').some(touchesUS)).toBe(true);

      const redefined = play(s0, [{ id: 'us-redefine', actor: 'US' }]);
      const s = play(setup(redefined, isGoneFromIraq), []);
      expect(byRule(s, 'R26').length).toBeGreaterThan(0);
      expect(byRule(s, 'R26').some(touchesUS)).toBe(false);
      expect(rel(s, 'US', 'IRN', 'IQ')).toBeGreaterThan(0);
    });

    it('R27: redefining interests is costly, once per actor, and the only way to clear tension', () => {
      expect(tensionScores(s0, w).US).toBeGreaterThan(0);
      // Co-operation does not clear it ...
      const cooperating = play(s0, [
        US_IRAN,
        { id: 'us-support-iraq', actor: 'US', target: 'IRQ', region: 'mosul' },
      ]);
      expect(tensionScores(cooperating, w).US).toBeGreaterThan(0);
      // ... redefining does.
      const s1 = play(s0, [{ id: 'us-redefine', actor: 'US' }]);
      expectFired(s1, 'R27');
      expect(ruleMeter(s1, 'R27', 'US', 'prestige')).toBe(-5);
      expect(actor(s1, 'US').redefined).toBe(true);
      expect(actor(s1, 'US').weights['us-turkey-in-syria']).toBe(9);
      expect(tensionScores(s1, w).US).toBe(0);
      expect(checkOrder(s1, w, { id: 'us-redefine', actor: 'US' })).toMatchObject({
        ok: false,
        code: 'once',
      });
    });
  });

  it('secrecy: the quiet US–Iran coordination, once exposed, costs the stated third-party relations', () => {
    const covert: Order = { ...US_IRAN, covert: true };
    const exposed = onSomeSeed(
      (seed) =>
        play(
          setup(s0, (d) => void (d.rng = seed)),
          [covert],
        ),
      (s) => s.orders[0]!.outcome === 'exposed',
    );
    const leak = exposed.effects.filter((e) => /leaks/.test(e.text));
    const change = (a: string, b: string, layer: string) =>
      leak
        .filter(
          (e) =>
            e.kind === 'relation' && e.layer === layer && [e.a, e.b].sort().join() === [a, b].sort().join(),
        )
        .reduce((n, e) => n + delta(e), 0);
    expect(change('US', 'TUR', 'GL')).toBe(-6);
    expect(change('RUS', 'IRN', 'IQ')).toBe(-4);
    expect(
      leak.some((e) => e.kind === 'meter' && e.a === 'US' && e.meter === 'prestige' && delta(e) === -3),
    ).toBe(true);
    // Kept quiet, it costs nothing with third parties.
    const quiet = onSomeSeed(
      (seed) =>
        play(
          setup(s0, (d) => void (d.rng = seed)),
          [covert],
        ),
      (s) => s.orders[0]!.outcome !== 'exposed',
    );
    expect(quiet.effects.some((e) => /leaks/.test(e.text))).toBe(false);
  });

  describe('S1-B: turkey-joins-mosul suppresses the rules of Turkey’s exclusion (R3, R5, R7, R9)', () => {
    const wb = worldFrom(FILE, 'turkey-joins-mosul');

    it('the US has no deny order and the rules are gone', () => {
      expect(checkOrder(start(1, wb), wb, DENY)).toMatchObject({ ok: false, code: 'unknown-order' });
      for (const id of ['R3', 'R5', 'R7', 'R9']) expect(wb.rulesById[id]).toBeUndefined();
      expect(wb.rulesById.R10).toBeDefined(); // R10 still fires
    });

    it('R3 never fires there, and Turkey keeps its seat and its Mosul goal', () => {
      for (const seed of [1, 2]) {
        let s = start(seed, wb);
        while (!s.over) {
          s = advance(s, wb);
          for (const id of ['R3', 'R5', 'R7', 'R9']) expect(byRule(s, id)).toEqual([]);
        }
        expect(actor(s, 'TUR', wb).weights['tur-mosul-role']).toBe(8);
      }
    });
  });
});
