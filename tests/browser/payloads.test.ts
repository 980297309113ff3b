// HTML and script payloads in every text field a scenario or a replay carries (issue 12): the page shows them
// literally and never runs them. Each payload would set a sentinel on `window` if it ran, or create an element
// the page never makes; a scenario with a payload in each of its texts is opened from a file, played, and shown
// on every screen; a replay with a payload in each turn's name and comment is imported and every turn shown.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, openPage, waitReady } from '../support/browser';
import { ROOT, valleysJson } from '../support/worlds';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<svg onload="window.__pwned=3"></svg>',
  '<iframe src="javascript:window.parent.__pwned=4"></iframe>',
  '"><img src=x onerror=window.__pwned=5>',
  "'><body onload=window.__pwned=6>",
  '<a href="javascript:window.__pwned=7" id="pwned-link">click</a>',
  '<details open ontoggle="window.__pwned=8">',
  '<math><mtext><img src=x onerror=window.__pwned=9></mtext></math>',
  '${window.__pwned=10}',
  '{{constructor.constructor("window.__pwned=11")()}}',
  '<style>*{display:none}</style><b id="pwned-bold">12</b>',
];

/** Appends a payload (in turn) to every prose field: titles, names, texts, summaries, situations, outlets. */
function withPayloads(json: unknown): unknown {
  const prose = new Set(['title', 'summary', 'name', 'text', 'situation', 'outlet', 'refusal', 'questions']);
  let k = 0;
  const walk = (x: unknown, key?: string): unknown => {
    if (Array.isArray(x)) return x.map((v) => walk(v, key));
    if (x && typeof x === 'object')
      return Object.fromEntries(Object.entries(x).map(([kk, v]) => [kk, walk(v, kk)]));
    if (typeof x === 'string' && key && prose.has(key)) return `${x} ${PAYLOADS[k++ % PAYLOADS.length]}`;
    return x;
  };
  return walk(json);
}

describe('payloads in the texts of a scenario and a replay', { timeout: 300_000 }, () => {
  let browser: Browser;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payloads-'));
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows every payload literally and runs none, on every screen', async () => {
    const scenario = withPayloads({ ...valleysJson(), id: 'payload-valleys' }) as Record<string, unknown>;
    const file = path.join(dir, 'payload-valleys.json');
    fs.writeFileSync(file, JSON.stringify(scenario));
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await waitReady(page);
    await page.setInputFiles('[data-testid=open-scenario-file]', file);
    await expect.poll(() => page.locator('[data-testid=briefing]').textContent()).toContain(PAYLOADS[0]!);
    await page.click('[data-testid=open-lesson]');
    await page.locator('[data-testid=lesson]').waitFor();
    await page.click('[data-testid=lesson-close]');
    await page.click('[data-testid=start-game]');
    await page.waitForSelector('[data-testid=start-game]', { state: 'hidden' });
    for (let t = 0; t < 3; t++) await page.evaluate(() => window.simulation.endTurn());
    for (const tab of ['report', 'log', 'relations', 'scores', 'history'])
      await page.click(`[data-testid=tab-${tab}]`);
    await page.locator('[data-testid=tab-report]').click();
    await page.click('[data-testid=open-facilitator]');
    await page.click('[data-testid=facilitator-close]');
    await page.evaluate(() => {
      while (!window.simulation.state()!.over) window.simulation.endTurn();
    });
    await page.locator('[data-testid=game-summary]').waitFor();

    const seen = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      planted: document.querySelectorAll(
        '#ui img[src="x"], #ui script, #ui iframe, #ui svg[onload], #ui [onerror], #ui [onload], #ui [ontoggle], #pwned-link, #pwned-bold, #ui style',
      ).length,
      text: document.getElementById('ui')!.textContent ?? '',
    }));
    expect(seen.pwned).toBeNull();
    expect(seen.planted).toBe(0);
    // Shown as text: the payloads of the scenario's texts are in the page's words, literally.
    const shown = PAYLOADS.filter((p) => seen.text.includes(p));
    expect(shown.length).toBeGreaterThanOrEqual(8);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the names and comments of a replay’s turns literally and runs none', async () => {
    const scenario = JSON.parse(fs.readFileSync(path.join(ROOT, 'scenarios/mosul-2016.json'), 'utf8'));
    // A line of six turns, each named and commented with a payload (twelve in all).
    let node: Record<string, unknown> | null = null;
    for (let t = 5; t >= 0; t--)
      node = {
        orders: [],
        held: ['TUR'],
        name: `turn ${t} ${PAYLOADS[2 * t]}`,
        comment: `note ${t} ${PAYLOADS[2 * t + 1]}`,
        children: node ? [node] : [],
      };
    const replay = {
      format: 'iraq-syria-sim/replay',
      version: 1,
      scenario: { id: scenario.id, version: scenario.version },
      branch: null,
      seed: 7,
      root: node,
    };
    const file = path.join(dir, 'payload-replay.json');
    fs.writeFileSync(file, JSON.stringify(replay));
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await waitReady(page);
    await page.locator('[data-testid=start-game]').click();
    await page.locator('body').focus();
    await page.keyboard.press('t'); // the tree holds the replay files
    await page.setInputFiles('[data-testid=import-replay]', file);
    await expect.poll(() => page.evaluate(() => window.simulation.state()?.turn)).toBe(5);
    await page.click('[data-testid=tab-history]');
    let text = '';
    for (let t = 0; t < 6; t++) {
      text += (await page.locator('#ui').textContent()) ?? '';
      await page.locator('body').focus();
      await page.keyboard.press('ArrowLeft');
    }
    await page.locator('body').focus();
    await page.keyboard.press('t');
    await page.locator('[data-testid=tree-panel]').waitFor();
    await page.waitForTimeout(300);
    // Each turn picked in the tree shows its comment.
    for (let i = 0; i < 6; i++) {
      await page.locator('[data-testid=tree-node]').nth(i).click();
      await page.waitForTimeout(200);
      text += (await page.locator('#ui').textContent()) ?? '';
    }
    const seen = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      planted: document.querySelectorAll(
        '#ui img[src="x"], #ui script, #ui iframe, #ui svg[onload], #ui [onerror], #ui [onload], #ui [ontoggle], #pwned-link, #pwned-bold, #ui style',
      ).length,
    }));
    expect(seen.pwned).toBeNull();
    expect(seen.planted).toBe(0);
    // Every turn's name and comment is shown, as text.
    for (let t = 0; t < 6; t++) {
      expect(text).toContain(`turn ${t} ${PAYLOADS[2 * t]}`);
      expect(text).toContain(`note ${t} ${PAYLOADS[2 * t + 1]}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
