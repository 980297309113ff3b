// Replay files: the whole history tree as versioned JSON (scenario id and version, seed, and per node the
// people's orders, who they held, names and comments; for a scenario the page does not ship, the scenario
// itself). Importing replays every turn with the engine, so the states are rebuilt exactly; anything malformed,
// tampered with or from another scenario version is refused with a message that names the problem, and nothing
// in a file is ever executed.
import { z } from 'zod';
import type { GameState, Injection, Order, Result, World } from '../engine/index';
import {
  advance,
  checkInjection,
  checkOrder,
  createGame,
  labelProblems,
  validateScenario,
} from '../engine/index';
import { INJECTION_LIMIT, REASON_LIMIT } from '../engine/injection';
import { checkJsonShape, checkTextSize } from '../engine/limits';
import type { ScenarioDef } from '../engine/schema';
import type { TreeNode } from './tree';
import { playedBy } from './tree';

export const REPLAY_FORMAT = 'iraq-syria-sim/replay';
export const REPLAY_VERSION = 1;
/** What a replay may hold, checked before any work: a larger file is refused at once, never rebuilt. */
export const REPLAY_LIMITS = {
  nodes: 1000, // turns in the whole tree (a class's game with its variations is well under 100)
  depth: 201, // turns along one line: the longest game a scenario may have (200 turns) and its start
  bytes: 2_000_000, // characters of JSON (so every replay that opens can also be autosaved)
};

const id = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected an id');
const reason = z.string().min(1).max(REASON_LIMIT);
const delta = z.number().int().min(-INJECTION_LIMIT).max(INJECTION_LIMIT);
const InjectionJson: z.ZodType<Injection> = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('relation'), a: id, b: id, layer: id, delta, reason }),
  z.strictObject({ kind: z.literal('meter'), actor: id, meter: id, delta, reason }),
  z.strictObject({ kind: z.literal('event'), rule: id, reason }),
]);
const OrderJson = z.strictObject({
  id,
  actor: id,
  target: id.optional(),
  region: id.optional(),
  covert: z.boolean().optional(),
});

/**
 * What is wrong with the shape of an order given from outside (a script, the automation handle), or null:
 * only the fields an order has, each of its type, so nothing odd reaches the history or the autosave.
 */
export function checkOrderShape(order: unknown): string | null {
  const parsed = OrderJson.safeParse(order);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys')
    return `An order has no field ${issue.keys.map((k) => `"${k}"`).join(', ')} (an order has id, actor, target, region and covert).`;
  return `The order's ${field ? `"${field}"` : 'value'} is not valid: ${issue.message}.`;
}

export interface ReplayNode {
  orders: Order[];
  held: string[];
  ahead?: boolean; // true: the computer's actors looked ahead that turn (absent: the greedy AI)
  paused?: boolean; // true: the facilitator had paused the computer that turn (the others gave no orders)
  injected?: Injection[]; // the facilitator's changes that took effect that turn, before the orders
  branch?: string | null; // set where the line switches to a scenario branch (only at turn 0)
  name?: string;
  comment?: string;
  children: ReplayNode[];
}

