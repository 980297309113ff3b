// The game in progress: the only caller of the engine's state-changing functions and the only publisher of
// domain events. Commands are direct calls that return a result (accepted, or refused with a reason); the
// bus only tells the scene, the panels and the audio what happened.
import type { Bus } from '../events/bus';
import type { GameState, Order, OrderOption, Result, Verdict, World } from '../engine/index';
import {
  advance,
  checkOrder,
  compileWorld,
  createGame,
  listOrderOptions,
  validateScenario,
} from '../engine/index';
import type { ScenarioDef } from '../engine/schema';
import type { Path, TreeNode } from './tree';
import { addChild, lineEnd, nodeAt, nodesAlong, parentPath, pathIds, ROOT } from './tree';

export interface ScenarioEntry {
  id: string; // "mosul-2016"
  title: string;
  load: () => Promise<unknown>; // the parsed JSON of the scenario file
}

export class Session {
  def: ScenarioDef | null = null;
  private worlds = new Map<string, World>(); // branch id ("" for the main line) -> compiled world
  root: TreeNode | null = null;
  cursor: Path = ROOT;
  held: string[] = []; // actors people hold: ["US", "TUR"]
  pending: Order[] = []; // orders given this turn, not yet resolved
  seed = 1;
  private nextId = 1;

  constructor(
    readonly bus: Bus,
    readonly catalog: ScenarioEntry[],
  ) {}

  /** Loads a scenario from the catalog; on failure the game in progress is untouched. */
  async load(scenarioId: string, branch: string | null = null, seed = this.seed): Promise<Result<GameState>> {
    const entry = this.catalog.find((e) => e.id === scenarioId);
    if (!entry) {
      const known = this.catalog.map((e) => e.id).join(', ');
      return this.failLoad(`unknown scenario "${scenarioId}" (known: ${known})`);
    }
    let json: unknown;
    try {
      json = await entry.load();
    } catch (err) {
      return this.failLoad(`${scenarioId}: could not be read (${(err as Error).message})`);
    }
    return this.start(json, branch, seed, `${scenarioId}.json`);
  }

  /** Starts a game from scenario JSON (already parsed); `label` names it in messages. */
  start(json: unknown, branch: string | null, seed: number, label = 'scenario'): Result<GameState> {
    const valid = validateScenario(json);
    if (!valid.ok) {
      const lines = (valid.problems ?? []).slice(0, 8).map((p) => `${label}: ${p.path}: ${p.message}`);
      return this.failLoad(lines.join('\n') || `${label}: ${valid.error}`);
    }
    const world = compileWorld(valid.value, branch);
    if (!world.ok) return this.failLoad(world.error);
    this.def = valid.value;
    this.worlds = new Map([[branch ?? '', world.value]]);
    this.seed = seed >>> 0;
    this.nextId = 1;
    const state = createGame(world.value, this.seed);
    this.root = { id: 'root', turn: 0, branch, orders: [], held: [], state, children: [] };
    this.cursor = ROOT;
    this.pending = [];
    const playable = valid.value.actors.filter((a) => a.playable).map((a) => a.id);
    this.held = this.held.filter((a) => playable.includes(a));
    this.bus.emit('game/loaded', { state });
    return { ok: true, value: state };
  }

  private failLoad(message: string): { ok: false; error: string } {
    this.bus.emit('load/failed', { message });
    return { ok: false, error: message };
  }

  /** The compiled world for a scenario branch (null: the main line). */
  worldFor(branch: string | null): World | null {
    if (!this.def) return null;
    const key = branch ?? '';
    const cached = this.worlds.get(key);
    if (cached) return cached;
    const compiled = compileWorld(this.def, branch);
    if (!compiled.ok) return null;
    this.worlds.set(key, compiled.value);
    return compiled.value;
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
    let verdict: Verdict;
    if (!state || !world) verdict = { ok: false, code: 'game-over', reason: 'No game is loaded.' };
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
      this.pending = [...this.pending, { ...order }];
      this.bus.emit('order/accepted', { order });
      this.bus.emit('pending/changed', { orders: this.pending });
    } else this.bus.emit('order/refused', { order, reason: verdict.reason });
    return verdict;
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
    const previous = node.state;
    const orders = this.pending;
    const state = advance(previous, world, orders, this.held);
    const child: TreeNode = {
      id: `n${this.nextId++}`,
      turn: state.turn,
      branch: node.branch,
      orders,
      held: [...this.held],
      state,
      children: [],
    };
    this.cursor = addChild(root, this.cursor, child);
    this.pending = [];
    const shown = this.state!;
    this.bus.emit('turn/resolved', { state: shown, previous });
    this.announce(shown, previous);
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

  /** Moves the cursor to a node of the tree; pending orders are dropped. */
  goTo(path: Path): boolean {
    if (!this.root) return false;
    const target = nodeAt(this.root, path);
    if (!target) return false;
    const previous = this.state;
    this.cursor = path;
    this.pending = [];
    this.bus.emit('state/shown', { state: target.state, previous });
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

  get depth(): number {
    return pathIds(this.cursor).length;
  }
}
