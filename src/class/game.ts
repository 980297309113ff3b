// A class on several devices as the server keeps it: one game (a Session, so the engine is its only authority),
// the seats the groups took (one power each, known by a secret key), the orders each group has sent for this
// turn (hidden from the others until the turn resolves), and whether the teacher has locked them. No network
// here: room.ts carries the messages, and a class is saved as JSON and restored from it after a restart.
import { createBus } from '../events/bus';
import type { Injection, Order, Result } from '../engine/index';
import { checkOrder } from '../engine/index';
import type { ScenarioEntry } from '../session/session';
import { checkSeed, Session } from '../session/session';
import type { Replay } from '../session/replay';
import { checkOrderShape } from '../session/replay';
import type { ClassStatus, CreateOptions, Display, GameMessage } from './protocol';
import { stateHash } from './protocol';

export const CLASS_FORMAT = 'iraq-syria-sim/class';

/** The most orders one message may carry (a turn's orders for one power are a handful). */
const MAX_ORDERS = 200;
const MAX_INJECTIONS = 50;

export interface Seat {
  power: string;
  key: string;
  sent: Order[] | null; // null: nothing sent this turn
}

/** A class as saved on the server's disk. */
export interface ClassRecord {
  format: typeof CLASS_FORMAT;
  version: 1;
  code: string;
  teacherKey: string;
  locked: boolean;
  display?: Display;
  seats: Seat[];
  replay: Replay;
}

const NO_DISPLAY: Display = { showReasons: true, minutes: 0, remainingMs: null };

/** What the teacher shows on every page, checked; null when it is not one. */
export function readDisplay(x: unknown): Display | null {
  if (!isRecord(x)) return null;
  const { showReasons, minutes, remainingMs } = x;
  if (typeof showReasons !== 'boolean') return null;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 0 || minutes > 60) return null;
  if (
    remainingMs !== null &&
    (typeof remainingMs !== 'number' || !(remainingMs >= 0 && remainingMs <= 3_600_000))
  )
    return null;
  return { showReasons, minutes, remainingMs: remainingMs === null ? null : Math.round(remainingMs) };
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The orders of a message, each of an order's shape, or what is wrong with them. */
function readOrders(x: unknown): Result<Order[]> {
  if (!Array.isArray(x)) return { ok: false, error: 'orders must be a list' };
  if (x.length > MAX_ORDERS) return { ok: false, error: `more than ${MAX_ORDERS} orders` };
  for (const [i, o] of x.entries()) {
    const bad = checkOrderShape(o);
    if (bad) return { ok: false, error: `order ${i + 1}: ${bad}` };
  }
  return { ok: true, value: (x as Order[]).map((o) => ({ ...o })) };
}

export class ClassGame {
  private constructor(
    readonly code: string,
    readonly teacherKey: string,
    readonly session: Session,
    public seats: Seat[],
    public locked: boolean,
    public display: Display = NO_DISPLAY,
  ) {}

  /** A new class: a game of the scenario from its start. */
  static async create(
    catalog: ScenarioEntry[],
    code: string,
    teacherKey: string,
    options: unknown,
  ): Promise<Result<ClassGame>> {
    if (!isRecord(options)) return { ok: false, error: 'a class needs a scenario, a branch and a seed' };
    const { scenario, branch, seed } = options as Partial<CreateOptions>;
    if (typeof scenario !== 'string') return { ok: false, error: 'a class needs a scenario id' };
    if (branch !== null && typeof branch !== 'string')
      return { ok: false, error: 'the branch must be a branch id or null (the main line)' };
    const badSeed = checkSeed(seed);
    if (badSeed) return { ok: false, error: badSeed };
    const session = new Session(createBus(), catalog);
    const loaded = await session.load(scenario, branch, seed);
    if (!loaded.ok) return loaded;
    return { ok: true, value: new ClassGame(code, teacherKey, session, [], false) };
  }

  /** A class saved earlier (its replay rebuilt with the engine); anything wrong in the file is named. */
  static async restore(catalog: ScenarioEntry[], json: unknown): Promise<Result<ClassGame>> {
    if (!isRecord(json) || json.format !== CLASS_FORMAT || json.version !== 1)
      return { ok: false, error: 'not a saved class (format and version)' };
    const { code, teacherKey, locked, seats } = json;
    if (typeof code !== 'string' || typeof teacherKey !== 'string' || typeof locked !== 'boolean')
      return { ok: false, error: 'a saved class needs its code, teacher key and lock' };
    if (!Array.isArray(seats)) return { ok: false, error: 'the seats must be a list' };
    const session = new Session(createBus(), catalog);
    const opened = await session.openReplay(json.replay);
    if (!opened.ok) return opened;
    const game = new ClassGame(code, teacherKey, session, [], false);
    for (const s of seats) {
      if (!isRecord(s) || typeof s.power !== 'string' || typeof s.key !== 'string')
        return { ok: false, error: 'a seat needs a power and a key' };
      const taken = game.take(s.power, s.key);
      if (!taken.ok) return taken;
      if (s.sent !== null && s.sent !== undefined) {
        const sent = game.send(s.key, s.sent);
        if (!sent.ok) return { ok: false, error: `${s.power}'s orders: ${sent.error}` };
      }
    }
    game.locked = locked; // after the orders sent before the lock are back
    if (json.display !== undefined) game.display = readDisplay(json.display) ?? NO_DISPLAY;
    return { ok: true, value: game };
  }

