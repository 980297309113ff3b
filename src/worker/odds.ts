// The page's OddsRunner: a pool of Web Workers kept between runs (one per core the browser reports, at most
// MAX_ODDS_WORKERS, never more than the playouts asked), each playing one contiguous range of the seeds at a
// time. The page merges the ranges in seed order and summarises them, so the summary is byte for byte the
// in-process runner's. A new worker costs a module load and a cold JIT (a first run of 100 playouts takes about
// twice as long as a warm one), so the workers are made on the first run that needs them and kept; each keeps
// the scenario it was sent last (sent again only when the page's scenario object changes) and its worlds.
//
// Runs are queued range by range: a worker that is free takes the oldest range waiting, so two runs started
// together (the two sides of a compare) share the pool and neither waits for the other's slowest range.
// Every message names its run. Cancelling (or a failure) settles the run at once and asks its workers to stop
// at their next playout; each answers and takes the next range. A worker that fails outright (an uncaught
// error, a reply the page cannot read) is terminated and replaced on a later run.
import type { PlayoutResult, PlayoutSummary } from '../engine/playout';
import { summarizeResults } from '../engine/playout';
import type { ScenarioDef } from '../engine/schema';
import type { GameState, Result } from '../engine/types';
import type { World } from '../engine/world';
import { compileWorld } from '../engine/world';
import type { OddsJob, OddsRunner } from '../session/odds';
import type { PageMessage, WorkerReply } from './protocol';

/** The most workers the pool keeps, whatever the machine reports. */
export const MAX_ODDS_WORKERS = 8;

/** How many workers play `count` playouts on a machine with `cores` logical cores. */
export const poolSize = (count: number, cores: number): number =>
  Math.max(1, Math.min(MAX_ODDS_WORKERS, Math.floor(cores) || 1, Math.floor(count)));

/** Seeds seed … seed + count - 1 cut into `parts` contiguous ranges of near-equal size, in order. */
export function splitRange(seed: number, count: number, parts: number): { from: number; count: number }[] {
  const n = Math.max(1, Math.min(count, parts));
  const out: { from: number; count: number }[] = [];
  for (let i = 0, from = seed; i < n; i++) {
    const size = Math.floor(count / n) + (i < count % n ? 1 : 0);
    out.push({ from, count: size });
    from += size;
  }
  return out;
}

/** What the runner needs of a worker: the part of the DOM's Worker it uses. */
export type OddsWorker = Pick<
  Worker,
  'postMessage' | 'terminate' | 'onmessage' | 'onerror' | 'onmessageerror'
>;

/** An OddsRunner that keeps its workers; `dispose` terminates them (a later run makes new ones). */
export type OddsPool = OddsRunner & {
  dispose(): void;
  /** Workers alive, and how many of them are playing (or stopping) a range. */
  size(): { workers: number; busy: number };
};

/** One odds run in the pool: its job, its ranges' progress and results, and how it settles. */
interface Run {
  id: number;
  job: OddsJob;
  world: World; // the summary is made on the page, from all the ranges
  key: number;
  state: GameState; // a plain copy, made once for all its ranges
  done: number[];
  parts: (PlayoutResult[] | null)[];
  over: boolean;
  onProgress: (done: number, total: number) => void;
  settle: { resolve: (s: PlayoutSummary) => void; reject: (e: Error) => void };
}

interface Range {
  run: Run;
  index: number;
  from: number;
  count: number;
}

/** A kept worker: the scenario it holds (0: none yet) and the range it is on. */
interface Slot {
  worker: OddsWorker;
  key: number;
  range: Range | null;
}

// A scenario's key is the identity of its object: the session keeps one validated object per game and never
// changes it, so a run of the same game finds its key at once, with no hash of a 100 KB document; another
// object (another game, a scenario file opened again) gets a new key and is sent again.
const keys = new WeakMap<ScenarioDef, number>();
let lastKey = 0;
const keyOf = (def: ScenarioDef): number => {
  let key = keys.get(def);
  if (key === undefined) keys.set(def, (key = ++lastKey));
  return key;
};

// The page's own worlds (for the summary), compiled once per scenario object and branch.
const worlds = new WeakMap<ScenarioDef, Map<string, Result<World>>>();
function pageWorld(def: ScenarioDef, branch: string | null): Result<World> {
  let byBranch = worlds.get(def);
  if (!byBranch) worlds.set(def, (byBranch = new Map()));
  let world = byBranch.get(branch ?? '');
  if (!world) byBranch.set(branch ?? '', (world = compileWorld(def, branch)));
  return world;
}

