// The map as a table, for screen readers and for anyone who wants the numbers: each region with its theatre,
// who holds it, the forces there (largest first) and whether it is contested, for the state shown; then each
// arena and whose home it is. Opened with the map's ☰ button or M; it follows the state while open.
import type { Ui } from './context';
import { button, dialogFooter, el, makeDialog, openDialog, setChildren } from './dom';
import { actorName, formatDate, layerName } from './format';

export interface MapTable {
  dialog: HTMLDialogElement;
  open(): void;
  update(): void;
}

export function createMapTable(ui: Ui): MapTable {
  const dialog = makeDialog('The map as a table', { class: 'dialog map-table', 'data-testid': 'map-table' });
  const body = el('div', { class: 'dialog-body' });
  const heading = el('h2', { tabindex: -1 }, 'The map as a table');
  dialog.append(
    body,
    dialogFooter(el('button', { type: 'button', class: 'primary', onclick: () => dialog.close() }, 'Close')),
  );

  const render = () => {
    const s = ui.session.state;
    const def = ui.session.def;
    if (!s || !def) return setChildren(body, heading, el('p', { class: 'muted' }, 'No game is loaded.'));
    const rows = def.regions.map((r) => {
      const now = s.regions.find((x) => x.id === r.id);
      const forces = Object.entries(now?.presence ?? {})
        .filter(([, n]) => n > 0)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      return el(
        'tr',
        { 'data-region': r.id },
        el('th', { scope: 'row' }, r.name),
        el('td', {}, layerName(def, r.theatre)),
        el('td', {}, now?.controller ? actorName(def, now.controller) : 'nobody'),
        el('td', {}, forces.length ? forces.map(([a, n]) => `${actorName(def, a)} ${n}`).join(', ') : 'none'),
        el('td', {}, now?.contested ? 'contested' : '—'),
      );
    });
    const arenas = def.arenas ?? [];
    setChildren(
      body,
      heading,
      el(
        'p',
        { class: 'muted' },
        s.over
          ? `After the last turn (${formatDate(s.date)}).`
          : `Turn ${s.turn + 1} of ${def.end.turns} · ${formatDate(s.date)}. Forces are in units of the game.`,
      ),
      el(
        'table',
        { class: 'map-regions' },
        el('caption', {}, 'Regions'),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ['Region', 'Theatre', 'Held by', 'Forces', 'Contested'].map((h) => el('th', { scope: 'col' }, h)),
          ),
        ),
        el('tbody', {}, rows),
      ),
      arenas.length
        ? el(
            'table',
            { class: 'map-arenas' },
            el('caption', {}, 'Capitals and tables on the map'),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ['Place', 'Home of'].map((h) => el('th', { scope: 'col' }, h)),
              ),
            ),
            el(
              'tbody',
              {},
              arenas.map((a) =>
                el(
                  'tr',
                  {},
                  el('th', { scope: 'row' }, a.name),
                  el(
                    'td',
                    {},
                    def.actors
                      .filter((x) => x.home === a.id)
                      .map((x) => x.name)
                      .join(', ') || '—',
                  ),
                ),
              ),
            ),
          )
        : null,
    );
  };

  return {
    dialog,
    open() {
      render();
      openDialog(dialog, heading);
    },
    update() {
      if (dialog.open) render();
    },
  };
}

/** The button beside the zoom buttons that opens the table. */
export const mapTableButton = (open: () => void): HTMLButtonElement =>
  button('☰', open, {
    'aria-label': 'The map as a table',
    title: 'The map as a table (M)',
    'data-testid': 'open-map-table',
  });
