// The event → sound table: pure data read by the sound service and by scripts/make-sounds.ts (one file per
// sound). A turn publishes its events in one synchronous burst (turn, control, relations, game over), so
// the cues after the chime are offset by `delayMs` and the repeating ones sound once per turn.
import type { AppEvents } from '../events/bus';

export type SoundName = 'order' | 'refused' | 'turn' | 'control' | 'thaw' | 'rift' | 'over' | 'ambient';

export interface SoundDef {
  volume: number; // 0..1, relative to the master volume: 0.5
  loop?: boolean; // only the ambient bed
  description: string; // what the file sounds like, for the README and the generator
}

export const SOUNDS: Record<SoundName, SoundDef> = {
  order: { volume: 0.5, description: 'a soft blip: an order was accepted' },
  refused: { volume: 0.45, description: 'a short low buzz: an order was refused' },
  turn: { volume: 0.55, description: 'a two-note rising chime: the turn was resolved' },
  control: { volume: 0.7, description: 'a low drum thump: a region changed hands' },
  thaw: { volume: 0.45, description: 'a rising gliss: a relation turned from hostile to friendly' },
  rift: { volume: 0.45, description: 'a falling gliss: a relation turned from friendly to hostile' },
  over: { volume: 0.6, description: 'a three-note falling cadence: the game is over' },
  ambient: { volume: 0.25, loop: true, description: 'a quiet seamless loop of wind and a low drone' },
};

export const SOUND_NAMES = Object.keys(SOUNDS) as SoundName[];

export interface Cue<K extends keyof AppEvents> {
  sound: SoundName | ((payload: AppEvents[K]) => SoundName);
  oncePerTurn?: boolean; // several relations may cross zero in one turn: one gliss is enough
  delayMs?: number; // after the event, so a turn's sounds follow one another instead of piling up
}

export type CueTable = { [K in keyof AppEvents]?: Cue<K> };

export const CUES: CueTable = {
  'order/accepted': { sound: 'order' },
  'order/refused': { sound: 'refused' },
  'turn/resolved': { sound: 'turn' },
  'control/changed': { sound: 'control', oncePerTurn: true, delayMs: 250 },
  'relation/crossedZero': {
    sound: ({ effect }) => ((effect.after ?? 0) > 0 ? 'thaw' : 'rift'),
    oncePerTurn: true,
    delayMs: 550,
  },
  'game/over': { sound: 'over', oncePerTurn: true, delayMs: 900 },
};

/** Events that start a new turn's budget of once-per-turn cues. */
export const TURN_BOUNDARIES: readonly (keyof AppEvents)[] = ['turn/resolved', 'game/loaded', 'state/shown'];
