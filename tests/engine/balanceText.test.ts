// Every line the realignment step writes names the case of structural balance that the signs show at that
// moment (friends standing in opposite ways toward a third, enemies with a friend in common, three enemies) and
// labels the theory as the model's. Checked over many turns of AI play in every shipped scenario and the
// invented one, replaying each turn's effects in order so that each line is read against the values it saw.
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { GameState, World } from '../../src/engine/index';
import { createGame, planTurn, resolveTurn } from '../../src/engine/index';
import { pairIndex } from '../../src/engine/relations';
import { valleys, worldFrom } from '../support/worlds';

const CASES: [RegExp, (ab: number, az: number, bz: number) => boolean][] = [
  [/are friends but stand in opposite ways toward/, (ab, az, bz) => ab > 0 && az * bz < 0],
  [/are enemies with a friend in common/, (ab, az, bz) => ab < 0 && az > 0 && bz > 0],
  [/are all enemies in/, (ab, az, bz) => ab < 0 && az < 0 && bz < 0],
];

/** Checks the balance lines of one turn against the relations as they stood when each was written. */
function checkTurn(before: GameState, after: GameState, w: World): number {
  const n = w.actorIds.length;
  const values = before.relations.map((l) => l.slice());
  let checked = 0;
  for (const e of after.effects) {
    if (e.kind !== 'relation' || e.a === undefined || e.b === undefined || e.layer === undefined) continue;
    const l = w.layerIndex[e.layer]!;
    const at = (x: string, y: string) => values[l]![pairIndex(w.actorIndex[x]!, w.actorIndex[y]!, n)]!;
    if (/structural balance/.test(e.text) && e.triad && !/comes apart/.test(e.text)) {
      const third = e.triad.find((x) => x !== e.a && x !== e.b)!;
      const ab = at(e.a, e.b);
      const named = CASES.filter(([text]) => text.test(e.text));
      expect(named, e.text).toHaveLength(1);
      expect(named[0]![1](ab, at(e.a, third), at(e.b, third)), e.text).toBe(true);
      expect(e.text).toMatch(/the model's structural balance \(Heider; Cartwright–Harary/);
      checked++;
    }
    values[l]![pairIndex(w.actorIndex[e.a]!, w.actorIndex[e.b]!, n)] = e.after!;
  }
  return checked;
}

describe('balance explanations are true', () => {
  const worlds: [string, World][] = [
    ['valleys', valleys()],
    ['mosul-2016', worldFrom('scenarios/mosul-2016.json')],
    ['tehran-2022', worldFrom('scenarios/tehran-2022.json')],
    ['russia-2015', worldFrom('scenarios/russia-intervenes-2015.json')],
  ];
  for (const [name, w] of worlds)
    it(`${name}: every balance line over 20 AI games names the case its signs show`, () => {
      let checked = 0;
      for (let seed = 1; seed <= 20; seed++) {
        let s = createGame(w, seed);
        while (!s.over) {
          const orders = planTurn(s, w, [], []);
          const next = produce(s, (d) => resolveTurn(d, w, orders));
          checked += checkTurn(s, next, w);
          s = next;
        }
      }
      expect(checked).toBeGreaterThan(0); // the step did write lines to check
    });
});
