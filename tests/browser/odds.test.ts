// The page's odds runner in Chromium: a pool of Web Workers, each playing a contiguous range of seeds, merged
// on the page. Its summary is byte for byte the in-process runner's (in the page and in Node) for the same
// job; progress counts every worker; cancelling and a failing worker stop every worker at once. The runners
// are imported into an empty page of a Vite dev server (real module workers, the page's own code, no UI);
// the built page's odds are driven through its panel in history.test.ts.
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

declare global {
  interface Window {
    cores: number; // what navigator.hardwareConcurrency says in the harness
    workers: { made: number; stopped: Set<unknown> }; // every Worker the page made, and those terminated
  }
}

/** A job as the harness page makes it: the scenario after one turn of a game with seed 7. */
interface Run {
  state: GameState | null;
  pool?: string; // JSON of the pool's summary
  inline?: string; // JSON of the in-page in-process summary
  error?: string;
  progress: [number, number][];
  made: number;
  stopped: number;
}

/**
 * Runs in the page: builds the job, runs it with the pool (`cores` workers said to exist) and, unless told
 * otherwise, with the in-process runner; `mode` cancels at the first progress, breaks the state or asks for
 * a branch that does not exist.
 */
const runInPage = (
  page: Page,
  count: number,
  cores: number,
  mode: 'plain' | 'cancel' | 'broken' | 'branch',
) =>
  page.evaluate(
    async ({ scenario, count, cores, mode }) => {
      window.cores = cores;
      window.workers.made = 0;
      window.workers.stopped.clear();
      // Written as text: Vitest rewrites an import() in this file's code for Node, and this runs in the page.
      const load = new Function('url', 'return import(url)') as (url: string) => Promise<any>;
      const engine = await load('/src/engine/index.ts');
      const { workerOdds } = await load('/src/worker/odds.ts');
      const { inlineOdds } = await load('/src/session/odds.ts');
      const def = await (await fetch(`/scenarios/${scenario}.json`)).json();
      const w = engine.loadWorldFromJson(def, null).value;
      const state = engine.advance(engine.createGame(w, 7), w);
      const job = {
        def,
        branch: mode === 'branch' ? 'no-such-branch' : null,
        state: mode === 'broken' ? { ...state, regions: null } : state,
        seed: 11,
        count,
      };
      const out: Record<string, unknown> = { state: JSON.parse(JSON.stringify(state)), progress: [] };
      const progress = out.progress as [number, number][];
      const run = workerOdds(job, (done: number, total: number) => {
        progress.push([done, total]);
        if (mode === 'cancel' && progress.length === 1) {
          run.cancel();
          out.stoppedAtCancel = window.workers.stopped.size;
        }
      });
      try {
        out.pool = JSON.stringify(await run.promise);
      } catch (err) {
        out.error = (err as Error).message;
      }
      out.made = window.workers.made;
      out.stopped = window.workers.stopped.size;
      if (mode === 'plain') {
        const inline = inlineOdds((d: unknown, b: string | null) => {
          const c = engine.compileWorld(d, b);
          return c.ok ? c.value : null;
        });
        out.inline = JSON.stringify(await inline(job, () => {}).promise);
      }
      return out;
    },
    { scenario: SCENARIO, count, cores, mode },
  ) as unknown as Promise<Run & { stoppedAtCancel?: number }>;

/** The in-process summary, computed here in Node, for the job the page made. */
async function inNode(state: GameState, count: number): Promise<string> {
  const def = JSON.parse(readScenarioText(`scenarios/${SCENARIO}.json`));
  const runner = inlineOdds((d, b) => {
    const c = compileWorld(d, b);
    return c.ok ? c.value : null;
  });
  return JSON.stringify(await runner({ def, branch: null, state, seed: 11, count }, () => {}).promise);
}

describe('odds on a pool of Web Workers', { timeout: 300_000 }, () => {
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
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.cores = 1;
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => window.cores });
      const counts = { made: 0, stopped: new Set<unknown>() };
      window.workers = counts;
      const Real = window.Worker;
      window.Worker = class extends Real {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          counts.made++;
        }
        override terminate() {
          counts.stopped.add(this);
          super.terminate();
        }
      };
    });
    page = await context.newPage();
    errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()} ${m.location().url}`);
    });
    await page.goto(`${base}tests/support/odds-harness.html`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('gives, with 3 workers, the in-process summary byte for byte, with progress over all workers', async () => {
    const run = await runInPage(page, 20, 3, 'plain');
    expect(run.error).toBeUndefined();
    expect(run.made).toBe(3);
    expect(run.stopped).toBe(3); // every worker is ended once its range is in
    expect(run.pool).toBe(run.inline);
    expect(run.pool).toBe(await inNode(run.state!, 20));
    expect(JSON.parse(run.pool!)).toMatchObject({ playouts: 20, seeds: [11, 30] });
    const done = run.progress.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(run.progress.at(-1)).toEqual([20, 20]);
    expect(run.progress.every(([, total]) => total === 20)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('starts one worker per core, at most 8, never more than the playouts, with the same summary', async () => {
    const many = await runInPage(page, 12, 64, 'plain');
    expect(many.made).toBe(8);
    expect(many.pool).toBe(many.inline);
    const few = await runInPage(page, 3, 8, 'plain');
    expect(few.made).toBe(3);
    expect(few.pool).toBe(few.inline);
    const one = await runInPage(page, 5, 0, 'plain'); // a browser that reports nothing: one worker
    expect(one.made).toBe(1);
    expect(one.pool).toBe(one.inline);
  });

  it('cancels by terminating every worker at once, rejecting with "cancelled"', async () => {
    const run = await runInPage(page, 400, 3, 'cancel');
    expect(run.error).toBe('cancelled');
    expect(run.made).toBe(3);
    expect(run.stoppedAtCancel).toBe(3);
    expect(run.progress).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('rejects with the message of a failing worker and terminates the others', async () => {
    const broken = await runInPage(page, 30, 3, 'broken');
    expect(broken.error).toMatch(/Cannot read properties of null/); // thrown in a worker, passed on as it is
    expect(broken.made).toBe(3);
    expect(broken.stopped).toBe(3);
    const branch = await runInPage(page, 30, 3, 'branch');
    expect(branch.error).toMatch(/has no branch "no-such-branch"/);
    expect(branch.made).toBe(0); // refused on the page, before any worker
    expect(errors).toEqual([]);
  });
});
