// Keyboard shortcuts: which key does what (a pure table, tested), the handler on the document, and the "Keys"
// help dialog opened with "?". Keys never fire while typing in a field or while a dialog is open.
import { dialogFooter, el, makeDialog, openDialog } from './dom';
import { m } from '../i18n';

export type KeyAction =
  | 'end-turn'
  | 'back'
  | 'forward'
  | 'start'
  | 'end'
  | 'help'
  | 'next-player'
  | 'toggle-left'
  | 'toggle-right'
  | 'briefing'
  | 'close-card'
  | 'tree'
  | 'compare'
  | 'odds'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-fit'
  | 'map-table';

export interface KeyPress {
  key: string;
  repeat?: boolean; // a held key repeating
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** What has focus, as far as shortcuts care: its tag (lower case) and input type. */
export interface Focus {
  tag: string;
  type?: string;
  editable?: boolean;
}

/** A line of the Keys dialog: the keys (their names; a few words around them are in the page's language). */
const key = (
  keys: string | (() => string),
  what: () => string,
): { readonly keys: string; readonly what: string } => ({
  get keys() {
    return typeof keys === 'string' ? keys : keys();
  },
  get what() {
    return what();
  },
});

// Read when the dialog is drawn (getters), so the words are in the language the page settled on at boot.
export const KEYS: readonly { readonly keys: string; readonly what: string }[] = [
  key(m.keys_key_end_turn, m.keys_end_turn),
  key('N', m.keys_next_player),
  key('← / →', m.keys_back_forward),
  key('Home / End', m.keys_start_latest),
  key('T', m.keys_tree),
  key('C', m.keys_compare),
  key('O', m.keys_odds),
  key(m.keys_key_panels, m.keys_panels),
  key('+ / − / 0', m.keys_zoom),
  key('M', m.keys_map_table),
  key('B', m.keys_briefing),
  key('?', m.keys_help),
  key('Escape', m.keys_escape),
  key('Tab / Shift+Tab', m.keys_tab),
];

const TYPING = new Set(['input', 'select', 'textarea']);

/** The action a key press asks for, or null when it belongs to the focused control (or to an open dialog). */
export function keyAction(e: KeyPress, focus: Focus | null, dialogOpen: boolean): KeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || dialogOpen) return null;
  // A held key repeats: that may step through the history, but it never ends more than one turn.
  if (e.repeat && (e.key === 'e' || e.key === 'E' || e.key === 'Enter')) return null;
  const tag = focus?.tag ?? 'body';
  const typing =
    focus?.editable ||
    (TYPING.has(tag) && !(tag === 'input' && ['checkbox', 'radio', 'button'].includes(focus?.type ?? '')));
  if (typing) return null;
  const idle = tag === 'body' || tag === 'html';
  switch (e.key) {
    case 'e':
    case 'E':
      return 'end-turn';
    case 'Enter':
      return idle ? 'end-turn' : null;
    case 'n':
    case 'N':
      return 'next-player';
    case 'ArrowLeft':
      return 'back';
    case 'ArrowRight':
      return 'forward';
    case 'Home':
      return 'start';
    case 'End':
      return 'end';
    case '?':
      return 'help';
    case '[':
      return 'toggle-left';
    case ']':
      return 'toggle-right';
    case 'b':
    case 'B':
      return 'briefing';
    case 'Escape':
      return 'close-card';
    case 't':
    case 'T':
      return 'tree';
    case 'c':
    case 'C':
      return 'compare';
    case 'o':
    case 'O':
      return 'odds';
    case '+':
    case '=':
      return 'zoom-in';
    case '-':
    case '_':
      return 'zoom-out';
    case '0':
      return 'zoom-fit';
    case 'm':
    case 'M':
      return 'map-table';
    default:
      return null;
  }
}

/**
 * Listens on the document and runs each shortcut's action, with when the key was pressed (the event's timeStamp,
 * on performance.now()'s clock).
 */
export function installKeys(run: (action: KeyAction, at: number) => void): void {
  document.addEventListener('keydown', (e) => {
    const active = document.activeElement as HTMLElement | null;
    const focus: Focus | null = active
      ? {
          tag: active.tagName.toLowerCase(),
          type: (active as HTMLInputElement).type,
          editable: active.isContentEditable,
        }
      : null;
    const action = keyAction(e, focus, !!document.querySelector('dialog[open]'));
    if (!action) return;
    e.preventDefault();
    run(action, e.timeStamp);
  });
}

/** The "Keys" help dialog. */
export function createKeysDialog(): { dialog: HTMLDialogElement; open(): void } {
  const dialog = makeDialog(m.keys_title(), { class: 'dialog keys', 'data-testid': 'keys-dialog' });
  dialog.append(
    el(
      'div',
      { class: 'dialog-body' },
      el('h2', { tabindex: -1 }, m.keys_title()),
      el(
        'table',
        {},
        el(
          'tbody',
          {},
          KEYS.map((k) =>
            el('tr', {}, el('th', { scope: 'row' }, el('kbd', {}, k.keys)), el('td', {}, k.what)),
          ),
        ),
      ),
    ),
    dialogFooter(
      el('button', { type: 'button', class: 'primary', onclick: () => dialog.close() }, m.keys_close()),
    ),
  );
  return { dialog, open: () => openDialog(dialog, dialog.querySelector<HTMLElement>('h2')) };
}
