// Opening a link, a replay or the autosave never costs the saved game: lines of the same game join its tree,
// another game opens only once the saved one is kept, a save that cannot be opened is quarantined, and the
// page always ends up with a game (a misspelt branch or seed falls back and says so).
import { describe, expect, it } from 'vitest';
import { KEPT_KEY, listKept, QUARANTINE_KEY, readSaves, writeSave } from '../../src/session/autosave';
import { openAtBoot, openIncoming, openKept, snapshot } from '../../src/session/opening';
import type { Session } from '../../src/session/session';
import { encodeShare } from '../../src/session/share';
import { countNodes } from '../../src/session/tree';
import { testSession } from '../support/session';
import { MemoryStorage } from '../support/storage';

const NOW = 1_700_000_000_000;

/** A valleys game of `turns` turns with seed `seed`, autosaved into `storage`. */
async function savedGame(storage: MemoryStorage, seed = 1, turns = 3) {
  const { session } = testSession();
  await session.load('three-valleys', null, seed);
  session.setHeld(['RED']);
  for (let i = 0; i < turns; i++) session.endTurn();
  expect(writeSave(storage, snapshot(session, NOW)!)).toEqual({ ok: true });
  return session;
}

/** A link to the line shown of a game played from `seed`, with one variation of the saved line. */
async function linkFrom(seed: number, turns: number, fork = false) {
  const { session } = testSession();
  await session.load('three-valleys', null, seed);
  session.setHeld(['RED']);
  for (let i = 0; i < turns; i++) session.endTurn();
  if (fork) {
    session.back();
    const legal = session.options('RED').filter((o) => o.verdict.ok);
    session.order(legal[legal.length - 1]!.order);
    session.endTurn();
  }
  return { link: (await session.shareLine())!, state: JSON.stringify(session.state) };
}

const boot = (session: Session, storage: Storage | null, hash = '', search = '') =>
  openAtBoot(session, storage, { hash, search, defaultScenario: 'three-valleys', now: NOW });

/** A replay whose tree is `depth` nodes deep, as JSON text (built as text: no deep object is ever made). */
const deepReplayText = (depth: number) =>
  `{"format":"iraq-syria-sim/replay","version":1,"scenario":{"id":"three-valleys","version":1},"branch":null,"seed":1,"root":` +
  '{"orders":[],"held":[],"children":['.repeat(depth) +
  '{"orders":[],"held":[],"children":[]}' +
  ']}'.repeat(depth) +
  '}';

describe('a share link opened at boot while a game is saved', () => {
  it('adds a line of the same game beside the saved lines and shows it', async () => {
    const storage = new MemoryStorage();
    const saved = await savedGame(storage, 1, 3);
    const { link, state } = await linkFrom(1, 3, true);
    const { session } = testSession();
    const result = await boot(session, storage, `#r=${link}`);
    expect(result.ok).toBe(true);
    expect(countNodes(session.root!)).toBe(countNodes(saved.root!) + 1); // the fork only; nothing doubled
    expect(JSON.stringify(session.state)).toBe(state);
    expect(result.notices.map((n) => n.title)).toEqual(['The link was added to your game.']);
    expect(listKept(storage)).toEqual([]);
  });

  it('keeps the saved game before opening a different one, and opens it again from the kept list', async () => {
    const storage = new MemoryStorage();
    const saved = await savedGame(storage, 1, 3);
    const savedState = JSON.stringify(saved.state);
    const { link, state } = await linkFrom(9, 2);
    const { session } = testSession();
    const result = await boot(session, storage, `#r=${link}`);
    expect(JSON.stringify(session.state)).toBe(state);
    expect(result.notices[0]).toMatchObject({ title: 'The link opened a different game.', action: 'kept' });
    expect(listKept(storage)).toHaveLength(1);
    // Back to the kept game: the link's game takes its place on the list.
    const back = await openKept(session, storage, 0, NOW);
    expect(back.ok).toBe(true);
    expect(JSON.stringify(session.state)).toBe(savedState);
    expect(listKept(storage).map((k) => k.label)).toEqual(['Three Valleys (invented test scenario), turn 2']);
  });

  it('opens the saved game as it was when the link is broken, and says why', async () => {
    const storage = new MemoryStorage();
    const saved = await savedGame(storage);
    const { link } = await linkFrom(1, 2);
    for (const bad of [link.slice(0, -9) + 'zzzzzzzzz', link.slice(0, 20), '!!!', '']) {
      const { session } = testSession();
      const result = await boot(session, storage, `#r=${bad}`);
      expect(result.ok).toBe(true);
      expect(JSON.stringify(session.state)).toBe(JSON.stringify(saved.state));
      expect(result.notices[0]!.message).toMatch(/link|carries no game/);
    }
  });

  it('does not open a different game when the saved one cannot be kept (storage full)', async () => {
    const storage = new MemoryStorage();
    const saved = await savedGame(storage);
    storage.quota = storage.used() + 10;
    const { link } = await linkFrom(9, 2);
    const { session } = testSession();
    const result = await boot(session, storage, `#r=${link}`);
    expect(JSON.stringify(session.state)).toBe(JSON.stringify(saved.state));
    expect(result.notices[0]).toMatchObject({ title: 'The link was not opened.', action: 'export' });
    expect(result.notices[0]!.message).toMatch(/storage for this site is full/);
  });
});

