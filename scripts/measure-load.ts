// `npm run measure:load`: measures (does not assert) the page budgets of DESIGN.md §7 in headless Chromium:
// cold load to `window.simulation.ready` against a bare Phaser page built the same way, the JavaScript shipped
// beyond Phaser, and the map data, all gzipped. Builds both pages, serves them on loopback, prints a table.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { launchChromium } from './chromium';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? '7');
const work = path.join(root, 'node_modules', '.cache', 'bare-phaser');

async function buildBare(): Promise<string> {
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(
    path.join(work, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="./main.js"></script></body></html>',
  );
  fs.writeFileSync(
    path.join(work, 'main.js'),
    `import * as Phaser from 'phaser';
class Bare extends Phaser.Scene { create() { this.add.rectangle(640, 360, 200, 100, 0x3366cc); performance.mark('sim-ready'); window.ready = true; } }
new Phaser.Game({ type: Phaser.AUTO, width: 1280, height: 720, scene: Bare });`,
  );
  await build({
    root: work,
    base: './',
    logLevel: 'warn',
    build: { outDir: path.join(work, 'dist'), emptyOutDir: true },
  });
  return path.join(work, 'dist');
}

function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.json': 'application/json',
    '.css': 'text/css',
    '.wav': 'audio/wav',
    '.ogg': 'audio/ogg',
  };
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const target = file.endsWith('/') ? path.join(file, 'index.html') : file;
    if (!target.startsWith(dir) || !fs.existsSync(target)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(target)] ?? 'application/octet-stream' });
    fs.createReadStream(target).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Run {
  ms: number; // sim-ready
  marks: [string, number][]; // the page's `load:*` marks before ready, in order
  files: [string, number, number][]; // name without its hash, start, end
  scripts: number; // ms evaluating scripts (long-animation-frame entries)
}

/** The median time of each mark (in the order of the median run), with the step from the one before. */
function breakdown(runs: Run[]): string[] {
  const names = [...new Set(runs.flatMap((r) => r.marks.map(([n]) => n)))];
  const at = (name: string) =>
    median(runs.map((r) => r.marks.find(([n]) => n === name)?.[1] ?? NaN).filter(Number.isFinite));
  const rows = names.map((n) => [n, at(n)] as [string, number]).sort((a, b) => a[1] - b[1]);
  rows.push(['ready', median(runs.map((r) => r.ms))]);
  let last = 0;
  const out = rows.map(([n, t]) => {
    const line = `    ${n.padEnd(20)} ${t.toFixed(0).padStart(6)} ms  (+${(t - last).toFixed(0)})`;
    last = t;
    return line;
  });
  const files = [...new Set(runs.flatMap((r) => r.files.map(([n]) => n)))].map((n) => {
    const of = runs.map((r) => r.files.find(([f]) => f === n)).filter((f) => f !== undefined);
    return `    ${n.padEnd(28)} requested ${median(of.map((f) => f[1]))
      .toFixed(0)
      .padStart(5)} ms, arrived ${median(of.map((f) => f[2]))
      .toFixed(0)
      .padStart(5)} ms`;
  });
  return [
    ...out,
    '  files (median):',
    ...files,
    `  script evaluation (median): ${median(runs.map((r) => r.scripts)).toFixed(0)} ms`,
  ];
}

async function main() {
  const loadBefore = os.loadavg()[0]!;
  await build({ root, logLevel: 'warn' });
  const bareDir = await buildBare();
  const game = await serve(path.join(root, 'dist'));
  const bare = await serve(bareDir);
  const browser = await launchChromium();
  // One cold load: the time to ready, and (for the breakdown) every `load:*` mark the page sets before it,
  // when each fetched file arrived, and how long the browser spent evaluating each script.
  const time = async (url: string, ready: string): Promise<Run> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } }); // a cold cache each run
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(ready, null, { timeout: 60_000 });
    const run = await page.evaluate(() => {
      const ms = performance.getEntriesByName('sim-ready')[0]!.startTime;
      const seen = new Map<string, number>();
      const marks: [string, number][] = [];
      for (const m of performance.getEntriesByType('mark')) {
        if (!m.name.startsWith('load:') || m.startTime > ms) continue;
        const n = (seen.get(m.name) ?? 0) + 1;
        seen.set(m.name, n);
        marks.push([`${m.name.slice(5)}${n > 1 ? ` #${n}` : ''}`, m.startTime]);
      }
      const files: [string, number, number][] = (
        performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      ).map((r) => [
        new URL(r.name).pathname.replace(/^.*\//, '').replace(/-[\w-]{8}\./, '.'),
        r.startTime,
        r.responseEnd,
      ]);
      // Script evaluation, from the long-animation-frame entries Chromium keeps.
      let scripts = 0;
      for (const f of performance.getEntriesByType('long-animation-frame') as (PerformanceEntry & {
        scripts?: { duration: number; startTime: number; invokerType: string }[];
      })[])
        for (const s of f.scripts ?? [])
          if (s.invokerType === 'module-script' || s.invokerType === 'classic-script') scripts += s.duration;
      return { ms, marks, files, scripts };
    });
    await context.close();
    return run;
  };
  const gameRuns: Run[] = [];
  const bareRuns: Run[] = [];
  for (let i = 0; i < runs; i++) {
    bareRuns.push(await time(bare.url, 'window.ready === true'));
    gameRuns.push(await time(game.url, 'window.simulation?.ready === true'));
  }
  const gameTimes = gameRuns.map((r) => r.ms);
  const bareTimes = bareRuns.map((r) => r.ms);
  // Each game run follows its bare run: the ratio of a pair is less affected by the machine's other work.
  const ratios = gameTimes.map((t, i) => t / bareTimes[i]!);
  await browser.close();
  game.close();
  bare.close();
  const assets = path.join(root, 'dist', 'assets');
  const js = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  const phaser = js.filter((f) => f.startsWith('phaser'));
  const rest = js.filter((f) => !f.startsWith('phaser'));
  const sum = (files: string[]) => files.reduce((n, f) => n + gz(path.join(assets, f)), 0);
  const map = fs.readdirSync(assets).filter((f) => f.startsWith('map') && f.endsWith('.json'));
  const lines = [
    `cold load to ready, headless Chromium (SwiftShader), ${runs} runs, median [min–max]:`,
    `  the game:        ${median(gameTimes).toFixed(0)} ms [${Math.min(...gameTimes).toFixed(0)}–${Math.max(...gameTimes).toFixed(0)}] (budget ≤ 1500 ms)`,
    `  bare Phaser page: ${median(bareTimes).toFixed(0)} ms [${Math.min(...bareTimes).toFixed(0)}–${Math.max(...bareTimes).toFixed(0)}]`,
    `  game / bare: ${(median(gameTimes) / median(bareTimes)).toFixed(2)}× (medians); median of the ${runs} paired runs ${median(ratios).toFixed(2)}× [${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}]`,
    `  (load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after: other work on the machine slows both pages)`,
    `JavaScript, gzip -9: Phaser ${kb(sum(phaser))}; beyond Phaser ${kb(sum(rest))} in ${rest.length} files (budget ≤ 150 KB)`,
    `map data, gzip -9: ${kb(map.reduce((n, f) => n + gz(path.join(assets, f)), 0))} (budget ≤ 60 KB)`,
  ];
  lines.push(
    'the game, step by step (median of the runs; the marks are set by src/main.ts and src/scenes/):',
    ...breakdown(gameRuns),
    'bare Phaser page:',
    ...breakdown(bareRuns),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
