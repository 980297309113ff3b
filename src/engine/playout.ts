// Batch playouts: the AI holds every actor from a state to the end. The same rule functions run either inside
// immer (`immer`: a frozen state per turn) or on one private mutable copy (`mutable`: the speed limit).
import { produce } from 'immer';
import { listUnbalancedTriads } from './balance';
import { createGame } from './game';
import { planTurn } from './ai';
import { netAt } from './relations';
import { deriveSeed } from './rng';
import type { World } from './scenario';
import { resolveTurn } from './turn';
import type { ScenarioDef } from './schema';
import type { GameState } from './types';

export type PlayoutMode = 'immer' | 'mutable';

/**
 * Plays until the game is over: at `end.turns` (at most MAX_END_TURNS) or when `end.when` holds. No cap of
 * its own, so no game is cut short.
 */
export function playFrom(start: GameState, w: World, mode: PlayoutMode = 'immer'): GameState {
  if (mode === 'immer') {
    let s = start;
    while (!s.over) {
      const orders = planTurn(s, w, [], []);
      s = produce(s, (d) => resolveTurn(d, w, orders));
    }
    return s;
  }
  const s = structuredClone(start) as GameState;
  while (!s.over) resolveTurn(s, w, planTurn(s, w, [], []));
  return s;
}

export const playout = (w: World, seed: number, mode: PlayoutMode = 'immer'): GameState =>
  playFrom(createGame(w, seed), w, mode);

export interface Spread {
  mean: number;
  p10: number;
  p90: number;
}

export interface PlayoutSummary {
  playouts: number;
  seeds: [number, number];
  relations: ({ a: string; b: string; layer: 'net' } & Spread)[];
  scores: ({ actor: string } & Spread)[];
  control: { region: string; controllers: Record<string, number> }[];
  unbalanced: { actors: string[]; layer: string; fraction: number }[];
}

/** Nearest-rank percentile of sorted integers. */
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

const spread = (values: number[]): Spread => {
  const sorted = [...values].sort((x, y) => x - y);
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return { mean: Math.round(mean * 100) / 100, p10: percentile(sorted, 10), p90: percentile(sorted, 90) };
};

export function summarize(w: World, finals: GameState[], seeds: [number, number]): PlayoutSummary {
  const ids = w.actorIds;
  const relations: PlayoutSummary['relations'] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++)
      relations.push({
        a: ids[i]!,
        b: ids[j]!,
        layer: 'net',
        ...spread(finals.map((s) => netAt(s, w, i, j))),
      });
  const control = w.def.regions.map((r, ri) => {
    const counts: Record<string, number> = {};
    for (const s of finals) {
      const c = s.regions[ri]!.controller ?? 'none';
      counts[c] = (counts[c] ?? 0) + 1;
    }
    const controllers = Object.fromEntries(
      Object.keys(counts)
        .sort()
        .map((c) => [c, Math.round((counts[c]! / finals.length) * 1000) / 1000]),
    );
    return { region: r.id, controllers };
  });
  const triadCounts = new Map<string, number>();
  for (const s of finals)
    for (const t of listUnbalancedTriads(s, w)) {
      const k = `${t.actors.join(',')}|${t.layer}`;
      triadCounts.set(k, (triadCounts.get(k) ?? 0) + 1);
    }
  const unbalanced = [...triadCounts.entries()]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([k, n]) => {
      const [actors, layer] = k.split('|') as [string, string];
      return { actors: actors.split(','), layer, fraction: Math.round((n / finals.length) * 1000) / 1000 };
    });
  return {
    playouts: finals.length,
    seeds,
    relations,
    scores: ids.map((a) => ({ actor: a, ...spread(finals.map((s) => s.scores[a] ?? 0)) })),
    control,
    unbalanced,
  };
}

/** The same state with its generator reseeded: the start of one of several playouts from one node. */
export function reseed(s: GameState, seed: number): GameState {
  return { ...s, rng: deriveSeed(seed >>> 0, s.turn, 0x0dd5) };
}

/** A request for odds: N playouts from one state of a scenario branch. */
export interface OddsJob {
  def: ScenarioDef;
  branch: string | null;
  state: GameState; // the node's state: every playout starts here
  seed: number; // playouts use seeds seed … seed+count-1
  count: number;
}

/** Runs the playouts of a job in chunks; shared by the worker and the in-process runner. */
export async function runPlayouts(
  w: World,
  job: Omit<OddsJob, 'def' | 'branch'>,
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
  yieldNow: () => Promise<void>,
): Promise<PlayoutSummary> {
  const finals: GameState[] = [];
  for (let i = 0; i < job.count; i++) {
    if (cancelled()) throw new Error('cancelled');
    finals.push(playFrom(reseed(job.state, job.seed + i), w, 'mutable'));
    if ((i + 1) % 5 === 0 || i + 1 === job.count) {
      onProgress(i + 1, job.count);
      await yieldNow();
    }
  }
  return summarize(w, finals, [job.seed, job.seed + job.count - 1]);
}
