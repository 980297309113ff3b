// Reciprocity's memory: what each actor has had from each other lately. After every turn each entry halves and
// each order given to an actor that warmed their tie adds ½ (one that cooled it takes ½ away), within −1…1: a
// favour counts ½ the turn after, ¼ the turn after that, and so on (tit for tat with a memory). The AI weighs
// a tie by it (valuation.ts); the rules do not read it.
import { readRelationChange } from './orderTypes';
import type { World } from './scenario';
import type { GameState } from './types';

/** How much of what an actor had from another is remembered a turn later. */
export const LEDGER_DECAY = 0.5;

/** Writes this turn's resolved orders into the ledger (after the orders are resolved). */
export function recordFavours(s: GameState, w: World): void {
  const n = w.actorIds.length;
  const ledger = s.ledger;
  for (let k = 0; k < ledger.length; k++) ledger[k] = ledger[k]! * LEDGER_DECAY;
  for (const o of s.orders) {
    if (o.target === undefined || o.outcome === 'refused') continue;
    const def = w.orders[o.id];
    const change = def ? readRelationChange(def) : 0;
    const giver = w.actorIndex[o.actor];
    const receiver = w.actorIndex[o.target];
    if (!change || giver === undefined || receiver === undefined) continue;
    const k = receiver * n + giver;
    ledger[k] = Math.max(-1, Math.min(1, ledger[k]! + (change > 0 ? 0.5 : -0.5)));
  }
}
