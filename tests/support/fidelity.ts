// Shared builders for the fidelity tests: resolve exactly the given orders (no AI), edit a starting situation,
// and read meters, forces and control, all for one compiled world.
import { produce } from 'immer';
import type { GameState, Order, World } from '../../src/engine/index';
import { resolveTurn } from '../../src/engine/index';

export function fidelityKit(w: World) {
  return {
    play: (s: GameState, orders: Order[] = []): GameState => produce(s, (d) => resolveTurn(d, w, orders)),
    edit: (s: GameState, recipe: (d: GameState) => void): GameState => produce(s, recipe),
    meter: (s: GameState, actor: string, m: string): number => s.actors[w.actorIndex[actor]!]!.meters[m] ?? 0,
    presence: (s: GameState, actor: string, region: string): number =>
      s.regions[w.regionIndex[region]!]!.presence[actor] ?? 0,
    controller: (s: GameState, region: string): string | null =>
      s.regions[w.regionIndex[region]!]!.controller,
  };
}
