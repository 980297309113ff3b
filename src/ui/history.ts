// The history bar: where the cursor is on the line of play, steps back and forward through it, and the way to
// the whole tree (History tab). Moving the cursor drops pending orders; ending a turn from the past forks.
import type { Ui } from './context';
import { button, el, keepFocus, setChildren } from './dom';
import { formatDate } from './format';
import type { Panel } from './orders';

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
    ui.announce(s.turn ? `Showing turn ${s.turn}, ${formatDate(s.date)}.` : 'Showing the start.');
}

export function createHistoryBar(ui: Ui, openTree?: () => void): Panel {
  const element = el('nav', { class: 'history', 'aria-label': 'History', 'data-testid': 'history-bar' });
  const update = () => {
    const s = ui.session.state;
    const atStart = !s || ui.session.cursor === '';
    const ahead = turnsAhead(ui);
    const label = !s
      ? 'No game'
      : `${s.turn ? `After turn ${s.turn}` : 'Start'} · ${formatDate(s.date)}${ahead ? ` (${ahead} later on this line)` : ''}`;
    keepFocus(element, () =>
      setChildren(
        element,
        button('|◀ Start', () => step(ui, 'start'), {
          'aria-label': 'Go to the start',
          title: 'Start (Home)',
          disabled: atStart,
          'data-testid': 'history-start',
          'data-key': 'start',
        }),
        button('◀', () => step(ui, 'back'), {
          'aria-label': 'One turn back',
          title: 'Back (←)',
          disabled: atStart,
          'data-testid': 'history-back',
          'data-key': 'back',
        }),
        el('span', { class: 'where', 'data-testid': 'history-label' }, label),
        button('▶', () => step(ui, 'forward'), {
          'aria-label': 'One turn forward',
          title: 'Forward (→)',
          disabled: !ahead,
          'data-testid': 'history-forward',
          'data-key': 'forward',
        }),
        button('Latest ▶|', () => step(ui, 'end'), {
          'aria-label': 'Go to the latest turn',
          title: 'Latest (End)',
          disabled: !ahead,
          'data-testid': 'history-end',
          'data-key': 'end',
        }),
        openTree
          ? button('Tree', openTree, {
              'aria-label': 'Show the history tree',
              title: 'History tree (T)',
              'data-testid': 'history-tree',
              'data-key': 'tree',
            })
          : null,
      ),
    );
  };
  return { element, update };
}
