// The audio heard through a real game: a session on the invented scenario publishes on the real bus, and
// the service turns its orders and turns into sounds, each cued event of a turn sounding once.
import { describe, expect, it } from 'vitest';
import { SoundService } from '../../src/audio/service';
import type { SoundName } from '../../src/audio/sounds';
import { CUES } from '../../src/audio/sounds';
import { createBus } from '../../src/events/bus';
import { Session } from '../../src/session/session';
import { valleysJson } from '../support/worlds';
import { MemoryStorage, RecordingPlayer } from './fakes';

describe('audio in a game', () => {
  it('plays an order blip, a refusal buzz and a chime per turn', () => {
    const bus = createBus();
    const player = new RecordingPlayer();
    const service = new SoundService({ bus, player, storage: new MemoryStorage(), schedule: (run) => run() });
    const session = new Session(bus, []);
    const events: string[] = [];
    bus.on('*', (type) => events.push(type));
    expect(session.start(valleysJson(), null, 3).ok).toBe(true);
    const actor = session.def!.actors.find((a) => a.playable)!.id;
    session.setHeld([actor]);

    const legal = session.options(actor).find((o) => o.verdict.ok);
    expect(legal, 'a legal first order').toBeDefined();
    expect(session.order(legal!.order).ok).toBe(true);
    expect(session.order({ id: 'no-such-order', actor }).ok).toBe(false);
    expect(service.played).toEqual(['order', 'refused']);

    const cued = new Set(Object.keys(CUES));
    const eventOf = (sound: SoundName) =>
      (Object.keys(CUES) as (keyof typeof CUES)[]).find((e) => {
        const cue = CUES[e]!;
        return typeof cue.sound === 'function' ? ['thaw', 'rift'].includes(sound) : cue.sound === sound;
      });
    for (let turn = 1; turn <= 6 && !session.state!.over; turn++) {
      const before = service.played.length;
      events.length = 0;
      expect(session.endTurn().ok).toBe(true);
      // Each cued event of the turn sounds exactly once, in the order the session published them.
      const heard = service.played.slice(before).map(eventOf);
      expect(heard, `turn ${turn}`).toEqual([...new Set(events.filter((e) => cued.has(e)))]);
    }
    expect(player.played).toEqual(service.played);
  });
});
