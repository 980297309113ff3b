// @vitest-environment happy-dom
// The compare panel over real sessions: by default the turn shown against the same turn on the other line; it
// lists exactly the differences `session.compare` finds, with sign symbols, and each "why" the causes per line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/session/session';
import { createCompare } from '../../src/ui/compare';
import { valleysJson } from '../support/worlds';
import type { TestDocument, TestElement } from './testDom';
import { installTestDom, clearTestDom } from './testDom';
import { byTestId, makeUi } from './support';

let doc: TestDocument;
beforeEach(() => {
  doc = installTestDom();
});
afterEach(() => clearTestDom());

function opened(json: Record<string, any> = valleysJson()) {
  const made = makeUi(json);
  const odds: [string, string | null][] = [];
  const compare = createCompare(made.ui, (l, r) => void odds.push([l, r]));
  const dialog = compare.dialog as unknown as TestElement;
  doc.body.appendChild(dialog);
  return { ...made, compare, dialog, odds };
}

/** Two turns on the main line; a variation from turn 1 with the first legal order; shows the variation. */
function fork(session: Session): { main2: string; variation: string } {
  session.endTurn();
  session.endTurn();
  const turn1 = session.root!.children[0]!.id;
  session.goTo(turn1);
  session.order(session.options(session.held[0]!).find((o) => o.verdict.ok)!.order);
  session.endTurn();
  return { main2: `${turn1}/${session.root!.children[0]!.children[0]!.id}`, variation: session.cursor };
}

const key = (r: { a: string; b: string; layer: string; left: number; right: number }) =>
  `${r.a}|${r.b}|${r.layer}|${r.left}|${r.right}`;

describe('the compare panel', () => {
  it('sets the turn shown against the same turn on the other line, and lists exactly the differences', () => {
    const { session, compare, dialog } = opened();
    const { main2, variation } = fork(session);
    compare.open();
    expect(dialog.open).toBe(true);
    expect(byTestId(dialog, 'compare-left')[0]!.value).toBe(variation);
    expect(byTestId(dialog, 'compare-right')[0]!.value).toBe(main2);
    const result = session.compare(variation, main2);
    if (!result.ok) throw new Error(result.error);
    const diff = result.value.diff;
    expect(diff.relations.length).toBeGreaterThan(0);
    const rows = byTestId(dialog, 'compare-relation');
    expect(
      rows
        .map((r) =>
          key({
            a: r.getAttribute('data-a')!,
            b: r.getAttribute('data-b')!,
            layer: r.getAttribute('data-layer')!,
            left: Number(r.getAttribute('data-left')),
            right: Number(r.getAttribute('data-right')),
          }),
        )
        .sort(),
    ).toEqual(diff.relations.map(key).sort());
    expect(byTestId(dialog, 'compare-control').map((r) => r.getAttribute('data-region'))).toEqual(
      expect.arrayContaining(diff.control.map((c) => c.region)),
    );
    expect(byTestId(dialog, 'compare-control')).toHaveLength(diff.control.length);
    // The change carries a symbol and a sign, not colour alone.
    for (const r of rows) {
      const d = Number(r.getAttribute('data-right')) - Number(r.getAttribute('data-left'));
      const cell = [...r.querySelectorAll<TestElement>('td')][2]!;
      expect(cell.textContent).toMatch(d > 0 ? /^▲ \+/ : /^▼ \u2212/);
      expect(cell.querySelector('.sign')!.getAttribute('class')).toContain(d > 0 ? 'pos' : 'neg');
    }
    expect(dialog.textContent).toContain('Main line, turn 2');
    expect(dialog.textContent).toContain('Variation from turn 1, turn 2');
  });

  it('explains a difference with the effects along each line, those both share folded away', () => {
    const { session, compare, dialog } = opened();
    const { main2, variation } = fork(session);
    compare.open(variation, main2);
    const diff = (session.compare(variation, main2) as { ok: true; value: any }).value.diff;
    const row = byTestId(dialog, 'compare-relation')[0]!;
    const why = byTestId(row, 'compare-why')[0]!;
    expect(why.getAttribute('aria-expanded')).toBe('false');
    why.click();
    expect(why.getAttribute('aria-expanded')).toBe('true');
    const list = byTestId(dialog, 'compare-why-list')[0]!;
    const k = `relation:${row.getAttribute('data-a')}|${row.getAttribute('data-b')}|${row.getAttribute('data-layer')}`;
    const causes = diff.causes.find((c: any) => c.key === k);
    const texts = [...causes.left, ...causes.right].map((c: any) => c.text);
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(list.textContent).toContain(t);
    why.click();
    expect(list.closest('tr')!.hidden).toBe(true);
  });

  it('follows the pickers, swaps, and hands both nodes to the odds', () => {
    const { session, compare, dialog, odds } = opened();
    const { main2, variation } = fork(session);
    compare.open(variation, main2);
    const right = byTestId(dialog, 'compare-right')[0]!;
    right.value = variation;
    right.dispatchEvent(new Event('change'));
    expect(byTestId(dialog, 'compare-summary')[0]!.textContent).toBe('Both sides are the same turn.');
    expect(byTestId(dialog, 'compare-relation')).toHaveLength(0);
    byTestId(dialog, 'compare-right')[0]!.value = main2;
    byTestId(dialog, 'compare-right')[0]!.dispatchEvent(new Event('change'));
    byTestId(dialog, 'compare-swap')[0]!.click();
    expect(byTestId(dialog, 'compare-left')[0]!.value).toBe(main2);
    byTestId(dialog, 'compare-odds')[0]!.click();
    expect(odds).toEqual([[main2, variation]]);
    expect(dialog.open).toBe(false);
  });

  it('compares the main line with a "What if…" branch, naming both lines', () => {
    const { session, compare, dialog } = opened();
    session.endTurn();
    const branch = session.def!.branches![0]!;
    const started = session.forkBranch(branch.id);
    if (!started.ok) throw new Error(started.error);
    compare.open('', started.value);
    const result = session.compare('', started.value);
    if (!result.ok) throw new Error(result.error);
    expect(result.value.diff.relations.length).toBeGreaterThan(0);
    expect(byTestId(dialog, 'compare-relation')).toHaveLength(result.value.diff.relations.length);
    expect(dialog.textContent).toContain(`${branch.title}, start`);
    expect(dialog.textContent).toContain('Main line, start');
  });
});
