// The page's odds runner in Chromium: a pool of Web Workers kept between runs, each playing a contiguous range
// of seeds, merged on the page. Its summary is byte for byte the in-process runner's (in the page and in Node)
// for the same job; progress counts every worker; the workers are made once and reused, with the scenario sent
// once; cancelling stops the workers at their next playout; a failing worker rejects its run and the pool
// recovers; concurrent runs share the pool without crossing. The runners are imported into an empty page of a
// Vite dev server (real module workers, the page's own code, no UI); the built page's odds are driven through
// its panel in history.test.ts.
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameState } from '../../src/engine/index';
import { compileWorld } from '../../src/engine/index';
import { inlineOdds } from '../../src/session/odds';
import { launch } from '../support/browser';
import { readScenarioText, ROOT } from '../support/worlds';

const SCENARIO = 'mosul-2016';

/** What the harness counts of the page's workers (reset by `harness.reset`). */
interface Counts {
  made: number;
  stopped: number; // terminated
  sent: Record<string, number>; // messages posted to workers, by type
  cancelled: number[]; // for each 'cancelled' reply, the playouts its worker had played
}

/** How one run in the page ended: its summary as JSON or its error, and every progress call. */
interface Outcome {
  summary?: string;
  error?: string;
  progress: [number, number][];
}

/** Set up in the page once: the modules, the job's scenario and state, and helpers to run jobs. */
interface Harness {
  odds: any; // src/worker/odds.ts
  def: any;
  state: GameState; // the scenario after one turn of a game with seed 7
  /** A job from `state` (seed 11 unless told); `broken` breaks the state, `branch` names no branch. */
  job(count: number, options?: { seed?: number; mode?: 'broken' | 'branch'; def?: unknown }): any;
  /** Runs a job on a runner, cancelling it at the `cancelAt`-th progress call if told. */
  run(runner: any, job: any, cancelAt?: number): Promise<Outcome>;
  /** The in-page in-process summary of a job, as JSON. */
  inline(job: any): Promise<string>;
  /** Zeroes the counts and says `cores` cores to the runners. */
  reset(cores: number): void;
  /** The counts so far, as a copy. */
  counts(): Counts;
}

declare global {
  interface Window {
    cores: number; // what navigator.hardwareConcurrency says in the harness
    workers: Counts;
    harness: Harness;
  }
}

/** The in-process summary, computed here in Node, for the job the page made. */
async function inNode(state: GameState, count: number): Promise<string> {
  const def = JSON.parse(readScenarioText(`scenarios/${SCENARIO}.json`));
  const runner = inlineOdds((d, b) => {
    const c = compileWorld(d, b);
    return c.ok ? c.value : null;
  });
  return JSON.stringify(await runner({ def, branch: null, state, seed: 11, count }, () => {}).promise);
}

/** Counts every Worker the page makes, terminates, is sent and hears back, before any script of the page. */
function countWorkers() {
  window.cores = 1;
  Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => window.cores });
  window.workers = { made: 0, stopped: 0, sent: {}, cancelled: [] };
  const Real = window.Worker;
  window.Worker = class extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      window.workers.made++;
      this.addEventListener('message', (e: MessageEvent) => {
        if (e.data?.type === 'cancelled') window.workers.cancelled.push(e.data.played);
      });
    }
    override postMessage(m: any, ...rest: any[]) {
      const sent = window.workers.sent;
      sent[m?.type] = (sent[m?.type] ?? 0) + 1;
      super.postMessage(m, ...(rest as [Transferable[]]));
    }
    override terminate() {
      window.workers.stopped++;
      super.terminate();
    }
  };
}

