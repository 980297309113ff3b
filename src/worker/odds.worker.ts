// The odds worker: runs AI playouts off the page's main thread so the page stays responsive.
import { compileWorld } from '../engine/index';
import type { OddsJob } from '../engine/playout';
import { runPlayouts } from '../engine/playout';

self.onmessage = async (event: MessageEvent<OddsJob>) => {
  const job = event.data;
  const world = compileWorld(job.def, job.branch);
  if (!world.ok) {
    self.postMessage({ type: 'error', message: world.error });
    return;
  }
  try {
    const summary = await runPlayouts(
      world.value,
      job,
      (done, total) => self.postMessage({ type: 'progress', done, total }),
      () => false,
      () => Promise.resolve(),
    );
    self.postMessage({ type: 'done', summary });
  } catch (err) {
    self.postMessage({ type: 'error', message: (err as Error).message });
  }
};
