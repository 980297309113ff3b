// The game in progress: the only caller of the engine's state-changing functions and the only publisher of
// domain events. Commands are direct calls that return a result (accepted, or refused with a reason); the
// bus only tells the scene, the panels and the audio what happened. Its catalog holds the shipped scenarios
// and the ones opened from a file or carried by a replay (kept in memory, found by id like the shipped ones).
import type { Bus } from '../events/bus';
import type { GameState, Injection, Order, OrderOption, Result, Verdict, World } from '../engine/index';
import {
  checkInjection,
  advance,
  checkOrder,
  compileWorld,
  createGame,
  listOrderOptions,
  validateScenario,
  worldCache,
} from '../engine/index';
import type { ScenarioDef } from '../engine/schema';
import { z } from 'zod';
import { compareStates, explainDiff } from '../engine/compare';
import type { ExplainedDiff } from '../engine/compare';
import type { OddsRun, OddsRunner } from './odds';
import { inlineOdds } from './odds';
import type { Replay } from './replay';
import { checkJsonShape } from '../engine/limits';
import { checkOrderShape, exportReplay, readCarriedScenario, REPLAY_LIMITS, rebuildReplay } from './replay';
import { decodeShare, encodeShare } from './share';
import type { Path, TreeNode } from './tree';
import {
  addChild,
  countNodes,
  deleteAt,
  graft,
  lineEnd,
  nodeAt,
  nodesAlong,
  parentPath,
  pathAtPlace,
  pathIds,
  playedBy,
  promote as promoteLine,
  ROOT,
} from './tree';
import { m } from '../i18n';

export interface Comparison {
  diff: ExplainedDiff; // the differences, each with the effects along both lines that caused it
  left: GameState;
  right: GameState;
}

const ReplayHead = z.object({
  scenario: z.object({ id: z.string(), version: z.unknown() }),
  seed: z.number().int().min(0).max(0xffffffff),
  branch: z.unknown(),
});

export const MAX_SEED = 0xffffffff;

/** A seed is a whole number from 0 to 4294967295: anything else is refused, never wrapped or rounded. */
export function checkSeed(seed: unknown): string | null {
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED
    ? null
    : `the seed must be a whole number from 0 to ${MAX_SEED} (got ${JSON.stringify(seed) ?? String(seed)})`;
}

/** What opening a replay did: how many turns it rebuilt, and whether they joined the game in progress. */
export interface Opened {
  nodes: number;
  merged: boolean; // true: its lines were added beside the game in progress (same scenario and seed)
  path: Path; // where the cursor went
}

export interface OpenOptions {
  cursor?: Path; // show this node if it exists (else the end of the main line)
  place?: string; // or this place (child indexes, see placeOf)
  merge?: boolean; // add the replay's lines to the game in progress when it is the same game
  onProgress?: (done: number, total: number) => void;
  pause?: () => Promise<void>; // called between slices of the rebuild, so the page keeps answering
}

const SLICE = 24; // nodes rebuilt between two pauses (about 9 ms a node in the browser)

function checkScenario(json: unknown, label: string): Result<ScenarioDef> {
  const valid = validateScenario(json);
  if (valid.ok) return valid;
  const lines = (valid.problems ?? []).slice(0, 8).map((p) => `${label}: ${p.path}: ${p.message}`);
  return { ok: false, error: lines.join('\n') || `${label}: ${valid.error}` };
}

export interface ScenarioEntry {
  id: string; // "mosul-2016"
  title: string;
  load: () => Promise<unknown>; // the parsed JSON of the scenario file
  origin?: 'file'; // absent: shipped with the page; "file": opened from a file (or carried by a replay)
}

/** JSON with every object's keys sorted, so that two equal scenarios give the same text. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/**
 * True when `json` (any JSON, possibly hostile: its size is checked first) is the scenario `def`, key order
 * and the editor's `$schema` pointer aside.
 */
export function isSameScenario(json: unknown, def: ScenarioDef): boolean {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || checkJsonShape(json)) return false;
  const strip = (x: object) => ({ ...x, $schema: undefined });
  return canonicalJson(strip(json)) === canonicalJson(strip(def));
}

