// The history bar: where the cursor is on the line of play, steps back and forward through it, and the way to
// the whole tree (History tab). Moving the cursor drops pending orders; ending a turn from the past forks.
import type { Ui } from './context';
import { button, el, keepFocus, setChildren } from './dom';
import { formatDate } from './format';
import type { Panel } from './orders';
import { m } from '../i18n';

/** How many resolved turns lie below the cursor on its main line. */
function turnsAhead(ui: Ui): number {
  let n = 0;
  for (let node = ui.session.node; node?.children[0]; node = node.children[0]) n++;
  return n;
}

export function step(ui: Ui, move: 'back' | 'forward' | 'start' | 'end'): void {
  const { session } = ui;
  const moved =
    move === 'back'
      ? session.back()
      : move === 'forward'
        ? session.forward()
        : move === 'start'
          ? session.toStart()
          : session.toEnd();
  const s = session.state;
  if (moved && s)
    ui.announce(
      s.turn ? m.history_showing_turn({ turn: s.turn, date: formatDate(s.date) }) : m.history_showing_start(),
    );
}

export function createHistoryBar(ui: Ui, openTree?: () => void): Panel {
  const element = el('nav', {
    class: 'history',
    'aria-label': m.history_nav(),
    'data-testid': 'history-bar',
  });
  const update = () => {
    const s = ui.session.state;
    const atStart = !s || ui.session.cursor === '';
    const ahead = turnsAhead(ui);
    const date = s ? formatDate(s.date) : '';
    const label = !s
      ? m.history_no_game()
      : s.turn
        ? ahead
          ? m.history_label_turn_ahead({ turn: s.turn, date, ahead })
          : m.history_label_turn({ turn: s.turn, date })
        : ahead
          ? m.history_label_start_ahead({ date, ahead })
          : m.history_label_start({ date });
    keepFocus(element, () =>
      setChildren(
        element,
        button(m.history_start(), () => step(ui, 'start'), {
          'aria-label': m.history_start_label(),
          title: m.history_start_title(),
          disabled: atStart,
          'data-testid': 'history-start',
          'data-key': 'start',
        }),
        button('◀', () => step(ui, 'back'), {
          'aria-label': m.history_back_label(),
          title: m.history_back_title(),
          disabled: atStart,
          'data-testid': 'history-back',
          'data-key': 'back',
        }),
        el('span', { class: 'where', 'data-testid': 'history-label' }, label),
        button('▶', () => step(ui, 'forward'), {
          'aria-label': m.history_forward_label(),
          title: m.history_forward_title(),
          disabled: !ahead,
          'data-testid': 'history-forward',
          'data-key': 'forward',
        }),
        button(m.history_latest(), () => step(ui, 'end'), {
          'aria-label': m.history_latest_label(),
          title: m.history_latest_title(),
          disabled: !ahead,
          'data-testid': 'history-end',
          'data-key': 'end',
        }),
        openTree
          ? button(m.history_tree(), openTree, {
              'aria-label': m.history_tree_label(),
              title: m.history_tree_title(),
              'data-testid': 'history-tree',
              'data-key': 'tree',
            })
          : null,
      ),
    );
  };
  return { element, update };
}
