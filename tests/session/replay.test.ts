import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSaves, writeSave } from '../../src/session/autosave';
import { REPLAY_FORMAT } from '../../src/session/replay';
import { decodeShare, encodeShare } from '../../src/session/share';
import { walk } from '../../src/session/tree';
import { fingerprint, testSession } from '../support/session';
import { MemoryStorage } from '../support/storage';

/** Plays a random tree: at each step, go to a random node, give random legal orders, end the turn. */
async function randomTree(seed: number, steps: number[], scenario = 'three-valleys') {
  const { session } = testSession();
  await session.load(scenario, null, seed);
  const actor = scenario === 'three-valleys' ? 'RED' : 'US';
  session.setHeld([actor]);
  for (const [k, step] of steps.entries()) {
    const paths: string[] = [];
    walk(session.root!, (n, p) => {
      if (!n.state.over) paths.push(p);
    });
    session.goTo(paths[step % paths.length]!);
    const legal = session.options(actor).filter((o) => o.verdict.ok);
    if (legal.length && step % 3) session.order(legal[(step * 7) % legal.length]!.order);
    session.endTurn();
    if (k % 4 === 1) session.rename(session.cursor, `line ${k} <b>bold?</b>`);
  }
  return session;
}

describe('replay files', () => {
  it('export and import back to identical states, for random trees (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1e6 }),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 12 }),
        async (seed, steps) => {
          const a = await randomTree(seed, steps);
          const file = JSON.parse(JSON.stringify(a.exportReplay()));
          const { session: b } = testSession();
          const result = await b.openReplay(file);
          expect(result.ok).toBe(true);
          expect(fingerprint(b.root!)).toEqual(fingerprint(a.root!));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps a scenario branch line and its names through a round trip (mosul)', async () => {
    const a = await randomTree(3, [1, 2, 3]);
    a.forkBranch('friendly');
    a.endTurn();
    const { session: b } = testSession();
    expect((await b.openReplay(JSON.parse(JSON.stringify(a.exportReplay())))).ok).toBe(true);
    expect(fingerprint(b.root!)).toEqual(fingerprint(a.root!));
    expect(b.root!.children.some((c) => c.branch === 'friendly')).toBe(true);
  });

  it('records the turns the facilitator paused the computer, and plays them again so (mosul)', async () => {
    const { session: a } = testSession();
    await a.load('mosul-2016', null, 5);
    a.setHeld(['US']);
    a.endTurn();
    a.aiPaused = true;
    a.endTurn();
    const paused = a.state!;
    // Nobody but the players gives orders in a paused turn (the US gave none either).
    expect(paused.orders.filter((o) => o.id !== 'pass')).toEqual([]);
    expect(a.node!.held).toEqual(['US']);
    a.aiPaused = false;
    a.endTurn();
    expect(a.state!.orders.some((o) => o.actor !== 'US')).toBe(true);
    const file = JSON.parse(JSON.stringify(a.exportReplay()));
    const line = (n: any): any[] => (n.children.length ? [n.children[0], ...line(n.children[0])] : []);
    expect(line(file.root).map((n) => n.paused ?? false)).toEqual([false, true, false]);
    const { session: b } = testSession();
    expect((await b.openReplay(file)).ok).toBe(true);
    expect(fingerprint(b.root!)).toEqual(fingerprint(a.root!));
  });

  it('records the facilitator’s injected changes, plays them again, and refuses a tampered one by name (mosul)', async () => {
    const { session: a } = testSession();
    await a.load('mosul-2016', null, 2);
    expect(
      a.inject({ kind: 'relation', a: 'RUS', b: 'XXX', layer: 'GL', delta: 5, reason: 'r' }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Unknown actor "XXX"/),
    });
    expect(
      a.inject({ kind: 'meter', actor: 'IRN', meter: 'economy', delta: -5, reason: 'a tanker is seized' }).ok,
    ).toBe(true);
    a.endTurn();
    expect(a.injections).toEqual([]);
    expect(a.node!.injected).toEqual([
      { kind: 'meter', actor: 'IRN', meter: 'economy', delta: -5, reason: 'a tanker is seized' },
    ]);
    expect(a.state!.effects.some((e) => e.facilitator && e.text.includes('a tanker is seized'))).toBe(true);
    a.endTurn();
    const file = JSON.parse(JSON.stringify(a.exportReplay()));
    expect(file.root.children[0].injected).toHaveLength(1);
    const { session: b } = testSession();
    expect((await b.openReplay(file)).ok).toBe(true);
    expect(fingerprint(b.root!)).toEqual(fingerprint(a.root!));
    const tampered = JSON.parse(JSON.stringify(file));
    tampered.root.children[0].injected[0].meter = 'morale';
    const { session: c } = testSession();
    const refused = await c.openReplay(tampered);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error).toMatch(/injected\[0\]: Unknown meter "morale"/);
  });

  it('records the turns the computer looked ahead, and plays them again so (mosul)', async () => {
    const { session: a } = testSession();
    await a.load('mosul-2016', null, 4);
    a.setHeld(['US']);
    a.endTurn(); // greedy
    a.setLookahead(true);
    a.endTurn();
    a.endTurn();
    const file = JSON.parse(JSON.stringify(a.exportReplay()));
    const line = (n: any): any[] => (n.children.length ? [n.children[0], ...line(n.children[0])] : []);
    expect(line(file.root).map((n) => n.ahead ?? false)).toEqual([false, true, true]);
    const { session: b } = testSession();
    expect((await b.openReplay(file)).ok).toBe(true);
    expect(fingerprint(b.root!)).toEqual(fingerprint(a.root!));
    // Read without the flag, the same turns are another game: the look-ahead changed what the computer did.
    const greedy = JSON.parse(JSON.stringify(file));
    for (const n of line(greedy.root)) delete n.ahead;
    const { session: c } = testSession();
    expect((await c.openReplay(greedy)).ok).toBe(true);
    expect(fingerprint(c.root!)).not.toEqual(fingerprint(a.root!));
    // The same orders from the same node with the other policy are another variation, not the same turn.
    a.goTo(a.root!.children[0]!.id);
    a.setLookahead(false);
    a.endTurn();
    expect(a.root!.children[0]!.children).toHaveLength(2);
  });

  describe('bad input leaves the game in progress untouched and names the problem', () => {
    const cases: [string, (r: any) => unknown, RegExp][] = [
      ['not an object', () => 'hello', /not a replay/],
      ['another format', (r) => ({ ...r, format: 'chess/pgn' }), /not a replay file of this game/],
      ['a missing seed', (r) => ({ ...r, seed: undefined }), /not a replay of this game/],
      ['a newer version', (r) => ({ ...r, version: 2 }), /format version 2 is not supported/],
      [
        'an unknown scenario',
        (r) => ({ ...r, scenario: { id: 'atlantis', version: 1 } }),
        /unknown scenario "atlantis"/,
      ],
      [
        'another scenario version',
        (r) => ({ ...r, scenario: { ...r.scenario, version: 9 } }),
        /version 9 of "three-valleys"/,
      ],
      [
        'a look-ahead flag that is not true or false',
        (r) => ({
          ...r,
          root: { ...r.root, children: [{ orders: [], held: [], ahead: 'yes', children: [] }] },
        }),
        /malformed replay at \.root\.children\[0\]\.ahead/,
      ],
      [
        'a missing field',
        (r) => ({ ...r, root: { ...r.root, children: undefined } }),
        /malformed replay at \.root\.children/,
      ],
      [
        'an extra field',
        (r) => ({ ...r, root: { ...r.root, script: 'alert(1)' } }),
        /malformed replay at \.root/,
      ],
      ['a negative seed', (r) => ({ ...r, seed: -1 }), /malformed replay at \.seed|no scenario id and seed/],
      [
        'an illegal order smuggled in',
        (r) => ({
          ...r,
          root: {
            ...r.root,
            children: [
              { orders: [{ id: 'dam', actor: 'BLUE', target: 'GREEN' }], held: ['BLUE'], children: [] },
            ],
          },
        }),
        /root\.children\[0\]\.orders\[0\] \(dam\): Blue League cannot give the order/,
      ],
      [
        'an order for an actor nobody held',
        (r) => ({
          ...r,
          root: { ...r.root, children: [{ orders: [{ id: 'wait', actor: 'RED' }], held: [], children: [] }] },
        }),
        /RED gives an order but is not held/,
      ],
      [
        'a non-playable actor held',
        (r) => ({ ...r, root: { ...r.root, children: [{ orders: [], held: ['GREEN'], children: [] }] } }),
        /"GREEN" is not a playable actor/,
      ],
      [
        'an unknown branch',
        (r) => ({
          ...r,
          root: { ...r.root, children: [{ orders: [], held: [], branch: 'mars', children: [] }] },
        }),
        /unknown branch "mars"/,
      ],
      [
        'a prototype key as an order id',
        (r) => ({
          ...r,
          root: {
            ...r.root,
            children: [{ orders: [{ id: '__proto__', actor: 'RED' }], held: ['RED'], children: [] }],
          },
        }),
        /malformed replay|no order/,
      ],
    ];
    it.each(cases)('%s', async (_, tamper, message) => {
      const a = await randomTree(1, [1, 2]);
      const good = JSON.parse(JSON.stringify(a.exportReplay()));
      const { session: b } = testSession();
      await b.load('three-valleys', null, 9);
      b.setHeld(['RED']);
      b.endTurn();
      const before = fingerprint(b.root!);
      const result = await b.openReplay(tamper(good));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
      expect(fingerprint(b.root!)).toEqual(before);
    });

    it('refuses a tree too deep or too large without hanging', async () => {
      const a = await randomTree(1, [1]);
      const r: any = JSON.parse(JSON.stringify(a.exportReplay()));
      let node = r.root;
      for (let i = 0; i < 500; i++) {
        node.children = [{ orders: [], held: [], children: [] }];
        node = node.children[0];
      }
      const { session: b } = testSession();
      const result = await b.openReplay(r);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/game was already over|deeper than/);
    });

    it('never throws on arbitrary JSON', async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (value) => {
          const { session } = testSession();
          const result = await session.openReplay(value);
          expect(result.ok).toBe(false);
        }),
        { numRuns: 150 },
      );
      const { session } = testSession();
      const result = await session.openReplay({
        format: REPLAY_FORMAT,
        version: 1,
        scenario: { id: 'three-valleys', version: 1 },
        seed: 1,
      });
      expect(result.ok).toBe(false);
    });
  });
});