describe('the autosave at boot', () => {
  it('survives a save nested 10,000 deep: it is quarantined, said, and the page starts clean', async () => {
    const storage = new MemoryStorage();
    const text = `{"savedAt":1,"seq":5,"cursor":"","replay":${deepReplayText(10_000)}}`;
    storage.setItem('sim.save.a', text);
    const { session } = testSession();
    const result = await boot(session, storage);
    expect(result.ok).toBe(true);
    expect(session.def!.id).toBe('three-valleys');
    expect(result.notices[0]).toMatchObject({
      title: 'A saved game could not be opened.',
      action: 'quarantined',
    });
    expect(result.notices[0]!.message).toMatch(/deeper than 200 turns/);
    expect(storage.getItem('sim.save.a')).toBeNull();
    expect(storage.getItem(QUARANTINE_KEY)).toContain('deeper than');
    // The next boot does not meet it again.
    const next = await boot(testSession().session, storage);
    expect(next.notices).toEqual([]);
  });

  it('falls back to the previous save when the current one cannot be opened', async () => {
    const storage = new MemoryStorage();
    const saved = await savedGame(storage);
    storage.setItem(
      'sim.save.b',
      JSON.stringify({ savedAt: 2, seq: 9, cursor: '', replay: { format: 'x' } }),
    );
    const { session } = testSession();
    const result = await boot(session, storage);
    expect(JSON.stringify(session.state)).toBe(JSON.stringify(saved.state));
    expect(result.notices).toHaveLength(1);
  });

  it('shows the node that was shown, by its place in the tree', async () => {
    const storage = new MemoryStorage();
    const saved = await savedGame(storage, 1, 3);
    saved.back();
    saved.back();
    writeSave(storage, snapshot(saved, NOW)!);
    const { session } = testSession();
    await boot(session, storage);
    expect(session.state!.turn).toBe(1);
  });

  it('starts the main line and says so when the branch in the address is misspelt', async () => {
    const { session } = testSession();
    const result = await boot(session, null, '', '?scenario=mosul-2016&branch=turkey-joins-mosl');
    expect(result.ok).toBe(true);
    expect(session.def!.id).toBe('mosul-2016');
    expect(session.state!.branch).toBeNull();
    expect(result.notices.map((n) => n.title)).toContain('The branch in the address was not found.');
  });

  it('uses seed 1 and says so when the seed in the address is not a seed', async () => {
    for (const seed of ['4294967296', '-3', '1.5', 'abc']) {
      const { session } = testSession();
      const result = await boot(session, null, '', `?scenario=three-valleys&seed=${seed}`);
      expect(session.seed).toBe(1);
      expect(result.notices[0]!.title).toBe('The seed in the address was not used.');
    }
  });

  it('keeps the saved game when the address asks for a new scenario', async () => {
    const storage = new MemoryStorage();
    await savedGame(storage);
    const { session } = testSession();
    await boot(session, storage, '', '?scenario=mosul-2016');
    expect(session.def!.id).toBe('mosul-2016');
    expect(listKept(storage).map((k) => k.label)).toEqual(['Three Valleys (invented test scenario), turn 3']);
  });
});

