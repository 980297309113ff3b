// A scenario opened from a file: the session registers it (found by id like a shipped one), plays it, and its
// replays, share links and autosave carry it, so they open in a session that has never seen it; a bad file, a
// clashing id or a tampered carried scenario is refused with the validator's message and changes nothing.
import { describe, expect, it } from 'vitest';
import { parseScenario, validateScenario } from '../../src/engine/index';
import { MAX_SCENARIO_CHARS } from '../../src/engine/limits';
import type { ScenarioDef } from '../../src/engine/schema';
import { listKept, readSaves, writeSave } from '../../src/session/autosave';
import { openAtBoot, openIncoming, snapshot } from '../../src/session/opening';
import type { Session } from '../../src/session/session';
import { decodeShare, encodeShare } from '../../src/session/share';
import { countNodes } from '../../src/session/tree';
import { describeTravel, readPickedScenario } from '../../src/ui/scenarioFile';
import { brokenScenario, CUSTOM_ID, customScenario, fileOf } from '../support/authoring';
import { fingerprint, testSession } from '../support/session';
import { MemoryStorage } from '../support/storage';
import { readScenarioText } from '../support/worlds';

const NOW = 1_700_000_000_000;

/** Reads scenario JSON as the page reads a file, and fails the test if the page would refuse it. */
async function readDef(json: unknown, name = `${CUSTOM_ID}.json`): Promise<ScenarioDef> {
  const read = await readPickedScenario(fileOf(name, JSON.stringify(json, null, 2)));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

/** A session that opened the custom scenario from a file and played `turns` turns of it, with a fork. */
async function customGame(turns = 3, json: unknown = customScenario(), seed = 5) {
  const made = testSession();
  const added = await made.session.addScenario(await readDef(json), `${CUSTOM_ID}.json`);
  expect(added.ok).toBe(true);
  expect((await made.session.load(CUSTOM_ID, null, seed)).ok).toBe(true);
  made.session.setHeld(['RED']);
  for (let i = 0; i < turns; i++) made.session.endTurn();
  made.session.back();
  const legal = made.session.options('RED').filter((o) => o.verdict.ok);
  made.session.order(legal[legal.length - 1]!.order);
  made.session.endTurn();
  return made.session;
}

/** A fresh session (the test catalog only) playing the shipped invented scenario: the game to keep. */
async function gameInProgress(): Promise<{ session: Session; before: string[]; catalog: string[] }> {
  const { session } = testSession();
  await session.load('three-valleys', null, 2);
  session.setHeld(['RED']);
  session.endTurn();
  return { session, before: fingerprint(session.root!), catalog: session.catalog.map((e) => e.id) };
}

describe('a scenario opened from a file', () => {
  it('is registered in the catalog, found by id and marked as from a file, without touching the game', async () => {
    const { session, before } = await gameInProgress();
    const added = await session.addScenario(await readDef(customScenario()), 'five-lakes.json');
    expect(added).toMatchObject({ ok: true, value: { id: CUSTOM_ID, origin: 'file' } });
    expect(session.catalog.filter((e) => e.origin === 'file').map((e) => e.id)).toEqual([CUSTOM_ID]);
    expect(session.isShipped(CUSTOM_ID)).toBe(false);
    expect(fingerprint(session.root!)).toEqual(before); // previewing is not playing
    const fetched = await session.fetchScenario(CUSTOM_ID);
    expect(fetched.ok && fetched.value.title).toBe(customScenario().title);
    expect((await session.load(CUSTOM_ID, 'friendly', 4)).ok).toBe(true);
    expect(session.state).toMatchObject({ scenario: CUSTOM_ID, branch: 'friendly', turn: 0 });
  });

  it('plays, and its replay opens in a fresh session that never saw it, with identical states', async () => {
    const a = await customGame();
    const file = JSON.parse(JSON.stringify(a.exportReplay()));
    expect(file.definition.id).toBe(CUSTOM_ID);
    const { session: b } = testSession();
    expect(b.catalog.some((e) => e.id === CUSTOM_ID)).toBe(false);
    const opened = await b.openReplay(file);
    expect(opened.ok).toBe(true);
    expect(fingerprint(b.root!)).toEqual(fingerprint(a.root!));
    expect(b.def!.id).toBe(CUSTOM_ID);
    // The session knows it now: a new game of it starts by id, and its own replays carry it on.
    expect(b.catalog.find((e) => e.id === CUSTOM_ID)?.origin).toBe('file');
    expect((await b.load(CUSTOM_ID, null, 1)).ok).toBe(true);
    expect(b.exportReplay()!.definition).toEqual(a.def);
  });

  it('carries nothing more in a replay of a shipped scenario', async () => {
    const { session } = await gameInProgress();
    const replay = session.exportReplay()!;
    expect(Object.keys(replay)).toEqual(['format', 'version', 'scenario', 'branch', 'seed', 'root']);
    expect(JSON.stringify(replay)).not.toContain('"definition"');
  });

  it('travels in a share link: the line opens in a fresh session with the same state', async () => {
    const a = await customGame(4);
    const link = (await a.shareLine())!;
    const { session: b } = testSession();
    const opened = await b.openShare(link);
    expect(opened.ok).toBe(true);
    expect(JSON.stringify(b.state)).toBe(JSON.stringify(a.state));
    expect(b.def!.title).toBe(customScenario().title);
  });

  it('fits in a link at a realistic size (the invented scenario, and mosul-2016 as if it were new)', async () => {
    const mosul = { ...JSON.parse(readScenarioText('scenarios/mosul-2016.json')), id: 'my-mosul' };
    for (const [json, most] of [
      [customScenario(), 4_000],
      [mosul, 40_000],
    ] as const) {
      const def = await readDef(json);
      const made = testSession();
      expect((await made.session.addScenario(def, 'x.json')).ok).toBe(true);
      expect((await made.session.load(def.id, null, 1)).ok).toBe(true);
      for (let i = 0; i < 10; i++) made.session.endTurn();
      const link = (await made.session.shareLine())!;
      expect(link.length).toBeLessThan(most);
      expect((await decodeShare(link)).ok).toBe(true);
      expect(await describeTravel(def)).toMatch(/a link to its start is [\d,]+ characters long/);
    }
  });

  it('says in the page when its links or replays would be too large to open', async () => {
    // Text that deflate cannot shrink much: 1 MB of seeded random letters (mulberry32) in the summary.
    let x = 7;
    const letter = () => {
      x = (x + 0x6d2b79f5) | 0;
      let t = Math.imul(x ^ (x >>> 15), 1 | x);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return String.fromCharCode(33 + (((t ^ (t >>> 14)) >>> 0) % 90));
    };
    const noise = Array.from({ length: 1_000_000 }, letter).join('');
    const big = await readDef(customScenario({ summary: noise }));
    expect(await describeTravel(big)).toMatch(/too long to open: share a replay file instead/);
    const huge = await readDef(customScenario({ summary: noise + noise + noise }));
    expect(await describeTravel(huge)).toMatch(/more than the 2,000,000 a replay may have/);
  });
});

describe('a file that is refused changes nothing', () => {
  it.each([
    ['not JSON', '{ "id": "five-lakes", ', /^bad\.json: .*JSON/],
    ['a field of the wrong type', JSON.stringify(brokenScenario()), /^bad\.json: turnDays: /],
    [
      'a replay instead of a scenario',
      '{"format":"iraq-syria-sim/replay","version":1}',
      /is a replay, not a/,
    ],
  ])('%s: the message names the problem as the CLI does', async (_, text, message) => {
    const { session, before, catalog } = await gameInProgress();
    const read = await readPickedScenario(fileOf('bad.json', text));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toMatch(message);
    if (!/replay/.test(text))
      expect(read.error).toBe((parseScenario(text, 'bad.json') as { error: string }).error);
    expect(fingerprint(session.root!)).toEqual(before);
    expect(session.catalog.map((e) => e.id)).toEqual(catalog);
  });

  it('refuses a file over the engine limit, and says the limit', async () => {
    const tooMany = await readPickedScenario(fileOf('big.json', '', 3 * MAX_SCENARIO_CHARS + 1));
    expect(tooMany).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 5,000,000 characters/),
    });
    const tooLong = await readPickedScenario(fileOf('long.json', ' '.repeat(MAX_SCENARIO_CHARS + 1), 100));
    expect(tooLong).toMatchObject({
      ok: false,
      error: 'long.json: 5,000,001 characters, more than the 5,000,000 a scenario file may have',
    });
  });
});

