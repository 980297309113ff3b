// `npm run measure:odds [-- <playouts> <runs>]`: measures (does not assert) how long the page's Odds take in
// headless Chromium: builds the site, serves it with vite's preview server, starts a game of mosul-2016, opens
// the Odds of its first node and times each run from the click on "Run" to the result (default 100 playouts,
// 5 runs), with the number of workers the page made during each run. The page keeps its workers, so the first
// run (workers made, their module loaded and JIT cold, the scenario sent and compiled) is reported apart from
// the warm runs after it (the same workers and worlds). DESIGN.md's target for 100 playouts: ≤ 1 s. Each run's
// CPU time (from /proc: the workers', the page's main thread's, the rest of the browser's) and the load
// average are printed too: on a shared machine other work stretches the wall time, much less the CPU time.
import fs from 'node:fs';
import os from 'node:os';
import { launchChromium } from './chromium';
import { serveBuiltSite } from './site';

/** CPU time (ms) of a /proc stat line: utime + stime, in clock ticks (USER_HZ, 100 on Linux). */
const cpuOf = (stat: string) => {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after the command's name
  return { parent: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * 10 };
};

/** What the browser's processes have used so far: each renderer's total and its threads, by name. */
interface CpuSample {
  renderers: Map<number, number>; // pid → CPU of the whole process, threads that ended included
  threads: Map<string, { name: string; ms: number; main: boolean }>; // "pid/tid" of renderer threads
  others: number; // every other process of the browser (its own, the GPU process…)
  byType: Map<string, number>; // those by their --type (gpu-process, utility…; "browser" for the browser's own)
}

/**
 * Reads /proc for this process's descendants (the browser). On a shared machine a run's wall time depends on
 * the other work; CPU time much less, and it tells the workers' playouts (a renderer's time outside the
 * threads that outlive the run, i.e. its workers, even those terminated) from the page's own main thread (the
 * map's frames). Null where /proc cannot be read.
 */
function sampleCpu(): CpuSample | null {
  try {
    const procs = new Map<number, { parent: number; ms: number; renderer: boolean; type: string }>();
    for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      try {
        const { parent, ms } = cpuOf(fs.readFileSync(`/proc/${entry}/stat`, 'utf8'));
        const type =
          /--type=([\w-]+)/.exec(fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8'))?.[1] ?? 'browser';
        procs.set(Number(entry), { parent, ms, renderer: type === 'renderer', type });
      } catch {
        // a process that ended while it was read
      }
    }
    const mine = (pid: number) => {
      for (let p = procs.get(pid)?.parent; p !== undefined && p > 1; p = procs.get(p)?.parent)
        if (p === process.pid) return true;
      return false;
    };
    const sample: CpuSample = { renderers: new Map(), threads: new Map(), others: 0, byType: new Map() };
    for (const [pid, p] of procs) {
      if (!mine(pid)) continue;
      if (!p.renderer) {
        sample.others += p.ms;
        sample.byType.set(p.type, (sample.byType.get(p.type) ?? 0) + p.ms);
        continue;
      }
      sample.renderers.set(pid, p.ms);
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        try {
          const name = fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
          const { ms } = cpuOf(fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
          sample.threads.set(`${pid}/${tid}`, { name, ms, main: tid === String(pid) });
        } catch {
          // a thread that ended while it was read
        }
      }
    }
    return sample;
  } catch {
    return null;
  }
}

/** Between two samples: the workers' CPU, the page's main thread's, and the rest of the browser's. */
function cpuBetween(
  a: CpuSample,
  b: CpuSample,
): { workers: number; main: number; rest: number; types: string } {
  let renderers = 0;
  for (const [pid, ms] of b.renderers) renderers += ms - (a.renderers.get(pid) ?? 0);
  let kept = 0; // renderer threads alive at both samples and not workers: main thread, compositor…
  let main = 0;
  for (const [id, t] of b.threads) {
    const before = a.threads.get(id);
    if (!before || t.name.startsWith('DedicatedWorker')) continue;
    kept += t.ms - before.ms;
    if (t.main) main += t.ms - before.ms;
  }
  const types = [...b.byType]
    .map(([type, ms]) => [type, ms - (a.byType.get(type) ?? 0)] as const)
    .filter(([, ms]) => ms > 0)
    .map(([type, ms]) => `${type} ${ms}`)
    .join(', ');
  return { workers: renderers - kept, main, rest: b.others - a.others + kept - main, types };
}

const playouts = Number(process.argv[2] ?? '100');
const runs = Number(process.argv[3] ?? '5');

const site = await serveBuiltSite('odds-site');
const url = site.url;
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  let workers = 0;
  page.on('worker', () => workers++);
  await page.goto(`${url}?scenario=mosul-2016&seed=1`);
  await page.waitForFunction(() => window.simulation?.ready === true, null, { timeout: 60_000 });
  const start = page.locator('[data-testid=start-game]');
  if (await start.isVisible()) await start.click();
  if (!(await page.locator('[data-testid=tree-panel]').isVisible())) await page.locator('body').press('t');
  const times: number[] = [];
  const cpu: (ReturnType<typeof cpuBetween> | null)[] = [];
  const used: number[] = [];
  // What the page burns with no run (the map's frames), for scale: the runs' main-thread time includes it.
  const idle0 = sampleCpu();
  await new Promise((r) => setTimeout(r, 2000));
  const idle1 = sampleCpu();
  const idle = idle0 && idle1 ? cpuBetween(idle0, idle1) : null;
  await page.locator('[data-testid=node-odds]').first().click();
  await page.fill('[data-testid=odds-count]', String(playouts));
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() =>
      document.querySelectorAll('[data-testid=odds-result]').forEach((e) => e.setAttribute('data-seen', '')),
    );
    workers = 0;
    const t0 = Date.now();
    const c0 = sampleCpu();
    await page.click('[data-testid=odds-run]');
    await page.waitForSelector('[data-testid=odds-result]:not([data-seen])', { timeout: 120_000 });
    times.push(Date.now() - t0);
    const c1 = sampleCpu();
    cpu.push(c0 && c1 ? cpuBetween(c0, c1) : null); // one entry per run, null where /proc could not be read
    used.push(workers);
  }
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const [first, ...warm] = times;
  const cpuNote = (i: number) => {
    const c = cpu[i];
    return c
      ? ` (CPU: workers ${c.workers} ms, page main thread ${c.main} ms, rest of the browser ${c.rest} ms: ${c.types || 'renderer threads'})`
      : '';
  };
  const idleNote = idle
    ? `with no run the page's main thread uses ${idle.main / 2} ms/s, the rest of the browser ${idle.rest / 2} ms/s (over 2 s: ${idle.types})`
    : 'no CPU figures (/proc unreadable)';
  process.stdout.write(
    `${playouts} playouts in the page (mosul-2016, from the first node), ${runs} runs, hardwareConcurrency ${cores}, ` +
      `workers made per run ${used.join(', ')}, load average ${os.loadavg()[0]!.toFixed(2)}; ${idleNote}\n` +
      times.map((t, i) => `  run ${i + 1}: ${t} ms${cpuNote(i)}\n`).join('') +
      `  first run ${first} ms; warm runs ${warm.length ? `median ${median(warm)} ms, best ${Math.min(...warm)} ms` : 'none'} ` +
      `(target ≤ 1,000 ms)\n`,
  );
} finally {
  await browser.close();
  await site.close();
}
