import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import type { GameState, World } from '../../src/engine/index';
import {
  createGame,
  listUnbalancedTriads,
  loadWorldFromJson,
  relation,
  resolveTurn,
  tensionScores,
} from '../../src/engine/index';
import { valleysJson } from '../support/worlds';

/** The invented scenario with only the given relations (land layer unless said), no orders and no rules. */
function worldWith(relations: { a: string; b: string; values: Record<string, number> }[]): World {
  const json: any = valleysJson();
  json.relations = relations;
  json.rules = [];
  json.branches = [];
  json.end = { turns: 50 };
  json.settings = { ...json.settings, commonEnemy: { perTurn: 0, cap: 0 } };
  for (const r of json.regions) r.presence = {};
  const result = loadWorldFromJson(json);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const quietTurn = (s: GameState, w: World) => produce(s, (d) => resolveTurn(d, w, []));

describe('structural balance', () => {
  it('finds no unbalanced triad in a balanced configuration, and leaves it where it is', () => {
    // Two camps: RED+BLUE against GREEN+RAID; every triad has an even number of negative ties.
    const w = worldWith([
      { a: 'RED', b: 'BLUE', values: { land: 50 } },
      { a: 'GREEN', b: 'RAID', values: { land: 40 } },
      { a: 'RED', b: 'GREEN', values: { land: -30 } },
      { a: 'RED', b: 'RAID', values: { land: -60 } },
      { a: 'BLUE', b: 'GREEN', values: { land: -20 } },
      { a: 'BLUE', b: 'RAID', values: { land: -70 } },
    ]);
    const s0 = createGame(w, 1);
    expect(listUnbalancedTriads(s0, w)).toEqual([]);
    let s = s0;
    for (let i = 0; i < 5; i++) s = quietTurn(s, w);
    expect(s.relations).toEqual(s0.relations);
    expect(s.effects.filter((e) => e.kind === 'relation')).toEqual([]);
  });

  it('moves the weakest edge of an unbalanced triad toward balance until the triad balances', () => {
    // RED and BLUE are friends, both friends of GREEN... except BLUE–GREEN is hostile: (+)(+)(−).
    const w = worldWith([
      { a: 'RED', b: 'BLUE', values: { land: 60 } },
      { a: 'RED', b: 'GREEN', values: { land: 12 } },
      { a: 'BLUE', b: 'GREEN', values: { land: -50 } },
    ]);
    let s = createGame(w, 3);
    expect(listUnbalancedTriads(s, w)).toContainEqual({ actors: ['RED', 'BLUE', 'GREEN'], layer: 'land' });
    const history: number[] = [relation(s, w, 'RED', 'GREEN', 'land')];
    for (let i = 0; i < 10 && listUnbalancedTriads(s, w).length; i++) {
      s = quietTurn(s, w);
      history.push(relation(s, w, 'RED', 'GREEN', 'land'));
    }
    expect(listUnbalancedTriads(s, w)).toEqual([]);
    // Only the weakest tie (RED–GREEN, 12) moved, monotonically down through zero.
    expect(relation(s, w, 'RED', 'GREEN', 'land')).toBeLessThan(0);
    expect(relation(s, w, 'RED', 'BLUE', 'land')).toBe(60);
    expect(relation(s, w, 'BLUE', 'GREEN', 'land')).toBe(-50);
    for (let i = 1; i < history.length; i++) expect(history[i]!).toBeLessThan(history[i - 1]!);
    const moves = s.effects.filter((e) => e.kind === 'relation');
    expect(
      moves.every((e) => e.triad?.join() === 'RED,BLUE,GREEN' && /structural balance/.test(e.text)),
    ).toBe(true);
  });

  it('sees a contradiction across layers that neither layer shows alone (A1-style)', () => {
    // RED–BLUE friends on land, enemies at sea; both friends of GREEN on land. Each layer is balanced.
    const w = worldWith([
      { a: 'RED', b: 'BLUE', values: { land: 30, sea: -40 } },
      { a: 'RED', b: 'GREEN', values: { land: 50 } },
      { a: 'BLUE', b: 'GREEN', values: { land: 50 } },
    ]);
    const s = createGame(w, 1);
    const triads = listUnbalancedTriads(s, w);
    expect(triads).toContainEqual({ actors: ['RED', 'BLUE', 'GREEN'], layer: 'cross' });
    expect(triads.filter((t) => t.layer === 'land' || t.layer === 'sea')).toEqual([]);
    // net RED–BLUE = 30 - 40 = -10: unbalanced on the net graph too
    expect(triads).toContainEqual({ actors: ['RED', 'BLUE', 'GREEN'], layer: 'net' });
    const tension = tensionScores(s, w, triads);
    expect(tension).toEqual({ RED: 1, BLUE: 1, GREEN: 1, RAID: 0 });
  });

  it('weighs tension by the strength of the weakest tie and clears it for an actor that redefined its interests', () => {
    const w = worldWith([
      { a: 'RED', b: 'BLUE', values: { land: 99, sea: -99 } },
      { a: 'RED', b: 'GREEN', values: { land: 99 } },
      { a: 'BLUE', b: 'GREEN', values: { land: 99 } },
    ]);
    const s = createGame(w, 1);
    expect(tensionScores(s, w).RED).toBe(3);
    const redefined = produce(s, (d) => {
      d.actors[0]!.redefined = true;
    });
    expect(tensionScores(redefined, w)).toMatchObject({ RED: 0, BLUE: 3, GREEN: 3 });
  });
});
