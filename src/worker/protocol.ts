// What the page and an odds worker say to each other (types only: nothing here reaches either bundle). The
// workers are kept between runs, so every message about a range names its run: a late reply of a run that was
// cancelled or failed is told apart from the worker's next range. A worker plays one range at a time.
import type { PlayoutResult } from '../engine/playout';
import type { ScenarioDef } from '../engine/schema';
import type { GameState } from '../engine/types';

/**
 * The scenario the next ranges name by `key` (the page's identity of that scenario object): sent only when it
 * differs from the one the worker holds, which it replaces (with the worlds the worker compiled for it).
 */
export interface ScenarioMessage {
  type: 'scenario';
  key: number;
  def: ScenarioDef;
}

/** One worker's share of an odds run: playouts from `state` with seeds from … from + count - 1. */
export interface RangeJob {
  type: 'range';
  run: number;
  key: number; // the scenario, sent before by a ScenarioMessage
  branch: string | null;
  state: GameState;
  from: number;
  count: number;
}

/** Stop the range of this run at the next playout (answered by 'cancelled', or by 'done' if it was over). */
export interface CancelMessage {
  type: 'cancel';
  run: number;
}

export type PageMessage = ScenarioMessage | RangeJob | CancelMessage;

/** Every reply ends the worker's range but 'progress'; all name the run of the range. */
export type WorkerReply =
  | { type: 'progress'; run: number; done: number } // playouts of this range done so far
  | { type: 'done'; run: number; results: PlayoutResult[] } // in seed order
  | { type: 'cancelled'; run: number; played: number } // stopped by a CancelMessage after `played` playouts
  | { type: 'error'; run: number; message: string };
