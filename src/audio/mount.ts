// Mounts the sound: the service on the bus, the howler player behind it, and the widget in the corner.
// Returns the service so main.ts can hand `played`, `muted` and `volume` to the automation handle.
import type { Bus } from '../events/bus';
import { mountControls } from './controls';
import { HowlerPlayer } from './howlerPlayer';
import type { Player } from './service';
import { SoundService, warnOnce } from './service';

const SILENT: Player = { play() {}, setVolume() {}, setMuted() {}, startAmbient() {} };

export function mountAudio(bus: Bus, storage: Storage | null): SoundService {
  const warn = warnOnce();
  let player: Player = SILENT;
  try {
    player = new HowlerPlayer(warn);
  } catch (error) {
    warn('no audio player', error);
  }
  const service = new SoundService({ bus, player, storage, gestures: window, warn });
  try {
    mountControls(document.body, service);
  } catch (error) {
    warn('the sound controls could not be shown', error);
  }
  return service;
}
