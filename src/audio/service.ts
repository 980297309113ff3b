// The sound service: hears the bus, looks each event up in the cue table, and asks a Player to play.
// Sound is never allowed to stop the game: every player call is caught, and the first failure is logged
// once. The player is injected so the service runs in Node tests with a recording fake instead of howler.
import type { AppEvents, Bus } from '../events/bus';
import type { AudioSettings } from './settings';
import { isVolume, loadSettings, saveSettings } from './settings';
import type { SoundName } from './sounds';
import { CUES, TURN_BOUNDARIES } from './sounds';

/** Plays named sounds. `startAmbient` is called once, at the first user gesture; the player may stay
 * silent until then (browsers refuse audio before a gesture). */
export interface Player {
  play(name: SoundName): void;
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
  startAmbient(): void;
}

export type Warn = (message: string, error?: unknown) => void;

/** A logger that speaks once: a missing audio device would otherwise warn on every sound. */
export function warnOnce(log: Warn = (m, e) => console.warn(m, e ?? '')): Warn {
  let spoken = false;
  return (message, error) => {
    if (spoken) return;
    spoken = true;
    log(`audio: ${message} (the game continues without sound)`, error);
  };
}

export interface SoundServiceOptions {
  bus: Bus;
  player: Player;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  gestures?: EventTarget | null; // where the first pointerdown/keydown starts the ambient loop: window
  schedule?: (run: () => void, ms: number) => void; // setTimeout, unless a test wants time under its control
  warn?: Warn;
}

export const PLAYED_CAP = 200;
const GESTURES = ['pointerdown', 'keydown'] as const;

export class SoundService {
  readonly played: SoundName[] = []; // what was played, oldest first, heard or muted: ["order", "turn"]
  private settings: AudioSettings;
  private cuedThisTurn = new Set<keyof AppEvents>();
  private listeners = new Set<() => void>();
  private unsubscribe: (() => void)[] = [];
  private disposed = false;
  private readonly bus: Bus;
  private readonly player: Player;
  private readonly storage: SoundServiceOptions['storage'];
  private readonly schedule: NonNullable<SoundServiceOptions['schedule']>;
  private readonly warn: Warn;

  constructor(options: SoundServiceOptions) {
    this.bus = options.bus;
    this.player = options.player;
    this.storage = options.storage;
    this.schedule = options.schedule ?? ((run, ms) => void setTimeout(run, ms));
    this.warn = options.warn ?? warnOnce();
    this.settings = loadSettings(this.storage);
    this.attempt('could not set the volume', () => this.player.setVolume(this.settings.volume));
    this.attempt('could not mute', () => this.player.setMuted(this.settings.muted));
    // Boundaries first: mitt calls handlers in the order they were added, so a turn's budget of
    // once-per-turn cues is renewed before any cue of that turn is heard.
    for (const event of TURN_BOUNDARIES) this.listen(event, () => this.cuedThisTurn.clear());
    for (const event of Object.keys(CUES) as (keyof AppEvents)[]) this.cue(event);
    if (options.gestures) this.awaitGesture(options.gestures);
  }

  get muted(): boolean {
    return this.settings.muted;
  }

  get volume(): number {
    return this.settings.volume;
  }

  setMuted(muted: boolean): void {
    if (muted === this.settings.muted) return;
    this.settings = { ...this.settings, muted };
    this.attempt('could not mute', () => this.player.setMuted(muted));
    this.changed();
  }

  /** Sets the master volume, 0..1; anything else is ignored. */
  setVolume(volume: number): void {
    if (!isVolume(volume) || volume === this.settings.volume) return;
    this.settings = { ...this.settings, volume };
    this.attempt('could not set the volume', () => this.player.setVolume(volume));
    this.changed();
  }

  /** Calls `listener` after every change of mute or volume; returns the way to stop. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Plays a sound now, whatever the bus says: the controls use it to let a person hear the volume. */
  play(name: SoundName): void {
    if (this.disposed) return;
    this.played.push(name);
    if (this.played.length > PLAYED_CAP) this.played.splice(0, this.played.length - PLAYED_CAP);
    this.attempt(`could not play "${name}"`, () => this.player.play(name));
  }

  dispose(): void {
    this.disposed = true;
    for (const off of this.unsubscribe.splice(0)) off();
    this.listeners.clear();
  }

  private cue<K extends keyof AppEvents>(event: K): void {
    const cue = CUES[event];
    if (!cue) return;
    this.listen(event, (payload) => {
      let name: SoundName;
      try {
        name = typeof cue.sound === 'function' ? cue.sound(payload) : cue.sound;
      } catch (error) {
        return this.warn(`no sound for ${event}`, error); // a payload of an unexpected shape
      }
      if (cue.oncePerTurn) {
        if (this.cuedThisTurn.has(event)) return; // the first crossing of a turn picks thaw or rift
        this.cuedThisTurn.add(event);
      }
      if (cue.delayMs) this.schedule(() => this.play(name), cue.delayMs);
      else this.play(name);
    });
  }

  private listen<K extends keyof AppEvents>(event: K, handler: (payload: AppEvents[K]) => void): void {
    this.bus.on(event, handler);
    this.unsubscribe.push(() => this.bus.off(event, handler));
  }

  private awaitGesture(target: EventTarget): void {
    let heard = false;
    const stop = () => {
      for (const type of GESTURES) target.removeEventListener(type, start, { capture: true });
    };
    const start = () => {
      stop();
      if (heard || this.disposed) return;
      heard = true;
      this.attempt('could not start the ambient sound', () => this.player.startAmbient());
    };
    // Capture, so a panel that stops propagation still counts as the gesture.
    for (const type of GESTURES) target.addEventListener(type, start, { capture: true, passive: true });
    this.unsubscribe.push(stop);
  }

  private changed(): void {
    saveSettings(this.storage, this.settings); // when storage refuses, the setting lasts for this visit
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch (error) {
        this.warn('a volume listener failed', error);
      }
    }
  }

  private attempt(what: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      this.warn(what, error);
    }
  }
}
