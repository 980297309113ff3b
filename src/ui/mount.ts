// Mounts the DOM panels over the map (placeholder until built).
import type { Bus } from '../events/bus';
import type { Session } from '../session/session';

export function mountUi(_root: HTMLElement, _session: Session, _bus: Bus, _storage: Storage | null): void {}
