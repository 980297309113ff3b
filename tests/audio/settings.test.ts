// Mute and volume survive a reload through Storage; corrupt or unreadable values fall back to the defaults.
import { describe, expect, it } from 'vitest';
import { SoundService } from '../../src/audio/service';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  MUTED_KEY,
  saveSettings,
  VOLUME_KEY,
} from '../../src/audio/settings';
import { createBus } from '../../src/events/bus';
import { blockedStorage, MemoryStorage, RecordingPlayer } from './fakes';

const open = (storage: Pick<Storage, 'getItem' | 'setItem'> | null) =>
  new SoundService({ bus: createBus(), player: new RecordingPlayer(), storage, warn: () => {} });

describe('audio settings', () => {
  it('are remembered between visits', () => {
    const storage = new MemoryStorage();
    const first = open(storage);
    expect([first.muted, first.volume]).toEqual([DEFAULT_SETTINGS.muted, DEFAULT_SETTINGS.volume]);
    first.setMuted(true);
    first.setVolume(0.25);
    expect(storage.items).toEqual(
      new Map([
        [MUTED_KEY, 'true'],
        [VOLUME_KEY, '0.25'],
      ]),
    );
    const second = open(storage);
    expect([second.muted, second.volume]).toEqual([true, 0.25]);
  });

  it.each([
    ['garbage', 'garbage'],
    ['1', '2'],
    ['TRUE', '-0.5'],
    ['', 'NaN'],
    ['yes', 'Infinity'],
    ['null', '0x1'],
    ['{}', '1e0'],
    ['false ', ''],
  ])('ignore corrupt stored values (muted %j, volume %j)', (muted, volume) => {
    const storage = new MemoryStorage(
      new Map([
        [MUTED_KEY, muted],
        [VOLUME_KEY, volume],
      ]),
    );
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
  });

  it('read the edges of the valid range', () => {
    const read = (volume: string) => loadSettings(new MemoryStorage(new Map([[VOLUME_KEY, volume]]))).volume;
    expect([read('0'), read('1'), read('0.5'), read('.75'), read('1.0')]).toEqual([0, 1, 0.5, 0.75, 1]);
    expect(loadSettings(new MemoryStorage(new Map([[MUTED_KEY, 'false']]))).muted).toBe(false);
  });

  it('fall back to the defaults without storage, or when storage throws', () => {
    expect(loadSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(blockedStorage)).toEqual(DEFAULT_SETTINGS);
    expect(saveSettings(null, DEFAULT_SETTINGS)).toBe(false);
    expect(saveSettings(blockedStorage, DEFAULT_SETTINGS)).toBe(false);
    const service = open(blockedStorage);
    expect(() => service.setMuted(true)).not.toThrow();
    expect(service.muted).toBe(true); // lasts for this visit
  });

  it('refuse volumes outside 0..1 and tell listeners only of real changes', () => {
    const service = open(new MemoryStorage());
    let changes = 0;
    const stop = service.onChange(() => changes++);
    for (const v of [-0.1, 1.1, NaN, Infinity]) service.setVolume(v);
    expect(service.volume).toBe(DEFAULT_SETTINGS.volume);
    service.setVolume(0.4);
    service.setMuted(service.muted);
    expect(changes).toBe(1);
    stop();
    service.setVolume(0.5);
    expect(changes).toBe(1);
  });
});