describe('limits checked before any work', () => {
  it('refuses a 5,000-node tree without playing a single turn', async () => {
    const { session } = testSession();
    await session.load('three-valleys', null, 1);
    const root = { orders: [], held: [], children: [] as unknown[] };
    for (let i = 0; i < 5000; i++) root.children.push({ orders: [], held: [], children: [] });
    const replay = JSON.parse(deepReplayText(0));
    replay.root = root;
    let progress = 0;
    const result = await session.openReplay(replay, { onProgress: () => progress++ });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/more than 1000 turns/);
    expect(progress).toBe(0);
  });

  it('refuses trees 2,000 and 100,000 deep with a message, never a stack overflow', async () => {
    for (const depth of [2_000, 100_000]) {
      const { session } = testSession();
      const result = await session.openReplay(JSON.parse(deepReplayText(depth)));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/deeper than 200 turns/);
    }
  });

  it('rebuilds a large tree a slice at a time, and drops it when another game is opened meanwhile', async () => {
    const storage = new MemoryStorage();
    const saved = await savedGame(storage, 1, 6);
    for (let k = 0; k < 5; k++) {
      saved.toStart();
      saved.endTurn();
      const legal = saved.options('RED').filter((o) => o.verdict.ok);
      saved.order(legal[k % legal.length]!.order);
      for (let i = 0; i < 5; i++) saved.endTurn();
    }
    const replay = JSON.parse(JSON.stringify(saved.exportReplay()));
    const { session } = testSession();
    let pauses = 0;
    const opened = await session.openReplay(replay, { pause: async () => void pauses++ });
    expect(opened.ok).toBe(true);
    expect(pauses).toBeGreaterThan(0);
    const other = testSession().session;
    await other.load('three-valleys', null, 4);
    const before = JSON.stringify(other.state);
    const slow = other.openReplay(replay, { pause: () => new Promise((r) => setTimeout(r, 5)) });
    await other.load('mosul-2016', null, 2); // the person opened something else while it rebuilt
    const late = await slow;
    expect(late.ok).toBe(false);
    expect(other.def!.id).toBe('mosul-2016');
    expect(before).not.toBe(JSON.stringify(other.state));
  });
});

describe('in-page imports', () => {
  it('a replay of another game keeps the game in progress on the kept list; a refused one keeps nothing', async () => {
    const storage = new MemoryStorage();
    const { session } = testSession();
    await session.load('three-valleys', null, 1);
    session.endTurn();
    const mine = JSON.stringify(session.state);
    const bad = await openIncoming(
      session,
      storage,
      { format: 'iraq-syria-sim/replay', version: 1 },
      'replay',
      {
        now: NOW,
      },
    );
    expect(bad.ok).toBe(false);
    expect(storage.getItem(KEPT_KEY) ?? '[]').toBe('[]');
    expect(JSON.stringify(session.state)).toBe(mine);
    const { link } = await linkFrom(3, 1);
    const { decodeShare } = await import('../../src/session/share');
    const decoded = await decodeShare(link);
    if (!decoded.ok) throw new Error(decoded.error);
    const good = await openIncoming(session, storage, decoded.json, 'link', { now: NOW });
    expect(good.ok).toBe(true);
    expect(listKept(storage)).toHaveLength(1);
    expect(JSON.stringify(session.state)).not.toBe(mine);
  });

  it('a share link encodes only what it must: the same game twice adds nothing', async () => {
    const { session } = testSession();
    await session.load('three-valleys', null, 1);
    session.endTurn();
    session.endTurn();
    const link = await encodeShare(session.exportLine()!);
    const before = countNodes(session.root!);
    await session.openShare(link, { merge: true });
    await session.openShare(link, { merge: true });
    expect(countNodes(session.root!)).toBe(before);
  });
});

