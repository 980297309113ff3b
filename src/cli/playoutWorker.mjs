// The file a playout worker thread starts from when the CLI runs as TypeScript (`node --import tsx
// src/cli/main.ts`, and the tests); `npm run sim` runs the bundle, whose playoutWorker.mjs is the handler itself
// (scripts/sim.mjs). Tinypool imports it and calls its default export. The handler is TypeScript
// (playoutWorker.ts). On Node 20 a worker thread inherits the parent's execArgv (tsx's
// `--import …/loader.mjs` under `node --import tsx`), but the loader it names does not take
// effect in the thread, so a .ts import fails there with ERR_UNKNOWN_FILE_EXTENSION; then tsx's loader is
// registered in this thread and the handler imported again (under another URL: the failure is cached).
// Where the thread does inherit the loader (newer Node), the first import simply works.
let handler;
try {
  handler = await import('./playoutWorker.ts');
} catch (err) {
  if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
  const { register } = await import('tsx/esm/api');
  register();
  handler = await import('./playoutWorker.ts?tsx');
}

export default handler.default;
