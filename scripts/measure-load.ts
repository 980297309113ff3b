// `npm run measure:load`: measures (does not assert) the page budgets of DESIGN.md §7 in headless Chromium:
// cold load to `window.simulation.ready` against a bare Phaser page built the same way, the JavaScript shipped
// beyond Phaser, and the map data, all gzipped. Builds both pages, serves them on loopback, prints a table.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
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

async function main() {
  await build({ root, logLevel: 'warn' });
  const bareDir = await buildBare();
  const game = await serve(path.join(root, 'dist'));
  const bare = await serve(bareDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const time = async (url: string, ready: string) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } }); // a cold cache each run
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(ready, null, { timeout: 60_000 });
    const ms = await page.evaluate(() => performance.getEntriesByName('sim-ready')[0]!.startTime);
    await context.close();
    return ms;
  };
  const gameTimes: number[] = [];
  const bareTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    bareTimes.push(await time(bare.url, 'window.ready === true'));
    gameTimes.push(await time(game.url, 'window.simulation?.ready === true'));
  }
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
    `JavaScript, gzip -9: Phaser ${kb(sum(phaser))}; beyond Phaser ${kb(sum(rest))} in ${rest.length} files (budget ≤ 150 KB)`,
    `map data, gzip -9: ${kb(map.reduce((n, f) => n + gz(path.join(assets, f)), 0))} (budget ≤ 60 KB)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