/** A plain copy of a (frozen) value, made once per run or scenario: each worker gets a structured clone of it. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const failure = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

/** A pool of workers from `spawn`, as many as `cores()` allows, made when a run first needs them. */
export function poolOdds(spawn: () => OddsWorker, cores: () => number): OddsPool {
  let slots: Slot[] = [];
  let waiting: Range[] = [];
  let lastRun = 0;
  let copied: { key: number; def: ScenarioDef } | null = null; // the scenario last sent, as a plain copy

  const send = (slot: Slot, m: PageMessage) => slot.worker.postMessage(m);

  /** Ends a run: it settles now; its waiting ranges go, its workers are asked to stop at their next playout. */
  function end(run: Run, error: Error | null, summary?: PlayoutSummary): void {
    if (run.over) return;
    run.over = true;
    waiting = waiting.filter((r) => r.run !== run);
    for (const slot of slots)
      if (slot.range?.run === run) {
        try {
          send(slot, { type: 'cancel', run: run.id });
        } catch {
          drop(slot); // a worker that cannot be told is no use to the next run either
        }
      }
    if (error) run.settle.reject(error);
    else run.settle.resolve(summary!);
  }

  /** Terminates a worker that failed; the run it was on fails with `error`. */
  function drop(slot: Slot, error?: Error): void {
    slots = slots.filter((s) => s !== slot);
    slot.worker.terminate();
    const range = slot.range;
    slot.range = null;
    if (range) end(range.run, error ?? new Error('an odds worker failed'));
  }

  /** Progress is the playouts done over all the run's ranges. */
  function progress(range: Range, done: number): void {
    const run = range.run;
    run.done[range.index] = done;
    const all = run.done.reduce((a, b) => a + b, 0);
    run.onProgress(all, run.job.count);
  }

  function finish(range: Range, results: PlayoutResult[]): void {
    const run = range.run;
    if (run.over) return; // cancelled while its last playouts were on their way
    run.parts[range.index] = results;
    if (!run.parts.every((p) => p !== null)) return;
    const { seed, count } = run.job;
    let summary: PlayoutSummary;
    try {
      summary = summarizeResults(run.world, run.parts.flat() as PlayoutResult[], [seed, seed + count - 1]);
    } catch (err) {
      return end(run, failure(err)); // results the page cannot summarise still settle the run
    }
    end(run, null, summary);
  }

  function reply(slot: Slot, m: WorkerReply): void {
    const range = slot.range;
    if (!range || m.run !== range.run.id) return; // not about the range this worker is on: nothing to do
    if (m.type === 'progress') {
      if (!range.run.over) progress(range, m.done);
      return;
    }
    slot.range = null; // done, cancelled or failed: the worker is free again
    if (m.type === 'done') finish(range, m.results);
    else if (m.type === 'error') end(range.run, new Error(m.message));
    dispatch();
  }

  function make(): Slot {
    const slot: Slot = { worker: spawn(), key: 0, range: null };
    slot.worker.onmessage = (event: MessageEvent<WorkerReply>) => reply(slot, event.data);
    slot.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault(); // reported by the rejection, not as an uncaught error of the page
      drop(slot, new Error(e.message || 'an odds worker failed'));
      dispatch();
    };
    slot.worker.onmessageerror = () => {
      drop(slot, new Error('an odds worker sent a message the page could not read'));
      dispatch();
    };
    return slot;
  }

  /** Gives the oldest waiting ranges to free workers, preferring one that holds the range's scenario. */
  function dispatch(): void {
    while (waiting.length > 0) {
      const free = slots.filter((s) => s.range === null);
      if (free.length === 0) return;
      const range = waiting.shift()!;
      const slot = free.find((s) => s.key === range.run.key) ?? free[0]!;
      try {
        start(slot, range);
      } catch (err) {
        drop(slot, failure(err));
      }
    }
  }

  /** The scenario as a plain copy, made once while runs of it follow one another. */
  function copyOf(run: Run): ScenarioDef {
    if (copied?.key !== run.key) copied = { key: run.key, def: plain(run.job.def) };
    return copied.def;
  }

  function start(slot: Slot, range: Range): void {
    const run = range.run;
    slot.range = range;
    if (slot.key !== run.key) {
      send(slot, { type: 'scenario', key: run.key, def: copyOf(run) });
      slot.key = run.key;
    }
    const { from, count } = range;
    send(slot, {
      type: 'range',
      run: run.id,
      key: run.key,
      branch: run.job.branch,
      state: run.state,
      from,
      count,
    });
  }

  const runner = (job: OddsJob, onProgress: (done: number, total: number) => void) => {
    const compiled = pageWorld(job.def, job.branch);
    if (!compiled.ok) return { promise: Promise.reject(new Error(compiled.error)), cancel() {} };
    const ranges = splitRange(job.seed, job.count, poolSize(job.count, cores()));
    let settle!: Run['settle'];
    const promise = new Promise<PlayoutSummary>((resolve, reject) => (settle = { resolve, reject }));
    const key = keyOf(job.def);
    const run: Run = {
      id: ++lastRun,
      job,
      world: compiled.value,
      key,
      state: plain(job.state),
      done: ranges.map(() => 0),
      parts: ranges.map(() => null),
      over: false,
      onProgress,
      settle,
    };
    waiting.push(...ranges.map((r, index) => ({ run, index, ...r })));
    try {
      while (slots.length < ranges.length) slots.push(make()); // a run uses min(pool, playouts) workers
    } catch (err) {
      end(run, failure(err)); // a worker that cannot even be made
    }
    dispatch();
    return { promise, cancel: () => end(run, new Error('cancelled')) };
  };

  return Object.assign(runner, {
    // Terminates every worker; a run in flight or waiting fails (the panel says so; on a page going away, nobody
    // sees it). The pool stays usable: the next run makes new workers.
    dispose() {
      for (const slot of [...slots]) drop(slot, new Error('the odds workers were released'));
      for (const range of [...waiting]) end(range.run, new Error('the odds workers were released'));
      copied = null;
    },
    size: () => ({ workers: slots.length, busy: slots.filter((s) => s.range !== null).length }),
  });
}

/** A module worker of the page's odds bundle (odds.worker.ts). */
export const spawnOddsWorker = (): OddsWorker =>
  new Worker(new URL('./odds.worker.ts', import.meta.url), { type: 'module' });

/** The page's pool, made on the first run, kept until the page goes. */
export const workerOdds: OddsPool = poolOdds(spawnOddsWorker, () => navigator.hardwareConcurrency);

// A page that goes away (or into the back-forward cache) releases its workers; a later run makes new ones.
if (typeof addEventListener === 'function') addEventListener('pagehide', () => workerOdds.dispose());