  record(): ClassRecord {
    return {
      format: CLASS_FORMAT,
      version: 1,
      code: this.code,
      teacherKey: this.teacherKey,
      locked: this.locked,
      display: this.display,
      seats: this.seats.map((s) => ({ ...s, sent: s.sent && s.sent.map((o) => ({ ...o })) })),
      replay: this.session.exportReplay()!,
    };
  }

  private get def() {
    return this.session.def!;
  }

  private nameOf(power: string): string {
    return this.def.actors.find((a) => a.id === power)?.name ?? power;
  }

  /** The playable powers no group holds yet. */
  free(): { power: string; name: string }[] {
    const taken = new Set(this.seats.map((s) => s.power));
    return this.def.actors
      .filter((a) => a.playable && !taken.has(a.id))
      .map((a) => ({ power: a.id, name: a.name }));
  }

  /** A group takes a power (a free, playable one); `key` is the secret it will come back with. */
  take(power: unknown, key: string): Result<Seat> {
    const actor = this.def.actors.find((a) => a.id === power);
    if (typeof power !== 'string' || !actor)
      return { ok: false, error: `there is no power "${String(power)}" in this scenario` };
    if (!actor.playable)
      return { ok: false, error: `${actor.name} is played by the computer in this scenario` };
    if (this.seats.some((s) => s.power === power))
      return { ok: false, error: `${actor.name} is taken by another group` };
    const seat: Seat = { power, key, sent: null };
    this.seats.push(seat);
    return { ok: true, value: seat };
  }

  seatOf(key: unknown): Seat | null {
    return (typeof key === 'string' && this.seats.find((s) => s.key === key)) || null;
  }

  /** A group's orders for this turn, checked by the engine against the state (each with the earlier ones). */
  send(key: string, orders: unknown): Result<Order[]> {
    const seat = this.seatOf(key);
    if (!seat) return { ok: false, error: 'this page holds no seat in the class' };
    if (this.locked) return { ok: false, error: 'the teacher has locked the orders for this turn' };
    const state = this.session.state!;
    const world = this.session.world!;
    if (state.over) return { ok: false, error: 'the game is over' };
    const read = readOrders(orders);
    if (!read.ok) return read;
    const accepted: Order[] = [];
    for (const o of read.value) {
      if (o.actor !== seat.power)
        return { ok: false, error: `${seat.power}'s group cannot give ${o.actor}'s order "${o.id}"` };
      const verdict = checkOrder(state, world, o, accepted);
      if (!verdict.ok) return { ok: false, error: `order "${o.id}": ${verdict.reason}` };
      accepted.push(o);
    }
    seat.sent = accepted.length ? accepted : null;
    return { ok: true, value: accepted };
  }

  /**
   * Resolves the turn with every group's orders and the teacher's (for powers no group holds), the changes the
   * teacher injects and whether the computer is paused. Nothing changes when any of it is refused.
   */
  resolve(request: unknown): Result<GameMessage> {
    if (!isRecord(request)) return { ok: false, error: 'a turn needs orders, injections and flags' };
    const { paused, lookahead } = request;
    if (typeof paused !== 'boolean' || typeof lookahead !== 'boolean')
      return { ok: false, error: 'paused and lookahead must be true or false' };
    const teacher = readOrders(request.orders);
    if (!teacher.ok) return { ok: false, error: `the teacher's ${teacher.error}` };
    if (!Array.isArray(request.injections) || request.injections.length > MAX_INJECTIONS)
      return { ok: false, error: `injections must be a list of at most ${MAX_INJECTIONS}` };
    const session = this.session;
    if (!session.state || session.state.over) return { ok: false, error: 'the game is over' };
    const seated = new Set(this.seats.map((s) => s.power));
    const clash = teacher.value.find((o) => seated.has(o.actor));
    if (clash) return { ok: false, error: `${clash.actor} is held by a group: its orders are the group's` };
    const held = [...seated, ...new Set(teacher.value.map((o) => o.actor))];
    const undo = () => {
      session.pending = [];
      session.injections = [];
    };
    undo();
    session.setHeld(held);
    const all = [...this.seats.flatMap((s) => s.sent ?? []), ...teacher.value];
    for (const o of all) {
      const verdict = session.order(o);
      if (!verdict.ok) {
        undo();
        return { ok: false, error: `${o.actor}'s order "${o.id}": ${verdict.reason}` };
      }
    }
    for (const x of request.injections as Injection[]) {
      const done = session.inject(x);
      if (!done.ok) {
        undo();
        return { ok: false, error: `an injected change: ${done.error}` };
      }
    }
    session.aiPaused = paused;
    session.setLookahead(lookahead);
    const ended = session.endTurn();
    if (!ended.ok) {
      undo();
      return ended;
    }
    for (const s of this.seats) s.sent = null;
    this.locked = false;
    return { ok: true, value: this.game() };
  }

  /** The game as the pages rebuild it. */
  game(): GameMessage {
    const state = this.session.state!;
    return { replay: this.session.exportReplay()!, turn: state.turn, hash: stateHash(state) };
  }

  status(connected: ReadonlySet<string>): ClassStatus {
    const state = this.session.state!;
    const root = this.session.root!;
    return {
      code: this.code,
      scenario: this.def.id,
      branch: root.branch,
      seed: this.session.seed,
      turn: state.turn,
      over: state.over,
      locked: this.locked,
      display: this.display,
      free: this.free(),
      seats: this.seats.map((s) => ({
        power: s.power,
        name: this.nameOf(s.power),
        connected: connected.has(s.key),
        sent: s.sent !== null,
      })),
    };
  }
}
