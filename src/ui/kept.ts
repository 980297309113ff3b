// "Kept games" in the picker: the games the page put aside to open another (a link, a replay file, a new
// game), newest first, each to open again (the game in progress then takes its place) or to delete.
import { dropKept, listKept } from '../session/autosave';
import { openKept } from '../session/opening';
import type { Ui } from './context';
import { button, el } from './dom';

const when = (ms: number): string => {
  const d = new Date(ms);
  return Number.isFinite(d.getTime()) ? d.toLocaleString() : 'at an unknown time';
};

/** The list, or null when nothing is kept; `done` runs after a kept game was opened. */
export function renderKept(ui: Ui, redraw: () => void, done: () => void): HTMLElement | null {
  const { storage, session } = ui;
  if (!storage) return null;
  const kept = listKept(storage);
  if (!kept.length) return null;
  return el(
    'section',
    { class: 'kept', 'aria-label': 'Kept games', 'data-testid': 'kept-games' },
    el('h3', {}, 'Kept games'),
    el(
      'ul',
      {},
      kept.map((save, i) =>
        el(
          'li',
          { 'data-testid': 'kept-game' },
          el('span', {}, `${save.label ?? 'A game'} — kept ${when(save.savedAt)} `),
          button(
            'Open',
            () =>
              void openKept(session, storage, i, Date.now()).then((result) => {
                if (!result.ok) return ui.announce(result.error);
                ui.announce(
                  result.kept
                    ? `Kept game opened; ${result.kept} was kept in its place.`
                    : 'Kept game opened.',
                );
                done();
              }),
            { 'data-testid': 'kept-open' },
          ),
          button(
            'Delete',
            () => {
              dropKept(storage, i);
              ui.announce('Kept game deleted.');
              redraw();
            },
            { 'data-testid': 'kept-delete' },
          ),
        ),
      ),
    ),
  );
}
