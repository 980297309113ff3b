// Mounts the Phaser map scene into the page; resolves once the scene can draw (placeholder until built).
import type { Bus } from '../events/bus';
import type { Session } from '../session/session';

export async function mountMap(_parent: HTMLElement, _session: Session, _bus: Bus): Promise<void> {}
