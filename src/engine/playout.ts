// Playouts: the AI holds every actor from a state to the end. The same rule functions run either inside immer
// (`immer`: a frozen state per turn with every effect's text, as the page plays) or as a batch (`batch`: one
// private copy changed in place, the effects' texts written for the last turn only). Both end in the same bytes.
import { produce } from 'immer';
import { listUnbalancedTriads } from './balance';
import { createGame } from './game';
import { planTurn } from './ai';
import { netAt } from './relations';
import { deriveSeed } from './rng';
import type { World } from './scenario';
import { copyState, resolveTurn } from './turn';

export { copyState };
import type { ScenarioDef } from './schema';
import type { GameState } from './types';

export type PlayoutMode = 'immer' | 'batch';

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
  return playBatch(copyState(start), w);
}

/**
 * Plays a private state to the end on the batch path, changing it in place. Logging the effects is half the
 * cost of a turn and only the last turn's are kept: turns are resolved quietly, and the last one in full —
 * known in advance at `end.turns`, or, when `end.when` ends the game first, resolved again from a copy of its
 * start with the same orders (the same state, now with its effects).
 */
function playBatch(s: GameState, w: World): GameState {
  while (!s.over) {
    const orders = planTurn(s, w, [], []);
    if (s.turn + 1 >= w.def.end.turns) {
      resolveTurn(s, w, orders, { batch: true });
      break;
    }
    const start = w.def.end.when ? copyState(s) : null;
    resolveTurn(s, w, orders, { batch: true, quiet: true });
    if (s.over && start) {
      resolveTurn(start, w, orders, { batch: true });
      return start;
    }
  }
  return s;
}

/** A game from the scenario's start played to the end (createGame's state is already private to it). */
export const playout = (w: World, seed: number, mode: PlayoutMode = 'immer'): GameState =>
  mode === 'batch' ? playBatch(createGame(w, seed), w) : playFrom(createGame(w, seed), w, mode);

/** The CLI's playouts: games from the scenario's start with seeds from … from + count - 1 (uint32, wrapping). */
export function playSeeds(w: World, from: number, count: number): PlayoutResult[] {
  const out: PlayoutResult[] = [];
  for (let i = 0; i < count; i++) out.push(measurePlayout(w, playout(w, (from + i) >>> 0, 'batch')));
  return out;
}

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

/**
 * What a summary needs from one finished playout, small enough to send between threads: net relations by
 * pair (actor order), scores (actor order), each region's holder, and the unbalanced triads' keys.
 */
export interface PlayoutResult {
  net: number[];
  scores: number[];
  control: (string | null)[];
  unbalanced: string[]; // "IRN,RUS,US|net"
}

export function measurePlayout(w: World, s: GameState): PlayoutResult {
  const ids = w.actorIds;
  const net: number[] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) net.push(netAt(s, w, i, j));
  return {
    net,
    scores: ids.map((a) => s.scores[a] ?? 0),
    control: s.regions.map((r) => r.controller),
    unbalanced: listUnbalancedTriads(s, w).map((t) => `${t.actors.join(',')}|${t.layer}`),
  };
}

export const summarize = (w: World, finals: GameState[], seeds: [number, number]): PlayoutSummary =>
  summarizeResults(
    w,
    finals.map((s) => measurePlayout(w, s)),
    seeds,
  );

/** The distributions over playouts; the same whatever thread measured each one, given them in seed order. */
export function summarizeResults(
  w: World,
  results: PlayoutResult[],
  seeds: [number, number],
): PlayoutSummary {
  const ids = w.actorIds;
  const relations: PlayoutSummary['relations'] = [];
  let p = 0;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++, p++) {
      const k = p;
      relations.push({ a: ids[i]!, b: ids[j]!, layer: 'net', ...spread(results.map((r) => r.net[k]!)) });
    }
  const control = w.def.regions.map((r, ri) => {
    const counts: Record<string, number> = {};
    for (const x of results) {
      const c = x.control[ri] ?? 'none';
      counts[c] = (counts[c] ?? 0) + 1;
    }
    const controllers = Object.fromEntries(
      Object.keys(counts)
        .sort()
        .map((c) => [c, Math.round((counts[c]! / results.length) * 1000) / 1000]),
    );
    return { region: r.id, controllers };
  });
  const triadCounts = new Map<string, number>();
  for (const x of results) for (const k of x.unbalanced) triadCounts.set(k, (triadCounts.get(k) ?? 0) + 1);
  const unbalanced = [...triadCounts.entries()]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([k, n]) => {
      const [actors, layer] = k.split('|') as [string, string];
      return { actors: actors.split(','), layer, fraction: Math.round((n / results.length) * 1000) / 1000 };
    });
  return {
    playouts: results.length,
    seeds,
    relations,
    scores: ids.map((a, i) => ({ actor: a, ...spread(results.map((r) => r.scores[i]!)) })),
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

/** Plays seeds `from` … `from + count - 1` of a job from its state, one at a time; shared by every runner. */
export async function playRange(
  w: World,
  job: { state: GameState; seed: number },
  from: number,
  count: number,
  onProgress: (done: number) => void,
  cancelled: () => boolean,
  yieldNow: () => Promise<void>,
): Promise<PlayoutResult[]> {
  const out: PlayoutResult[] = [];
  for (let i = 0; i < count; i++) {
    if (cancelled()) throw new Error('cancelled');
    out.push(measurePlayout(w, playFrom(reseed(job.state, from + i), w, 'batch')));
    if ((i + 1) % 5 === 0 || i + 1 === count) {
      onProgress(i + 1);
      await yieldNow();
    }
  }
  return out;
}

/** Runs the playouts of a job in chunks in this thread (tests, Node, one worker). */
export async function runPlayouts(
  w: World,
  job: Omit<OddsJob, 'def' | 'branch'>,
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
  yieldNow: () => Promise<void>,
): Promise<PlayoutSummary> {
  const results = await playRange(
    w,
    job,
    job.seed,
    job.count,
    (done) => onProgress(done, job.count),
    cancelled,
    yieldNow,
  );
  return summarizeResults(w, results, [job.seed, job.seed + job.count - 1]);
}