describe('autosave writes', () => {
  const save = (cursor: string, size = 0) => ({ savedAt: 1, cursor, replay: { pad: 'x'.repeat(size) } });

  it('says when storage is full and keeps the last good save', () => {
    const storage = new MemoryStorage();
    writeSave(storage, save('good', 100));
    storage.quota = storage.used() + 50;
    const result = writeSave(storage, save('too big', 1000));
    expect(result).toEqual({ ok: false, error: "the browser's storage for this site is full" });
    expect(readSaves(storage).map((s) => s.cursor)).toEqual(['good']);
  });

  it('frees the older slot to fit a large save rather than failing', () => {
    const storage = new MemoryStorage();
    writeSave(storage, save('one', 1000));
    writeSave(storage, save('two', 1000));
    storage.quota = storage.used() + 200; // room for one more large save only once the oldest goes
    expect(writeSave(storage, save('three', 1100))).toEqual({ ok: true });
    expect(readSaves(storage).map((s) => s.cursor)).toEqual(['three', 'two']);
  });

  it('names blocked storage for what it is', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      const err = new Error('The operation is insecure.');
      err.name = 'SecurityError';
      throw err;
    };
    expect(writeSave(storage, save('x'))).toEqual({
      ok: false,
      error: 'this browser does not let the page store anything',
    });
  });
});

/** What a damaged local storage may hold in a save slot, or in the kept list. */
const CORRUPT: [string, string][] = [
  ['garbage', 'not json at all ☠'],
  ['truncated JSON', '{"savedAt":1,"seq":7,"cursor":"","replay":{"format":"iraq-syria-sim/rep'],
  ['null', 'null'],
  ['an array', '[1,2,3]'],
  ['a number', '42'],
  ['an empty string', ''],
  ['a save of another format', JSON.stringify({ savedAt: 2, seq: 9, cursor: '', replay: { format: 'x' } })],
  [
    'a tampered order',
    JSON.stringify({
      savedAt: 2,
      seq: 9,
      cursor: '',
      replay: {
        format: 'iraq-syria-sim/replay',
        version: 1,
        scenario: { id: 'three-valleys', version: 1 },
        branch: null,
        seed: 1,
        root: {
          orders: [],
          held: ['RED'],
          children: [{ orders: [{ id: 'nuke', actor: 'RED' }], held: ['RED'], children: [] }],
        },
      },
    }),
  ],
  [
    'a prototype key',
    '{"savedAt":2,"seq":9,"cursor":"","__proto__":{"polluted":1},"replay":{"constructor":{"prototype":{"x":1}}}}',
  ],
  ['a cursor into nowhere', JSON.stringify({ savedAt: 2, seq: 9, cursor: '9.9.9', replay: null })],
  ['2 MB of text', `"${'x'.repeat(2_000_000)}"`],
];

describe('a damaged local storage at boot', () => {
  for (const [what, text] of CORRUPT) {
    it(`keeps the last good save beside ${what} in the other slot, and says so when it set one aside`, async () => {
      const storage = new MemoryStorage();
      const saved = await savedGame(storage);
      const good = Object.fromEntries(['sim.save.a', 'sim.save.b'].map((k) => [k, storage.getItem(k)]));
      const slot = good['sim.save.a'] ? 'sim.save.b' : 'sim.save.a';
      const kept = good['sim.save.a'] ? 'sim.save.a' : 'sim.save.b';
      storage.setItem(slot, text);
      const { session } = testSession();
      const result = await boot(session, storage);
      expect(result.ok).toBe(true);
      expect(JSON.stringify(session.state)).toBe(JSON.stringify(saved.state));
      expect(storage.getItem(kept)).toBe(good[kept]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // Anything that is not the good save is set aside, and said.
      if (text.trim()) {
        expect(result.notices).toHaveLength(1);
        expect(result.notices[0]!.action).toBe('quarantined');
        expect(storage.getItem(slot)).toBeNull();
      }
    });

    it(`boots a fresh game past ${what} alone, sets it aside and says so`, async () => {
      const storage = new MemoryStorage();
      storage.setItem('sim.save.a', text);
      storage.setItem(KEPT_KEY, text);
      const { session } = testSession();
      const result = await boot(session, storage);
      expect(result.ok).toBe(true);
      expect(session.def!.id).toBe('three-valleys');
      expect(session.state!.turn).toBe(0);
      expect(listKept(storage)).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      if (text.trim()) {
        expect(result.notices.map((n) => n.title)).toEqual([
          expect.stringMatching(/^A saved game could not be (read|opened)\.$/),
        ]);
        expect(result.notices[0]!.action).toBe('quarantined');
        expect(storage.getItem('sim.save.a')).toBeNull();
      }
    });
  }
});
