// A scenario author opens a new scenario file in the page: through the picker's file input it is checked,
// previewed and started with no rebuild; a turn is played with the visible button; a reload restores it from
// the autosave; a broken file is refused with the validator's message and the game goes on; a file dropped on
// the page opens too; text from the file is shown literally, never run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseScenario } from '../../src/engine/index';
import { launch, openPage, screenshot, startHolding, waitReady } from '../support/browser';
import { brokenScenario, CUSTOM_ID, CUSTOM_TITLE, customScenario, HOSTILE_TEXT } from '../support/authoring';
import { docsExample } from '../support/docsExample';

const stateOf = (page: Page) => page.evaluate(() => JSON.stringify(window.simulation.state()));
const turnOf = (page: Page) => page.evaluate(() => window.simulation.state()!.turn);
const errorText = (page: Page) => page.locator('[data-testid=load-error]').textContent();
const pwned = (page: Page) => page.evaluate(() => (window as { __pwned?: unknown }).__pwned);

describe('a scenario author opens a scenario file in the page', { timeout: 300_000 }, () => {
  let browser: Browser;
  let dir: string;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  beforeAll(async () => {
    browser = await launch();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'authoring-'));
  });
  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens, previews, plays and restores a new scenario; refuses a broken one and keeps the game', async () => {
    const json = customScenario({
      flags: { ...(customScenario().flags as object), neverRead: 0 }, // legal, but the validator warns
      summary: HOSTILE_TEXT,
      briefing: { ...(customScenario().briefing as object), situation: [`Before ${HOSTILE_TEXT} after.`] },
    });
    const good = write('five-lakes.json', JSON.stringify(json, null, 2));
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await waitReady(page);
    const shipped = await stateOf(page);

    // Open it through the picker's file input: previewed like a shipped scenario, nothing played yet.
    await page.setInputFiles('[data-testid=open-scenario-file]', good);
    const dialog = page.locator('[data-testid=briefing]');
    await expect.poll(() => dialog.locator('[data-testid=briefing-title]').textContent()).toBe(CUSTOM_TITLE);
    expect(await dialog.locator('[data-testid=scenario-select] option:checked').textContent()).toBe(
      `${CUSTOM_TITLE} (from file)`,
    );
    await expect
      .poll(() => dialog.locator('[data-testid=scenario-file-note]').textContent())
      .toMatch(/carry the scenario.*a link to its start is [\d,]+ characters long/);
    // The validator's warnings are shown too (they do not stop the file from opening).
    expect(await dialog.locator('[data-testid=scenario-file-warnings]').textContent()).toMatch(
      /1 warning from the validator[\s\S]*neverRead/,
    );
    expect(
      await dialog.locator('[data-testid=held-actor]').evaluateAll((l) => l.map((e) => e.dataset.actor)),
    ).toEqual(['RED', 'BLUE']);
    expect(await dialog.locator('[data-testid=branch-select] option').allTextContents()).toContain(
      'Red and Blue are friends',
    );
    // Text from the file is text: shown literally, no element made, no script run.
    expect(await dialog.locator('.summary').textContent()).toBe(HOSTILE_TEXT);
    expect(await dialog.locator('section p').allTextContents()).toContain(`Before ${HOSTILE_TEXT} after.`);
    expect(await page.locator('img').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    expect(await stateOf(page)).toBe(shipped);
    await screenshot(page, 'authoring-01-picker-file-opened');

    // Start it and end a turn with the visible button.
    await startHolding(page, ['RED']);
    expect(await page.evaluate(() => window.simulation.state()!.scenario)).toBe(CUSTOM_ID);
    await page.click('[data-testid=end-turn]');
    await expect.poll(() => turnOf(page), { timeout: 30_000 }).toBe(1);
    const played = await stateOf(page);
    expect(JSON.parse(played)).toMatchObject({ scenario: CUSTOM_ID, turn: 1 });
    await screenshot(page, 'authoring-02-played');

    // A reload restores it from the autosave, which carried the scenario: same state, nothing fetched.
    await page.reload();
    await waitReady(page);
    expect(await stateOf(page)).toBe(played);
    expect(await page.evaluate(() => window.simulation.scenarios())).toContain(CUSTOM_ID);
    expect(await page.locator('[data-testid=briefing-title]').textContent()).toBe(CUSTOM_TITLE);
    await expect
      .poll(() => page.locator('[data-testid=scenario-file-note]').textContent())
      .toMatch(/a link to its start is/);

    // A broken file: refused in the picker with the CLI's own message (the path named), the game kept.
    const broken: [string, string, RegExp][] = [
      ['broken.json', JSON.stringify(brokenScenario()), /broken\.json: turnDays: /],
      ['cut.json', '{ "id": "five-lakes", "ver', /cut\.json: .*JSON/],
    ];
    for (const [name, text, names] of broken) {
      const cli = parseScenario(text, name);
      expect(cli.ok).toBe(false);
      await page.setInputFiles('[data-testid=open-scenario-file]', write(name, text));
      await expect.poll(() => errorText(page)).toMatch(names);
      expect(await errorText(page)).toContain(cli.ok ? 'the CLI refuses it' : cli.error);
      expect(await errorText(page)).toMatch(
        /^The scenario file was not opened\..*The game in progress is kept\.$/s,
      );
    }
    await screenshot(page, 'authoring-03-broken-file');
    expect(await page.locator('[data-testid=briefing-title]').textContent()).toBe(CUSTOM_TITLE);
    await page.click('[data-testid=start-game]'); // "Continue": the game shown is the one in progress
    await page.waitForSelector('[data-testid=start-game]', { state: 'hidden' });
    expect(await stateOf(page)).toBe(played);

    // A file dropped on the page (the dialog closed) opens the picker with it; the game still goes on.
    const draft = JSON.stringify(customScenario({ title: 'Five Lakes, second draft' }));
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'five-lakes-2.json', { type: 'application/json' }));
      document.body.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }, draft);
    await expect
      .poll(() => page.locator('[data-testid=briefing-title]').textContent())
      .toBe('Five Lakes, second draft');
    await page.click('[data-testid=briefing-close]');
    expect(await stateOf(page)).toBe(played);

    // The briefing shows the new draft when it is chosen again, and Start plays that draft (the first game,
    // of the earlier draft, goes to the kept list).
    await page.click('[data-testid=open-briefing]');
    expect(await page.locator('[data-testid=briefing-title]').textContent()).toBe(CUSTOM_TITLE);
    await page.selectOption('[data-testid=scenario-select]', 'mosul-2016');
    await page.selectOption('[data-testid=scenario-select]', CUSTOM_ID);
    await expect
      .poll(() => page.locator('[data-testid=briefing-title]').textContent())
      .toBe('Five Lakes, second draft');
    await startHolding(page, ['BLUE']);
    expect(await page.locator('[data-testid=topbar]').textContent()).toContain('Five Lakes, second draft');
    expect(JSON.parse(await stateOf(page))).toMatchObject({ scenario: CUSTOM_ID, turn: 0 });
    await page.click('[data-testid=new-game]');
    expect(await page.locator('[data-testid=kept-game]').allTextContents()).toEqual([
      expect.stringMatching(/^Five Lakes \(an author’s new scenario\), turn 1 — kept/),
    ]);
    expect(await pwned(page)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("plays the author's guide example, copied as it is, through the picker and the End turn button", async () => {
    const file = write('two-rivers.json', docsExample());
    const { page, errors } = await openPage(browser, inject('baseUrl'));
    await waitReady(page);
    await page.setInputFiles('[data-testid=open-scenario-file]', file);
    const dialog = page.locator('[data-testid=briefing]');
    await expect.poll(() => dialog.locator('[data-testid=briefing-title]').textContent()).toBe('Two Rivers');
    await startHolding(page, ['NORTH']);
    await page.click('[data-testid=end-turn]');
    await expect.poll(() => turnOf(page), { timeout: 30_000 }).toBe(1);
    expect(await page.evaluate(() => window.simulation.state()!.scenario)).toBe('two-rivers');
    await screenshot(page, 'authoring-04-docs-example');
    expect(errors).toEqual([]);
    await page.close();
  });
});
