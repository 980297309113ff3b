// The history tree, after lichess's analysis tree: each node is a resolved turn (the orders people gave and
// the state that resulted); the main line is always children[0]. A path is the ids from the root down, joined
// by "/" ("" is the root). Nodes hold full frozen states (immer shares structure), so any jump is O(depth).
import type { GameState, Injection, Order } from '../engine/index';

export interface TreeNode {
  id: string; // unique within the tree: "n12"
  turn: number; // turns resolved at this node: 3
  branch: string | null; // the scenario branch this line plays: "turkey-joins-mosul"
  orders: Order[]; // the people's orders that produced it (the AI's are in state.orders)
  held: string[]; // actors people held that turn: ["US"]
  ahead?: true; // the computer's actors looked ahead by rollouts that turn (lookahead.ts); else greedy
  paused?: true; // the facilitator had paused the computer: the actors nobody held gave no orders
  injected?: Injection[]; // the facilitator's changes that took effect that turn, before the orders
  state: GameState;
  name?: string; // "Turkey stays out"
  comment?: string;
  children: TreeNode[];
}

export type Path = string;

export const ROOT: Path = '';

export const joinPath = (path: Path, id: string): Path => (path ? `${path}/${id}` : id);
export const parentPath = (path: Path): Path => path.slice(0, Math.max(0, path.lastIndexOf('/')));
export const pathIds = (path: Path): string[] => (path ? path.split('/') : []);

/** The nodes from the root to the end of the path (the root first); stops at the first missing id. */
export function nodesAlong(root: TreeNode, path: Path): TreeNode[] {
  const out = [root];
  let node = root;
  for (const id of pathIds(path)) {
    const next = node.children.find((c) => c.id === id);
    if (!next) break;
    out.push(next);
    node = next;
  }
  return out;
}

export function nodeAt(root: TreeNode, path: Path): TreeNode | null {
  const ids = pathIds(path);
  const along = nodesAlong(root, path);
  return along.length === ids.length + 1 ? along[along.length - 1]! : null;
}

/** The main line below a node: the node, its first child, that one's first child… */
export function mainlineFrom(node: TreeNode): TreeNode[] {
  const out = [node];
  while (out[out.length - 1]!.children.length) out.push(out[out.length - 1]!.children[0]!);
  return out;
}

/** The path to the end of the main line below the node at `path`. */
export function lineEnd(root: TreeNode, path: Path): Path {
  const node = nodeAt(root, path);
  if (!node) return path;
  return mainlineFrom(node)
    .slice(1)
    .reduce((p, n) => joinPath(p, n.id), path);
}

/** The same turn played from the same node: same branch, orders, held actors and AI policy (same state). */
const sameTurn = (a: TreeNode, b: TreeNode) =>
  a.branch === b.branch &&
  a.ahead === b.ahead &&
  a.paused === b.paused &&
  JSON.stringify(a.injected ?? []) === JSON.stringify(b.injected ?? []) &&
  JSON.stringify(a.orders) === JSON.stringify(b.orders) &&
  JSON.stringify(a.held) === JSON.stringify(b.held);

/**
 * Adds a child below `path` (a variation if the node already has children) and returns its path. The same
 * orders from the same node lead to the existing child instead of a duplicate.
 */
export function addChild(root: TreeNode, path: Path, child: TreeNode): Path {
  const parent = nodeAt(root, path);
  if (!parent) throw new Error(`no node at path "${path}"`);
  const existing = parent.children.find((c) => sameTurn(c, child));
  if (existing) return joinPath(path, existing.id);
  parent.children.push(child);
  return joinPath(path, child.id);
}

/** Makes the line through `path` the main line at every fork above it. */
export function promote(root: TreeNode, path: Path): void {
  const along = nodesAlong(root, path);
  for (let i = 1; i < along.length; i++) {
    const parent = along[i - 1]!;
    const child = along[i]!;
    parent.children = [child, ...parent.children.filter((c) => c !== child)];
  }
}

/** Deletes the node at `path` and everything below it; the root cannot be deleted. */
export function deleteAt(root: TreeNode, path: Path): boolean {
  if (!path) return false;
  const parent = nodeAt(root, parentPath(path));
  const id = pathIds(path).pop()!;
  if (!parent || !parent.children.some((c) => c.id === id)) return false;
  parent.children = parent.children.filter((c) => c.id !== id);
  return true;
}

/** Every node, depth first, with its path. */
export function walk(root: TreeNode, visit: (node: TreeNode, path: Path) => void, path: Path = ROOT): void {
  visit(root, path);
  for (const c of root.children) walk(c, visit, joinPath(path, c.id));
}

export const countNodes = (root: TreeNode): number => {
  let n = 0;
  walk(root, () => n++);
  return n;
};

/** The child indexes from the root to `path` ("0.1.0"): unlike ids, they survive a replay's rebuild. */
export function placeOf(root: TreeNode, path: Path): string {
  const along = nodesAlong(root, path);
  return along
    .slice(1)
    .map((n, i) => along[i]!.children.indexOf(n))
    .join('.');
}

/** The path of a place made by placeOf, or null when the tree has no such node. */
export function pathAtPlace(root: TreeNode, place: string): Path | null {
  let node = root;
  let path: Path = ROOT;
  for (const part of place ? place.split('.') : []) {
    const next = /^\d+$/.test(part) ? node.children[Number(part)] : undefined;
    if (!next) return null;
    node = next;
    path = joinPath(path, next.id);
  }
  return path;
}

/**
 * Adds the lines of `incoming` (a tree from the same root: same scenario and seed) beside those of `root`:
 * a node with the same orders as an existing child is that child, anything new is copied in with fresh ids.
 * Returns the path in `root` of the end of incoming's main line.
 */
export function graft(root: TreeNode, incoming: TreeNode, nextId: () => string): Path {
  const renumber = (n: TreeNode): TreeNode => ({ ...n, id: nextId(), children: n.children.map(renumber) });
  let end: Path = ROOT;
  const stack: [TreeNode, TreeNode, Path, boolean][] = [[root, incoming, ROOT, true]];
  while (stack.length) {
    const [into, from, path, main] = stack.pop()!;
    from.children.forEach((child, k) => {
      const same = into.children.find((c) => sameTurn(c, child));
      const onMain = main && k === 0;
      if (same) {
        if (!same.name && child.name) same.name = child.name;
        if (!same.comment && child.comment) same.comment = child.comment;
        if (onMain) end = joinPath(path, same.id);
        stack.push([same, child, joinPath(path, same.id), onMain]);
      } else {
        const copy = renumber(child);
        into.children.push(copy);
        if (onMain) end = lineEnd(root, joinPath(path, copy.id));
      }
    });
  }
  return end;
}

/**
 * The actors the computer leaves alone in a turn: those people hold, or every actor when the facilitator has
 * paused the computer (then the others give no orders).
 */
export const playedBy = (
  w: { actorIds: readonly string[] },
  held: readonly string[],
  paused: boolean,
): string[] => (paused ? [...w.actorIds] : [...held]);
