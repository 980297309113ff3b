// The relations tab: a matrix of signed values per layer or net (blue "+" for cooperation, orange striped "−"
// for hostility, so sign never rests on colour alone), the change since the previous turn, and for a chosen
// pair "Why did this change?": every effect that touched it on this line, with its reason and quote.
import type { GameState, World } from '../engine/index';
import { relation } from '../engine/index';
import type { Ui } from './context';
import { button, el, keepFocus, setChildren } from './dom';
import { renderEffect, renderOrderLine, renderQuote, turnLabel } from './effects';
import {
  actorName,
  describeValue,
  formatDate,
  formatDelta,
  formatSigned,
  layerName,
  matrixActors,
  pairHistory,
  relationDelta,
  signOf,
} from './format';
import { renderTriads } from './triads';
import { m } from '../i18n';

const level = (v: number): number => (v === 0 ? 0 : Math.abs(v) >= 66 ? 3 : Math.abs(v) >= 33 ? 2 : 1);

function selectPair(ui: Ui, a: string, b: string): void {
  ui.view.why = { a, b };
  ui.refresh();
  const why = document.querySelector<HTMLElement>('[data-testid="why-panel"]');
  why?.querySelector<HTMLElement>('h4')?.focus({ preventScroll: true });
  why?.scrollIntoView({ block: 'start' });
}

function renderCell(ui: Ui, w: World, s: GameState, prev: GameState | null, a: string, b: string) {
  if (a === b) return el('td', { class: 'diag' }, el('span', { 'aria-hidden': 'true' }, '—'));
  const { layer } = ui.view;
  const v = relation(s, w, a, b, layer);
  const d = relationDelta(prev, s, w, a, b, layer);
  const open = ui.view.why;
  const selected = !!open && ((open.a === a && open.b === b) || (open.a === b && open.b === a));
  const names = { a: actorName(w.def, a), b: actorName(w.def, b), value: describeValue(v) };
  const change = formatSigned(d);
  return el(
    'td',
    {},
    button(
      [
        el('span', { class: 'value' }, formatSigned(v)),
        d ? el('span', { class: 'delta' }, formatDelta(d)) : null,
      ],
      () => selectPair(ui, a, b),
      {
        class: `cell ${signOf(v)} lvl-${level(v)}${selected ? ' selected' : ''}`,
        'data-testid': 'relation-cell',
        'data-a': a,
        'data-b': b,
        'data-value': v,
        'data-delta': d,
        'data-key': `cell|${a}|${b}`,
        'aria-pressed': String(selected),
        'aria-label': d ? m.relations_cell_label_change({ ...names, change }) : m.relations_cell_label(names),
        title: d ? m.relations_cell_title_change({ ...names, change }) : m.relations_cell_title(names),
      },
    ),
  );
}

function renderMatrix(ui: Ui, w: World, s: GameState, prev: GameState | null): HTMLElement {
  const actors = matrixActors(w.def, ui.view.scope);
  const head = (id: string) => el('abbr', { title: actorName(w.def, id) }, id);
  return el(
    'div',
    { class: 'matrix-wrap' },
    el(
      'table',
      { class: 'matrix', 'data-testid': 'relations-matrix', 'data-layer': ui.view.layer },
      el(
        'caption',
        {},
        s.turn
          ? m.relations_caption_after({
              layer: layerName(w.def, ui.view.layer),
              turn: s.turn,
              date: formatDate(s.date),
            })
          : m.relations_caption_start({ layer: layerName(w.def, ui.view.layer), date: formatDate(s.date) }),
      ),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('td', {}),
          actors.map((id) => el('th', { scope: 'col' }, head(id))),
        ),
      ),
      el(
        'tbody',
        {},
        actors.map((a) =>
          el(
            'tr',
            {},
            el(
              'th',
              { scope: 'row' },
              button(head(a), () => ui.bus.emit('view/actor', { actor: a }), {
                class: 'link',
                'data-key': `row|${a}`,
              }),
            ),
            actors.map((b) => renderCell(ui, w, s, prev, a, b)),
          ),
        ),
      ),
    ),
  );
}

