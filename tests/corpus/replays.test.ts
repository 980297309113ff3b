// The corpus of tampered replays and share links (issue 12): each is refused by the session with a message
// naming the problem, and the game in progress is kept, byte for byte; nothing in them runs or pollutes a
// prototype. Built from a real replay of mosul-2016 (two turns, a variation), changed one way per case.
import { describe, expect, it } from 'vitest';
import { encodeShare } from '../../src/session/share';
import { fingerprint, testSession } from '../support/session';

async function played() {
  const { session } = testSession();
  await session.load('mosul-2016', null, 3);
  session.setHeld(['US']);
  session.order(session.options('US').find((o) => o.verdict.ok)!.order);
  session.endTurn();
  session.endTurn();
  return session;
}

type Json = Record<string, any>;
const tamper = (replay: Json, change: (r: Json) => unknown): unknown => {
  const copy = JSON.parse(JSON.stringify(replay)) as Json;
  const out = change(copy);
  return out === undefined ? copy : out;
};

describe('the corpus of tampered replays and share links', () => {
  it('refuses each with its problem named, keeping the game in progress', async () => {
    const source = await played();
    const replay = source.exportReplay()! as Json;
    const deep = (n: number) => {
      let node: Json = { orders: [], held: [], children: [] };
      for (let i = 0; i < n; i++) node = { orders: [], held: [], children: [node] };
      return node;
    };
    const wide = () => ({
      orders: [],
      held: [],
      children: Array.from({ length: 50 }, () => ({
        orders: [],
        held: [],
        children: Array.from({ length: 50 }, () => ({ orders: [], held: [], children: [] })),
      })),
    });
    const script = '<img src=x onerror="globalThis.__pwned=1">';
    const cases: [string, unknown, RegExp][] = [
      ['not an object', 'a replay', /not a replay/],
      ['null', null, /not a replay file|no scenario id/],
      ['an array', [replay], /not a replay file|no scenario id/],
      ['no format', tamper(replay, (r) => void delete r.format), /"format" field/],
      ['another format', tamper(replay, (r) => void (r.format = 'chess/pgn')), /"format" field/],
      ['another version', tamper(replay, (r) => void (r.version = 2)), /format version 2 is not supported/],
      [
        'another scenario',
        tamper(replay, (r) => void (r.scenario.id = 'atlantis')),
        /unknown scenario "atlantis"/,
      ],
      [
        'another scenario version',
        tamper(replay, (r) => void (r.scenario.version = 99)),
        /version 99 of "mosul-2016"/,
      ],
      ['seed out of range', tamper(replay, (r) => void (r.seed = 2 ** 33)), /seed|replay/],
      ['seed a string', tamper(replay, (r) => void (r.seed = '3')), /seed|replay/],
      ['no root', tamper(replay, (r) => void delete r.root), /malformed replay at \.root/],
      [
        'an unknown order',
        tamper(replay, (r) => void (r.root.children[0].orders[0].id = 'nuke-everything')),
        /orders\[0\] \(nuke-everything\)/,
      ],
      [
        'an order of an actor not held',
        tamper(replay, (r) => void (r.root.children[0].held = [])),
        /gives an order but is not held/,
      ],
      [
        'an order with an odd field',
        tamper(replay, (r) => void (r.root.children[0].orders[0].extra = 1)),
        /malformed replay at \.root\.children\[0\]\.orders\[0\]/,
      ],
      [
        'an order of another actor',
        tamper(replay, (r) => void (r.root.children[0].orders[0].actor = 'IS')),
        /orders\[0\]|not held/,
      ],
      [
        'a held actor that cannot be played',
        tamper(replay, (r) => void r.root.children[0].held.push('IS')),
        /"IS" is not a playable actor/,
      ],
      [
        'orders at the start',
        tamper(replay, (r) => void r.root.orders.push({ id: 'x', actor: 'US' })),
        /starting node/,
      ],
      ['an unknown branch', tamper(replay, (r) => void (r.branch = 'mars')), /unknown branch "mars"/],
      ['a tree 2,000 deep', tamper(replay, (r) => void (r.root = deep(2000))), /deeper than 200 turns/],
      ['a tree of 2,551 turns', tamper(replay, (r) => void (r.root = wide())), /more than 1000 turns/],
      [
        'a __proto__ key in a node',
        JSON.parse(
          JSON.stringify(replay).replace('"orders":[]', '"__proto__":{"polluted":true},"orders":[]'),
        ),
        /malformed replay|Unrecognized key/,
      ],
      [
        'a constructor key at the top',
        JSON.parse(
          JSON.stringify(replay).replace(
            '{"format"',
            '{"constructor":{"prototype":{"polluted":true}},"format"',
          ),
        ),
        /malformed replay|Unrecognized key/,
      ],
      [
        'a script in a name',
        tamper(replay, (r) => void (r.root.children[0].name = script.repeat(40))),
        /malformed replay at \.root\.children\[0\]\.name/,
      ],
      [
        'a script as an order id',
        tamper(replay, (r) => void (r.root.children[0].orders[0].id = script)),
        /malformed replay at \.root\.children\[0\]\.orders\[0\]\.id/,
      ],
      [
        'a carried scenario that is not one',
        tamper(replay, (r) => void (r.definition = { id: 'mosul-2016', evil: script })),
        /carries|scenario/,
      ],
      [
        'an injected change without a reason',
        tamper(
          replay,
          (r) => void (r.root.children[0].injected = [{ kind: 'event', rule: 'R1', reason: '' }]),
        ),
        /injected|malformed/,
      ],
    ];
    expect(cases.length).toBeGreaterThanOrEqual(25);

    const { session } = testSession();
    await session.load('mosul-2016', null, 3);
    session.endTurn();
    const before = fingerprint(session.root!);
    const problems: string[] = [];
    for (const [what, json, names] of cases) {
      const opened = await session.openReplay(json);
      if (opened.ok) problems.push(`${what}: opened`);
      else if (!names.test(opened.error)) problems.push(`${what}: "${opened.error}"`);
      const merged = await session.openReplay(json, { merge: true });
      if (merged.ok) problems.push(`${what}: merged`);
    }
    expect(problems).toEqual([]);
    expect(fingerprint(session.root!)).toEqual(before);
    expect(({} as Json).polluted).toBeUndefined();
    expect((globalThis as Json).__pwned).toBeUndefined();
  }, 120_000);

  it('refuses tampered share links by name: empty, too long, odd characters, random bytes, not a game', async () => {
    const source = await played();
    const good = await encodeShare(source.exportLine()!);
    const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256)).toString(
      'base64url',
    );
    const links: [string, string, RegExp][] = [
      ['empty', '', /carries no game/],
      ['10 MB', 'A'.repeat(10_000_000), /too long/],
      ['odd characters', `${good.slice(0, 40)}<script>`, /characters a game link never has/],
      ['truncated', good.slice(0, Math.floor(good.length / 2)), /damaged/],
      ['random bytes', random, /damaged/],
      ['a game of nothing', await encodeShareOf({ hello: 'world' }), /not a replay|no scenario id/],
    ];
    const { session } = testSession();
    await session.load('mosul-2016', null, 3);
    session.endTurn();
    const before = fingerprint(session.root!);
    for (const [what, link, names] of links) {
      const opened = await session.openShare(link);
      expect(opened.ok, what).toBe(false);
      if (!opened.ok) expect(opened.error, what).toMatch(names);
    }
    expect(fingerprint(session.root!)).toEqual(before);
  });
});

/** A share link carrying any JSON (deflate-raw, base64url), as the page makes them. */
async function encodeShareOf(json: unknown): Promise<string> {
  return encodeShare(json as never);
}