const ReplayNodeJson: z.ZodType<ReplayNode> = z.lazy(() =>
  z.strictObject({
    orders: z.array(OrderJson).max(100),
    held: z.array(id).max(50),
    ahead: z.boolean().optional(),
    paused: z.boolean().optional(),
    injected: z.array(InjectionJson).max(20).optional(),
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
  // Optional (version 1 files without it stay readable): the scenario itself, when the page does not ship it.
  // Checked by readCarriedScenario with the scenario validator and its limits, never by this schema.
  definition: z.unknown().optional(),
});
export type Replay = z.infer<typeof ReplayJson>;

/**
 * The replay of a tree: everything needed to rebuild it, nothing derived. `definition` is the scenario to
 * carry, for one the page does not ship (a replay of a shipped scenario carries only its id and version).
 */
export function exportReplay(
  root: TreeNode,
  scenario: { id: string; version: number },
  seed: number,
  definition?: ScenarioDef,
): Replay {
  const node = (n: TreeNode, parentBranch: string | null): ReplayNode => {
    const out: ReplayNode = { orders: n.orders.map((o) => ({ ...o })), held: [...n.held], children: [] };
    if (n.ahead) out.ahead = true;
    if (n.paused) out.paused = true;
    if (n.injected?.length) out.injected = n.injected.map((x) => ({ ...x }));
    if (n.branch !== parentBranch) out.branch = n.branch;
    if (n.name) out.name = n.name;
    if (n.comment) out.comment = n.comment;
    out.children = n.children.map((c) => node(c, n.branch));
    return out;
  };
  const replay: Replay = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    scenario: { id: scenario.id, version: scenario.version },
    branch: root.branch,
    seed,
    root: node(root, root.branch),
  };
  if (definition) replay.definition = definition;
  return replay;
}

const CARRIED = 'the scenario the replay carries';

/**
 * The scenario a replay carries (its `definition`), checked as a scenario file is — size, nesting, shape and
 * references — and against the replay's scenario id and version; null when it carries none. Runs before any
 * turn is rebuilt, and never throws, whatever the JSON.
 */
export function readCarriedScenario(json: unknown): Result<ScenarioDef | null> {
  if (typeof json !== 'object' || json === null || !('definition' in json)) return { ok: true, value: null };
  const carried: unknown = json.definition;
  const tooBig = checkJsonShape(carried);
  if (tooBig) return { ok: false, error: `${CARRIED}: ${tooBig.path}: ${tooBig.message}` };
  const tooLong = checkTextSize(JSON.stringify(carried) ?? '');
  if (tooLong) return { ok: false, error: `${CARRIED}: ${tooLong}` };
  const valid = validateScenario(carried);
  if (!valid.ok) return { ok: false, error: labelProblems(CARRIED, valid.problems ?? []) || valid.error };
  const head = (json as { scenario?: { id?: unknown; version?: unknown } }).scenario;
  if (head?.id !== valid.value.id || head.version !== valid.value.version)
    return {
      ok: false,
      error: `${CARRIED} is version ${valid.value.version} of "${valid.value.id}", but the replay says it is of ${JSON.stringify(head?.id)} version ${String(head?.version)}`,
    };
  return { ok: true, value: valid.value };
}

export type ReplayResult = { ok: true; root: TreeNode; nodes: number } | { ok: false; error: string };

/**
 * Counts a replay's nodes and depth in the raw JSON with an explicit stack, before any schema runs: a tree
 * nested thousands deep would overflow the stack of a recursive check. Stops as soon as a limit is passed.
 */
export function measureTree(root: unknown): { nodes: number; depth: number; error?: string } {
  const stack: [unknown, number][] = [[root, 1]];
  let nodes = 0;
  let depth = 0;
  while (stack.length) {
    const [node, d] = stack.pop()!;
    nodes++;
    depth = Math.max(depth, d);
    if (nodes > REPLAY_LIMITS.nodes)
      return { nodes, depth, error: `the replay has more than ${REPLAY_LIMITS.nodes} turns (the limit)` };
    if (depth > REPLAY_LIMITS.depth)
      return {
        nodes,
        depth,
        error: `the replay is deeper than ${REPLAY_LIMITS.depth - 1} turns along one line (the limit)`,
      };
    const children =
      typeof node === 'object' && node !== null ? (node as { children?: unknown }).children : [];
    if (Array.isArray(children))
      for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], d + 1]);
  }
  return { nodes, depth };
}

/** Checks everything that can be checked without playing a turn; the parsed replay, or what is wrong. */
function checkReplay(
  json: unknown,
  scenario: { id: string; version: number },
): { ok: true; replay: Replay; nodes: number } | { ok: false; error: string } {
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
  const size = measureTree((json as { root?: unknown }).root);
  if (size.error) return { ok: false, error: size.error };
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
  return { ok: true, replay, nodes: size.nodes };
}

