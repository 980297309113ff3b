// @vitest-environment happy-dom
// The History tab in the mounted page (fake DOM, real session over the invented scenario): the tree shows every
// node with its path and the current one marked, a fork shows both lines and says so, names and comments show
// as text, promote and delete reshape the tree, "What if…" starts a branch line beside the main one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../src/session/session';
import { nodeAt, walk } from '../../src/session/tree';
import { mountUi } from '../../src/ui/mount';
import { valleysJson } from '../support/worlds';
import type { TestDocument, TestElement } from './testDom';
import { allElements, installTestDom, clearTestDom } from './testDom';
import { byTestId, makeUi } from './support';

const PAYLOAD = '<img src=x onerror=alert(1)>';
let doc: TestDocument;

beforeEach(() => {
  doc = installTestDom();
});
afterEach(() => clearTestDom());

/** The page mounted over a valleys game, the briefing closed and the History tab open. */
function mounted() {
  const { session, bus, events } = makeUi(valleysJson());
  const root = doc.createElement('div');
  doc.body.appendChild(root);
  mountUi(root as unknown as HTMLElement, session, bus, null);
  (root.querySelector('dialog[open]') as TestElement | null)?.close();
  byTestId(root, 'tab-history')[0]!.click();
  const tree = () => byTestId(root, 'tree-panel')[0]!;
  const nodes = () => byTestId(tree(), 'tree-node');
  return { session, bus, events, root, tree, nodes };
}

/** Three turns on the main line, then back to turn 1 and a different order: a variation at turn 2. */
function fork(session: Session): { main2: string; variation: string } {
  session.endTurn();
  session.endTurn();
  session.endTurn();
  const turn1 = session.root!.children[0]!.id;
  session.goTo(turn1);
  const other = session.options(session.held[0]!).find((o) => o.verdict.ok)!;
  session.order(other.order);
  session.endTurn();
  return { main2: `${turn1}/${session.root!.children[0]!.children[0]!.id}`, variation: session.cursor };
}

const paths = (session: Session) => {
  const out: string[] = [];
  walk(session.root!, (_, p) => out.push(p));
  return out;
};

