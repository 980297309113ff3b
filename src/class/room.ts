// The class as a Colyseus room: carries the messages between the pages and the ClassGame (game.ts), which
// alone decides. Who a page is comes from the key it joins with; what a page is sent depends on who it is: a
// group sees whether the others have sent orders, never which; the teacher sees them all. Every change is saved
// at once (store.ts), so a class survives the server stopping at any moment.
import { randomBytes, randomInt } from 'node:crypto';
import type { Client } from '@colyseus/core';
import { Room, ServerError } from '@colyseus/core';
import type { ScenarioEntry } from '../session/session';
import type { ClassRecord } from './game';
import { ClassGame, readDisplay } from './game';
import type { ServerMessages } from './protocol';
import type { ClassStore } from './store';

export interface RoomDeps {
  catalog: ScenarioEntry[];
  store: ClassStore;
  restores: Map<string, unknown>; // code → a saved class the server read at start, used once
  games: Map<string, ClassGame>; // code → the class, for the page that asks which powers are free
}

type Who = { role: 'teacher'; key: string } | { role: 'group'; key: string; power: string };

const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I: read aloud or off a board
const newCode = () => Array.from({ length: 6 }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join('');
const newKey = () => randomBytes(16).toString('hex');
const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The room type, bound to the server's catalog and store. */
export function classRoom(deps: RoomDeps) {
  return class ClassRoom extends Room {
    override autoDispose = false; // a class waits for its pages, even when all are closed
    game!: ClassGame;
    private who = new Map<string, Who>(); // sessionId → who that page is
    private awaitingTeacher = false; // created by a page: the first page to join is its teacher

    override async onCreate(options: unknown) {
      const restore = isRecord(options) ? options.restore : undefined;
      if (typeof restore === 'string' && deps.restores.has(restore)) {
        const record = deps.restores.get(restore);
        deps.restores.delete(restore);
        const game = await ClassGame.restore(deps.catalog, record);
        if (!game.ok) throw new Error(`saved class ${restore}: ${game.error}`);
        this.game = game.value;
      } else {
        let code = newCode();
        while (deps.store.has(code)) code = newCode();
        const game = await ClassGame.create(deps.catalog, code, newKey(), options);
        if (!game.ok) throw new ServerError(400, `The class cannot start: ${game.error}`);
        this.game = game.value;
        this.awaitingTeacher = true;
        this.save();
      }
      this.roomId = this.game.code;
      deps.games.set(this.game.code, this.game);
      this.onMessage('sync', (client) => this.sync(client));
      this.onMessage('send', (client, message: unknown) => this.onSend(client, message));
      this.onMessage('lock', (client, message: unknown) => this.onLock(client, message));
      this.onMessage('resolve', (client, message: unknown) => this.onResolve(client, message));
      this.onMessage('display', (client, message: unknown) => this.onDisplay(client, message));
      this.onMessage('*', (client, type) =>
        this.tell(client, 'refused', { message: `the class server has no message "${String(type)}"` }),
      );
    }

    override onAuth(_client: Client, options: unknown): Who {
      const o = isRecord(options) ? options : {};
      if (typeof o.teacher === 'string') {
        if (o.teacher !== this.game.teacherKey)
          throw new ServerError(403, "That is not this class's teacher key.");
        return { role: 'teacher', key: o.teacher };
      }
      if (typeof o.seat === 'string') {
        const seat = this.game.seatOf(o.seat);
        if (!seat) throw new ServerError(403, 'This page has no seat in this class (the key is not known).');
        return { role: 'group', key: seat.key, power: seat.power };
      }
      if (o.power !== undefined) {
        const taken = this.game.take(o.power, newKey());
        if (!taken.ok) throw new ServerError(409, `${taken.error[0]!.toUpperCase()}${taken.error.slice(1)}.`);
        this.save();
        return { role: 'group', key: taken.value.key, power: taken.value.power };
      }
      if (this.awaitingTeacher) {
        this.awaitingTeacher = false;
        return { role: 'teacher', key: this.game.teacherKey };
      }
      throw new ServerError(400, 'Join a class as its teacher, with a seat, or for a power.');
    }

    override onJoin(client: Client, _options: unknown, who: Who) {
      this.who.set(client.sessionId, who);
      this.broadcastStatus();
    }

    override onLeave(client: Client) {
      this.who.delete(client.sessionId);
      this.broadcastStatus();
    }

    private tell<K extends keyof ServerMessages>(client: Client, type: K, message: ServerMessages[K]) {
      client.send(type, message);
    }

    private save() {
      deps.store.save(this.game.record() satisfies ClassRecord);
    }

    private connectedKeys(): Set<string> {
      return new Set([...this.who.values()].filter((w) => w.role === 'group').map((w) => w.key));
    }

    /** Everything a page needs on joining (or on asking again): who it is, the class, the game, its orders. */
    private sync(client: Client) {
      const who = this.who.get(client.sessionId);
      if (!who) return;
      const { code } = this.game;
      this.tell(
        client,
        'welcome',
        who.role === 'teacher'
          ? { role: 'teacher', code, key: who.key }
          : { role: 'group', code, key: who.key, power: who.power },
      );
      this.tell(client, 'game', this.game.game());
      this.sendStatus(client, who);
    }

    private sendStatus(client: Client, who: Who) {
      this.tell(client, 'status', this.game.status(this.connectedKeys()));
      if (who.role === 'teacher')
        this.tell(
          client,
          'orders',
          this.game.seats.map((s) => ({ power: s.power, orders: s.sent ?? [] })),
        );
      else this.tell(client, 'sent', { orders: this.game.seatOf(who.key)?.sent ?? [] });
    }

    private broadcastStatus() {
      for (const client of this.clients) {
        const who = this.who.get(client.sessionId);
        if (who) this.sendStatus(client, who);
      }
    }

    private onSend(client: Client, message: unknown) {
      const who = this.who.get(client.sessionId);
      if (who?.role !== 'group')
        return this.tell(client, 'refused', { message: "Only a group sends its power's orders." });
      const sent = this.game.send(who.key, isRecord(message) ? message.orders : undefined);
      if (!sent.ok)
        return this.tell(client, 'refused', { message: `Your orders were not taken: ${sent.error}.` });
      this.save();
      this.broadcastStatus();
    }

    private onLock(client: Client, message: unknown) {
      if (this.who.get(client.sessionId)?.role !== 'teacher')
        return this.tell(client, 'refused', { message: 'Only the teacher locks the orders.' });
      if (!isRecord(message) || typeof message.locked !== 'boolean')
        return this.tell(client, 'refused', { message: 'lock needs locked: true or false' });
      this.game.locked = message.locked;
      this.save();
      this.broadcastStatus();
    }

    private onDisplay(client: Client, message: unknown) {
      if (this.who.get(client.sessionId)?.role !== 'teacher')
        return this.tell(client, 'refused', { message: 'Only the teacher sets what the pages show.' });
      const display = readDisplay(message);
      if (!display)
        return this.tell(client, 'refused', {
          message: 'display needs showReasons (true or false), minutes (0 to 60) and remainingMs',
        });
      this.game.display = display;
      this.save();
      this.broadcastStatus();
    }

    private onResolve(client: Client, message: unknown) {
      if (this.who.get(client.sessionId)?.role !== 'teacher')
        return this.tell(client, 'refused', { message: 'Only the teacher resolves the turn.' });
      const resolved = this.game.resolve(message);
      if (!resolved.ok)
        return this.tell(client, 'refused', { message: `The turn was not resolved: ${resolved.error}.` });
      this.save();
      this.broadcast('game', resolved.value);
      this.broadcastStatus();
    }
  };
}
