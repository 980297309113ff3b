// `npm run measure:turn [-- <turns>]`: measures (does not assert) how long an interactive turn takes in the page,
// in headless Chromium: builds the site, serves it, starts mosul-2016 with the computer choosing greedily and
// then with it looking ahead (the briefing's choice), and times window.simulation.endTurn() in the page —
// the AI's planning, the resolution and the panels' updates, on the page's main thread — for every turn of
// the game. It is the synchronous part of a turn; the next frame's style, layout and paint come after it (a
// focused control in a redrawn panel brings some of that layout forward: ~16 ms here). The budget for a turn
// with the look-ahead AI (README, Budgets): under 100 ms.
import { launchChromium } from './chromium';
import { serveBuiltSite } from './site';

const site = await serveBuiltSite('turn-site');
const url = site.url;
const browser = await launchChromium();

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

try {
  for (const ahead of [false, true]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${url}?scenario=mosul-2016&seed=1`);
    await page.waitForFunction(() => window.simulation?.ready === true, null, { timeout: 60_000 });
    if (ahead) await page.locator('[data-testid=lookahead]').check();
    await page.locator('[data-testid=start-game]').click();
    const times = await page.evaluate(() => {
      const out: number[] = [];
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        const r = window.simulation.endTurn();
        out.push(performance.now() - t0);
        if (!r.ok || r.over) break;
      }
      return out;
    });
    const rest = times.slice(1); // the first turn also warms the code up
    process.stdout.write(
      `${ahead ? 'look-ahead AI' : 'greedy AI    '}: ${times.length} turns of mosul-2016 in the page, endTurn() ` +
        `first ${times[0]!.toFixed(0)} ms, then p50 ${pct(rest, 50).toFixed(1)} ms, max ${Math.max(...rest).toFixed(1)} ms` +
        `${ahead ? ' (budget < 100 ms)' : ''}\n`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
