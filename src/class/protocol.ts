// What the class server and the pages say to each other (room.ts on the server, client.ts in the page). The
// server is the only authority: it resolves every turn with the engine and sends the game as a replay, which
// each page rebuilds with the same engine and checks against the server's fingerprint of the state.
import type { Injection, Order } from '../engine/index';
import type { Replay } from '../session/replay';

/** The room type's name on the server. */
export const ROOM = 'class';

/** How a page joins a class: as its teacher (the key it was given), as a group (its seat's key), or for a power. */
export type JoinOptions = { teacher: string } | { seat: string } | { power: string };

/** How a teacher starts a class: a game of this scenario, branch and seed, from its start. */
export interface CreateOptions {
  scenario: string;
  branch: string | null;
  seed: number;
}

/** A group's orders for the turn, all at once (sending again replaces them; an empty list withdraws them). */
export interface SendMessage {
  orders: Order[];
}

/** The teacher resolves the turn: the orders for powers no group holds, changes injected, the computer paused. */
export interface ResolveMessage {
  orders: Order[];
  injections: Injection[];
  paused: boolean;
  lookahead: boolean;
}

export interface SeatStatus {
  power: string;
  name: string;
  connected: boolean;
  sent: boolean; // the group has sent orders this turn (which ones: the teacher's alone to see)
}

/** What the teacher shows on every page: the computer's reasons or not, and the turn timer. */
export interface Display {
  showReasons: boolean;
  minutes: number; // the timer's minutes a turn (0: no timer)
  remainingMs: number | null; // what is left of this turn's time when it was sent (null: no timer running)
}

/** What every page of the class sees: no group's orders, only whether each has sent them. */
export interface ClassStatus {
  code: string;
  scenario: string;
  branch: string | null;
  seed: number;
  turn: number;
  over: boolean;
  locked: boolean;
  display: Display;
  free: { power: string; name: string }[]; // playable powers no group has taken
  seats: SeatStatus[];
}

/** Who a page is in the class; the key lets it come back to the same seat after a drop or a server restart. */
export type Welcome =
  | { role: 'teacher'; code: string; key: string }
  | { role: 'group'; code: string; key: string; power: string };

/** The game as the server has resolved it: its replay, the turn it is at and the fingerprint of that state. */
export interface GameMessage {
  replay: Replay;
  turn: number;
  hash: string;
}

export type ServerMessages = {
  welcome: Welcome;
  status: ClassStatus;
  game: GameMessage;
  sent: { orders: Order[] }; // to a group: its own orders as the server holds them
  orders: { power: string; orders: Order[] }[]; // to the teacher: every group's orders this turn
  refused: { message: string }; // a message the server did not act on, and why
};

/**
 * The fingerprint of a state: FNV-1a (32 bits) over its JSON, in hex. The page compares it with the state it
 * rebuilt, so a page whose engine disagrees with the server's says so instead of showing another game.
 */
export function stateHash(state: unknown): string {
  const text = JSON.stringify(state);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
