// Creating a game from a scenario: the initial state for a branch and a seed. Everything the state holds is
// plain data in scenario order, so the same scenario, branch and seed always give the same bytes.
import { addDays } from './calendar';
import { pairCount, pairIndex } from './relations';
import { seedState } from './rng';
import type { World } from './scenario';
import { computeScores } from './scoring';
import type { GameState } from './types';

export function createGame(w: World, seed: number): GameState {
  const { def } = w;
  const n = def.actors.length;
  const relations = def.layers.map(() => new Array<number>(pairCount(n)).fill(0));
  for (const r of def.relations) {
    const p = pairIndex(w.actorIndex[r.a]!, w.actorIndex[r.b]!, n);
    for (const [layer, value] of Object.entries(r.values)) relations[w.layerIndex[layer]!]![p] = value;
  }
  const state: GameState = {
    scenario: def.id,
    version: def.version,
    branch: w.branch,
    seed: seed >>> 0,
    rng: seedState(seed),
    turn: 0,
    date: addDays(def.start, 0),
    over: false,
    layers: def.layers.map((l) => l.id),
    actors: def.actors.map((a) => ({
      id: a.id,
      reserve: a.reserve,
      meters: Object.fromEntries(def.meters.map((m) => [m.id, a.meters?.[m.id] ?? 0])),
      weights: Object.fromEntries(a.objectives.map((o) => [o.id, o.weight ?? 5])),
      vp: 0,
      redefined: false,
      usedOnce: [],
    })),
    regions: def.regions.map((r) => ({
      id: r.id,
      controller: r.controller,
      presence: Object.fromEntries(Object.entries(r.presence).filter(([, v]) => v > 0)),
      contested: r.contested ?? false,
    })),
    relations,
    flags: { ...def.flags },
    fired: [],
    ledger: new Array<number>(def.actors.length ** 2).fill(0),
    orders: [],
    effects: [],
    scores: {},
  };
  state.scores = computeScores({ s: state, w });
  return state;
}
