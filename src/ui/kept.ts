// "Kept games" in the picker: the games the page put aside to open another (a link, a replay file, a new
// game), newest first, each to open again (the game in progress then takes its place) or to delete.
import { dropKept, listKept } from '../session/autosave';
import { openKept } from '../session/opening';
import type { Ui } from './context';
import { button, el } from './dom';
import { getLocale, m } from '../i18n';

/** When a game was kept: in English the browser's own format (as before), else in the page's language. */
const when = (ms: number): string => {
  const d = new Date(ms);
  if (!Number.isFinite(d.getTime())) return m.kept_unknown_time();
  const locale = getLocale();
  return locale === 'en' ? d.toLocaleString() : d.toLocaleString(`${locale}-u-nu-latn`);
};

/** The list, or null when nothing is kept; `done` runs after a kept game was opened. */
export function renderKept(ui: Ui, redraw: () => void, done: () => void): HTMLElement | null {
  const { storage, session } = ui;
  if (!storage) return null;
  const kept = listKept(storage);
  if (!kept.length) return null;
  return el(
    'section',
    { class: 'kept', 'aria-label': m.kept_title(), 'data-testid': 'kept-games' },
    el('h3', {}, m.kept_title()),
    el(
      'ul',
      {},
      kept.map((save, i) =>
        el(
          'li',
          { 'data-testid': 'kept-game' },
          el(
            'span',
            {},
            `${m.kept_entry({ label: save.label ?? m.kept_a_game(), when: when(save.savedAt) })} `,
          ),
          button(
            m.kept_open(),
            () =>
              void openKept(session, storage, i, Date.now()).then((result) => {
                if (!result.ok) return ui.announce(result.error);
                ui.announce(result.kept ? m.kept_opened_swapped({ label: result.kept }) : m.kept_opened());
                done();
              }),
            { 'data-testid': 'kept-open' },
          ),
          button(
            m.kept_delete(),
            () => {
              dropKept(storage, i);
              ui.announce(m.kept_deleted());
              redraw();
            },
            { 'data-testid': 'kept-delete' },
          ),
        ),
      ),
    ),
  );
}
