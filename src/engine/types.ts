// The game state and the values that cross the engine's boundary. State is plain JSON (no classes, Maps
// or Sets) so it can be frozen by immer, snapshotted per history node and compared byte for byte.
import type { OrderType, SourceRef } from './schema';

export interface ActorState {
  id: string; // "TUR"
  reserve: number; // forces not deployed on the map: 20
  meters: Record<string, number>; // { economy: 40, isolation: 60 }
  weights: Record<string, number>; // objective id -> weight the actor gives it (R27 can change these)
  vp: number; // victory points banked by rules (not objectives): 3
  redefined: boolean; // has used "redefine interests" (clears its contradictions from unravelling)
  usedOnce: string[]; // order ids with `once` it has already given
}

export interface RegionState {
  id: string; // "mosul"
  controller: string | null; // "IS"
  presence: Record<string, number>; // actor id -> strength: { IS: 40, IRQ: 30 }
  contested: boolean;
}

/** One change and why it happened: the answer to "why did this change?". */
export interface Effect {
  turn: number;
  kind:
    'relation' | 'meter' | 'control' | 'presence' | 'flag' | 'vp' | 'weight' | 'contest' | 'note' | 'refusal';
  text: string; // plain language: "Russia–Turkey (Syria) +10: the US opposed Turkey's intervention"
  rule?: string; // "R3"
  order?: number; // index of the order in the turn's resolved list
  actor?: string; // who caused it, when an actor did
  triad?: string[]; // for balance effects: ["IRN","RUS","US"]
  facilitator?: boolean; // injected by the facilitator, with its reason in the text
  source?: SourceRef;
  a?: string;
  b?: string;
  layer?: string;
  region?: string;
  meter?: string;
  before?: number;
  after?: number;
}

export interface Order {
  id: string; // order definition id from the scenario: "us-deny-turkey"
  actor: string; // who gives it: "US"
  target?: string; // actor it names: "TUR"
  region?: string; // region it names: "mosul"
  covert?: boolean;
}

export interface ResolvedOrder extends Order {
  type: OrderType;
  reason?: string; // the AI's reason for choosing it
  outcome?: string; // "succeeded", "failed", "exposed"
}

export interface GameState {
  scenario: string; // "mosul-2016"
  version: number; // scenario version: 1
  branch: string | null; // "turkey-joins-mosul"
  seed: number; // 7
  rng: number; // generator state, uint32
  turn: number; // turns resolved so far: 0 at the start
  date: string; // calendar date of the current turn: "2016-10-17"
  over: boolean;
  layers: string[]; // ["IQ","SY","GL"]
  actors: ActorState[]; // in scenario order
  regions: RegionState[]; // in scenario order
  relations: number[][]; // [layer][pair index] in [-100, 100]; pairs (i<j) in actor order
  flags: Record<string, number>; // scenario facts: { sanctionsLifted: 1 }
  fired: string[]; // ids of `once` triggers that have fired
  ledger: number[]; // reciprocity: what each actor has had from each other lately, [receiver·n + giver] in −1…1
  orders: ResolvedOrder[]; // the orders resolved in the last turn
  effects: Effect[]; // the effects of the last turn
  scores: Record<string, number>; // actor id -> current score
}

export type Refusal = { ok: false; code: RefusalCode; reason: string };
export type Verdict = { ok: true } | Refusal;
export type RefusalCode =
  | 'unknown-order'
  | 'unknown-actor'
  | 'not-yours'
  | 'bad-target'
  | 'bad-region'
  | 'requires'
  | 'gate'
  | 'once'
  | 'limit'
  | 'no-forces'
  | 'malformed'
  | 'game-over';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
