// The page's OddsRunner: a pool of Web Workers per run (one per core the browser reports, at most
// MAX_ODDS_WORKERS, never more than the playouts), each playing one contiguous range of the seeds. The page
// merges their results in seed order and summarises them, so the summary is byte for byte the in-process
// runner's. Progress is the playouts done over all workers; cancelling, or a failure in any worker,
// terminates every worker at once.
import type { PlayoutResult, PlayoutSummary } from '../engine/playout';
import { summarizeResults } from '../engine/playout';
import { compileWorld } from '../engine/world';
import type { OddsRunner } from '../session/odds';
import type { RangeJob, WorkerReply } from './protocol';

/** The most workers one odds run starts, whatever the machine reports. */
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

/** An OddsRunner on workers from `spawn`, as many as `cores()` allows. */
export function poolOdds(spawn: () => OddsWorker, cores: () => number): OddsRunner {
  return (job, onProgress) => {
    const compiled = compileWorld(job.def, job.branch); // the summary is made here, from all the ranges
    if (!compiled.ok) return { promise: Promise.reject(new Error(compiled.error)), cancel() {} };
    const world = compiled.value;
    const ranges = splitRange(job.seed, job.count, poolSize(job.count, cores()));
    // A plain copy of the (frozen) state and scenario, made once; each worker gets a structured clone of it.
    const shared = JSON.parse(JSON.stringify({ def: job.def, branch: job.branch, state: job.state })) as Omit<
      RangeJob,
      'from' | 'count'
    >;
    const workers: OddsWorker[] = [];
    const done = ranges.map(() => 0);
    const parts: (PlayoutResult[] | null)[] = ranges.map(() => null);
    let over = false;
    let settle!: { resolve: (s: PlayoutSummary) => void; reject: (e: Error) => void };
    const promise = new Promise<PlayoutSummary>((resolve, reject) => (settle = { resolve, reject }));
    const stop = (error: Error | null) => {
      if (over) return;
      over = true;
      for (const w of workers) w.terminate();
      if (error) settle.reject(error);
    };
    const start = (i: number, range: { from: number; count: number }) => {
      const worker = spawn();
      workers.push(worker);
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        if (over) return;
        const m = event.data;
        if (m.type === 'progress') {
          done[i] = m.done;
          const all = done.reduce((a, b) => a + b, 0);
          onProgress(all, job.count);
        } else if (m.type === 'done') {
          parts[i] = m.results;
          worker.terminate();
          if (parts.every((p) => p !== null)) {
            stop(null);
            settle.resolve(
              summarizeResults(world, parts.flat() as PlayoutResult[], [job.seed, job.seed + job.count - 1]),
            );
          }
        } else stop(new Error(m.message));
      };
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault(); // reported by the rejection, not as an uncaught error of the page
        stop(new Error(e.message || 'an odds worker failed'));
      };
      worker.onmessageerror = () => stop(new Error('an odds worker sent a message the page could not read'));
      worker.postMessage({ ...shared, from: range.from, count: range.count } satisfies RangeJob);
    };
    try {
      for (const [i, range] of ranges.entries()) start(i, range);
    } catch (err) {
      stop(err instanceof Error ? err : new Error(String(err))); // a worker that cannot even be made
    }
    return { promise, cancel: () => stop(new Error('cancelled')) };
  };
}

export const workerOdds: OddsRunner = poolOdds(
  () => new Worker(new URL('./odds.worker.ts', import.meta.url), { type: 'module' }),
  () => navigator.hardwareConcurrency,
);