describe('when the id of a file is taken', () => {
  it('refuses one with the id of a shipped scenario and other content, saying to change the id', async () => {
    const { session, before, catalog } = await gameInProgress();
    const clash = await readDef(customScenario({ id: 'three-valleys' }));
    const added = await session.addScenario(clash, 'mine.json');
    expect(added.ok).toBe(false);
    if (!added.ok)
      expect(added.error).toMatch(/^mine\.json: id: "three-valleys" is the id of a scenario this page ships/);
    if (!added.ok) expect(added.error).toMatch(/Give your scenario another id/);
    expect(session.catalog.map((e) => e.id)).toEqual(catalog);
    expect(fingerprint(session.root!)).toEqual(before);
  });

  it('opens a file identical to a shipped scenario (keys in another order) as the shipped one', async () => {
    const { session, catalog } = await gameInProgress();
    const shipped = JSON.parse(readScenarioText('tests/support/valleys.json'));
    const reordered = Object.fromEntries(Object.entries(shipped).reverse());
    const added = await session.addScenario(await readDef(reordered), 'copy.json');
    expect(added).toMatchObject({ ok: true, value: { id: 'three-valleys' } });
    expect(added.ok && added.value.origin).toBeUndefined();
    expect(session.catalog.map((e) => e.id)).toEqual(catalog);
  });

  it('replaces an earlier file of the same id (the author edited it); the game in progress goes on', async () => {
    const a = await customGame(2);
    const before = fingerprint(a.root!);
    const edited = await readDef(customScenario({ title: 'Five Lakes, second draft' }));
    expect((await a.addScenario(edited, 'five-lakes.json')).ok).toBe(true);
    expect(a.catalog.filter((e) => e.id === CUSTOM_ID).map((e) => e.title)).toEqual([
      'Five Lakes, second draft',
    ]);
    expect(fingerprint(a.root!)).toEqual(before);
    expect(a.exportReplay()!.definition).toMatchObject({ title: customScenario().title }); // its own scenario
    expect((await a.load(CUSTOM_ID, null, 1)).ok).toBe(true);
    expect(a.def!.title).toBe('Five Lakes, second draft');
  });
});