describe('the history tree', () => {
  it('shows every node with its path, turn and branch, and marks the current one', () => {
    const { session, nodes } = mounted();
    fork(session);
    const shown = nodes();
    expect(shown.map((n) => n.getAttribute('data-path')).sort()).toEqual(paths(session).sort());
    for (const n of shown) {
      const node = nodeAt(session.root!, n.getAttribute('data-path')!)!;
      expect(n.getAttribute('data-turn')).toBe(String(node.turn));
      expect(n.getAttribute('data-branch')).toBe(node.branch ?? '');
    }
    const current = shown.filter((n) => n.getAttribute('data-current') === 'true');
    expect(current.map((n) => n.getAttribute('data-path'))).toEqual([session.cursor]);
    expect(current[0]!.getAttribute('aria-current')).toBe('step');
    // Roving tabindex: only the current node is in the Tab order.
    expect(shown.filter((n) => n.getAttribute('tabindex') === '0')).toEqual(current);
  });

  it('jumps to a node on click, and moves focus between nodes with ↑/↓', () => {
    const { session, nodes } = mounted();
    const { main2 } = fork(session);
    nodes()
      .find((n) => n.getAttribute('data-path') === main2)!
      .click();
    expect(session.cursor).toBe(main2);
    const current = nodes().find((n) => n.getAttribute('data-current') === 'true')!;
    expect(current.getAttribute('data-path')).toBe(main2);
    current.focus();
    current.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    const all = nodes();
    const next = all[all.indexOf(current) + 1]!;
    expect(doc.activeElement).toBe(next);
    // Enter (a click) on the focused node shows it, and focus stays on it through the redraw.
    next.click();
    expect(session.cursor).toBe(next.getAttribute('data-path'));
    const shown = doc.activeElement as TestElement;
    expect(shown.getAttribute('data-testid')).toBe('tree-node');
    expect(shown.getAttribute('data-current')).toBe('true');
    expect(shown.isConnected).toBe(true);
  });

  it('after a fork shows both lines, the new one indented as a variation, and says so', () => {
    const { session, tree, events } = mounted();
    const { main2, variation } = fork(session);
    const variations = [...tree().querySelectorAll<TestElement>('.variation')];
    expect(variations).toHaveLength(1);
    const inside = byTestId(variations[0]!, 'tree-node').map((n) => n.getAttribute('data-path'));
    expect(inside).toEqual([variation]);
    expect(byTestId(tree(), 'tree-node').some((n) => n.getAttribute('data-path') === main2)).toBe(true);
    expect(byTestId(tree(), 'fork-notice')[0]!.textContent).toBe(
      'New variation from turn 1: the old line is kept.',
    );
    expect(events.filter((e) => e.type === 'turn/resolved')).toHaveLength(4);
    // The notice goes with the new node: not shown elsewhere.
    session.goTo(main2);
    expect(byTestId(tree(), 'fork-notice')).toHaveLength(0);
    // Ending the same turn again with the same orders leads to the existing node: no new variation.
    session.goTo(variation.split('/')[0]!);
    session.order(session.node!.children[1]!.orders[0]!);
    session.endTurn();
    expect(session.cursor).toBe(variation);
    expect(byTestId(tree(), 'fork-notice')).toHaveLength(0);
  });

  it('sets a name and a comment as text, never as markup', () => {
    const { session, root, tree } = mounted();
    session.endTurn();
    byTestId(tree(), 'node-rename')[0]!.click();
    const dialog = byTestId(root, 'node-dialog')[0]!;
    expect(dialog.open).toBe(true);
    byTestId(dialog, 'node-text')[0]!.value = PAYLOAD;
    byTestId(dialog, 'node-save')[0]!.click();
    expect(dialog.open).toBe(false);
    expect(session.node!.name).toBe(PAYLOAD);
    const current = byTestId(tree(), 'tree-node').find((n) => n.getAttribute('data-current') === 'true')!;
    expect(byTestId(current, 'node-name')[0]!.textContent).toBe(PAYLOAD);

    byTestId(tree(), 'node-comment')[0]!.click();
    byTestId(dialog, 'node-text')[0]!.value = `${PAYLOAD}\nsecond line`;
    byTestId(dialog, 'node-save')[0]!.click();
    expect(session.node!.comment).toBe(`${PAYLOAD}\nsecond line`);
    expect(byTestId(tree(), 'node-comment-text')[0]!.textContent).toBe(`${PAYLOAD}\nsecond line`);
    expect(tree().textContent).toContain('(has a comment)');
    expect(allElements(doc.documentElement).filter((e) => e.localName === 'img')).toEqual([]);

    // An empty name removes it.
    byTestId(tree(), 'node-rename')[0]!.click();
    byTestId(dialog, 'node-text')[0]!.value = '  ';
    byTestId(dialog, 'node-save')[0]!.click();
    expect(session.node!.name).toBeUndefined();
    expect(byTestId(tree(), 'node-name')).toHaveLength(0);
  });

  it('promotes a variation to the main line', () => {
    const { session, tree } = mounted();
    const { variation } = fork(session);
    const promote = byTestId(tree(), 'node-promote')[0]!;
    expect(promote.disabled).toBe(false);
    promote.click();
    expect(session.root!.children[0]!.children[0]!.id).toBe(variation.split('/').pop());
    const variations = [...tree().querySelectorAll<TestElement>('.variation')];
    expect(variations).toHaveLength(1);
    // The old main line is now the variation, and the promoted node sits on the main row.
    expect(byTestId(variations[0]!, 'tree-node').map((n) => n.getAttribute('data-path'))).not.toContain(
      variation,
    );
    expect(byTestId(tree(), 'node-promote')[0]!.disabled).toBe(true);
  });

  it('deletes a node and what follows after a confirmation, and shows its parent', () => {
    const { session, root, tree, nodes } = mounted();
    const { main2 } = fork(session);
    session.goTo(main2);
    const before = nodes().length;
    byTestId(tree(), 'node-delete')[0]!.click();
    const dialog = byTestId(root, 'node-dialog')[0]!;
    expect(dialog.textContent).toContain('and the 1 turn after it');
    byTestId(dialog, 'node-cancel')[0]!.click();
    expect(nodes()).toHaveLength(before);
    byTestId(tree(), 'node-delete')[0]!.click();
    byTestId(dialog, 'node-delete-confirm')[0]!.click();
    expect(nodes()).toHaveLength(before - 2);
    expect(nodes().some((n) => n.getAttribute('data-path') === main2)).toBe(false);
    expect(session.cursor).toBe(main2.split('/')[0]);
    // The start cannot be deleted.
    session.goTo('');
    expect(byTestId(tree(), 'node-delete')[0]!.disabled).toBe(true);
  });

  it('offers each scenario branch as a "What if…" line from the start', () => {
    const { session, tree, nodes } = mounted();
    session.endTurn();
    const whatIf = byTestId(tree(), 'what-if');
    expect(whatIf.map((b) => b.getAttribute('data-branch'))).toEqual(session.def!.branches!.map((b) => b.id));
    whatIf[0]!.click();
    const branch = session.def!.branches![0]!.id;
    expect(session.state!.branch).toBe(branch);
    const started = nodes().filter((n) => n.getAttribute('data-branch') === branch);
    expect(started).toHaveLength(1);
    expect(started[0]!.getAttribute('data-turn')).toBe('0');
    expect(started[0]!.getAttribute('data-current')).toBe('true');
    expect(tree().querySelector('.variation .caption')!.textContent).toContain(
      session.def!.branches![0]!.title,
    );
    // The main line is kept beside it.
    expect(nodes().filter((n) => n.getAttribute('data-branch') === '')).toHaveLength(2);
  });

  it('offers the main scenario as a line from the start when the game plays a branch', async () => {
    const { session, tree, nodes } = mounted();
    const branch = session.def!.branches![0]!.id;
    await session.load(session.def!.id, branch);
    const whatIf = byTestId(tree(), 'what-if');
    expect(whatIf.map((b) => b.getAttribute('data-branch'))).toEqual(['']);
    expect(whatIf[0]!.textContent).toBe('As it happened');
    whatIf[0]!.click();
    expect(session.state!.branch).toBeNull();
    expect(nodes().map((n) => n.getAttribute('data-branch'))).toEqual([branch, '']);
  });
});
