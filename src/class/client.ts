// The page's end of a class (colyseus.js): starts or joins the class's room on the server that served the
// page, passes the server's messages on, and, when the connection drops (a closed lid, a server restart), joins
// again with the same key every second until it is back, so the group keeps its seat. Loaded only for a class.
// It writes no words of its own: what it reports (an empty error when the server gave no reason, a class gone
// before it was set up) is said in the page's language by the page (ui/classroom.ts).
import type { Room } from 'colyseus.js';
import { Client } from 'colyseus.js';
import type { Order, Result } from '../engine/index';
import type {
  CreateOptions,
  Display,
  JoinOptions,
  ResolveMessage,
  ServerMessages,
  Welcome,
} from './protocol';
import { ROOM } from './protocol';

export type Connection = 'connected' | 'reconnecting';

export interface ClassHandlers {
  message<K extends keyof ServerMessages>(type: K, message: ServerMessages[K]): void;
  connection(state: Connection): void;
  /**
   * The class cannot be joined again: the server's reason (its key is not known any more; '' when it gave
   * none), or null when the connection was lost before the class was set up.
   */
  gone(message: string | null): void;
}

const RETRY_MS = 1000;
const MESSAGES: (keyof ServerMessages)[] = ['welcome', 'status', 'game', 'sent', 'orders', 'refused'];

/** The WebSocket address of the server that served this page. */
export const serverAddress = (location: { protocol: string; host: string }) =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;

/** True when the page was served by a class server (which answers /class/info). */
export async function isClassServer(base: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('class/info', base), { cache: 'no-store' });
    if (!response.ok) return false;
    const info = (await response.json()) as { server?: unknown };
    return info.server === 'iraq-syria-sim/class';
  } catch {
    return false;
  }
}

/** The server's reason for a failure, or '' when it gave none (no answer). */
const describe = (err: unknown) => (err instanceof Error ? err.message : String(err ?? ''));

export class ClassLink {
  private room: Room | null = null;
  private closing = false;
  private welcome: Welcome | null = null;

  private constructor(
    private readonly client: Client,
    private readonly handlers: ClassHandlers,
  ) {}

  /** Starts a class (this page is its teacher); a failure gives the server's reason ('' for none). */
  static async create(
    address: string,
    options: CreateOptions,
    handlers: ClassHandlers,
  ): Promise<Result<ClassLink>> {
    const link = new ClassLink(new Client(address), handlers);
    try {
      link.attach(await link.client.create(ROOM, options));
      return { ok: true, value: link };
    } catch (err) {
      return { ok: false, error: describe(err) };
    }
  }

  /** Joins the class with this code: as its teacher, back to a seat, or for a power (failures: as create). */
  static async join(
    address: string,
    code: string,
    options: JoinOptions,
    handlers: ClassHandlers,
  ): Promise<Result<ClassLink>> {
    const link = new ClassLink(new Client(address), handlers);
    try {
      link.attach(await link.client.joinById(code, options));
      return { ok: true, value: link };
    } catch (err) {
      return { ok: false, error: describe(err) };
    }
  }

  private attach(room: Room): void {
    this.room = room;
    for (const type of MESSAGES)
      room.onMessage(type, (message: never) => {
        if (type === 'welcome') this.welcome = message;
        this.handlers.message(type, message);
      });
    room.onLeave(() => {
      if (this.room !== room) return;
      this.room = null;
      if (!this.closing) void this.reconnect();
    });
    room.send('sync');
    this.handlers.connection('connected');
  }

  private async reconnect(): Promise<void> {
    const welcome = this.welcome;
    if (!welcome) return this.handlers.gone(null);
    this.handlers.connection('reconnecting');
    const options: JoinOptions =
      welcome.role === 'teacher' ? { teacher: welcome.key } : { seat: welcome.key };
    while (!this.closing) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      if (this.closing) return;
      try {
        this.attach(await this.client.joinById(welcome.code, options));
        return;
      } catch (err) {
        const code = (err as { code?: number }).code;
        if (code === 403) return this.handlers.gone(describe(err));
        // Anything else (no answer, the room not reopened yet): the server is coming back; try again.
      }
    }
  }

  get connected(): boolean {
    return this.room !== null;
  }

  private post(type: string, message: unknown): boolean {
    if (!this.room) return false;
    this.room.send(type, message);
    return true;
  }

  send(orders: Order[]): boolean {
    return this.post('send', { orders });
  }

  lock(locked: boolean): boolean {
    return this.post('lock', { locked });
  }

  display(display: Display): boolean {
    return this.post('display', display);
  }

  resolve(message: ResolveMessage): boolean {
    return this.post('resolve', message);
  }

  leave(): void {
    this.closing = true;
    void this.room?.leave(true);
    this.room = null;
  }
}