describe('share links', () => {
  it('carry one line and open it directly, with the same states', async () => {
    const a = await randomTree(5, [0, 0, 0, 0]);
    a.back();
    const link = await a.shareLine();
    expect(link).toMatch(/^[A-Za-z0-9_-]+$/);
    const { session: b } = testSession();
    expect((await b.openShare(link!)).ok).toBe(true);
    expect(JSON.stringify(b.state)).toBe(JSON.stringify(a.state));
    expect(b.cursor.split('/')).toHaveLength(a.cursor.split('/').length);
  });

  it.each([
    ['empty', '', /carries no game/],
    ['with foreign characters', 'abc<script>', /characters a game link never has/],
    ['truncated', null, /truncated or altered|not a game/],
    ['random', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo', /truncated or altered|not a game/],
  ])('refuse a link that is %s', async (_, text, message) => {
    let link = text;
    if (link === null) {
      const a = await randomTree(5, [0, 0]);
      const full = (await a.shareLine())!;
      link = full.slice(0, Math.floor(full.length / 2));
    }
    const decoded = await decodeShare(link);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toMatch(message);
  });

  it('encode and decode any JSON value losslessly (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const text = await encodeShare(value as any);
        const back = await decodeShare(text);
        expect(back).toEqual({ ok: true, json: JSON.parse(JSON.stringify(value)) });
      }),
      { numRuns: 100 },
    );
  });
});

describe('autosave', () => {
  const save = (cursor: string) => ({ savedAt: 1, cursor, replay: { any: cursor } });

  it('keeps the current and the previous save', () => {
    const storage = new MemoryStorage();
    expect(writeSave(storage, save('a'))).toEqual({ ok: true });
    expect(writeSave(storage, save('b'))).toEqual({ ok: true });
    expect(readSaves(storage).map((s) => s.cursor)).toEqual(['b', 'a']);
  });

  it('never destroys the previous save when a write fails', () => {
    const storage = new MemoryStorage();
    writeSave(storage, save('a'));
    storage.failWrites = true;
    const result = writeSave(storage, save('b'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/storage for this site is full/);
    expect(readSaves(storage).map((s) => s.cursor)).toEqual(['a']);
  });

  it('falls back to the previous save when the current one is corrupt', () => {
    const storage = new MemoryStorage();
    writeSave(storage, save('a'));
    writeSave(storage, save('b'));
    storage.map.set(readSaves(storage)[0]!.key, '{"cursor": "b", "repl');
    expect(readSaves(storage).map((s) => s.cursor)).toEqual(['a']);
  });
});
