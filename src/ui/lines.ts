// Names for the nodes and lines of the history tree as the tree, compare and odds panels show them ("Main
// line, turn 5", "What if … , turn 5", a name a player gave), and which node to set beside another by default.
// Pure functions of the tree: tested in Node. A line is the path from the root to a leaf.
import type { ScenarioDef } from '../engine/schema';
import type { Path, TreeNode } from '../session/tree';
import { nodesAlong, pathIds, ROOT, walk } from '../session/tree';
import { formatDate } from './format';
import { m } from '../i18n';

/** The title of a scenario branch; the main scenario ("as it happened") for null. */
export const branchTitle = (def: ScenarioDef, branch: string | null): string =>
  branch === null ? m.lines_as_it_happened() : (def.branches?.find((b) => b.id === branch)?.title ?? branch);

/** "Turn 3 · 19 Dec 2016", or "Start · 17 Oct 2016". */
export const nodeWhen = (node: TreeNode): string =>
  node.turn
    ? m.lines_when_turn({ turn: node.turn, date: formatDate(node.state.date) })
    : m.lines_when_start({ date: formatDate(node.state.date) });

/** Whether every step of the path takes the first child: the node lies on the main line. */
export function isMainLine(root: TreeNode, path: Path): boolean {
  const along = nodesAlong(root, path);
  return along.every((n, i) => i === 0 || along[i - 1]!.children[0] === n);
}

/** The line a node lies on, without its turn: a name given along it, a branch, a variation, or the main line. */
export function lineName(def: ScenarioDef, root: TreeNode, path: Path): string {
  const along = nodesAlong(root, path);
  const named = [...along].reverse().find((n) => n.name);
  if (named) return named.name!;
  const node = along[along.length - 1]!;
  // The deepest step off a first child: where this line leaves the main line (or its branch's main line).
  let fork = -1;
  for (let i = 1; i < along.length; i++) if (along[i - 1]!.children[0] !== along[i]) fork = i;
  if (node.branch !== root.branch) {
    const start = along.findIndex((n, i) => i > 0 && n.branch !== along[i - 1]!.branch);
    const title = branchTitle(def, node.branch);
    return fork > start ? m.lines_branch_variation({ branch: title, turn: along[fork - 1]!.turn }) : title;
  }
  if (fork < 0) return root.branch === null ? m.lines_main_line() : branchTitle(def, root.branch);
  return m.lines_variation({ turn: along[fork - 1]!.turn });
}

/** "Main line, turn 5", "What if Turkey joins Mosul, start". */
export function lineLabel(def: ScenarioDef, root: TreeNode, path: Path): string {
  const node = nodesAlong(root, path).pop()!;
  const line = lineName(def, root, path);
  return node.turn ? m.lines_label_turn({ line, turn: node.turn }) : m.lines_label_start({ line });
}

/** What a variation that starts with `child` below `parent` is called above its first node. */
export const variationCaption = (def: ScenarioDef, parent: TreeNode, child: TreeNode): string =>
  child.branch !== parent.branch
    ? m.lines_from_start({ branch: branchTitle(def, child.branch) })
    : m.lines_variation({ turn: parent.turn });

export interface Choice {
  path: Path;
  label: string; // "Main line, turn 3 (19 Dec 2016)"
}

/** Every node of the tree for a picker, depth first (each line after the node it forks from). */
export function listChoices(def: ScenarioDef, root: TreeNode): Choice[] {
  const out: Choice[] = [];
  walk(root, (node, path) =>
    out.push({ path, label: `${lineLabel(def, root, path)} (${formatDate(node.state.date)})` }),
  );
  return out;
}

/** The path of every leaf: each line of the tree once, the main line first. */
export function lineEnds(root: TreeNode): Path[] {
  const out: Path[] = [];
  walk(root, (node, path) => {
    if (!node.children.length) out.push(path);
  });
  return out;
}

/**
 * The node on another line to set beside `path`: the deepest one whose turn is not later than this one's,
 * the closest turn first, then the main line, then lines of another branch, then any variation. Lines that
 * have not parted from `path` by its turn are skipped; null when there is no other line.
 */
export function otherLine(root: TreeNode, path: Path): Path | null {
  const node = nodesAlong(root, path).pop()!;
  const shared = (p: Path) => p === ROOT || p === path || path.startsWith(`${p}/`);
  const found: { path: Path; rank: number }[] = [];
  lineEnds(root).forEach((end, i) => {
    const ids = pathIds(end);
    const along = nodesAlong(root, end);
    let best: Path = ROOT;
    along.forEach((n, depth) => {
      if (depth > 0 && n.turn <= node.turn) best = ids.slice(0, depth).join('/');
    });
    if (shared(best)) return;
    const reached = nodesAlong(root, best).pop()!.turn;
    const kind = i === 0 ? 0 : along[along.length - 1]!.branch !== node.branch ? 1 : 2;
    found.push({ path: best, rank: (node.turn - reached) * 3 + kind });
  });
  found.sort((a, b) => a.rank - b.rank);
  return found[0]?.path ?? null;
}

/** The default second node of a comparison: on another line (otherLine), else the turn before (null at the start). */
export const counterpart = (root: TreeNode, path: Path): Path | null =>
  otherLine(root, path) ?? (path === ROOT ? null : path.slice(0, Math.max(0, path.lastIndexOf('/'))));
