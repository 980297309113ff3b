// The sound service on the real bus with a recording player: which event plays which sound, once-per-turn
// cues, the first gesture, mute and volume handed to the player, and failures that never reach the game.
import { describe, expect, it, vi } from 'vitest';
import { PLAYED_CAP, SoundService, warnOnce } from '../../src/audio/service';
import { CUES, SOUNDS } from '../../src/audio/sounds';
import type { Effect, GameState, Order } from '../../src/engine/index';
import { advance, createGame } from '../../src/engine/index';
import { createBus } from '../../src/events/bus';
import { valleys } from '../support/worlds';
import { MemoryStorage, RecordingPlayer, ThrowingPlayer } from './fakes';

const world = valleys();
const start = createGame(world, 5);
const next = advance(start, world);
const order: Order = { id: 'any-order', actor: world.def.actors[0]!.id };
const crossing = (before: number, after: number): Effect => ({
  turn: 1,
  kind: 'relation',
  text: '',
  before,
  after,
});
const control: Effect = { turn: 1, kind: 'control', text: '' };

function setup(options: { gestures?: EventTarget; storage?: MemoryStorage; delayed?: boolean } = {}) {
  const bus = createBus();
  const player = new RecordingPlayer();
  const delays: number[] = [];
  const service = new SoundService({
    bus,
    player,
    storage: options.storage ?? new MemoryStorage(),
    gestures: options.gestures ?? null,
    // Runs delayed cues at once but remembers the delay, so the order of the burst can be checked.
    schedule: (run, ms) => {
      delays.push(ms);
      run();
    },
    warn: () => {},
  });
  const turn = (previous: GameState = start, state: GameState = next) =>
    bus.emit('turn/resolved', { state, previous });
  return { bus, player, service, delays, turn };
}

