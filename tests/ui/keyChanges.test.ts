// The report's key changes: a handful a student can read, each true of the turn (a region that changed hands,
// a relation that crossed into another band, a rule that took effect) and each with its cause and quote.
import { describe, expect, it } from 'vitest';
import type { GameState, Order, World } from '../../src/engine/index';
import { createGame, netAt, planTurn, resolveTurn } from '../../src/engine/index';
import { copyState } from '../../src/engine/playout';
import { describeValue } from '../../src/ui/format';
import { KEY_CHANGES, keyChanges } from '../../src/ui/keyChanges';
import { worldFrom } from '../support/worlds';

/** A game's states, each resolved with its effects (as the page resolves a turn). */
function play(w: World, seed: number, given: (s: GameState) => Order[] = () => []): GameState[] {
  const states = [createGame(w, seed)];
  while (!states.at(-1)!.over) {
    const s = copyState(states.at(-1)!);
    resolveTurn(
      s,
      w,
      planTurn(
        s,
        w,
        given(s),
        given(s).map((o) => o.actor),
      ),
    );
    states.push(s);
  }
  return states;
}

describe('the key changes of a turn', () => {
  for (const file of ['scenarios/mosul-2016.json', 'scenarios/tehran-2022.json']) {
    it(`are few, true of the turn, and each has a cause (${file}, 6 AI games)`, () => {
      const w = worldFrom(file);
      let shown = 0;
      for (let seed = 1; seed <= 6; seed++) {
        const states = play(w, seed);
        for (let t = 1; t < states.length; t++) {
          const prev = states[t - 1]!;
          const cur = states[t]!;
          const keys = keyChanges(w, prev, cur, []);
          shown += keys.length;
          expect(keys.length).toBeLessThanOrEqual(KEY_CHANGES);
          for (let k = 1; k < keys.length; k++)
            expect(keys[k - 1]!.weight).toBeGreaterThanOrEqual(keys[k]!.weight);
          const controls = cur.effects.filter((e) => e.kind === 'control');
          // Control changes come first (no player here, so no refusal outranks them).
          expect(
            keys.slice(0, Math.min(controls.length, KEY_CHANGES)).every((k) => k.kind === 'control'),
          ).toBe(true);
          for (const k of keys) {
            expect(k.cause.length).toBeGreaterThan(0);
            if (k.kind === 'control') expect(controls.map((e) => e.text)).toContain(k.text);
            if (k.kind === 'rule') {
              const id = k.text.split(':')[0]!;
              expect(cur.effects.some((e) => e.rule === id)).toBe(true);
              if (w.rulesById[id]!.source) expect(k.source).toEqual(w.rulesById[id]!.source);
            }
            if (k.kind === 'relation') {
              // "Russia–Turkey: cooperating (+45) → allied (+68)": the pair's net really crossed ±33 or ±66, or
              // turned from friendly to hostile.
              const names = k.text.split(': ')[0]!.split('–');
              const [i, j] = names.map((n) => w.def.actors.findIndex((a) => a.name === n));
              expect(i! >= 0 && j! >= 0).toBe(true);
              const before = netAt(prev, w, i!, j!);
              const after = netAt(cur, w, i!, j!);
              const crossed =
                [33, 66].some((c) => before >= c !== after >= c) ||
                [-33, -66].some((c) => before <= c !== after <= c) ||
                (before >= 10 && after <= -10) ||
                (before <= -10 && after >= 10);
              expect(crossed).toBe(true);
              expect(Math.abs(after - before)).toBeGreaterThanOrEqual(5);
              expect(k.text).toContain(`${describeValue(before)} → ${describeValue(after)}`);
            }
          }
        }
      }
      expect(shown).toBeGreaterThan(0);
    });
  }

  it('name the order and the rule a player set off, with the article’s words (mosul-2016: the US denies Turkey)', () => {
    const w = worldFrom('scenarios/mosul-2016.json');
    const deny: Order = { actor: 'US', id: 'us-deny-turkey', target: 'TUR' };
    const [s0, s1] = play(w, 1, (s) => (s.turn === 0 ? [deny] : []));
    const keys = keyChanges(w, s0!, s1!, ['US']);
    const r3 = keys.find((k) => k.kind === 'rule' && k.text.startsWith('R3:'));
    expect(r3, JSON.stringify(keys, null, 1)).toBeDefined();
    expect(r3!.cause).toContain('Deny Turkish ground presence');
    expect(r3!.source?.quote).toBe(w.rulesById.R3!.source!.quote);
  });

  it('list nothing for a turn that changed nothing that matters, and nothing before the first turn', () => {
    const w = worldFrom('scenarios/mosul-2016.json');
    const s0 = createGame(w, 1);
    expect(keyChanges(w, s0, s0, [])).toEqual([]);
    expect(keyChanges(w, null, s0, [])).toEqual([]);
  });
});
