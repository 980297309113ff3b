// Test doubles for the audio layer: a player that records what it was asked, and a Storage kept in a Map.
import type { Player } from '../../src/audio/service';
import type { SoundName } from '../../src/audio/sounds';

export class RecordingPlayer implements Player {
  calls: string[] = []; // ["volume 0.7", "muted false", "play turn", "ambient"]
  played: SoundName[] = [];
  play(name: SoundName): void {
    this.calls.push(`play ${name}`);
    this.played.push(name);
  }
  setVolume(volume: number): void {
    this.calls.push(`volume ${volume}`);
  }
  setMuted(muted: boolean): void {
    this.calls.push(`muted ${muted}`);
  }
  startAmbient(): void {
    this.calls.push('ambient');
  }
}

export class ThrowingPlayer implements Player {
  play(): void {
    throw new Error('no audio device');
  }
  setVolume(): void {
    throw new Error('no audio device');
  }
  setMuted(): void {
    throw new Error('no audio device');
  }
  startAmbient(): void {
    throw new Error('no audio device');
  }
}

export class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem'> {
  constructor(readonly items = new Map<string, string>()) {}
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** A storage that refuses everything, as a blocked or full localStorage does. */
export const blockedStorage: Pick<Storage, 'getItem' | 'setItem'> = {
  getItem() {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem() {
    throw new DOMException('full', 'QuotaExceededError');
  },
};
