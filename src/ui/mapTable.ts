// The map as a table, for screen readers and for anyone who wants the numbers: each region with its theatre,
// who holds it, the forces there (largest first) and whether it is contested, for the state shown; then each
// arena and whose home it is. Opened with the map's ☰ button or M; it follows the state while open.
import type { Ui } from './context';
import { button, dialogFooter, el, makeDialog, openDialog, setChildren } from './dom';
import { actorName, formatDate, layerName, listJoin } from './format';
import { m } from '../i18n';

export interface MapTable {
  dialog: HTMLDialogElement;
  open(): void;
  update(): void;
}

export function createMapTable(ui: Ui): MapTable {
  const dialog = makeDialog(m.map_table_title(), { class: 'dialog map-table', 'data-testid': 'map-table' });
  const body = el('div', { class: 'dialog-body' });
  const heading = el('h2', { tabindex: -1 }, m.map_table_title());
  dialog.append(
    body,
    dialogFooter(
      el('button', { type: 'button', class: 'primary', onclick: () => dialog.close() }, m.map_table_close()),
    ),
  );

  const render = () => {
    const s = ui.session.state;
    const def = ui.session.def;
    if (!s || !def) return setChildren(body, heading, el('p', { class: 'muted' }, m.map_table_no_game()));
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
        el('td', {}, now?.controller ? actorName(def, now.controller) : m.map_table_nobody()),
        el(
          'td',
          {},
          forces.length ? listJoin(forces.map(([a, n]) => `${actorName(def, a)} ${n}`)) : m.map_table_none(),
        ),
        el('td', {}, now?.contested ? m.map_table_contested() : '—'),
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
          ? m.map_table_after_last({ date: formatDate(s.date) })
          : m.map_table_turn_of({ turn: s.turn + 1, turns: def.end.turns, date: formatDate(s.date) }),
      ),
      el(
        'table',
        { class: 'map-regions' },
        el('caption', {}, m.map_table_regions()),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            [
              m.map_table_col_region(),
              m.map_table_col_theatre(),
              m.map_table_col_held_by(),
              m.map_table_col_forces(),
              m.map_table_col_contested(),
            ].map((h) => el('th', { scope: 'col' }, h)),
          ),
        ),
        el('tbody', {}, rows),
      ),
      arenas.length
        ? el(
            'table',
            { class: 'map-arenas' },
            el('caption', {}, m.map_table_arenas()),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                [m.map_table_col_place(), m.map_table_col_home_of()].map((h) =>
                  el('th', { scope: 'col' }, h),
                ),
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
                  el('td', {}, listJoin(def.actors.filter((x) => x.home === a.id).map((x) => x.name)) || '—'),
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
    'aria-label': m.map_table_title(),
    title: m.map_table_button_title(),
    'data-testid': 'open-map-table',
  });
