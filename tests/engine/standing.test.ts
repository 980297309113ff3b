// What an effect rests on is said where it acts: an effect resting on a claim the scenario marks doubtful is
// given as the article's claim, and one resting on a rule that takes facts from outside the articles says so.
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../src/engine/index';
import { createGame, planTurn, resolveTurn } from '../../src/engine/index';
import { worldFrom } from '../support/worlds';

describe('the standing of what effects rest on', () => {
  const effects: Effect[] = [];
  const outside: Effect[] = [];
  for (const file of ['mosul-2016', 'tehran-2022', 'russia-intervenes-2015']) {
    const w = worldFrom(`scenarios/${file}.json`);
    for (let seed = 1; seed <= 8; seed++) {
      let s = createGame(w, seed);
      while (!s.over) {
        const orders = planTurn(s, w, [], []);
        s = produce(s, (d) => resolveTurn(d, w, orders));
        for (const e of s.effects) {
          effects.push(e);
          const rule = e.rule ? w.rulesById[e.rule] : undefined;
          if (rule && 'ok' in rule && rule.ok) outside.push(e);
        }
      }
    }
  }

  it("gives an effect resting on a doubtful claim as the article's claim", () => {
    const doubtful = effects.filter((e) => e.source?.doubtful);
    expect(doubtful.length).toBeGreaterThan(0); // the games did act on such claims
    for (const e of doubtful) expect(e.text).toMatch(/^If the article's claim is true: /);
    for (const e of effects.filter((x) => !x.source?.doubtful))
      expect(e.text).not.toMatch(/^If the article's claim is true/);
  });

  it('says when an effect rests on outside knowledge, not on the articles', () => {
    expect(outside.length).toBeGreaterThan(0);
    for (const e of outside) expect(e.text).toMatch(/rests on outside knowledge, not on the articles/);
  });
});