const copyOrder = (o: Order): Order => {
  const out: Order = { id: o.id, actor: o.actor };
  if (o.target !== undefined) out.target = o.target;
  if (o.region !== undefined) out.region = o.region;
  if (o.covert !== undefined) out.covert = o.covert;
  return out;
};

/**
 * Turns resolved elsewhere: in a class on several devices (src/class), a group's End turn sends its orders to
 * the class server and the teacher's has the server resolve the turn; the game comes back as a replay.
 */
export interface RemoteTurns {
  endTurn(): Result<string>;
}

export class Session {
  def: ScenarioDef | null = null;
  private worlds: (branch: string | null) => World | null = () => null; // compiled once per branch
  root: TreeNode | null = null;
  cursor: Path = ROOT;
  held: string[] = []; // actors people hold: ["US", "TUR"]
  pending: Order[] = []; // orders given this turn, not yet resolved
  injections: Injection[] = []; // the facilitator's changes for this turn, not yet resolved (injection.ts)
  seed = 1;
  private nextId = 1;
  private generation = 0; // counts loads: a rebuild that a newer load overtook is dropped
  private setAside = new Map<Path, Order[]>(); // pending orders of a node the cursor left, until it returns

  constructor(
    readonly bus: Bus,
    readonly catalog: ScenarioEntry[],
    private readonly odds: OddsRunner = inlineOdds((def, branch) => {
      const w = compileWorld(def, branch);
      return w.ok ? w.value : null;
    }),
  ) {}

  /** True when the page ships a scenario with this id (not one opened from a file or carried by a replay). */
  isShipped(scenarioId: string): boolean {
    return this.catalog.some((e) => e.id === scenarioId && !e.origin);
  }

  /**
   * Registers a scenario an author opened from a file (validated already), so that everything that finds a
   * scenario by id finds it; the game in progress is not touched. A scenario with the id of a shipped one is
   * refused unless it is that very scenario (then the shipped entry is the answer); one with the id of an
   * earlier file replaces it (the author edited the file and opened it again).
   */
  async addScenario(def: ScenarioDef, label: string): Promise<Result<ScenarioEntry>> {
    const shipped = this.catalog.find((e) => e.id === def.id && !e.origin);
    if (!shipped) return { ok: true, value: this.register(def) };
    const theirs = await this.fetchScenario(def.id);
    if (theirs.ok && isSameScenario(def, theirs.value)) return { ok: true, value: shipped };
    const title = theirs.ok ? theirs.value.title : shipped.title;
    return {
      ok: false,
      error: m.session_shipped_id({ label, id: def.id, title }),
    };
  }

  /** Puts a scenario from outside the page's own into the catalog, in place of any earlier one of its id. */
  private register(def: ScenarioDef): ScenarioEntry {
    const entry: ScenarioEntry = { id: def.id, title: def.title, origin: 'file', load: async () => def };
    const at = this.catalog.findIndex((e) => e.id === def.id);
    if (at >= 0) this.catalog[at] = entry;
    else this.catalog.push(entry);
    return entry;
  }

  /** Reads and validates a scenario from the catalog, without touching the game in progress. */
  async fetchScenario(scenarioId: string): Promise<Result<ScenarioDef>> {
    const entry = this.catalog.find((e) => e.id === scenarioId);
    if (!entry) {
      const known = this.catalog.map((e) => e.id).join(', ');
      return { ok: false, error: `unknown scenario "${scenarioId}" (known: ${known})` };
    }
    let json: unknown;
    try {
      json = await entry.load();
    } catch (err) {
      return { ok: false, error: `${scenarioId}: could not be read (${(err as Error).message})` };
    }
    return checkScenario(json, `${scenarioId}.json`);
  }

  /** Loads a scenario from the catalog; on failure the game in progress is untouched. */
  async load(scenarioId: string, branch: string | null = null, seed = this.seed): Promise<Result<GameState>> {
    const bad = checkSeed(seed);
    if (bad) return this.failLoad(`${scenarioId}: ${bad}`);
    const generation = ++this.generation;
    const def = await this.fetchScenario(scenarioId);
    if (generation !== this.generation) return { ok: false, error: 'another game was opened meanwhile' };
    if (!def.ok) return this.failLoad(def.error);
    return this.startWith(def.value, branch, seed);
  }