describe('a replay of a scenario the page does not ship', () => {
  /** Opens `replay` in a session with a game in progress; returns the result and checks nothing changed. */
  async function refused(replay: unknown): Promise<string> {
    const { session, before, catalog } = await gameInProgress();
    const result = await session.openReplay(replay);
    expect(result.ok).toBe(false);
    expect(fingerprint(session.root!)).toEqual(before);
    expect(session.catalog.map((e) => e.id)).toEqual(catalog);
    return result.ok ? '' : result.error;
  }

  it('is refused with the validator’s message when its carried scenario was tampered with', async () => {
    const good = JSON.parse(JSON.stringify((await customGame()).exportReplay()));
    good.definition.actors[0].color = 'red; background:url(x)';
    good.definition.rules[0].id = 7;
    const problems = validateScenario(good.definition);
    expect(problems.ok).toBe(false);
    const first = problems.ok ? '' : `${problems.problems![0]!.path}: ${problems.problems![0]!.message}`;
    const error = await refused(good);
    expect(error).toContain(`the scenario the replay carries: ${first}`);
  });

  it('is refused when the carried scenario is not the one the replay names, or nests too deep', async () => {
    const good = JSON.parse(JSON.stringify((await customGame()).exportReplay()));
    expect(await refused({ ...good, definition: { ...good.definition, version: 2 } })).toMatch(
      /carries is version 2 of "five-lakes", but the replay says it is of "five-lakes" version 1/,
    );
    let deep: unknown = 0;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(await refused({ ...good, definition: { ...good.definition, flags: deep } })).toMatch(
      /the scenario the replay carries: flags\[0\]\[0\]\[0\]\[0\]\[0\]…: nested deeper than 64 levels/,
    );
  });

  it('is refused when it carries other content under the id of a shipped scenario', async () => {
    const good = JSON.parse(JSON.stringify((await customGame()).exportReplay()));
    good.scenario.id = 'three-valleys';
    good.definition.id = 'three-valleys';
    expect(await refused(good)).toMatch(/this page ships a different scenario with that id/);
  });

  it('says the scenario file is needed when the replay does not carry it', async () => {
    const good = JSON.parse(JSON.stringify((await customGame()).exportReplay()));
    delete good.definition;
    expect(await refused(good)).toMatch(
      /unknown scenario "five-lakes": this page does not ship it and the replay does not carry it\. Open the scenario file first/,
    );
    // Once the author has opened the file, the same replay opens.
    const { session } = testSession();
    await session.addScenario(await readDef(customScenario()), 'five-lakes.json');
    expect((await session.openReplay(good)).ok).toBe(true);
  });
});

