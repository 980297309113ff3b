import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/engine/index';
import type { TreeNode } from '../../src/session/tree';
import {
  addChild,
  countNodes,
  deleteAt,
  lineEnd,
  mainlineFrom,
  nodeAt,
  parentPath,
  promote,
} from '../../src/session/tree';
import { valleys } from '../support/worlds';

const state = createGame(valleys(), 1);
const node = (id: string, turn: number, orders: { id: string; actor: string }[] = []): TreeNode => ({
  id,
  turn,
  branch: null,
  orders,
  held: [],
  state,
  children: [],
});

/** root ─ a ─ b ─ c (main line), with a variation a ─ x ─ y. */
function sample() {
  const root = node('root', 0);
  const a = addChild(root, '', node('a', 1, [{ id: 'wait', actor: 'RED' }]));
  const b = addChild(root, a, node('b', 2, [{ id: 'wait', actor: 'RED' }]));
  const c = addChild(root, b, node('c', 3));
  const x = addChild(root, a, node('x', 2, [{ id: 'deploy', actor: 'RED' }]));
  const y = addChild(root, x, node('y', 3));
  return { root, a, b, c, x, y };
}

describe('history tree', () => {
  it('builds paths from ids and finds nodes by path', () => {
    const { root, c, y } = sample();
    expect(c).toBe('a/b/c');
    expect(y).toBe('a/x/y');
    expect(nodeAt(root, 'a/x')!.id).toBe('x');
    expect(nodeAt(root, '')).toBe(root);
    expect(nodeAt(root, 'a/zz')).toBeNull();
    expect(parentPath('a/x/y')).toBe('a/x');
    expect(parentPath('a')).toBe('');
    expect(countNodes(root)).toBe(6);
  });

  it('keeps the first child as the main line and forks variations beside it', () => {
    const { root } = sample();
    expect(mainlineFrom(root).map((n) => n.id)).toEqual(['root', 'a', 'b', 'c']);
    expect(lineEnd(root, 'a/x')).toBe('a/x/y');
    expect(lineEnd(root, '')).toBe('a/b/c');
  });

  it('reuses a child reached by the same orders instead of duplicating it', () => {
    const { root } = sample();
    const again = addChild(root, 'a', node('z', 2, [{ id: 'wait', actor: 'RED' }]));
    expect(again).toBe('a/b');
    expect(countNodes(root)).toBe(6);
  });

  it('promotes a variation to the main line', () => {
    const { root } = sample();
    promote(root, 'a/x/y');
    expect(mainlineFrom(root).map((n) => n.id)).toEqual(['root', 'a', 'x', 'y']);
    expect(nodeAt(root, 'a')!.children.map((n) => n.id)).toEqual(['x', 'b']);
  });

  it('deletes a node with everything below it, never the root', () => {
    const { root } = sample();
    expect(deleteAt(root, 'a/x')).toBe(true);
    expect(countNodes(root)).toBe(4);
    expect(nodeAt(root, 'a/x/y')).toBeNull();
    expect(deleteAt(root, '')).toBe(false);
    expect(deleteAt(root, 'nope')).toBe(false);
  });
});
