// What the page and an odds worker say to each other (types only: nothing here reaches either bundle).
import type { PlayoutResult } from '../engine/playout';
import type { ScenarioDef } from '../engine/schema';
import type { GameState } from '../engine/types';

/** One worker's share of an odds run: playouts from `state` with seeds from … from + count - 1. */
export interface RangeJob {
  def: ScenarioDef;
  branch: string | null;
  state: GameState;
  from: number;
  count: number;
}

export type WorkerReply =
  | { type: 'progress'; done: number } // playouts of this range done so far
  | { type: 'done'; results: PlayoutResult[] } // in seed order
  | { type: 'error'; message: string };
