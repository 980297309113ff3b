// The page's OddsRunner: one Web Worker per run; cancelling terminates it at once.
import type { PlayoutSummary } from '../engine/playout';
import type { OddsRunner } from '../session/odds';

type Message =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; summary: PlayoutSummary }
  | { type: 'error'; message: string };

export const workerOdds: OddsRunner = (job, onProgress) => {
  const worker = new Worker(new URL('./odds.worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject: (e: Error) => void } | null = null;
  const promise = new Promise<PlayoutSummary>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (event: MessageEvent<Message>) => {
      const m = event.data;
      if (m.type === 'progress') onProgress(m.done, m.total);
      else {
        worker.terminate();
        if (m.type === 'done') resolve(m.summary);
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the odds worker failed'));
    };
  });
  worker.postMessage(JSON.parse(JSON.stringify(job)));
  return {
    promise,
    cancel() {
      worker.terminate();
      settle?.reject(new Error('cancelled'));
    },
  };
};
