// Mounts the sound service on the bus (placeholder until built).
import type { Bus } from '../events/bus';

export function mountAudio(_bus: Bus, _storage: Storage | null): void {}
