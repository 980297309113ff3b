// How lines and nodes are named and which node is set beside another by default, over a real history tree:
// the main line, a variation, a "What if…" branch, a name given by a player.
import { describe, expect, it } from 'vitest';
import { countNodes } from '../../src/session/tree';
import { counterpart, isMainLine, lineLabel, lineName, listChoices, otherLine } from '../../src/ui/lines';
import { testSession } from '../support/session';

/** Main line of three turns, a variation from turn 1, and the scenario's branch from the start. */
async function grown() {
  const { session } = testSession();
  await session.load('three-valleys', null, 3);
  session.setHeld(['RED']);
  for (let i = 0; i < 3; i++) session.endTurn();
  const [t1, t2, t3] = session
    .line()
    .slice(1)
    .map((n) => n.id) as [string, string, string];
  session.goTo(t1);
  session.order(session.options('RED').find((o) => o.verdict.ok)!.order);
  session.endTurn();
  const variation = session.cursor;
  const branch = session.forkBranch('friendly');
  if (!branch.ok) throw new Error(branch.error);
  return {
    session,
    root: session.root!,
    def: session.def!,
    main: { t1, t2: `${t1}/${t2}`, t3: `${t1}/${t2}/${t3}` },
    variation,
    branch: branch.value,
  };
}

describe('line names', () => {
  it('names the main line, a variation, a branch and a named line', async () => {
    const { session, root, def, main, variation, branch } = await grown();
    expect(lineLabel(def, root, '')).toBe('Main line, start');
    expect(lineLabel(def, root, main.t2)).toBe('Main line, turn 2');
    expect(isMainLine(root, main.t3)).toBe(true);
    expect(isMainLine(root, variation)).toBe(false);
    expect(lineLabel(def, root, variation)).toBe('Variation from turn 1, turn 2');
    expect(lineLabel(def, root, branch)).toBe('Red and Blue are friends, start');
    session.rename(variation, 'Red strikes first');
    expect(lineName(def, root, variation)).toBe('Red strikes first');
    expect(listChoices(def, root)).toHaveLength(countNodes(root));
    expect(listChoices(def, root).find((c) => c.path === main.t2)!.label).toMatch(/^Main line, turn 2 \(/);
  });

  it('names a branch by its title even when it is the first line of the tree', async () => {
    const { session } = testSession();
    await session.load('three-valleys', null, 3);
    const made = session.forkBranch('friendly');
    if (!made.ok) throw new Error(made.error);
    expect(session.root!.children[0]!.branch).toBe('friendly');
    expect(lineLabel(session.def!, session.root!, made.value)).toBe('Red and Blue are friends, start');
  });
});

describe('the default counterpart', () => {
  it('is the same turn on the other line: main ↔ variation, start ↔ branch', async () => {
    const { root, main, variation, branch } = await grown();
    expect(counterpart(root, variation)).toBe(main.t2);
    expect(counterpart(root, main.t2)).toBe(variation);
    expect(counterpart(root, main.t3)).toBe(variation); // the variation has no turn 3: its last node
    expect(counterpart(root, '')).toBe(branch);
    expect(counterpart(root, branch)).toBe('');
  });

  it('skips lines that have not parted yet, and falls back to the turn before', async () => {
    const { root, main } = await grown();
    // At turn 1 the variation has not parted from the main line; the branch has, from the start.
    expect(otherLine(root, main.t1)).toBe(root.children.find((c) => c.branch === 'friendly')!.id);
    const { session } = testSession();
    await session.load('three-valleys', null, 3);
    session.endTurn();
    session.endTurn();
    expect(otherLine(session.root!, session.cursor)).toBeNull();
    expect(counterpart(session.root!, session.cursor)).toBe(session.cursor.split('/')[0]);
    expect(counterpart(session.root!, '')).toBeNull();
  });
});