describe('the autosave and the opening guarantees with such a scenario', () => {
  it('restores a game of it after a reload (a fresh session) with the same state', async () => {
    const storage = new MemoryStorage();
    const a = await customGame(3);
    expect(writeSave(storage, snapshot(a, NOW)!)).toEqual({ ok: true });
    expect(JSON.stringify(readSaves(storage)[0]!.replay)).toContain('"definition"');
    const { session: b } = testSession();
    const booted = await openAtBoot(b, storage, {
      hash: '',
      search: '',
      defaultScenario: 'three-valleys',
      now: NOW,
    });
    expect(booted).toEqual({ ok: true, notices: [] });
    expect(JSON.stringify(b.state)).toBe(JSON.stringify(a.state));
    expect(fingerprint(b.root!)).toEqual(fingerprint(a.root!));
  });

  it('merges a line of the same game; keeps the game in progress before opening one with other content', async () => {
    const storage = new MemoryStorage();
    const a = await customGame(2);
    const same = JSON.parse(JSON.stringify(a.exportLine()));
    const { session: b } = testSession();
    expect((await b.openReplay(JSON.parse(JSON.stringify(a.exportReplay())))).ok).toBe(true);
    const nodes = countNodes(b.root!);
    const merged = await openIncoming(b, storage, same, 'link', { now: NOW });
    expect(merged.ok && merged.opened.merged).toBe(true);
    expect(countNodes(b.root!)).toBe(nodes); // the same line: nothing doubled
    // Same id, version and seed, but the scenario it carries differs: another game, so the first is kept.
    const other = await customGame(2, customScenario({ title: 'Five Lakes, second draft' }));
    const mine = JSON.stringify(b.state);
    const opened = await openIncoming(b, storage, JSON.parse(JSON.stringify(other.exportReplay())), 'link', {
      now: NOW,
    });
    expect(opened.ok && opened.opened.merged).toBe(false);
    expect(b.def!.title).toBe('Five Lakes, second draft');
    expect(listKept(storage)).toHaveLength(1);
    const kept = listKept(storage)[0]!;
    expect(kept.label).toMatch(/^Five Lakes \(an author’s new scenario\), turn/);
    expect(JSON.stringify(kept.replay)).toContain('"definition"');
    expect(mine).not.toBe(JSON.stringify(b.state));
  });

  it('encodes the carried scenario into the link text itself (nothing is fetched to open it)', async () => {
    const a = await customGame(1);
    const decoded = await decodeShare(await encodeShare(a.exportLine()!));
    expect(decoded.ok && (decoded.json as { definition: { id: string } }).definition.id).toBe(CUSTOM_ID);
  });
});
