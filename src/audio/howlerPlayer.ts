// The Player that makes sound, with howler. Nothing is loaded and no AudioContext is created before the
// first user gesture (`startAmbient`): browsers refuse audio before one and would only log warnings.
// Effects asked for earlier are dropped rather than queued, so they never burst out at the first click.
import { Howl, Howler } from 'howler';
import type { Player, Warn } from './service';
import type { SoundName } from './sounds';
import { SOUND_NAMES, SOUNDS } from './sounds';
import { listSources } from './urls';

export class HowlerPlayer implements Player {
  private howls = new Map<SoundName, Howl>();
  private failed = new Set<SoundName>();
  private started = false;
  private volume = 1;
  private muted = false;

  constructor(private readonly warn: Warn) {}

  play(name: SoundName): void {
    if (!this.started || this.failed.has(name)) return;
    this.howls.get(name)?.play();
  }

  setVolume(volume: number): void {
    this.volume = volume;
    if (this.started) Howler.volume(volume);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    if (this.started) Howler.mute(muted);
  }

  startAmbient(): void {
    if (this.started) return;
    this.started = true;
    Howler.volume(this.volume);
    Howler.mute(this.muted);
    if (Howler.noAudio) return this.warn('no audio output was found');
    for (const name of SOUND_NAMES) this.load(name);
    this.howls.get('ambient')?.play();
  }

  private load(name: SoundName): void {
    const { src, format } = listSources(name);
    if (src.length === 0) return this.fail(name, 'is missing');
    const { volume, loop = false } = SOUNDS[name];
    const howl = new Howl({
      src,
      format,
      volume,
      loop,
      onloaderror: (_id, error) => this.fail(name, 'could not be loaded', error),
      onplayerror: (_id, error) => {
        this.warn(`the sound "${name}" could not be played`, error);
        // howler's advice for a locked HTML5 Audio element: try again once it unlocks. Effects just pass.
        if (loop) howl.once('unlock', () => howl.play());
      },
    });
    this.howls.set(name, howl);
  }

  private fail(name: SoundName, what: string, error?: unknown): void {
    this.failed.add(name);
    this.warn(`the sound "${name}" ${what}`, error);
  }
}