/** Loads the runners and the scenario into the harness page and builds the helpers. */
const setUpHarness = (page: Page) =>
  page.evaluate(async (scenario) => {
    // Written as text: Vitest rewrites an import() in this file's code for Node, and this runs in the page.
    const load = new Function('url', 'return import(url)') as (url: string) => Promise<any>;
    const engine = await load('/src/engine/index.ts');
    const odds = await load('/src/worker/odds.ts');
    const { inlineOdds } = await load('/src/session/odds.ts');
    const def = await (await fetch(`/scenarios/${scenario}.json`)).json();
    const w = engine.loadWorldFromJson(def, null).value;
    const state = engine.advance(engine.createGame(w, 7), w);
    const inline = inlineOdds((d: unknown, b: string | null) => {
      const c = engine.compileWorld(d, b);
      return c.ok ? c.value : null;
    });
    window.harness = {
      odds,
      def,
      state: JSON.parse(JSON.stringify(state)),
      job: (count, options = {}) => ({
        def: options.def ?? def,
        branch: options.mode === 'branch' ? 'no-such-branch' : null,
        state: options.mode === 'broken' ? { ...state, regions: null } : state,
        seed: options.seed ?? 11,
        count,
      }),
      async run(runner, job, cancelAt) {
        const out: Outcome = { progress: [] };
        const started = runner(job, (done: number, total: number) => {
          out.progress.push([done, total]);
          if (out.progress.length === cancelAt) started.cancel();
        });
        try {
          out.summary = JSON.stringify(await started.promise);
        } catch (err) {
          out.error = (err as Error).message;
        }
        return out;
      },
      inline: async (job) => JSON.stringify(await inline(job, () => {}).promise),
      reset(cores) {
        window.cores = cores;
        window.workers = { made: 0, stopped: 0, sent: {}, cancelled: [] };
      },
      counts: () => JSON.parse(JSON.stringify(window.workers)),
    };
  }, SCENARIO);

