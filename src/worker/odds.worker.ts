// An odds worker: plays one contiguous range of seeds of an odds run off the page's main thread and sends back
// the measured results (the page merges the ranges in seed order and summarises them). It imports nothing
// that brings in zod: the scenario was validated on the page, compileWorld (world.ts) only indexes it.
import { playRange } from '../engine/playout';
import { compileWorld } from '../engine/world';
import type { RangeJob, WorkerReply } from './protocol';

const post = (m: WorkerReply) => self.postMessage(m);

self.onmessage = async (event: MessageEvent<RangeJob>) => {
  const job = event.data;
  const world = compileWorld(job.def, job.branch);
  if (!world.ok) {
    post({ type: 'error', message: world.error });
    return;
  }
  try {
    const results = await playRange(
      world.value,
      { state: job.state, seed: job.from },
      job.from,
      job.count,
      (done) => post({ type: 'progress', done }),
      () => false,
      () => Promise.resolve(),
    );
    post({ type: 'done', results });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