  /** Starts a game from scenario JSON (already parsed); `label` names it in messages. */
  start(json: unknown, branch: string | null, seed: number, label = 'scenario'): Result<GameState> {
    const bad = checkSeed(seed);
    if (bad) return this.failLoad(`${label}: ${bad}`);
    const def = checkScenario(json, label);
    if (!def.ok) return this.failLoad(def.error);
    ++this.generation;
    return this.startWith(def.value, branch, seed);
  }

  private startWith(def: ScenarioDef, branch: string | null, seed: number): Result<GameState> {
    const world = compileWorld(def, branch);
    if (!world.ok) return this.failLoad(world.error);
    this.def = def;
    this.worlds = worldCache(def);
    this.seed = seed;
    this.nextId = 1;
    this.setAside.clear();
    const state = createGame(world.value, this.seed);
    this.root = { id: 'root', turn: 0, branch, orders: [], held: [], state, children: [] };
    this.cursor = ROOT;
    this.pending = [];
    this.injections = [];
    const playable = def.actors.filter((a) => a.playable).map((a) => a.id);
    this.held = this.held.filter((a) => playable.includes(a));
    this.bus.emit('game/loaded', { state });
    this.bus.emit('history/changed', { reason: 'loaded' });
    return { ok: true, value: state };
  }

  private failLoad(message: string): { ok: false; error: string } {
    this.bus.emit('load/failed', { message });
    return { ok: false, error: message };
  }

  /** The compiled world for a scenario branch (null: the main line). */
  worldFor(branch: string | null): World | null {
    return this.worlds(branch);
  }

  get node(): TreeNode | null {
    return this.root ? nodeAt(this.root, this.cursor) : null;
  }

  get world(): World | null {
    const node = this.node;
    return node ? this.worldFor(node.branch) : null;
  }

  get state(): GameState | null {
    return this.node?.state ?? null;
  }

  /** Set while the page is in a class: its turns are resolved by the class server (see RemoteTurns). */
  remote: RemoteTurns | null = null;

  /** The facilitator has paused the computer: the actors nobody holds give no orders until it resumes. */
  aiPaused = false;

  /**
   * Whether the computer's actors look ahead (lookahead.ts: rollouts over two turns, some tens of milliseconds
   * a turn) or choose greedily, from the next turn on; each turn records which (so a replay plays it again).
   */
  lookahead = false;

  setLookahead(on: boolean): void {
    this.lookahead = on;
  }

  /** Which actors people hold (the AI plays the rest). Pending orders of released actors are dropped. */
  setHeld(actors: string[]): void {
    const playable = new Set(this.def?.actors.filter((a) => a.playable).map((a) => a.id));
    this.held = actors.filter((a) => playable.has(a));
    this.pending = this.pending.filter((o) => this.held.includes(o.actor));
  }

  /** Every order the actor's definitions allow now, with the reason for each refused one. */
  options(actor: string): OrderOption[] {
    const { state, world } = this;
    return state && world ? listOrderOptions(state, world, actor, this.pending) : [];
  }

  /** Gives an order for a held actor; a refused order comes back with its reason. */
  order(order: Order): Verdict {
    const { state, world } = this;
    const shape = checkOrderShape(order);
    let verdict: Verdict;
    if (shape) verdict = { ok: false, code: 'malformed', reason: shape };
    else if (!state || !world) verdict = { ok: false, code: 'game-over', reason: 'No game is loaded.' };
    else if (!this.held.includes(order.actor))
      verdict = {
        ok: false,
        code: 'not-yours',
        reason:
          world.actorIndex[order.actor] === undefined
            ? `There is no actor "${order.actor}" in this scenario.`
            : `Nobody holds ${order.actor}: the AI gives its orders.`,
      };
    else verdict = checkOrder(state, world, order, this.pending);
    if (verdict.ok) {
      this.pending = [...this.pending, copyOrder(order)];
      this.bus.emit('order/accepted', { order });
      this.bus.emit('pending/changed', { orders: this.pending });
    } else this.bus.emit('order/refused', { order, reason: verdict.reason });
    return verdict;
  }