describe('SoundService', () => {
  it('plays the sound of each event through the player', () => {
    const { bus, player, service, turn } = setup();
    bus.emit('order/accepted', { order });
    bus.emit('order/refused', { order, reason: 'Not allowed.' });
    turn();
    bus.emit('control/changed', { effect: control });
    bus.emit('relation/crossedZero', { effect: crossing(-5, 10) });
    bus.emit('game/over', { state: next });
    expect(player.played).toEqual(['order', 'refused', 'turn', 'control', 'thaw', 'over']);
    expect(service.played).toEqual(player.played);
  });

  it('stays quiet on events that have no cue', () => {
    const { bus, player } = setup();
    bus.emit('pending/changed', { orders: [order] });
    bus.emit('view/region', { region: null });
    bus.emit('state/shown', { state: start, previous: null });
    bus.emit('game/loaded', { state: start });
    expect(player.played).toEqual([]);
  });

  it('chooses the gliss by the direction a relation crossed zero', () => {
    const { bus, player, turn } = setup();
    bus.emit('relation/crossedZero', { effect: crossing(20, -3) });
    turn();
    bus.emit('relation/crossedZero', { effect: crossing(-20, 3) });
    expect(player.played).toEqual(['rift', 'turn', 'thaw']);
  });

  it('sounds a repeated turn event once per turn, and again the next turn', () => {
    const { bus, player, turn } = setup();
    turn();
    for (let i = 0; i < 4; i++) bus.emit('control/changed', { effect: control });
    for (let i = 0; i < 3; i++) bus.emit('relation/crossedZero', { effect: crossing(-5, 5) });
    bus.emit('relation/crossedZero', { effect: crossing(5, -5) }); // the other way: still one gliss a turn
    turn(next, advance(next, world));
    bus.emit('control/changed', { effect: control });
    bus.emit('relation/crossedZero', { effect: crossing(-5, 5) });
    expect(player.played).toEqual(['turn', 'control', 'thaw', 'turn', 'control', 'thaw']);
  });

  it('staggers the sounds of one turn instead of piling them up', () => {
    const { bus, delays, turn } = setup();
    turn();
    bus.emit('control/changed', { effect: control });
    bus.emit('relation/crossedZero', { effect: crossing(-5, 5) });
    bus.emit('game/over', { state: next });
    expect(delays).toEqual([
      CUES['control/changed']!.delayMs,
      CUES['relation/crossedZero']!.delayMs,
      CUES['game/over']!.delayMs,
    ]);
    expect([...delays].sort((a, b) => a - b)).toEqual(delays);
  });

  it('plays delayed cues later with the default scheduler, and not at all once disposed', () => {
    vi.useFakeTimers();
    try {
      const bus = createBus();
      const player = new RecordingPlayer();
      const service = new SoundService({ bus, player, storage: null, warn: () => {} });
      bus.emit('turn/resolved', { state: next, previous: start });
      bus.emit('control/changed', { effect: control });
      expect(player.played).toEqual(['turn']);
      vi.advanceTimersByTime(1000);
      expect(player.played).toEqual(['turn', 'control']);
      bus.emit('turn/resolved', { state: next, previous: start });
      bus.emit('control/changed', { effect: control });
      service.dispose();
      vi.advanceTimersByTime(1000);
      bus.emit('order/accepted', { order });
      expect(player.played).toEqual(['turn', 'control', 'turn']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts the ambient loop at the first pointerdown or keydown, not before and only once', () => {
    const gestures = new EventTarget();
    const { bus, player } = setup({ gestures });
    bus.emit('game/loaded', { state: start });
    expect(player.calls).not.toContain('ambient');
    gestures.dispatchEvent(new Event('keydown'));
    gestures.dispatchEvent(new Event('pointerdown'));
    gestures.dispatchEvent(new Event('keydown'));
    expect(player.calls.filter((c) => c === 'ambient')).toHaveLength(1);
  });

  it('hands the remembered settings to the player, then every change', () => {
    const storage = new MemoryStorage(
      new Map([
        ['sim.audio.muted', 'true'],
        ['sim.audio.volume', '0.3'],
      ]),
    );
    const { player, service } = setup({ storage });
    expect(player.calls).toEqual(['volume 0.3', 'muted true']);
    service.setMuted(false);
    service.setVolume(0.9);
    service.setVolume(0.9); // unchanged: not handed on again
    expect(player.calls).toEqual(['volume 0.3', 'muted true', 'muted false', 'volume 0.9']);
  });

  it('records what it played, heard or muted, keeping only the latest', () => {
    const { bus, service } = setup();
    service.setMuted(true);
    for (let i = 0; i < PLAYED_CAP + 20; i++) bus.emit('order/accepted', { order });
    bus.emit('order/refused', { order, reason: 'No.' });
    expect(service.played).toHaveLength(PLAYED_CAP);
    expect(service.played.at(-1)).toBe('refused');
  });

  it('keeps the game going when the player throws, and warns only once', () => {
    const bus = createBus();
    const log = vi.fn();
    const gestures = new EventTarget();
    const service = new SoundService({
      bus,
      player: new ThrowingPlayer(),
      storage: new MemoryStorage(),
      gestures,
      schedule: (run) => run(),
      warn: warnOnce(log),
    });
    expect(() => {
      gestures.dispatchEvent(new Event('pointerdown'));
      bus.emit('order/accepted', { order });
      bus.emit('turn/resolved', { state: next, previous: start });
      bus.emit('control/changed', { effect: control });
      service.setMuted(true);
      service.setVolume(0.2);
    }).not.toThrow();
    expect(log).toHaveBeenCalledTimes(1);
    expect(service.played).toEqual(['order', 'turn', 'control']);
    expect(service.muted).toBe(true);
    expect(service.volume).toBe(0.2);
  });

  it('survives a cue whose payload is not what it expected', () => {
    const { bus, player } = setup();
    // Deliberately malformed: the bus is typed, but a payload built elsewhere might not be.
    expect(() => bus.emit('relation/crossedZero', {} as any)).not.toThrow();
    expect(player.played).toEqual([]);
  });

  it('has a volume for every sound, between 0 and 1', () => {
    for (const [name, def] of Object.entries(SOUNDS)) expect(def.volume, name).toBeGreaterThan(0);
    for (const [name, def] of Object.entries(SOUNDS)) expect(def.volume, name).toBeLessThanOrEqual(1);
  });
});