function renderWhy(ui: Ui, w: World, s: GameState, prev: GameState | null): HTMLElement | null {
  const pair = ui.view.why;
  if (!pair) return null;
  const { a, b } = pair;
  const { layer } = ui.view;
  const line = ui.session.line();
  const history = pairHistory(line.slice(1), w, a, b, layer);
  const v = relation(s, w, a, b, layer);
  const d = relationDelta(prev, s, w, a, b, layer);
  const start = w.def.relations.find((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a));
  const title = m.relations_why_title({
    a: actorName(w.def, a),
    b: actorName(w.def, b),
    layer: layerName(w.def, layer),
  });
  return el(
    'section',
    { class: 'why', 'data-testid': 'why-panel', 'aria-label': title },
    el('h4', { tabindex: -1 }, title),
    el(
      'p',
      {},
      d
        ? m.relations_now_change({ value: describeValue(v), change: formatSigned(d) })
        : m.relations_now({ value: describeValue(v) }),
      line[0]
        ? ` ${m.relations_at_start({ value: formatSigned(relation(line[0].state, w, a, b, layer)) })}`
        : '',
    ),
    history.length
      ? el(
          'ol',
          { class: 'why-list' },
          history.map((h) =>
            el(
              'li',
              {},
              el('p', { class: 'when' }, turnLabel(h.turn, h.date)),
              h.order ? renderOrderLine(w, h.order, false, ui.view.showReasons) : null,
              el('ul', { class: 'effects' }, renderEffect(w, ui.bus, h.effect)),
            ),
          ),
        )
      : el('p', { class: 'muted' }, m.relations_nothing_changed()),
    start && (start.note || start.sources?.length)
      ? el(
          'div',
          { class: 'why-start' },
          el('h5', {}, m.relations_start_source()),
          start.note ? el('p', {}, start.note) : null,
          (start.sources ?? []).map((src) => renderQuote(w, src)),
        )
      : null,
    button(
      m.relations_close(),
      () => {
        ui.view.why = null;
        ui.refresh();
      },
      { 'data-testid': 'why-close', 'data-key': 'why-close' },
    ),
  );
}

function renderControls(ui: Ui, w: World): HTMLElement {
  const layers = [...w.def.layers.map((l) => l.id), 'net'];
  return el(
    'div',
    { class: 'controls' },
    el(
      'label',
      {},
      `${m.relations_layer()} `,
      el(
        'select',
        {
          'data-testid': 'layer-select',
          'data-key': 'layer',
          onchange: (e: Event) => {
            ui.view.layer = (e.target as HTMLSelectElement).value;
            ui.bus.emit('view/layer', { layer: ui.view.layer });
            ui.refresh();
          },
        },
        layers.map((id) =>
          el(
            'option',
            { value: id, selected: id === ui.view.layer },
            id === 'net' ? m.relations_net_all() : layerName(w.def, id),
          ),
        ),
      ),
    ),
    el(
      'label',
      { class: 'toggle' },
      el('input', {
        type: 'checkbox',
        'data-testid': 'scope-all',
        'data-key': 'scope',
        checked: ui.view.scope === 'all',
        onchange: (e: Event) => {
          ui.view.scope = (e.target as HTMLInputElement).checked ? 'all' : 'main';
          ui.refresh();
        },
      }),
      ` ${m.relations_all_actors()}`,
    ),
    el(
      'label',
      { class: 'toggle' },
      el('input', {
        type: 'checkbox',
        'data-testid': 'map-lines-all',
        'data-key': 'map-lines',
        checked: ui.view.allLines,
        onchange: (e: Event) => {
          ui.view.allLines = (e.target as HTMLInputElement).checked;
          ui.bus.emit('view/lines', { all: ui.view.allLines });
        },
      }),
      ` ${m.relations_all_lines()}`,
    ),
  );
}

export function renderRelations(ui: Ui, into: HTMLElement): void {
  const { session } = ui;
  const s = session.state;
  const w = session.world;
  if (!s || !w) return setChildren(into, el('p', { class: 'muted' }, m.relations_no_game()));
  const line = session.line();
  const prev = line.length > 1 ? line[line.length - 2]!.state : null;
  keepFocus(into, () =>
    setChildren(
      into,
      el('h3', {}, m.relations_title()),
      renderControls(ui, w),
      el('p', { class: 'legend' }, m.relations_legend({ all: m.relations_all_lines() })),
      renderMatrix(ui, w, s, prev),
      renderWhy(ui, w, s, prev),
      renderTriads(ui, w, s),
    ),
  );
}
