// The small card over the map for what a person picked (on the map or in a panel): a region (controller,
// forces per actor, contested) or an actor (who it is, its score and objectives), each with the orders the
// player giving orders now has there (for the region, or aimed at the actor), to give from the card. Not
// modal: Escape closes it.
import { objectiveStatus } from '../engine/index';
import type { OrderOption } from '../engine/index';
import type { Ui } from './context';
import { currentPlayer } from './context';
import { button, el, hiddenText, keepFocus, setChildren } from './dom';
import { actorColor, actorName, describeParams, layerName, orderKey, regionName } from './format';
import { renderObjective } from './scores';
import { m } from '../i18n';

export interface Card {
  element: HTMLElement;
  showRegion(id: string | null): void;
  showActor(id: string | null): void;
  update(): void;
  close(): void;
}

/**
 * The current player's options that `matches` picks (the covert variant as the orders panel shows it), each
 * with Give order or the reason it is refused; null when nobody is held or none matches.
 */
function ordersHere(
  ui: Ui,
  heading: (player: string) => string,
  matches: (o: OrderOption) => boolean,
): HTMLElement | null {
  const player = currentPlayer(ui);
  const def = ui.session.def;
  if (!player || !def || ui.session.state?.over) return null;
  const options = ui.session
    .options(player)
    .filter(
      (o) => matches(o) && (o.def.covert !== 'optional' || !!o.order.covert === !!ui.view.covert[o.def.id]),
    );
  if (!options.length) return null;
  return el(
    'div',
    { class: 'card-orders', 'data-testid': 'card-orders' },
    el('h4', {}, heading(actorName(def, player))),
    el(
      'ul',
      {},
      options.map((o) => {
        const params = describeParams(def, o.order).join(' · ');
        const name = `${o.def.name}${params ? ` — ${params}` : ''}`;
        return el(
          'li',
          { class: o.verdict.ok ? 'option' : 'option refused', 'data-order-id': o.order.id },
          el('span', {}, name),
          o.verdict.ok
            ? button(m.cards_give_order(), () => void ui.session.order(o.order), {
                class: 'give',
                disabled: ui.view.locked,
                'data-testid': 'card-give-order',
                'data-key': `card-give|${orderKey(o.order)}`,
                'aria-label': m.cards_give_order_label({ order: name }),
              })
            : el('p', { class: 'refusal' }, hiddenText(`${m.cards_not_possible()} `), o.verdict.reason),
        );
      }),
    ),
  );
}

export function createCard(ui: Ui): Card {
  const { session, bus } = ui;
  const element = el('section', { class: 'card', hidden: true, 'aria-live': 'polite' });
  let shown: { kind: 'region' | 'actor'; id: string } | null = null;

  const close = () => {
    const was = shown;
    shown = null;
    element.hidden = true;
    if (was?.kind === 'region') bus.emit('view/region', { region: null });
    if (was?.kind === 'actor') bus.emit('view/actor', { actor: null });
  };

  const closeButton = () =>
    button('×', close, { class: 'close', 'aria-label': m.cards_close(), 'data-testid': 'card-close' });

  const region = (id: string) => {
    const s = session.state;
    const w = session.world;
    const r = s?.regions.find((x) => x.id === id);
    const def = w?.def.regions.find((x) => x.id === id);
    if (!s || !w || !r || !def) return false;
    const forces = Object.entries(r.presence)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
    const max = Math.max(1, ...forces.map(([, n]) => n));
    setChildren(
      element,
      closeButton(),
      el('h3', {}, regionName(w.def, id)),
      el('p', { class: 'muted' }, m.cards_theatre({ theatre: layerName(w.def, def.theatre) })),
      el(
        'p',
        {},
        `${m.cards_held_by()} `,
        el('strong', {}, r.controller ? actorName(w.def, r.controller) : m.cards_nobody()),
        r.contested ? el('span', { class: 'tag tag-contested' }, m.cards_contested()) : null,
      ),
      forces.length
        ? el(
            'table',
            { class: 'forces' },
            el('caption', {}, m.cards_forces()),
            el(
              'tbody',
              {},
              forces.map(([actor, n]) =>
                el(
                  'tr',
                  {},
                  el('th', { scope: 'row' }, actorName(w.def, actor)),
                  el('td', { class: 'num' }, String(n)),
                  el(
                    'td',
                    { class: 'bar', 'aria-hidden': 'true' },
                    el('span', {
                      style: `width:${Math.round((100 * n) / max)}%;background:${actorColor(w.def, actor)}`,
                    }),
                  ),
                ),
              ),
            ),
          )
        : el('p', { class: 'muted' }, m.cards_no_forces()),
      ordersHere(
        ui,
        (player) => m.cards_orders_here({ player }),
        (o) => o.order.region === id,
      ),
    );
    element.setAttribute('data-testid', 'region-card');
    element.setAttribute('data-region', id);
    return true;
  };

  const actor = (id: string) => {
    const s = session.state;
    const w = session.world;
    const a = w?.def.actors.find((x) => x.id === id);
    if (!s || !w || !a) return false;
    setChildren(
      element,
      closeButton(),
      el('h3', {}, el('span', { class: 'swatch', style: `background:${a.color}` }), a.name),
      el(
        'p',
        { class: 'muted' },
        a.playable
          ? m.cards_actor_playable({ kind: a.kind, score: s.scores[id] ?? 0 })
          : m.cards_actor({ kind: a.kind, score: s.scores[id] ?? 0 }),
      ),
      a.description ? el('p', {}, a.description) : null,
      el('ul', { class: 'objectives' }, objectiveStatus({ s, w }, id).map(renderObjective)),
      ordersHere(
        ui,
        (player) => m.cards_orders_aimed({ actor: a.name, player }),
        (o) => o.order.target === id,
      ),
    );
    element.setAttribute('data-testid', 'actor-card');
    element.setAttribute('data-actor', id);
    return true;
  };

  const draw = () =>
    keepFocus(
      element,
      () => {
        const ok = shown ? (shown.kind === 'region' ? region(shown.id) : actor(shown.id)) : false;
        element.hidden = !ok;
      },
      () => element.querySelector<HTMLElement>('.close'),
    );

  /** Shows a region or an actor; null hides the card if it shows that kind of thing. */
  const show = (kind: 'region' | 'actor', id: string | null) => {
    if (id === null && shown?.kind !== kind) return;
    shown = id === null ? null : { kind, id };
    draw();
  };

  return {
    element,
    showRegion: (id) => show('region', id),
    showActor: (id) => show('actor', id),
    update: draw,
    close,
  };
}
