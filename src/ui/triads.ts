// The contradictions: unbalanced triads, cross-layer ones first (ties that point different ways in different
// theatres), each with its three ties and their signs; choosing one highlights it on the map. Then the
// tension each actor carries from them.
import type { GameState, Triad, World } from '../engine/index';
import { listUnbalancedTriads, tensionScores } from '../engine/index';
import type { Ui } from './context';
import { button, el } from './dom';
import { actorName, formatSigned, layerName, matrixActors, signOf, sortTriads, triadEdges } from './format';
import { m } from '../i18n';

const kindLabel = (w: World, layer: string): string =>
  layer === 'cross' ? m.triads_cross() : layer === 'net' ? m.triads_net() : layerName(w.def, layer);

function renderTriad(ui: Ui, w: World, s: GameState, t: Triad): HTMLLIElement {
  const selected = !!ui.view.triad && ui.view.triad.join('|') === t.actors.join('|');
  const names = t.actors.map((a) => actorName(w.def, a)).join(' · ');
  const edges = triadEdges(s, w, t);
  return el(
    'li',
    {},
    button(
      [
        el('span', { class: `tag tag-${t.layer === 'cross' ? 'cross' : 'layer'}` }, kindLabel(w, t.layer)),
        el('strong', {}, names),
        el(
          'ul',
          { class: 'edges' },
          edges.map((e) =>
            el(
              'li',
              {},
              `${e.a}–${e.b}: `,
              e.values.map((v, i) => [
                i ? ' · ' : '',
                t.layer === 'cross' ? el('abbr', { title: layerName(w.def, v.layer) }, `${v.layer} `) : '',
                el('span', { class: `sign ${signOf(v.value)}` }, formatSigned(v.value)),
              ]),
            ),
          ),
        ),
      ],
      () => {
        ui.view.triad = selected ? null : [...t.actors];
        ui.bus.emit('view/triad', { actors: ui.view.triad });
        ui.refresh();
      },
      {
        class: `triad${selected ? ' selected' : ''}`,
        'data-testid': 'triad',
        'data-actors': t.actors.join(','),
        'data-layer': t.layer,
        'data-key': `triad|${t.layer}|${t.actors.join('|')}`,
        'aria-pressed': String(selected),
      },
    ),
  );
}

export function renderTriads(ui: Ui, w: World, s: GameState): HTMLElement {
  const all = listUnbalancedTriads(s, w);
  const inScope = new Set(matrixActors(w.def, ui.view.scope));
  const triads = sortTriads(
    all.filter((t) => t.actors.every((a) => inScope.has(a))),
    w,
    ui.session.held,
  );
  const shown = triads.slice(0, ui.view.triadsShown);
  const cross = triads.filter((t) => t.layer === 'cross').length;
  const tension = tensionScores(s, w, all);
  const tense = w.actorIds.filter((a) => (tension[a] ?? 0) > 0).sort((a, b) => tension[b]! - tension[a]!);
  return el(
    'section',
    { class: 'triads' },
    el('h3', {}, m.triads_title({ count: triads.length })),
    el('p', { class: 'legend' }, m.triads_legend({ cross })),
    triads.length
      ? el(
          'ul',
          { class: 'triad-list' },
          shown.map((t) => renderTriad(ui, w, s, t)),
        )
      : el('p', { class: 'muted' }, m.triads_none()),
    triads.length > shown.length
      ? button(
          m.triads_show_all({ count: triads.length }),
          () => {
            ui.view.triadsShown = Number.MAX_SAFE_INTEGER;
            ui.refresh();
          },
          { 'data-key': 'triads-more' },
        )
      : null,
    el('h3', {}, m.triads_tension_title()),
    el('p', { class: 'legend' }, m.triads_tension_legend()),
    tense.length
      ? el(
          'ol',
          { class: 'tension', 'data-testid': 'tension' },
          tense.map((a) => el('li', { 'data-actor': a }, `${actorName(w.def, a)}: ${tension[a]}`)),
        )
      : el('p', { class: 'muted' }, m.triads_no_tension()),
  );
}
