// Playouts on every core: the seeds are cut into contiguous ranges, more ranges than threads so that a slow
// range does not leave the other threads idle, and a kept pool of worker threads (tinypool) plays them. The
// results are joined in seed order, so the summary is, byte for byte, the one a single thread gives.
import os from 'node:os';
import Tinypool from 'tinypool';
import type { World } from '../engine/index';
import type { PlayoutResult, PlayoutSummary } from '../engine/playout';
import { playSeeds, summarizeResults } from '../engine/playout';
import type { PoolScenario, SeedRange } from './playoutWorker';

/** Ranges per thread: enough to even out uneven games, few enough that sending them costs nothing. */
export const RANGES_PER_WORKER = 4;

/** The file each worker thread starts from: it loads the TypeScript handler (playoutWorker.ts). */
export const WORKER_FILE = new URL('./playoutWorker.mjs', import.meta.url).href;

/** The default number of threads: one per core the process may use. */
export const defaultWorkers = (): number => os.availableParallelism();

/** Seeds seed … seed + count - 1 cut into at most `ranges` contiguous ranges of near-equal size, in order. */
export function splitSeeds(seed: number, count: number, ranges: number): SeedRange[] {
  const n = Math.max(1, Math.min(count, ranges));
  const out: SeedRange[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const size = Math.floor(count / n) + (i < count % n ? 1 : 0);
    out.push({ from: (seed + offset) >>> 0, count: size });
    offset += size;
  }
  return out;
}

/**
 * The CLI's `--playouts`: `count` games from the start with seeds seed … (uint32, wrapping), on `workers`
 * threads (never more than the games; one plays in this thread, with no worker), summarised.
 */
export async function playPlayouts(
  world: World,
  scenario: PoolScenario,
  seed: number,
  count: number,
  workers: number,
): Promise<PlayoutSummary> {
  const threads = Math.max(1, Math.min(workers, count));
  const results =
    threads === 1
      ? playSeeds(world, seed, count)
      : await playInPool(scenario, splitSeeds(seed, count, threads * RANGES_PER_WORKER), threads);
  return summarizeResults(world, results, [seed, seed + count - 1]);
}

/**
 * Plays the ranges on a pool of `threads` worker threads, each compiling the scenario once, and returns the
 * results in the order of the ranges. Any failure — a range that throws, a thread that cannot start, dies or
 * stops — rejects at once (tinypool would leave the tasks of a thread that failed while starting, or exited,
 * waiting for ever), and every thread is stopped.
 */
export async function playInPool(
  scenario: PoolScenario,
  ranges: readonly SeedRange[],
  threads: number,
  filename: string = WORKER_FILE,
): Promise<PlayoutResult[]> {
  const pool = new Tinypool({ filename, minThreads: threads, maxThreads: threads, workerData: scenario });
  let finished = false;
  const broken = new Promise<never>((_, reject) => {
    pool.on('error', reject);
    // A thread that stops by itself (process.exit in it) is not an error to tinypool: its task would never end.
    for (const thread of pool.threads)
      thread.on('exit', (code: number) => {
        if (!finished)
          reject(new Error(`a worker thread stopped before its playouts were done (exit code ${code})`));
      });
  });
  try {
    const parts = await Promise.race([
      Promise.all(ranges.map((r) => pool.run(r) as Promise<PlayoutResult[]>)),
      broken,
    ]);
    finished = true;
    await pool.destroy();
    return parts.flat();
  } catch (err) {
    finished = true;
    // The threads are stopped here, not by pool.destroy(): that waits for every thread's exit event (one that
    // stopped already never sends it), and a thread that fails while it shuts down makes it throw.
    for (const thread of pool.threads) thread.terminate().catch(() => {});
    throw err;
  }
}
