// The turn report (the turn's key changes at the history cursor, each with its cause and quote, then every
// effect, grouped by the order that caused it and the realignment no order caused, folded and drawn when
// opened) and the log (every turn of the current line, newest first, drawn on demand).
import type { World } from '../engine/index';
import type { TreeNode } from '../session/tree';
import type { Ui } from './context';
import { el, setChildren } from './dom';
import { renderEffects, renderOrderLine, renderQuote, turnLabel } from './effects';
import type { KeyChange } from './keyChanges';
import { keyChanges } from './keyChanges';
import type { OrderGroup } from './format';
import { formatDate, groupEffects } from './format';
import { m } from '../i18n';

/** The effects of one resolved turn, as a list of order groups and the realignment. */
export function renderTurn(ui: Ui, w: World, node: TreeNode): HTMLElement {
  const { orders, realignment } = groupEffects(node.state);
  const byPlayer = (g: OrderGroup) => node.held.includes(g.order.actor);
  const players = orders.filter(byPlayer);
  const computer = orders.filter((g) => !byPlayer(g));
  const control = node.state.effects.filter((e) => e.kind === 'control');
  const group = (g: OrderGroup) =>
    el(
      'details',
      { class: 'order-group', open: true, 'data-testid': 'log-order' },
      el('summary', {}, renderOrderLine(w, g.order, node.held.includes(g.order.actor), ui.view.showReasons)),
      g.effects.length
        ? renderEffects(w, ui.bus, g.effects)
        : el('p', { class: 'muted' }, m.report_no_visible_effect()),
    );
  return el(
    'div',
    { class: 'turn' },
    control.length
      ? el(
          'section',
          { class: 'control-changes' },
          el('h4', {}, m.report_control_changes()),
          el(
            'ul',
            {},
            control.map((e) => el('li', {}, e.text)),
          ),
        )
      : null,
    players.length ? [el('h4', {}, m.report_players_orders()), players.map(group)] : null,
    computer.length ? [el('h4', {}, m.report_computer_orders()), computer.map(group)] : null,
    realignment.length
      ? el(
          'details',
          { class: 'order-group realignment', open: true },
          el(
            'summary',
            {},
            el('strong', {}, m.report_realignment()),
            el('p', { class: 'reason' }, m.report_realignment_reason()),
          ),
          renderEffects(w, ui.bus, realignment),
        )
      : null,
  );
}

/** The report of the turn at the history cursor. */
export function renderReport(ui: Ui, into: HTMLElement): void {
  const { session } = ui;
  const node = session.node;
  const w = session.world;
  if (!node || !w) return setChildren(into, el('p', { class: 'muted' }, m.report_no_game()));
  const line = session.line();
  if (node.state.turn === 0)
    return setChildren(
      into,
      el('h3', {}, m.report_turn_report()),
      el('p', {}, w.def.summary),
      el(
        'p',
        { class: 'muted' },
        ui.classroom?.role === 'group'
          ? m.report_start_group()
          : ui.classroom?.role === 'teacher'
            ? m.report_start_teacher()
            : m.report_start(),
      ),
    );
  setChildren(
    into,
    el('h3', {}, m.report_heading({ turn: turnLabel(node.state.turn, node.state.date) })),
    el(
      'p',
      { class: 'muted' },
      m.report_counts({
        orders: node.state.orders.length,
        effects: node.state.effects.length,
        date: formatDate(node.state.date),
      }),
    ),
    node.name ? el('p', {}, m.report_name({ name: node.name })) : null,
    node.comment ? el('p', { class: 'comment' }, node.comment) : null,
    renderKeyChanges(w, keyChanges(w, line.at(-2)?.state ?? null, node.state, node.held)),
    allEffects(ui, w, node),
  );
}

/** The key changes as a numbered list: what changed, its cause, and the passage the cause rests on. */
function renderKeyChanges(w: World, changes: readonly KeyChange[]): HTMLElement {
  return el(
    'section',
    { class: 'key-changes', 'data-testid': 'key-changes' },
    el('h4', {}, m.report_key_changes()),
    changes.length
      ? el(
          'ol',
          {},
          changes.map((k) =>
            el(
              'li',
              { class: `key-change key-${k.kind}`, 'data-testid': 'key-change' },
              el('p', {}, k.text),
              el('p', { class: 'reason' }, m.report_cause({ cause: k.cause })),
              k.source ? renderQuote(w, k.source) : null,
            ),
          ),
        )
      : el('p', { class: 'muted' }, m.report_no_key_changes()),
  );
}

/**
 * Every effect of the turn, folded: drawn when opened (a turn has up to a few hundred), and kept open from
 * turn to turn once the reader has opened it.
 */
function allEffects(ui: Ui, w: World, node: TreeNode): HTMLElement {
  const body = el('div', {});
  const details = el(
    'details',
    { class: 'all-effects', 'data-testid': 'all-effects' },
    el('summary', {}, m.report_all_effects({ count: node.state.effects.length })),
    body,
  );
  const draw = () => {
    ui.view.allEffects = details.open;
    if (details.open && !body.firstChild) setChildren(body, renderTurn(ui, w, node));
  };
  details.addEventListener('toggle', draw);
  if (ui.view.allEffects) {
    details.open = true;
    setChildren(body, renderTurn(ui, w, node));
  }
  return details;
}

/** Every turn of the current line, newest first; a turn's effects are drawn when it is opened. */
export function renderLog(ui: Ui, into: HTMLElement): void {
  const { session } = ui;
  const w = session.world;
  const line = session.line();
  if (!w || line.length <= 1)
    return setChildren(into, el('h3', {}, m.report_log()), el('p', { class: 'muted' }, m.report_log_empty()));
  const turns = line.slice(1).reverse();
  setChildren(
    into,
    el('h3', {}, m.report_log()),
    el(
      'p',
      { class: 'muted' },
      turns.length === 1
        ? m.report_log_count_one({ count: turns.length })
        : m.report_log_count_other({ count: turns.length }),
    ),
    turns.map((node, i) => {
      const body = el('div', {});
      const details = el(
        'details',
        { class: 'log-turn', 'data-testid': 'log-turn' },
        el(
          'summary',
          {},
          m.report_log_turn({
            turn: turnLabel(node.state.turn, node.state.date),
            orders: node.state.orders.length,
            effects: node.state.effects.length,
          }),
        ),
        body,
      );
      const draw = () => {
        if (details.open && !body.firstChild) setChildren(body, renderTurn(ui, w, node));
      };
      details.addEventListener('toggle', draw);
      if (i === 0) {
        details.open = true;
        draw();
      }
      return details;
    }),
  );
}
