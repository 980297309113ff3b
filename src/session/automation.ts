// `window.simulation` (DESIGN.md §6.3): a small handle for tests, classroom demos and scripts that drives the
// same session the page drives. Everything it returns is a JSON copy, never live state.
import type { GameState, Order } from '../engine/index';
import { checkOrderShape } from './replay';
import type { Session } from './session';

export interface Automation {
  ready: boolean; // true once the map is drawn and the game accepts orders
  readonly seed: number;
  state(): GameState | null;
  legalOrders(actorId: string): Order[];
  order(
    actorId: string,
    order: Omit<Order, 'actor'> & { actor?: string },
  ): { ok: true } | { ok: false; reason: string };
  endTurn(): { ok: true; turn: number; over: boolean } | { ok: false; reason: string };
  load(
    scenarioId: string,
    branchId?: string | null,
    seed?: number,
  ): Promise<{ ok: true } | { ok: false; reason: string }>;
  hold(actorIds: string[]): string[];
  scenarios(): string[];
  sounds(): string[]; // the names of the sounds played so far (set by main.ts when audio is mounted)
  mapView(): MapViewInfo | null; // the map's zoom and where each region is on screen (set when the map is drawn)
  share(): Promise<string | null>; // a share link's fragment for the line shown
}

/** How the map is shown: its zoom (1: fitted to the scenario), each region's point and each box, in CSS px of the page. */
export interface MapViewInfo {
  zoom: number;
  regions: Record<string, { x: number; y: number }>;
  callouts: Record<string, MapBox>; // each region's name and tokens
  arenas: MapBox[]; // the capitals' and tables' boxes
}

export interface MapBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

export function createAutomation(session: Session): Automation {
  return {
    ready: false,
    get seed() {
      return session.seed;
    },
    state: () => (session.state ? copy(session.state) : null),
    legalOrders: (actorId) =>
      session
        .options(actorId)
        .filter((o) => o.verdict.ok)
        .map((o) => copy(o.order)),
    order(actorId, order) {
      // Checked here too, before the actor is taken over: an order with odd fields changes nothing.
      const shape = checkOrderShape({ ...order, actor: actorId });
      if (shape) return { ok: false, reason: shape };
      // A script that orders for an actor takes it over from the AI, as a player picking it would (not in a
      // class, where each page gives the orders of the powers it holds, and no other).
      if (
        !session.remote &&
        !session.held.includes(actorId) &&
        session.def?.actors.some((a) => a.id === actorId && a.playable)
      )
        session.setHeld([...session.held, actorId]);
      const verdict = session.order({ ...order, actor: actorId });
      return verdict.ok ? { ok: true } : { ok: false, reason: verdict.reason };
    },
    endTurn() {
      const result = session.endTurn();
      return result.ok
        ? { ok: true, turn: result.value.turn, over: result.value.over }
        : { ok: false, reason: result.error };
    },
    async load(scenarioId, branchId = null, seed) {
      const result = await session.load(scenarioId, branchId, seed ?? session.seed);
      return result.ok ? { ok: true } : { ok: false, reason: result.error };
    },
    hold(actorIds) {
      session.setHeld(actorIds);
      return [...session.held];
    },
    scenarios: () => session.catalog.map((e) => e.id),
    sounds: () => [],
    mapView: () => null,
    share: () => session.shareLine(),
  };
}
