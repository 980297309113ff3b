// Mute and volume remembered between visits in localStorage. Storage may be missing, full or blocked, and a
// stored value may be anything a person or an old version left there: every failure falls back silently.

export const MUTED_KEY = 'sim.audio.muted';
export const VOLUME_KEY = 'sim.audio.volume';

export interface AudioSettings {
  muted: boolean; // false
  volume: number; // 0..1: 0.7
}

export const DEFAULT_SETTINGS: AudioSettings = { muted: false, volume: 0.7 };

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function read(storage: Store | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null; // a blocked storage throws SecurityError on access
  }
}

/** Reads the stored settings; a missing or corrupt value keeps its default. */
export function loadSettings(storage: Store | null): AudioSettings {
  const muted = read(storage, MUTED_KEY);
  const volume = read(storage, VOLUME_KEY);
  const level = volume !== null && /^\s*\d*\.?\d+\s*$/.test(volume) ? Number(volume) : NaN;
  return {
    muted: muted === 'true' ? true : muted === 'false' ? false : DEFAULT_SETTINGS.muted,
    volume: isVolume(level) ? level : DEFAULT_SETTINGS.volume,
  };
}

/** Stores the settings; returns false when the storage refused them (quota, private mode). */
export function saveSettings(storage: Store | null, settings: AudioSettings): boolean {
  if (!storage) return false;
  try {
    storage.setItem(MUTED_KEY, String(settings.muted));
    storage.setItem(VOLUME_KEY, String(settings.volume));
    return true;
  } catch {
    return false;
  }
}

export const isVolume = (v: number): boolean => Number.isFinite(v) && v >= 0 && v <= 1;
