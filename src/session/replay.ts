// Replay files: the whole history tree as versioned JSON (scenario id and version, seed, and per node the
// people's orders, who they held, names and comments). Importing replays every turn with the engine, so the
// states are rebuilt exactly; anything malformed, tampered with or from another scenario version is refused
// with a message that names the problem, and nothing in a file is ever executed.
import { z } from 'zod';
import type { GameState, Order, World } from '../engine/index';
import { advance, checkOrder, createGame } from '../engine/index';
import type { TreeNode } from './tree';

export const REPLAY_FORMAT = 'iraq-syria-sim/replay';
export const REPLAY_VERSION = 1;
const MAX_NODES = 5000;
const MAX_DEPTH = 400;

const id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected an id');
const OrderJson = z.strictObject({
  id,
  actor: id,
  target: id.optional(),
  region: id.optional(),
  covert: z.boolean().optional(),
});

export interface ReplayNode {
  orders: Order[];
  held: string[];
  branch?: string | null; // set where the line switches to a scenario branch (only at turn 0)
  name?: string;
  comment?: string;
  children: ReplayNode[];
}

const ReplayNodeJson: z.ZodType<ReplayNode> = z.lazy(() =>
  z.strictObject({
    orders: z.array(OrderJson).max(100),
    held: z.array(id).max(50),
    branch: id.nullable().optional(),
    name: z.string().max(200).optional(),
    comment: z.string().max(5000).optional(),
    children: z.array(ReplayNodeJson).max(50),
  }),
);

export const ReplayJson = z.strictObject({
  format: z.literal(REPLAY_FORMAT),
  version: z.number().int(),
  scenario: z.strictObject({ id, version: z.number().int().min(1) }),
  branch: id.nullable(),
  seed: z.number().int().min(0).max(0xffffffff),
  root: ReplayNodeJson,
});
export type Replay = z.infer<typeof ReplayJson>;

/** The replay of a tree: everything needed to rebuild it, nothing derived. */
export function exportReplay(
  root: TreeNode,
  scenario: { id: string; version: number },
  seed: number,
): Replay {
  const node = (n: TreeNode, parentBranch: string | null): ReplayNode => {
    const out: ReplayNode = { orders: n.orders.map((o) => ({ ...o })), held: [...n.held], children: [] };
    if (n.branch !== parentBranch) out.branch = n.branch;
    if (n.name) out.name = n.name;
    if (n.comment) out.comment = n.comment;
    out.children = n.children.map((c) => node(c, n.branch));
    return out;
  };
  return {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    scenario: { id: scenario.id, version: scenario.version },
    branch: root.branch,
    seed,
    root: node(root, root.branch),
  };
}

export type ReplayResult = { ok: true; root: TreeNode; nodes: number } | { ok: false; error: string };

/**
 * Rebuilds a tree from replay JSON (already parsed). `worldFor` compiles the scenario for a branch; `nextId`
 * numbers the new nodes. Every order is checked again: a tampered file cannot smuggle in an illegal one.
 */
export function importReplay(
  json: unknown,
  scenario: { id: string; version: number },
  worldFor: (branch: string | null) => World | null,
  nextId: () => string,
): ReplayResult {
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== REPLAY_FORMAT)
    return {
      ok: false,
      error: 'not a replay file of this game (its "format" field is missing or different)',
    };
  const version = (json as { version?: unknown }).version;
  if (version !== REPLAY_VERSION)
    return {
      ok: false,
      error: `replay format version ${String(version)} is not supported (this game reads version ${REPLAY_VERSION})`,
    };
  const parsed = ReplayJson.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const where = first.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('');
    return { ok: false, error: `malformed replay at ${where || '(root)'}: ${first.message}` };
  }
  const replay = parsed.data;
  if (replay.scenario.id !== scenario.id)
    return { ok: false, error: `this replay is for scenario "${replay.scenario.id}", not "${scenario.id}"` };
  if (replay.scenario.version !== scenario.version)
    return {
      ok: false,
      error: `this replay was made with version ${replay.scenario.version} of "${scenario.id}"; the game has version ${scenario.version}`,
    };
  let count = 0;
  const build = (
    r: ReplayNode,
    parent: GameState | null,
    branch: string | null,
    where: string,
    depth: number,
  ): TreeNode | string => {
    if (++count > MAX_NODES) return `the replay has more than ${MAX_NODES} turns`;
    if (depth > MAX_DEPTH) return `the replay is deeper than ${MAX_DEPTH} turns`;
    const lineBranch = r.branch !== undefined ? r.branch : branch;
    const world = worldFor(lineBranch);
    if (!world) return `${where}: unknown branch "${String(lineBranch)}"`;
    let state: GameState;
    if (!parent || r.branch !== undefined) {
      if (parent && parent.turn !== 0) return `${where}: a scenario branch can only start at turn 0`;
      if (r.orders.length) return `${where}: a starting node has no orders`;
      state = createGame(world, replay.seed);
    } else {
      if (parent.over) return `${where}: the game was already over`;
      const given: Order[] = [];
      for (const [k, o] of r.orders.entries()) {
        if (!r.held.includes(o.actor))
          return `${where}.orders[${k}]: ${o.actor} gives an order but is not held`;
        const verdict = checkOrder(parent, world, o, given);
        if (!verdict.ok) return `${where}.orders[${k}] (${o.id}): ${verdict.reason}`;
        given.push(o);
      }
      for (const a of r.held)
        if (!world.def.actors.some((x) => x.id === a && x.playable))
          return `${where}.held: "${a}" is not a playable actor`;
      state = advance(parent, world, r.orders, r.held);
    }
    const node: TreeNode = {
      id: nextId(),
      turn: state.turn,
      branch: lineBranch,
      orders: r.orders,
      held: r.held,
      state,
      children: [],
    };
    if (r.name) node.name = r.name;
    if (r.comment) node.comment = r.comment;
    for (const [k, c] of r.children.entries()) {
      const child = build(c, state, lineBranch, `${where}.children[${k}]`, depth + 1);
      if (typeof child === 'string') return child;
      node.children.push(child);
    }
    return node;
  };
  const root = build(replay.root, null, replay.branch, 'root', 0);
  if (typeof root === 'string') return { ok: false, error: root };
  return { ok: true, root, nodes: count };
}