  /**
   * Queues a facilitator's change for the turn being given (a relation or meter change with a reason, or one of
   * the scenario's events): checked now, applied when the turn resolves, before the orders.
   */
  inject(x: Injection): Result<Injection[]> {
    const world = this.world;
    if (!world || !this.state) return { ok: false, error: 'No game is loaded.' };
    if (this.state.over) return { ok: false, error: 'The game is over.' };
    const problem = checkInjection(world, x);
    if (problem) return { ok: false, error: problem };
    this.injections = [...this.injections, { ...x, reason: x.reason.trim() }];
    this.bus.emit('pending/changed', { orders: this.pending });
    return { ok: true, value: this.injections };
  }

  /** Takes back a queued facilitator change. */
  uninject(index: number): void {
    this.injections = this.injections.filter((_, i) => i !== index);
    this.bus.emit('pending/changed', { orders: this.pending });
  }

  /** Takes back a pending order. */
  cancel(index: number): void {
    this.pending = this.pending.filter((_, i) => i !== index);
    this.bus.emit('pending/changed', { orders: this.pending });
  }

  /**
   * Resolves the turn: the pending orders plus the AI's for every actor nobody holds. From a node that is not
   * the end of its line, this forks a new variation (the old line is kept).
   */
  endTurn(): Result<GameState> {
    const { root, node, world } = this;
    if (!root || !node || !world) return { ok: false, error: 'No game is loaded.' };
    if (node.state.over) return { ok: false, error: 'The game is over.' };
    if (this.remote) {
      const sent = this.remote.endTurn();
      return sent.ok ? { ok: true, value: node.state } : sent;
    }
    const previous = node.state;
    const orders = this.pending;
    const paused = this.aiPaused;
    const injected = this.injections;
    const state = advance(
      previous,
      world,
      orders,
      playedBy(world, this.held, paused),
      this.lookahead ? 'lookahead' : 'greedy',
      injected,
    );
    const child: TreeNode = {
      id: `n${this.nextId++}`,
      turn: state.turn,
      branch: node.branch,
      orders,
      held: [...this.held],
      ...(paused ? { paused: true as const } : {}),
      ...(injected.length ? { injected } : {}),
      ...(this.lookahead ? { ahead: true as const } : {}),
      state,
      children: [],
    };
    this.setAside.delete(this.cursor);
    this.cursor = addChild(root, this.cursor, child);
    this.pending = [];
    this.injections = [];
    const shown = this.state!;
    this.bus.emit('turn/resolved', { state: shown, previous });
    this.announce(shown, previous);
    this.bus.emit('history/changed', { reason: 'turn' });
    return { ok: true, value: shown };
  }

  private announce(state: GameState, previous: GameState): void {
    for (const e of state.effects) {
      if (e.kind === 'control') this.bus.emit('control/changed', { effect: e });
      if (
        e.kind === 'relation' &&
        e.before !== undefined &&
        e.after !== undefined &&
        Math.sign(e.before) !== Math.sign(e.after) &&
        e.before !== 0
      )
        this.bus.emit('relation/crossedZero', { effect: e });
    }
    if (state.over && !previous.over) this.bus.emit('game/over', { state });
  }

  /**
   * Moves the cursor to a node of the tree. Orders given but not resolved are set aside with the node they
   * were given at (and the page is told), and come back when the cursor returns there.
   */
  goTo(path: Path): boolean {
    if (!this.root) return false;
    const target = nodeAt(this.root, path);
    if (!target) return false;
    const previous = this.state;
    if (path !== this.cursor && this.pending.length) {
      this.setAside.set(this.cursor, this.pending);
      this.bus.emit('orders/setAside', { count: this.pending.length, turn: previous?.turn ?? 0 });
    }
    const restored = path === this.cursor ? this.pending : (this.setAside.get(path) ?? []);
    this.setAside.delete(path);
    if (path !== this.cursor) this.injections = []; // a facilitator's change belongs to the turn it was made for
    this.cursor = path;
    this.pending = restored.filter((o) => this.held.includes(o.actor));
    this.bus.emit('state/shown', { state: target.state, previous });
    if (this.pending.length) this.bus.emit('pending/changed', { orders: this.pending });
    return true;
  }

