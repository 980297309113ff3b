// @vitest-environment happy-dom
// The odds panel over real sessions (playouts run in process here, in a worker in the page): a run shows its
// progress and then a result with the number of playouts and the plots; two runs share the plots; Cancel stops
// quietly; a node where the game is over is refused with the reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOdds, readCount } from '../../src/ui/odds';
import { valleysJson } from '../support/worlds';
import type { TestDocument, TestElement } from './testDom';
import { installTestDom, clearTestDom } from './testDom';
import { byTestId, makeUi, mosulJson, settle } from './support';

let doc: TestDocument;
beforeEach(() => {
  doc = installTestDom();
});
afterEach(() => clearTestDom());

function opened(json: Record<string, any> = valleysJson()) {
  const made = makeUi(json);
  const odds = createOdds(made.ui);
  const dialog = odds.dialog as unknown as TestElement;
  doc.body.appendChild(dialog);
  return { ...made, odds, dialog };
}

/** Waits (yielding to the playouts) until the selector shows up in the dialog. */
async function until(dialog: TestElement, id: string, rounds = 400): Promise<TestElement> {
  for (let i = 0; i < rounds; i++) {
    const found = byTestId(dialog, id)[0];
    if (found) return found;
    await settle();
  }
  throw new Error(`${id} never appeared`);
}

describe('the odds panel', () => {
  it('tells the page when it opens and closes (the map pauses its drawing meanwhile), and while its playouts run', async () => {
    const { session, odds, dialog, events } = opened();
    const told = () =>
      events
        .filter((e) => e.type === 'view/odds' || e.type === 'odds/running')
        .map((e) => `${e.type}:${JSON.stringify(e.payload)}`);
    odds.open(session.cursor, null);
    expect(told()).toEqual(['view/odds:{"open":true}']);
    byTestId(dialog, 'odds-count')[0]!.value = '10';
    byTestId(dialog, 'odds-run')[0]!.click();
    await until(dialog, 'odds-result');
    (dialog as unknown as HTMLDialogElement).close();
    expect(told()).toEqual([
      'view/odds:{"open":true}',
      'odds/running:{"running":true}',
      'odds/running:{"running":false}',
      'view/odds:{"open":false}',
    ]);
  });

  it('runs N playouts from the node with a progress bar, then shows the result and its plots', async () => {
    const { session, odds, dialog } = opened();
    session.endTurn();
    odds.open(session.cursor, null);
    expect(byTestId(dialog, 'odds-right')[0]!.value).toBe('-');
    expect(byTestId(dialog, 'odds-count')[0]!.value).toBe('100');
    byTestId(dialog, 'odds-count')[0]!.value = '20';
    byTestId(dialog, 'odds-run')[0]!.click();
    const progress = byTestId(dialog, 'odds-progress')[0]!;
    expect(progress.getAttribute('max')).toBe('20');
    expect(byTestId(dialog, 'odds-cancel')).toHaveLength(1);
    expect(byTestId(dialog, 'odds-run')[0]!.disabled).toBe(true);
    const result = await until(dialog, 'odds-result');
    expect(result.getAttribute('data-playouts')).toBe('20');
    expect(result.getAttribute('data-runs')).toBe('1');
    expect(Number(progress.value)).toBe(20);
    const plots = byTestId(result, 'odds-plot');
    expect(plots).toHaveLength(3);
    for (const p of plots) {
      expect(p.localName).toBe('svg');
      expect(p.namespaceURI).toBe('http://www.w3.org/2000/svg');
      expect(p.getAttribute('role')).toBe('img');
      expect([...p.querySelectorAll<TestElement>('rect')].length).toBeGreaterThan(0);
    }
    // Numbers beside each plot, one row per pair, actor and region.
    const tables = [...result.querySelectorAll<TestElement>('table.numbers')];
    expect(tables).toHaveLength(3);
    expect([...tables[2]!.querySelectorAll<TestElement>('tbody tr')]).toHaveLength(
      session.def!.regions.length,
    );
    expect(byTestId(dialog, 'odds-run')[0]!.disabled).toBe(false);
  });

  it('runs a second node beside the first, on the same axes, and starts a "What if…" line for it', async () => {
    const { session, odds, dialog } = opened();
    odds.open('');
    const right = byTestId(dialog, 'odds-right')[0]!;
    // With no other line yet, one run; each "What if…" not yet played is offered, and started when picked.
    expect(right.value).toBe('-');
    const fresh = `new-branch:${session.def!.branches![0]!.id}`;
    expect([...right.querySelectorAll<TestElement>('option')].map((o) => o.getAttribute('value'))).toContain(
      fresh,
    );
    expect(session.root!.children).toHaveLength(0);
    right.value = fresh;
    right.dispatchEvent(new Event('change'));
    byTestId(dialog, 'odds-count')[0]!.value = '10';
    byTestId(dialog, 'odds-run')[0]!.click();
    expect(session.cursor).toBe('');
    expect(session.root!.children.some((c) => c.branch === session.def!.branches![0]!.id)).toBe(true);
    expect(byTestId(dialog, 'odds-progress')[0]!.getAttribute('max')).toBe('20');
    const result = await until(dialog, 'odds-result');
    expect(result.getAttribute('data-runs')).toBe('2');
    expect(result.getAttribute('data-playouts')).toBe('10');
    const bars = [...byTestId(result, 'odds-plot')[0]!.querySelectorAll<TestElement>('g.row')];
    for (const g of bars) expect([...g.querySelectorAll<TestElement>('rect')]).toHaveLength(2);
    expect(result.textContent).toContain(session.def!.branches![0]!.title);
  });

  it('cancels quietly', async () => {
    const { odds, dialog } = opened(mosulJson());
    odds.open('', null);
    byTestId(dialog, 'odds-count')[0]!.value = '1000';
    byTestId(dialog, 'odds-run')[0]!.click();
    byTestId(dialog, 'odds-cancel')[0]!.click();
    expect(byTestId(dialog, 'odds-cancelled')[0]!.textContent).toBe('Cancelled.');
    for (let i = 0; i < 5; i++) await settle();
    expect(byTestId(dialog, 'odds-result')).toHaveLength(0);
    expect(byTestId(dialog, 'odds-error')).toHaveLength(0);
    expect(byTestId(dialog, 'odds-run')[0]!.disabled).toBe(false);
  });

  it('refuses a node where the game is over, with the reason', () => {
    const { session, odds, dialog } = opened();
    while (!session.state!.over) session.endTurn();
    odds.open(session.cursor, null);
    byTestId(dialog, 'odds-run')[0]!.click();
    expect(byTestId(dialog, 'odds-error')[0]!.textContent).toContain('the game is over at this node');
  });

  it('keeps the count between 10 and 1000', () => {
    expect(readCount('100')).toBe(100);
    expect(readCount('3')).toBe(10);
    expect(readCount('5000')).toBe(1000);
    expect(readCount('12.4')).toBe(12);
    expect(readCount('')).toBeNull();
    expect(readCount('many')).toBeNull();
  });
});
