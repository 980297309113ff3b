// The orders panel: for the held actor whose turn it is (hot seat: one player at a time, the others' pending
// orders hidden), every option the scenario gives it, grouped by order. Refused options stay visible, greyed,
// with the engine's reason as text. Given orders are listed with Cancel until the turn ends.
import type { OrderOption } from '../engine/index';
import type { Ui } from './context';
import { currentPlayer } from './context';
import { button, el, hiddenText, keepFocus, setChildren } from './dom';
import {
  actorColor,
  actorName,
  describeOrder,
  describeParams,
  formatDate,
  groupOptions,
  listJoin,
  orderKey,
} from './format';
import type { OptionGroup } from './format';
import { m } from '../i18n';

export interface Panel {
  element: HTMLElement;
  update(): void;
}

function renderOption(ui: Ui, o: OrderOption): HTMLLIElement {
  const params = describeParams(ui.session.def!, o.order);
  const label = params.length ? params.join(' · ') : o.def.name;
  const ok = o.verdict.ok;
  return el(
    'li',
    {
      class: ok ? 'option' : 'option refused',
      'data-testid': 'order-option',
      'data-order-id': o.order.id,
      'data-ok': String(ok),
      'data-covert': String(!!o.order.covert),
      'data-target': o.order.target,
      'data-region': o.order.region,
    },
    el('span', { class: 'params' }, label),
    o.verdict.ok
      ? button(
          m.orders_give_order(),
          () => void ui.session.order(o.order), // the bus tells the panel (and the player) how it went
          {
            class: 'give',
            disabled: ui.view.locked,
            'data-testid': 'give-order',
            'data-key': `give|${orderKey(o.order)}`,
            'aria-label': params.length
              ? m.orders_give_order_params({ order: o.def.name, params: listJoin(params) })
              : m.orders_give_order_label({ order: o.def.name }),
          },
        )
      : el(
          'p',
          { class: 'refusal' },
          hiddenText(`${m.orders_not_possible()} `),
          el('span', { 'data-testid': 'refusal-reason' }, o.verdict.reason),
        ),
  );
}

function renderGroup(ui: Ui, g: OptionGroup): HTMLElement {
  const { def } = g;
  const anyOk = g.options.some((o) => o.verdict.ok);
  const covert =
    def.covert === 'optional'
      ? el(
          'label',
          { class: 'toggle' },
          el('input', {
            type: 'checkbox',
            'data-key': `covert|${def.id}`,
            'data-testid': 'covert-toggle',
            checked: !!ui.view.covert[def.id],
            onchange: (e: Event) => {
              ui.view.covert[def.id] = (e.target as HTMLInputElement).checked;
              ui.refreshOrders();
            },
          }),
          ` ${m.orders_covertly()}`,
        )
      : def.covert === 'always'
        ? el('span', { class: 'tag' }, m.orders_always_covert())
        : null;
  return el(
    'section',
    {
      class: anyOk ? 'order-def' : 'order-def all-refused',
      'data-testid': 'order-group',
      'data-order-id': def.id,
    },
    el('h4', {}, def.name, ' ', el('span', { class: 'tag' }, def.type)),
    def.text ? el('p', { class: 'order-text' }, def.text) : null,
    covert,
    el(
      'ul',
      { class: 'options' },
      g.options.map((o) => renderOption(ui, o)),
    ),
  );
}