describe('odds on a kept pool of Web Workers', { timeout: 300_000 }, () => {
  let browser: Browser;
  let server: ViteDevServer;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await createServer({
      root: ROOT,
      configFile: false,
      logLevel: 'warn',
      cacheDir: path.join(os.tmpdir(), 'iraq-syria-sim-odds-harness'),
      optimizeDeps: { noDiscovery: true, include: [] },
      server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    });
    await server.listen();
    browser = await launch();
    const base = server.resolvedUrls!.local[0]!;
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(countWorkers);
    page = await context.newPage();
    errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()} ${m.location().url}`);
    });
    await page.goto(`${base}tests/support/odds-harness.html`);
    await setUpHarness(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('gives, with 3 workers, the in-process summary byte for byte, with progress over all workers', async () => {
    const { run, inline, workers, state } = await page.evaluate(async () => {
      const h = window.harness;
      h.odds.workerOdds.dispose();
      h.reset(3);
      const job = h.job(20);
      const run = await h.run(h.odds.workerOdds, job);
      return { run, inline: await h.inline(job), workers: h.counts(), state: h.state };
    });
    expect(run.error).toBeUndefined();
    expect(workers.made).toBe(3);
    expect(workers.stopped).toBe(0); // kept for the next run
    expect(run.summary).toBe(inline);
    expect(run.summary).toBe(await inNode(state, 20));
    expect(JSON.parse(run.summary!)).toMatchObject({ playouts: 20, seeds: [11, 30] });
    const done = run.progress.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(run.progress.at(-1)).toEqual([20, 20]);
    expect(run.progress.every(([, total]) => total === 20)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('makes its workers once and sends them the scenario once: the next run reuses both', async () => {
    const out = await page.evaluate(async () => {
      const h = window.harness;
      const pool = h.odds.workerOdds;
      pool.dispose();
      h.reset(3);
      const job = h.job(20);
      const first = await h.run(pool, job);
      const afterFirst = h.counts();
      const second = await h.run(pool, job);
      const afterSecond = h.counts();
      const copy = await h.run(pool, h.job(20, { def: structuredClone(h.def) })); // another scenario object
      const afterCopy = h.counts();
      const size = pool.size();
      pool.dispose();
      const afterDispose = h.counts();
      const again = await h.run(pool, job);
      const afterAgain = h.counts();
      pool.dispose();
      return {
        first,
        second,
        copy,
        again,
        afterFirst,
        afterSecond,
        afterCopy,
        size,
        afterDispose,
        afterAgain,
      };
    });
    expect(out.first.error).toBeUndefined();
    expect(out.afterFirst).toMatchObject({ made: 3, stopped: 0, sent: { scenario: 3, range: 3 } });
    expect(out.second.summary).toBe(out.first.summary);
    expect(out.afterSecond).toMatchObject({ made: 3, stopped: 0, sent: { scenario: 3, range: 6 } });
    expect(out.copy.summary).toBe(out.first.summary);
    expect(out.afterCopy).toMatchObject({ made: 3, stopped: 0, sent: { scenario: 6, range: 9 } });
    expect(out.size).toEqual({ workers: 3, busy: 0 });
    expect(out.afterDispose.stopped).toBe(3); // released; a later run makes new ones
    expect(out.again.summary).toBe(out.first.summary);
    expect(out.afterAgain).toMatchObject({ made: 6, sent: { scenario: 9, range: 12 } });
    expect(errors).toEqual([]);
  });

  it('keeps one worker per core, at most 8, and a run uses no more than its playouts', async () => {
    const out = await page.evaluate(async () => {
      const h = window.harness;
      const pool = h.odds.workerOdds;
      const counted = async (cores: number, counts: number[]) => {
        pool.dispose();
        h.reset(cores);
        const runs: { same: boolean; made: number; ranges: number }[] = [];
        for (const count of counts) {
          const job = h.job(count);
          const sentBefore = window.workers.sent.range ?? 0;
          const run = await h.run(pool, job);
          const ranges = (window.workers.sent.range ?? 0) - sentBefore;
          runs.push({ same: run.summary === (await h.inline(job)), made: window.workers.made, ranges });
        }
        return runs;
      };
      const result = {
        many: await counted(64, [12]),
        few: await counted(8, [3, 12]), // the pool grows when a later run may use more
        none: await counted(0, [5]), // a browser that reports nothing: one worker
      };
      pool.dispose();
      return result;
    });
    expect(out.many).toEqual([{ same: true, made: 8, ranges: 8 }]);
    expect(out.few).toEqual([
      { same: true, made: 3, ranges: 3 },
      { same: true, made: 8, ranges: 8 },
    ]);
    expect(out.none).toEqual([{ same: true, made: 1, ranges: 1 }]);
  });

  it('cancels at once: the workers stop at their next playout and the next run gives the exact summary', async () => {
    const out = await page.evaluate(async () => {
      const h = window.harness;
      const pool = h.odds.workerOdds;
      pool.dispose();
      h.reset(3);
      const cancelled = await h.run(pool, h.job(400), 1); // cancelled at its first progress
      const busy = pool.size().busy; // still stopping: each answers at its next playout (a later task)
      while (pool.size().busy > 0) await new Promise((r) => setTimeout(r, 5));
      // Cancelled as soon as started, and the next run started at once, behind its ranges.
      const abandoned = pool(h.job(400), () => {});
      abandoned.cancel();
      const abandonedError = await abandoned.promise.then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      const job = h.job(20);
      const next = await h.run(pool, job);
      const result = {
        cancelled,
        busy,
        abandonedError,
        next,
        inline: await h.inline(job),
        workers: h.counts(),
      };
      pool.dispose();
      return result;
    });
    expect(out.cancelled.error).toBe('cancelled');
    expect(out.cancelled.progress).toHaveLength(1); // nothing after the cancel
    expect(out.busy).toBe(3); // settled at once, before any worker answered the cancel
    expect(out.abandonedError).toBe('cancelled');
    // Every range in flight was stopped early (each had 133 or 134 playouts to play): 3, then 3 more.
    expect(out.workers.cancelled).toHaveLength(6);
    expect(Math.max(...out.workers.cancelled.slice(0, 3))).toBeLessThan(20);
    // Cancelled before it began: each worker reads the cancel before its first playout, or just after it.
    expect(Math.max(...out.workers.cancelled.slice(3))).toBeLessThanOrEqual(2);
    expect(out.next.error).toBeUndefined();
    expect(out.next.summary).toBe(out.inline);
    expect(out.workers).toMatchObject({ made: 3, stopped: 0 });
    expect(errors).toEqual([]);
  });

  it('rejects with the message of a failing worker, and the next run works', async () => {
    const out = await page.evaluate(async () => {
      const h = window.harness;
      const pool = h.odds.workerOdds;
      pool.dispose();
      h.reset(3);
      const broken = await h.run(pool, h.job(30, { mode: 'broken' }));
      const afterBroken = h.counts();
      const job = h.job(20);
      const next = await h.run(pool, job);
      const branch = await h.run(pool, h.job(30, { mode: 'branch' }));
      const result = {
        broken,
        afterBroken,
        next,
        branch,
        inline: await h.inline(job),
        workers: h.counts(),
      };
      pool.dispose();
      return result;
    });
    expect(out.broken.error).toMatch(/Cannot read properties of null/); // thrown in a worker, passed on as it is
    expect(out.afterBroken).toMatchObject({ made: 3, stopped: 0 }); // the worker caught it: it stays
    expect(out.next.summary).toBe(out.inline);
    expect(out.branch.error).toMatch(/has no branch "no-such-branch"/);
    expect(out.workers).toMatchObject({ made: 3, sent: { range: 6 } }); // the branch is refused on the page
    expect(errors).toEqual([]);
  });

  it('drops a worker that fails outright, rejecting with its error, and replaces it on the next run', async () => {
    const out = await page.evaluate(async () => {
      const h = window.harness;
      h.reset(3);
      const dies = URL.createObjectURL(
        new Blob(['throw new Error("this odds worker cannot start")'], { type: 'text/javascript' }),
      );
      let bad = 1;
      const pool = h.odds.poolOdds(
        () => (bad-- > 0 ? new Worker(dies) : h.odds.spawnOddsWorker()),
        () => window.cores,
      );
      const failed = await h.run(pool, h.job(30));
      const afterFailed = { ...h.counts(), size: pool.size() };
      const job = h.job(20);
      const next = await h.run(pool, job);
      const result = { failed, afterFailed, next, inline: await h.inline(job), workers: h.counts() };
      pool.dispose();
      return result;
    });
    expect(out.failed.error).toMatch(/this odds worker cannot start/);
    expect(out.afterFailed).toMatchObject({ made: 3, stopped: 1, size: { workers: 2 } });
    expect(out.next.summary).toBe(out.inline);
    expect(out.workers).toMatchObject({ made: 4, stopped: 1 });
    expect(errors).toEqual([]);
  });

  it('runs two concurrent runs on the one pool, each with its exact summary, and cancels one of three', async () => {
    const out = await page.evaluate(async () => {
      const h = window.harness;
      const pool = h.odds.workerOdds;
      pool.dispose();
      h.reset(3);
      const one = h.job(20);
      const two = h.job(17, { seed: 40 });
      const [a, b] = await Promise.all([h.run(pool, one), h.run(pool, two)]);
      const [c, cancelled, d] = await Promise.all([
        h.run(pool, two),
        h.run(pool, h.job(400), 1),
        h.run(pool, one),
      ]);
      const result = {
        a,
        b,
        c,
        d,
        cancelled,
        inlineOne: await h.inline(one),
        inlineTwo: await h.inline(two),
        workers: h.counts(),
      };
      pool.dispose();
      return result;
    });
    expect(out.a.summary).toBe(out.inlineOne);
    expect(out.b.summary).toBe(out.inlineTwo);
    expect(out.c.summary).toBe(out.inlineTwo);
    expect(out.d.summary).toBe(out.inlineOne);
    expect(out.inlineOne).not.toBe(out.inlineTwo);
    expect(out.cancelled.error).toBe('cancelled');
    for (const [run, count] of [
      [out.a, 20],
      [out.b, 17],
      [out.c, 17],
      [out.d, 20],
    ] as const) {
      expect(run.progress.at(-1)).toEqual([count, count]); // each run hears only of its own ranges
      expect(run.progress.every(([, total]) => total === count)).toBe(true);
    }
    expect(out.workers).toMatchObject({ made: 3, stopped: 0, sent: { scenario: 3 } });
    expect(errors).toEqual([]);
  });

  it('releases its workers on dispose, failing a run in flight; a later run makes new ones', async () => {
    const out = await page.evaluate(async () => {
      const h = window.harness;
      const pool = h.odds.workerOdds;
      pool.dispose();
      h.reset(2);
      const job = h.job(20);
      const released = h.run(pool, h.job(400), undefined);
      await new Promise((r) => setTimeout(r, 50));
      pool.dispose();
      const afterDispose = { ...h.counts(), size: pool.size() };
      const next = await h.run(pool, job);
      const result = { released: await released, afterDispose, next, inline: await h.inline(job) };
      pool.dispose();
      return { ...result, workers: h.counts() };
    });
    expect(out.released.error).toMatch(/released/);
    expect(out.afterDispose).toMatchObject({ made: 2, stopped: 2, size: { workers: 0, busy: 0 } });
    expect(out.next.summary).toBe(out.inline);
    expect(out.workers).toMatchObject({ made: 4, stopped: 4 });
    expect(errors).toEqual([]);
  });
});
