// `npm run measure:odds [-- <playouts> <runs>]`: measures (does not assert) how long the page's Odds take in
// headless Chromium: builds the site, serves it with vite's preview server, starts a game of mosul-2016, opens
// the Odds of its first node and times each run from the click on "Run" to the result (default 100 playouts,
// 5 runs), with the number of workers the page used. DESIGN.md's target for 100 playouts: ≤ 1 s.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium';
import { build, preview } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const playouts = Number(process.argv[2] ?? '100');
const runs = Number(process.argv[3] ?? '5');

// Built apart from dist/ (which the browser tests serve).
const outDir = path.join(root, 'node_modules', '.cache', 'odds-site');
await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({
  root,
  build: { outDir },
  preview: { port: 0, host: '127.0.0.1' },
  logLevel: 'warn',
});
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('the preview server did not report its address');
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
  const used: number[] = [];
  await page.locator('[data-testid=node-odds]').first().click();
  await page.fill('[data-testid=odds-count]', String(playouts));
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() =>
      document.querySelectorAll('[data-testid=odds-result]').forEach((e) => e.setAttribute('data-seen', '')),
    );
    workers = 0;
    const t0 = Date.now();
    await page.click('[data-testid=odds-run]');
    await page.waitForSelector('[data-testid=odds-result]:not([data-seen])', { timeout: 120_000 });
    times.push(Date.now() - t0);
    used.push(workers);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  process.stdout.write(
    `${playouts} playouts in the page (mosul-2016, from the first node), ${runs} runs, hardwareConcurrency ${cores}, ` +
      `workers per run ${used.join(', ')}: ${times.map((t) => `${t} ms`).join(', ')}; ` +
      `median ${sorted[Math.floor(sorted.length / 2)]} ms (target ≤ 1,000 ms)\n`,
  );
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
