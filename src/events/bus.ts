// The typed event bus: outbound notifications from the session to the scene, panels and audio.
// Commands never travel on it; they are direct calls on the session that return a result.
import mitt from 'mitt';
import type { Effect, GameState, Order } from '../engine/types';

export type AppEvents = {
  'game/loaded': { state: GameState };
  'order/accepted': { order: Order };
  'order/refused': { order: Order; reason: string };
  'turn/resolved': { state: GameState; previous: GameState };
  'control/changed': { effect: Effect };
  'relation/crossedZero': { effect: Effect };
  'state/shown': { state: GameState; previous: GameState | null }; // the history cursor moved
  'game/over': { state: GameState };
  'load/failed': { message: string };
};

export type Bus = ReturnType<typeof createBus>;
export const createBus = () => mitt<AppEvents>();