  back(): boolean {
    return this.cursor !== ROOT && this.goTo(parentPath(this.cursor));
  }

  forward(): boolean {
    const next = this.node?.children[0];
    return next ? this.goTo(this.cursor ? `${this.cursor}/${next.id}` : next.id) : false;
  }

  toStart(): boolean {
    return this.goTo(ROOT);
  }

  toEnd(): boolean {
    return this.root ? this.goTo(lineEnd(this.root, this.cursor)) : false;
  }

  /** The nodes from the root to the cursor. */
  line(): TreeNode[] {
    return this.root ? nodesAlong(this.root, this.cursor) : [];
  }

  /** Starts a scenario branch ("what if …") as a line beside the main one, from turn 0, and shows it. */
  forkBranch(branch: string | null): Result<Path> {
    const { root, def } = this;
    if (!root || !def) return { ok: false, error: m.session_no_game() };
    const world = this.worldFor(branch);
    if (!world)
      return { ok: false, error: m.session_no_branch({ scenario: def.id, branch: String(branch) }) };
    if (branch === root.branch)
      return this.goTo(ROOT) ? { ok: true, value: ROOT } : { ok: false, error: 'no root' };
    const node: TreeNode = {
      id: `n${this.nextId++}`,
      turn: 0,
      branch,
      orders: [],
      held: [],
      state: createGame(world, this.seed),
      children: [],
    };
    const path = addChild(root, ROOT, node);
    this.bus.emit('history/changed', { reason: 'branch' });
    this.goTo(path);
    return { ok: true, value: path };
  }

  rename(path: Path, name: string): boolean {
    const node = this.root && nodeAt(this.root, path);
    if (!node) return false;
    if (name.trim()) node.name = name.trim().slice(0, 200);
    else delete node.name;
    this.bus.emit('history/changed', { reason: 'name' });
    return true;
  }

  annotate(path: Path, comment: string): boolean {
    const node = this.root && nodeAt(this.root, path);
    if (!node) return false;
    if (comment.trim()) node.comment = comment.slice(0, 5000);
    else delete node.comment;
    this.bus.emit('history/changed', { reason: 'comment' });
    return true;
  }

  /** Makes the line through `path` the main line. */
  promote(path: Path): boolean {
    if (!this.root || !nodeAt(this.root, path)) return false;
    const before = this.cursor;
    promoteLine(this.root, path);
    this.bus.emit('history/changed', { reason: 'promote' });
    return before === this.cursor;
  }

  /** Deletes a node and its line; if the cursor was inside it, shows the parent. */
  remove(path: Path): boolean {
    if (!this.root || !path) return false;
    const inside = this.cursor === path || this.cursor.startsWith(`${path}/`);
    if (!deleteAt(this.root, path)) return false;
    this.bus.emit('history/changed', { reason: 'delete' });
    if (inside) this.goTo(parentPath(path));
    return true;
  }

  /** The differences between two nodes, with the effects along each line that touched what differs. */
  compare(left: Path, right: Path): Result<Comparison> {
    const { root } = this;
    const a = root && nodeAt(root, left);
    const b = root && nodeAt(root, right);
    if (!root || !a || !b) return { ok: false, error: m.session_compare_missing() };
    const lw = this.worldFor(a.branch);
    const rw = this.worldFor(b.branch);
    if (!lw || !rw) return { ok: false, error: m.session_compare_uncompiled() };
    const effects = (path: Path) => nodesAlong(root, path).flatMap((n) => n.state.effects);
    const diff = explainDiff(compareStates(lw, a.state, rw, b.state), effects(left), effects(right));
    return { ok: true, value: { diff, left: a.state, right: b.state } };
  }

