// @vitest-environment happy-dom
// Replay files and share links from the History tab: export names the file and writes the session's replay;
// a bad file (not JSON, too big, another scenario) shows its message in the page and the game stays; a good
// one replaces the game; a share link opens the same line, and a tampered one pasted in says why it failed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountUi } from '../../src/ui/mount';
import type { FileEnv } from '../../src/ui/replayFiles';
import {
  createReplayFiles,
  listenForShareLinks,
  MAX_REPLAY_BYTES,
  replayFileName,
} from '../../src/ui/replayFiles';
import { valleysJson } from '../support/worlds';
import type { TestDocument, TestElement } from './testDom';
import { installTestDom, clearTestDom } from './testDom';
import { byTestId, makeUi, mosulJson, settle } from './support';

let doc: TestDocument;
beforeEach(() => {
  doc = installTestDom();
});
afterEach(() => clearTestDom());

const file = (name: string, text: string, size = text.length) => ({ name, size, text: async () => text });

function mounted() {
  const made = makeUi(valleysJson());
  const root = doc.createElement('div');
  doc.body.appendChild(root);
  mountUi(root as unknown as HTMLElement, made.session, made.bus, null);
  (root.querySelector('dialog[open]') as TestElement | null)?.close();
  byTestId(root, 'tab-history')[0]!.click();
  return { ...made, root };
}

/** Picks a file in the page's file input, as a person would. */
async function pick(root: ParentNode, f: ReturnType<typeof file>): Promise<void> {
  const input = byTestId(root, 'import-replay')[0]!;
  expect(input.getAttribute('type')).toBe('file');
  (input as unknown as { files: unknown[] }).files = [f];
  input.dispatchEvent(new Event('change'));
  await settle();
}

describe('replay files', () => {
  it('exports the whole tree as <scenario>-<date>.replay.json', () => {
    const { ui, session } = makeUi(valleysJson());
    session.endTurn();
    const saved: { name: string; text: string }[] = [];
    const env: FileEnv = {
      download: (name, text) => void saved.push({ name, text }),
      address: () => ({ origin: 'https://example.org', pathname: '/game/' }),
      copy: async () => false,
    };
    const files = createReplayFiles(ui, () => {}, env);
    const panel = files.render() as unknown as TestElement;
    byTestId(panel, 'export-replay')[0]!.click();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toMatch(/^three-valleys-\d{4}-\d{2}-\d{2}\.replay\.json$/);
    expect(JSON.parse(saved[0]!.text)).toEqual(session.exportReplay());
    expect(replayFileName('x', new Date(2024, 0, 5))).toBe('x-2024-01-05.replay.json');
  });

  it('shows a bad file’s message in the page and keeps the game in progress', async () => {
    const { root, session } = mounted();
    session.endTurn();
    const tree = session.root;
    const cursor = session.cursor;
    await pick(root, file('notes.json', '{"format": "nope"'));
    const alert = byTestId(root, 'load-error')[0]!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('The replay could not be opened.');
    expect(alert.textContent).toContain('notes.json is not a replay file: it is not valid JSON');
    expect(alert.textContent).toContain('The game in progress is kept.');
    expect(session.root).toBe(tree);
    expect(session.cursor).toBe(cursor);

    await pick(root, file('big.json', '{}', MAX_REPLAY_BYTES + 1));
    expect(byTestId(root, 'load-error')[0]!.textContent).toContain('a replay file is at most 2 MB');

    await pick(root, file('other.json', '{"format":"iraq-syria-sim/replay"}'));
    expect(byTestId(root, 'load-error')[0]!.textContent).toContain('other.json: This file is not a replay');
    expect(session.root).toBe(tree);
  });

  it('adds a file of the same game to its tree instead of replacing it', async () => {
    const { root, session } = mounted();
    session.endTurn();
    session.endTurn();
    session.rename(session.cursor, 'kept name');
    const text = JSON.stringify(session.exportReplay());
    session.toStart();
    const before = session.root;
    await pick(root, file('game.replay.json', text));
    expect(session.root).toBe(before); // the same game: its lines joined, nothing doubled
    expect(byTestId(root, 'tree-node')).toHaveLength(3);
    expect(session.state!.turn).toBe(2);
    expect(session.node!.name).toBe('kept name');
    const current = byTestId(root, 'tree-node').find((n) => n.getAttribute('data-current') === 'true')!;
    expect(byTestId(current, 'node-name')[0]!.textContent).toBe('kept name');
  });
});

describe('share links', () => {
  it('shows the link to the line in a read-only box, tries the clipboard, and the link opens that line', async () => {
    const { ui, session } = makeUi(valleysJson());
    session.endTurn();
    session.endTurn();
    const copied: string[] = [];
    const env: FileEnv = {
      download: () => {},
      address: () => ({ origin: 'https://example.org', pathname: '/game/' }),
      copy: async (text) => {
        copied.push(text);
        return false; // a browser that refuses: the box is the way
      },
    };
    const files = createReplayFiles(ui, () => {}, env);
    const holder = doc.createElement('div');
    doc.body.appendChild(holder);
    holder.appendChild(files.render() as unknown as TestElement);
    byTestId(holder, 'share-link')[0]!.click();
    // Deflating the link is asynchronous, and slower when the machine is busy: wait for the box.
    await vi.waitFor(() => {
      holder.replaceChildren(files.render() as unknown as TestElement);
      expect(byTestId(holder, 'share-url')).toHaveLength(1);
    });
    await vi.waitFor(() => expect(copied).toHaveLength(1));
    const box = byTestId(holder, 'share-url')[0]!;
    expect(box.hasAttribute('readonly')).toBe(true);
    const url = box.getAttribute('value')!;
    expect(url).toMatch(/^https:\/\/example\.org\/game\/#r=[A-Za-z0-9_-]+$/);
    expect(copied).toEqual([url]);

    const other = makeUi(valleysJson());
    const opened = await other.session.openShare(url.split('#r=')[1]!);
    expect(opened.ok).toBe(true);
    expect(other.session.state).toEqual(session.state);
  });

  it('opens a link pasted into the open page, and says why a tampered one fails', async () => {
    const { ui, session } = makeUi(mosulJson());
    session.endTurn();
    const good = await session.shareLine();
    session.toStart();
    const listeners: (() => void)[] = [];
    const target = {
      location: { hash: '' },
      addEventListener: (_: string, fn: () => void) => void listeners.push(fn),
    };
    const errors: [string, string][] = [];
    listenForShareLinks(ui, (m, t) => void errors.push([m, t]), target as never);
    target.location.hash = '#r=AAAA';
    listeners.forEach((fn) => fn());
    await vi.waitFor(() => expect(errors).toHaveLength(1)); // inflating is asynchronous: slower when busy
    expect(errors[0]![0]).toContain('the link is damaged');
    expect(errors[0]![1]).toBe('The link could not be opened.');
    expect(session.cursor).toBe('');

    target.location.hash = `#r=${good}`;
    listeners.forEach((fn) => fn());
    await vi.waitFor(() => expect(session.state!.turn).toBe(1));
    expect(errors).toHaveLength(1);
  });
});