interface Task {
  r: ReplayNode;
  parent: TreeNode | null;
  branch: string | null;
  where: string;
}

/**
 * Rebuilds a tree from replay JSON one node at a time: it yields after each node (how many are done) and
 * returns the result, so a caller can spread the work over many frames. Nodes are numbered depth first.
 */
export function* rebuildReplay(
  json: unknown,
  scenario: { id: string; version: number },
  worldFor: (branch: string | null) => World | null,
  nextId: () => string,
): Generator<{ done: number; total: number }, ReplayResult, void> {
  const checked = checkReplay(json, scenario);
  if (!checked.ok) return checked;
  const { replay, nodes: total } = checked;
  let root: TreeNode | null = null;
  let done = 0;
  const tasks: Task[] = [{ r: replay.root, parent: null, branch: replay.branch, where: 'root' }];
  while (tasks.length) {
    const { r, parent, branch, where } = tasks.pop()!;
    const lineBranch = r.branch !== undefined ? r.branch : branch;
    const world = worldFor(lineBranch);
    if (!world) return { ok: false, error: `${where}: unknown branch "${String(lineBranch)}"` };
    const before: GameState | null = parent?.state ?? null;
    let state: GameState;
    if (!before || r.branch !== undefined) {
      if (before && before.turn !== 0)
        return { ok: false, error: `${where}: a scenario branch can only start at turn 0` };
      if (r.orders.length) return { ok: false, error: `${where}: a starting node has no orders` };
      if (r.injected?.length)
        return { ok: false, error: `${where}: a starting node has no facilitator changes` };
      state = createGame(world, replay.seed);
    } else {
      if (before.over) return { ok: false, error: `${where}: the game was already over` };
      const given: Order[] = [];
      for (const [k, o] of r.orders.entries()) {
        if (!r.held.includes(o.actor))
          return { ok: false, error: `${where}.orders[${k}]: ${o.actor} gives an order but is not held` };
        const verdict = checkOrder(before, world, o, given);
        if (!verdict.ok) return { ok: false, error: `${where}.orders[${k}] (${o.id}): ${verdict.reason}` };
        given.push(o);
      }
      for (const a of r.held)
        if (!world.def.actors.some((x) => x.id === a && x.playable))
          return { ok: false, error: `${where}.held: "${a}" is not a playable actor` };
      for (const [k, x] of (r.injected ?? []).entries()) {
        const problem = checkInjection(world, x);
        if (problem) return { ok: false, error: `${where}.injected[${k}]: ${problem}` };
      }
      state = advance(
        before,
        world,
        r.orders,
        playedBy(world, r.held, !!r.paused),
        r.ahead ? 'lookahead' : 'greedy',
        r.injected ?? [],
      );
    }
    const node: TreeNode = {
      id: nextId(),
      turn: state.turn,
      branch: lineBranch,
      orders: r.orders,
      held: r.held,
      ...(r.ahead && before ? { ahead: true as const } : {}),
      ...(r.paused && before ? { paused: true as const } : {}),
      ...(r.injected?.length && before ? { injected: r.injected } : {}),
      state,
      children: [],
    };
    if (r.name) node.name = r.name;
    if (r.comment) node.comment = r.comment;
    if (parent) parent.children.push(node);
    else root = node;
    for (let k = r.children.length - 1; k >= 0; k--)
      tasks.push({ r: r.children[k]!, parent: node, branch: lineBranch, where: `${where}.children[${k}]` });
    yield { done: ++done, total };
  }
  return { ok: true, root: root!, nodes: done };
}

/** Rebuilds a whole tree at once (tests, scripts); every order is checked again, as in the page. */
export function importReplay(
  json: unknown,
  scenario: { id: string; version: number },
  worldFor: (branch: string | null) => World | null,
  nextId: () => string,
): ReplayResult {
  const steps = rebuildReplay(json, scenario, worldFor, nextId);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
