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
  orderKey,
} from './format';
import type { OptionGroup } from './format';

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
          'Give order',
          () => void ui.session.order(o.order), // the bus tells the panel (and the player) how it went
          {
            class: 'give',
            disabled: ui.view.locked,
            'data-testid': 'give-order',
            'data-key': `give|${orderKey(o.order)}`,
            'aria-label': `Give order: ${o.def.name}${params.length ? `, ${params.join(', ')}` : ''}`,
          },
        )
      : el(
          'p',
          { class: 'refusal' },
          hiddenText('Not possible now: '),
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
          ' Covertly',
        )
      : def.covert === 'always'
        ? el('span', { class: 'tag' }, 'always covert')
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
    el('h4', {}, `Orders given (${mine.length} of ${w.settings.ordersPerTurn})`),
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
                'Cancel',
                () => {
                  session.cancel(index);
                  ui.announce(`Order cancelled: ${describeOrder(w, order)}.`);
                },
                {
                  class: 'cancel',
                  disabled: ui.view.locked,
                  'data-testid': 'cancel-order',
                  'data-key': `cancel|${orderKey(order)}`,
                  'aria-label': `Cancel ${describeOrder(w, order)}`,
                },
              ),
            ),
          ),
        )
      : el('p', { class: 'muted' }, 'None yet. Pick from the options below.'),
  );
}

function render(ui: Ui): (HTMLElement | null)[] {
  const { session } = ui;
  const s = session.state;
  const def = session.def;
  if (!s || !def || !session.world) return [el('p', { class: 'muted' }, 'No game is loaded.')];
  if (s.over)
    return [
      el('h3', { tabindex: -1 }, 'The game is over'),
      button('Show the summary', () => ui.openSummary(), { 'data-key': 'summary' }),
    ];
  const looking = session.node && session.node.children.length > 0;
  const past = looking
    ? el(
        'p',
        { class: 'notice' },
        `You are looking back at ${formatDate(s.date)}. Orders given now start a new variation from here.`,
      )
    : null;
  const actor = currentPlayer(ui);
  if (!actor)
    return [
      el('h3', { tabindex: -1 }, 'Nobody is playing'),
      past,
      el('p', {}, 'The computer plays every actor. Press End turn to watch a turn, or choose who you play.'),
      button('Choose who you play', () => ui.openBriefing('review'), { 'data-key': 'choose' }),
    ];
  const held = session.held;
  const next = held.length > 1 ? held[(held.indexOf(actor) + 1) % held.length]! : null;
  // Hand-over (the facilitator's choice): the next player takes the screen before their orders are shown.
  if (ui.view.handOver && held.length > 1 && !ui.view.revealed)
    return [
      el('h3', { tabindex: -1, class: 'player' }, `Pass the screen to ${actorName(def, actor)}`),
      el(
        'p',
        {},
        `Hot seat: player ${held.indexOf(actor) + 1} of ${held.length}. The other players' orders stay hidden.`,
      ),
      button(
        `I play ${actorName(def, actor)}: show my orders`,
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
      `Orders for ${actorName(def, actor)}`,
    ),
    el('p', { class: 'muted' }, `Turn ${s.turn + 1} · ${formatDate(s.date)}`),
    past,
    next
      ? el(
          'div',
          { class: 'hotseat' },
          el(
            'p',
            {},
            `Hot seat: player ${held.indexOf(actor) + 1} of ${held.length}. The other players' orders are hidden.`,
          ),
          button(`Next player: ${actorName(def, next)} ▸`, () => ui.nextPlayer(), {
            'data-testid': 'next-player',
            'data-key': 'next-player',
          }),
        )
      : null,
    ui.view.locked
      ? el(
          'p',
          { class: 'notice', 'data-testid': 'orders-locked' },
          'The facilitator has locked the orders: none can be given or cancelled until they are unlocked.',
        )
      : null,
    renderPending(ui, actor),
    el('h4', { class: 'options-title' }, 'Options'),
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
