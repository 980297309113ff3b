// An odds worker, kept by the page between runs: plays one contiguous range of seeds at a time off the page's
// main thread and sends back the measured results (the page merges the ranges in seed order and summarises
// them). It keeps the scenario it was last sent and the worlds compiled from it, one per branch, so a second
// run of the same game neither sends nor compiles the scenario again (and its compiled conditions stay warm).
// It imports nothing that brings in zod: the scenario was validated on the page, compileWorld only indexes it.
import type { PlayoutResult } from '../engine/playout';
import { playRange } from '../engine/playout';
import type { World } from '../engine/world';
import { compileWorld } from '../engine/world';
import type { ScenarioDef } from '../engine/schema';
import type { Result } from '../engine/types';
import type { PageMessage, RangeJob, WorkerReply } from './protocol';

/** Progress is sent every this many playouts (and at the end), as the in-process runner reports it. */
const PROGRESS_EVERY = 5;

const post = (m: WorkerReply) => self.postMessage(m);

/** The scenario last sent, by its page key, and its worlds compiled on demand. */
let scenario: { key: number; def: ScenarioDef; worlds: Map<string, Result<World>> } | null = null;

/** The range being played, with the flag a CancelMessage for its run sets. */
let current: { run: number; stop: boolean } | null = null;

function worldFor(job: RangeJob): Result<World> {
  if (!scenario || scenario.key !== job.key)
    return { ok: false, error: `the odds worker was not sent scenario ${job.key}` };
  const branch = job.branch ?? '';
  let world = scenario.worlds.get(branch);
  if (!world) {
    world = compileWorld(scenario.def, job.branch);
    scenario.worlds.set(branch, world);
  }
  return world;
}

// The playouts are synchronous, so a cancel can only be read between two of them, when the worker lets its
// message queue run. A MessageChannel round trip is a task with no timer clamping (setTimeout would wait
// ≥ 4 ms once nested), a few microseconds against a playout's milliseconds.
const channel = new MessageChannel();
let wake: (() => void) | null = null;
channel.port1.onmessage = () => {
  const resume = wake;
  wake = null;
  resume?.();
};
const letMessagesIn = () =>
  new Promise<void>((resolve) => {
    wake = resolve;
    channel.port2.postMessage(null);
  });

const noYield = () => Promise.resolve();
const noProgress = () => {};

async function play(job: RangeJob, world: World): Promise<void> {
  const mine = { run: job.run, stop: false };
  current = mine;
  const results: PlayoutResult[] = [];
  try {
    for (let i = 0; i < job.count; i++) {
      await letMessagesIn();
      if (mine.stop) return post({ type: 'cancelled', run: job.run, played: i });
      // One seed at a time through the engine's own range loop: the same playout, byte for byte.
      const one = await playRange(
        world,
        { state: job.state, seed: job.from },
        job.from + i,
        1,
        noProgress,
        () => false,
        noYield,
      );
      results.push(...one);
      if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === job.count)
        post({ type: 'progress', run: job.run, done: i + 1 });
    }
    post({ type: 'done', run: job.run, results });
  } catch (err) {
    post({ type: 'error', run: job.run, message: err instanceof Error ? err.message : String(err) });
  } finally {
    current = null;
  }
}

self.onmessage = (event: MessageEvent<PageMessage>) => {
  const m = event.data;
  if (m.type === 'scenario') scenario = { key: m.key, def: m.def, worlds: new Map() };
  else if (m.type === 'cancel') {
    if (current?.run === m.run) current.stop = true; // else its range is over and its reply on its way
  } else if (current) {
    // The page gives a worker one range at a time; two at once would share the yield above.
    post({ type: 'error', run: m.run, message: 'the odds worker was sent a range while playing another' });
  } else {
    const world = worldFor(m);
    if (!world.ok) post({ type: 'error', run: m.run, message: world.error });
    else void play(m, world.value);
  }
};
