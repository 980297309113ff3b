// The typed event bus. Domain events (`game/…`, `order/…`, `turn/…`, `control/…`, `relation/…`, `state/…`)
// are published only by the session. View events (`view/…`) carry what a person pointed at or chose to see
// between the map scene and the panels, which never import each other. Commands never travel on the bus.
import mitt from 'mitt';
import type { Effect, GameState, Order } from '../engine/index';

export type AppEvents = {
  'game/loaded': { state: GameState };
  'load/failed': { message: string };
  'order/accepted': { order: Order };
  'order/refused': { order: Order; reason: string };
  'turn/resolved': { state: GameState; previous: GameState };
  'control/changed': { effect: Effect };
  'relation/crossedZero': { effect: Effect };
  'state/shown': { state: GameState; previous: GameState | null }; // the history cursor moved
  'game/over': { state: GameState };
  'pending/changed': { orders: Order[] };
  'orders/setAside': { count: number; turn: number }; // pending orders kept with the node the cursor left
  'history/changed': { reason: string }; // the tree changed: a turn, a fork, a name, a deletion, an import
  'view/layer': { layer: string }; // relation overlay: a layer id or "net"
  'view/triad': { actors: string[] | null }; // highlight an unbalanced triad on the map
  'view/region': { region: string | null }; // a region was selected (map click or panel)
  'view/actor': { actor: string | null }; // an actor was selected
  'view/lines': { all: boolean }; // relation lines on the map: every strong tie, or the selection's alone
  'view/zoom': { by: 'in' | 'out' | 'fit' }; // zoom the map a step in or out, or back to the fitted view
  'odds/running': { running: boolean }; // playouts for the odds started (the first) or ended (the last)
  'view/odds': { open: boolean }; // the Odds dialog opened or closed
};

export type Bus = ReturnType<typeof createBus>;
export const createBus = () => mitt<AppEvents>();