function renderPending(ui: Ui, actor: string): HTMLElement {
  const { session } = ui;
  const w = session.world!;
  const mine = session.pending
    .map((order, index) => ({ order, index }))
    .filter((p) => p.order.actor === actor);
  return el(
    'section',
    { class: 'pending' },
    el('h4', {}, m.orders_given({ count: mine.length, max: w.settings.ordersPerTurn })),
    mine.length
      ? el(
          'ul',
          {},
          mine.map(({ order, index }) =>
            el(
              'li',
              { 'data-testid': 'pending-order', 'data-order-id': order.id },
              el('span', {}, describeOrder(w, order)),
              button(
                m.orders_cancel(),
                () => {
                  session.cancel(index);
                  ui.announce(m.orders_cancelled({ order: describeOrder(w, order) }));
                },
                {
                  class: 'cancel',
                  disabled: ui.view.locked,
                  'data-testid': 'cancel-order',
                  'data-key': `cancel|${orderKey(order)}`,
                  'aria-label': m.orders_cancel_label({ order: describeOrder(w, order) }),
                },
              ),
            ),
          ),
        )
      : el('p', { class: 'muted' }, m.orders_none_yet()),
  );
}

function render(ui: Ui): (HTMLElement | null)[] {
  const { session } = ui;
  const s = session.state;
  const def = session.def;
  if (!s || !def || !session.world) return [el('p', { class: 'muted' }, m.orders_no_game())];
  if (s.over)
    return [
      el('h3', { tabindex: -1 }, m.orders_game_over()),
      button(m.orders_show_summary(), () => ui.openSummary(), { 'data-key': 'summary' }),
    ];
  const looking = session.node && session.node.children.length > 0;
  const past = looking
    ? el('p', { class: 'notice' }, m.orders_looking_back({ date: formatDate(s.date) }))
    : null;
  const actor = currentPlayer(ui);
  if (!actor)
    return [
      el('h3', { tabindex: -1 }, m.orders_nobody_playing()),
      past,
      el('p', {}, m.orders_computer_plays()),
      button(m.orders_choose(), () => ui.openBriefing('review'), { 'data-key': 'choose' }),
    ];
  const held = session.held;
  const next = held.length > 1 ? held[(held.indexOf(actor) + 1) % held.length]! : null;
  // Hand-over (the facilitator's choice): the next player takes the screen before their orders are shown.
  if (ui.view.handOver && held.length > 1 && !ui.view.revealed)
    return [
      el('h3', { tabindex: -1, class: 'player' }, m.orders_pass_screen({ actor: actorName(def, actor) })),
      el('p', {}, m.orders_hot_seat_hand_over({ player: held.indexOf(actor) + 1, players: held.length })),
      button(
        m.orders_reveal({ actor: actorName(def, actor) }),
        () => {
          ui.view.revealed = true;
          ui.refreshOrders();
        },
        { class: 'primary', 'data-testid': 'reveal-orders', 'data-key': 'reveal-orders' },
      ),
    ];
  return [
    el(
      'h3',
      { tabindex: -1, class: 'player' },
      el('span', { class: 'swatch', style: `background:${actorColor(def, actor)}` }),
      m.orders_for({ actor: actorName(def, actor) }),
    ),
    el('p', { class: 'muted' }, m.orders_turn({ turn: s.turn + 1, date: formatDate(s.date) })),
    past,
    next
      ? el(
          'div',
          { class: 'hotseat' },
          el('p', {}, m.orders_hot_seat({ player: held.indexOf(actor) + 1, players: held.length })),
          button(m.orders_next_player({ actor: actorName(def, next) }), () => ui.nextPlayer(), {
            'data-testid': 'next-player',
            'data-key': 'next-player',
          }),
        )
      : null,
    ui.view.locked ? el('p', { class: 'notice', 'data-testid': 'orders-locked' }, m.orders_locked()) : null,
    renderPending(ui, actor),
    el('h4', { class: 'options-title' }, m.orders_options()),
    ...groupOptions(session.options(actor), ui.view.covert).map((g) => renderGroup(ui, g)),
  ];
}

export function createOrdersPanel(ui: Ui): Panel {
  const element = el('div', { class: 'orders', 'data-testid': 'orders-panel' });
  return {
    element,
    update: () =>
      keepFocus(
        element,
        () => setChildren(element, render(ui)),
        () => element.querySelector<HTMLElement>('h3'),
      ),
  };
}
