// Replay files and share links: export the whole tree as `<scenario>-<date>.replay.json`, import one (at most
// 2 MB; a bad file shows its message in the page and the game in progress stays), copy a link to the line
// shown, and open a link pasted into the address bar while the page is open (hashchange).
import { openIncoming } from '../session/opening';
import { REPLAY_LIMITS } from '../session/replay';
import type { Ui } from './context';
import { button, el } from './dom';
import { decodeShare } from '../session/share';
import { m } from '../i18n';

export const MAX_REPLAY_BYTES = REPLAY_LIMITS.bytes; // so that any replay that opens can be autosaved too

export interface ReplayFiles {
  render(): HTMLElement;
  exportReplay(): void;
  importFile(file: { name: string; size: number; text(): Promise<string> }): Promise<boolean>;
}

/** What the page offers that Node tests replace: saving a file, the address, the clipboard. */
export interface FileEnv {
  download(name: string, text: string): void;
  address(): { origin: string; pathname: string };
  copy(text: string): Promise<boolean>;
}

export const browserEnv = (): FileEnv => ({
  download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = el('a', { href: url, download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  address: () => ({ origin: location.origin, pathname: location.pathname }),
  async copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false; // no permission or no clipboard: the link stays in the box to copy by hand
    }
  },
});

/** "mosul-2016-2024-05-01.replay.json": the scenario and today's date (the file holds the whole tree). */
export function replayFileName(scenario: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${scenario}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.replay.json`;
}

export function createReplayFiles(
  ui: Ui,
  showError: (message: string, title: string) => void,
  env: FileEnv = browserEnv(),
): ReplayFiles {
  const { session } = ui;
  let link: { url: string; what: string } | null = null; // the last share link made, until another is made

  function exportReplay(): void {
    const replay = session.exportReplay();
    if (!replay || !session.def) return ui.announce(m.replay_files_nothing_to_export());
    const name = replayFileName(session.def.id, new Date());
    env.download(name, JSON.stringify(replay, null, 1));
    ui.announce(m.replay_files_saved({ name }));
  }

  async function importFile(file: { name: string; size: number; text(): Promise<string> }): Promise<boolean> {
    const fail = (message: string) => {
      showError(message, m.replay_files_open_failed());
      return false;
    };
    if (file.size > MAX_REPLAY_BYTES)
      return fail(
        m.replay_files_too_big({
          name: file.name,
          size: (file.size / 1e6).toFixed(1),
          max: MAX_REPLAY_BYTES / 1e6,
        }),
      );
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (err) {
      return fail(m.replay_files_not_json({ name: file.name, error: (err as Error).message }));
    }
    const result = await openIncoming(session, ui.storage, json, 'replay file', {
      now: Date.now(),
      onProgress: (done, total) => ui.progress(done, total),
    });
    ui.progress(0, 0);
    if (!result.ok) return fail(m.replay_files_error({ name: file.name, error: result.error }));
    const opened = { name: file.name, nodes: result.opened.nodes };
    ui.announce(
      result.opened.merged
        ? m.replay_files_opened_merged(opened)
        : result.kept
          ? m.replay_files_opened_kept({ ...opened, kept: result.kept })
          : m.replay_files_opened(opened),
    );
    return true;
  }

  async function share(): Promise<void> {
    const text = await session.shareLine();
    if (!text) return ui.announce(m.replay_files_nothing_to_share());
    const { origin, pathname } = env.address();
    const s = session.state;
    const url = `${origin}${pathname}#r=${text}`;
    link = {
      url,
      what: s && s.turn ? m.replay_files_link_line({ turn: s.turn }) : m.replay_files_link_start(),
    };
    ui.refresh();
    const box = document.querySelector<HTMLInputElement>('[data-testid="share-url"]');
    box?.focus();
    box?.scrollIntoView({ block: 'center' });
    const copied = await env.copy(url);
    ui.announce(copied ? m.replay_files_link_copied() : m.replay_files_link_copy());
  }

  function render(): HTMLElement {
    const input = el('input', {
      type: 'file',
      accept: '.json,application/json',
      class: 'file-input',
      'data-testid': 'import-replay',
      onchange: (e: Event) => {
        const target = e.target as HTMLInputElement;
        const file = target.files?.[0];
        if (file) void importFile(file).finally(() => (target.value = ''));
      },
    });
    return el(
      'section',
      { class: 'replay-files', 'aria-label': m.replay_files_section() },
      el('h4', {}, m.replay_files_heading()),
      el(
        'div',
        { class: 'buttons left' },
        button(m.replay_files_export(), exportReplay, {
          'data-testid': 'export-replay',
          'data-key': 'export-replay',
          title: m.replay_files_export_title(),
        }),
        el('label', { class: 'file-button' }, m.replay_files_import(), input),
        button(m.replay_files_share(), () => void share(), {
          'data-testid': 'share-link',
          'data-key': 'share-link',
          title: m.replay_files_share_title(),
        }),
      ),
      link
        ? el(
            'label',
            { class: 'share' },
            el('span', {}, link.what),
            el('input', {
              type: 'text',
              readonly: true,
              value: link.url,
              'data-testid': 'share-url',
              'data-key': 'share-url',
              onfocus: (e: Event) => (e.target as HTMLInputElement).select(),
            }),
          )
        : null,
    );
  }

  return { render, importFile, exportReplay };
}

/** Opens a share link pasted into the address bar of the open page; a bad one shows its message. */
export function listenForShareLinks(
  ui: Ui,
  showError: (message: string, title: string) => void,
  target: Pick<Window, 'addEventListener' | 'location'> = window,
): void {
  target.addEventListener('hashchange', () => {
    const shared = /^#r=(.*)$/.exec(target.location.hash)?.[1];
    if (shared === undefined) return;
    void (async () => {
      const decoded = await decodeShare(shared);
      if (!decoded.ok) return showError(`${decoded.error}.`, m.replay_files_link_failed());
      const result = await openIncoming(ui.session, ui.storage, decoded.json, 'link', {
        now: Date.now(),
        onProgress: (done, total) => ui.progress(done, total),
      });
      ui.progress(0, 0);
      if (!result.ok) return showError(result.error, m.replay_files_link_failed());
      const nodes = result.opened.nodes;
      ui.announce(
        result.opened.merged
          ? m.replay_files_shared_merged({ nodes })
          : result.kept
            ? m.replay_files_shared_kept({ nodes, kept: result.kept })
            : m.replay_files_shared({ nodes }),
      );
    })();
  });
}