  /** Starts N AI playouts from the node at `path` (seeds seed … seed+N-1); cancel() stops them. */
  runOdds(
    path: Path,
    count: number,
    onProgress: (done: number, total: number) => void,
    seed = 1,
  ): Result<OddsRun> {
    const node = this.root && nodeAt(this.root, path);
    if (!node || !this.def) return { ok: false, error: m.session_odds_missing() };
    if (node.state.over) return { ok: false, error: m.session_odds_over() };
    const n = Math.max(1, Math.min(2000, Math.floor(count)));
    const run = this.odds(
      { def: this.def, branch: node.branch, state: node.state, seed, count: n },
      onProgress,
    );
    // The page tells the map while playouts run (it pauses its drawing, which would take a core from them).
    if (this.oddsRunning++ === 0) this.bus.emit('odds/running', { running: true });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      if (--this.oddsRunning === 0) this.bus.emit('odds/running', { running: false });
    };
    run.promise.then(end, end);
    return {
      ok: true,
      value: {
        promise: run.promise,
        cancel: () => {
          run.cancel();
          end();
        },
      },
    };
  }

  private oddsRunning = 0;

  /** The whole tree as a replay file. */
  exportReplay(): Replay | null {
    return this.root && this.def ? exportReplay(this.root, this.def, this.seed, this.carried()) : null;
  }

  /** The scenario a replay of this game must carry: none when the page ships it. */
  private carried(): ScenarioDef | undefined {
    return this.def && !this.isShipped(this.def.id) ? this.def : undefined;
  }

  /** The line from the root to `path` only, as a replay (for share links). */
  exportLine(path: Path = this.cursor): Replay | null {
    if (!this.root || !this.def) return null;
    const along = nodesAlong(this.root, path);
    let line: TreeNode | null = null;
    for (let i = along.length - 1; i >= 0; i--) line = { ...along[i]!, children: line ? [line] : [] };
    return exportReplay(line!, this.def, this.seed, this.carried());
  }

  /**
   * True when a replay (parsed JSON) is of the game in progress: same scenario, version and seed (and, when
   * it carries its scenario, that very scenario).
   */
  isSameGame(json: unknown): boolean {
    const head = ReplayHead.safeParse(json);
    const carried = (json as { definition?: unknown } | null)?.definition;
    return (
      !!this.def &&
      !!this.root &&
      head.success &&
      head.data.scenario.id === this.def.id &&
      head.data.scenario.version === this.def.version &&
      head.data.seed === this.seed &&
      (carried === undefined || isSameScenario(carried, this.def))
    );
  }

  /**
   * The scenario to rebuild a replay with: the one it carries (checked; a shipped id must hold the shipped
   * scenario), else the game's own or the catalog's by id. `register` says the carried one is new here.
   */
  private async scenarioForReplay(
    json: unknown,
    id: string,
  ): Promise<Result<{ def: ScenarioDef; register: boolean }>> {
    const carried = readCarriedScenario(json);
    if (!carried.ok) return carried;
    const def = carried.value;
    if (!def) {
      if (this.def && this.def.id === id) return { ok: true, value: { def: this.def, register: false } };
      if (!this.catalog.some((e) => e.id === id))
        return {
          ok: false,
          error: `unknown scenario "${id}": this page does not ship it and the replay does not carry it. Open the scenario file first ("Open a scenario file…" in the briefing, B), then the replay.`,
        };
      const fetched = await this.fetchScenario(id);
      return fetched.ok ? { ok: true, value: { def: fetched.value, register: false } } : fetched;
    }
    if (this.def && isSameScenario(def, this.def))
      return { ok: true, value: { def: this.def, register: false } };
    if (!this.isShipped(id)) return { ok: true, value: { def, register: true } };
    const shipped = await this.fetchScenario(id);
    if (shipped.ok && isSameScenario(def, shipped.value))
      return { ok: true, value: { def: shipped.value, register: false } };
    return {
      ok: false,
      error: `it carries its own scenario "${id}", but this page ships a different scenario with that id`,
    };
  }

  /**
   * Opens a replay (parsed JSON): loads its scenario if needed and rebuilds every state, a slice at a time,
   * then shows the end of its main line (or `options.cursor`). With `merge`, a replay of the game in progress
   * adds its lines beside the existing ones. Anything wrong leaves the game in progress untouched.
   */
  async openReplay(json: unknown, options: OpenOptions = {}): Promise<Result<Opened>> {
    const head = ReplayHead.safeParse(json);
    if (!head.success)
      return this.failLoad('This file is not a replay of this game (no scenario id and seed in it).');
    const merge = !!options.merge && this.isSameGame(json);
    const generation = merge ? this.generation : ++this.generation;
    const found = merge
      ? { ok: true as const, value: { def: this.def!, register: false } }
      : await this.scenarioForReplay(json, head.data.scenario.id);
    if (generation !== this.generation) return { ok: false, error: 'another game was opened meanwhile' };
    if (!found.ok) return this.failLoad(`The replay's scenario cannot be opened: ${found.error}`);
    const def = { ok: true as const, value: found.value.def };
    const worlds = merge ? this.worlds : worldCache(def.value);
    let n = 0;
    const steps = rebuildReplay(json, def.value, worlds, () => `r${++n}`);
    let result: ReturnType<typeof steps.next>;
    for (let k = 1; ; k++) {
      result = steps.next();
      if (result.done) break;
      options.onProgress?.(result.value.done, result.value.total);
      if (k % SLICE === 0 && options.pause) {
        await options.pause();
        if (generation !== this.generation) return { ok: false, error: 'another game was opened meanwhile' };
      }
    }
    const built = result.value;
    if (!built.ok) return this.failLoad(`The replay cannot be opened: ${built.error}`);
    if (merge && this.root) {
      const incoming =
        built.root.branch === this.root.branch
          ? built.root
          : { ...this.root, children: [{ ...built.root, id: 'x', orders: [], held: [] }] };
      if (countNodes(this.root) + built.nodes > REPLAY_LIMITS.nodes)
        return this.failLoad(
          `The replay cannot be added: the game would have more than ${REPLAY_LIMITS.nodes} turns.`,
        );
      const path = graft(this.root, incoming, () => `n${this.nextId++}`);
      this.bus.emit('history/changed', { reason: 'import' });
      this.goTo(path);
      return { ok: true, value: { nodes: built.nodes, merged: true, path } };
    }
    // Renumber in the session's own series, so the ids of later turns never clash.
    if (found.value.register) this.register(def.value);
    this.def = def.value;
    this.worlds = worlds;
    this.seed = head.data.seed;
    this.nextId = 1;
    const renumber = (node: TreeNode): void => {
      node.id = node === built.root ? 'root' : `n${this.nextId++}`;
      node.children.forEach(renumber);
    };
    renumber(built.root);
    this.root = built.root;
    this.pending = [];
    this.injections = [];
    this.setAside.clear();
    this.cursor = ROOT;
    this.bus.emit('game/loaded', { state: built.root.state });
    this.bus.emit('history/changed', { reason: 'import' });
    const fromPlace = options.place !== undefined ? pathAtPlace(built.root, options.place) : null;
    const target =
      fromPlace ??
      (options.cursor !== undefined && nodeAt(built.root, options.cursor)
        ? options.cursor
        : lineEnd(built.root, ROOT));
    this.goTo(target);
    return { ok: true, value: { nodes: built.nodes, merged: false, path: target } };
  }

  /** A share link's fragment for the line to `path`. */
  async shareLine(path: Path = this.cursor): Promise<string | null> {
    const replay = this.exportLine(path);
    return replay ? encodeShare(replay) : null;
  }

  /** Opens a shared line from a link's fragment (see openReplay for the options). */
  async openShare(text: string, options: OpenOptions = {}): Promise<Result<Opened>> {
    const decoded = await decodeShare(text);
    if (!decoded.ok) return this.failLoad(`This link cannot be opened: ${decoded.error}.`);
    return this.openReplay(decoded.json, options);
  }

  get depth(): number {
    return pathIds(this.cursor).length;
  }
}
