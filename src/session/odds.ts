// Odds: N AI playouts from a node of the history, summarised as distributions. The session asks an OddsRunner
// for them; the page runs them on a pool of Web Workers (src/worker), tests run them in process. Every runner
// gives the same summary, byte for byte, for the same job.
import type { World } from '../engine/index';
import type { OddsJob, PlayoutSummary } from '../engine/playout';
import { runPlayouts } from '../engine/playout';
import type { ScenarioDef } from '../engine/schema';

export type { OddsJob } from '../engine/playout';

export interface OddsRun {
  promise: Promise<PlayoutSummary>;
  cancel(): void;
}

export type OddsRunner = (job: OddsJob, onProgress: (done: number, total: number) => void) => OddsRun;

/** An in-process runner (tests, Node): same playouts, yielding to the event loop between chunks. */
export function inlineOdds(worldFor: (def: ScenarioDef, branch: string | null) => World | null): OddsRunner {
  return (job, onProgress) => {
    let stop = false;
    const w = worldFor(job.def, job.branch);
    const promise = w
      ? runPlayouts(
          w,
          job,
          onProgress,
          () => stop,
          () => new Promise((r) => setTimeout(r, 0)),
        )
      : Promise.reject(new Error(`branch "${String(job.branch)}" cannot be compiled`));
    return { promise, cancel: () => (stop = true) };
  };
}
