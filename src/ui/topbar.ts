// The top bar: scenario and branch, the turn and its date, who people hold (the player giving orders now is
// marked), the menu (briefing, new game, keys, large text, panels) and End turn.
import type { Ui } from './context';
import { currentPlayer } from './context';
import { button, el, keepFocus, setChildren } from './dom';
import { actorColor, actorName, formatDate } from './format';
import type { Panel } from './orders';
import { findBranch } from './briefing';
import { timerLabel } from './facilitator';

export function createTopBar(ui: Ui): Panel & { tick(): void } {
  const element = el('header', { class: 'topbar', 'data-testid': 'topbar' });
  // On a narrow screen the menu scrolls sideways (style.css): a button reached with Tab is brought into view.
  element.addEventListener('focusin', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('.menu')) target.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  });
  // The turn timer's clock: kept across redraws, its text set every second (facilitator.ts).
  const clock = el('span', { class: 'timer', 'data-testid': 'turn-timer', 'aria-live': 'off' });
  const tick = () => {
    const label = timerLabel(ui);
    clock.hidden = label === null;
    clock.textContent = label ?? '';
    clock.classList.toggle('over', label === 'Time is up');
  };
  const update = () => {
    const { session, view } = ui;
    const s = session.state;
    const def = session.def;
    const branch = def && s ? findBranch(def, s.branch) : null;
    const now = currentPlayer(ui);
    const turn = !s
      ? ''
      : s.over
        ? `Game over after ${s.turn} turns · ${formatDate(s.date)}`
        : `Turn ${s.turn + 1} of ${def?.end.turns ?? '?'} · ${formatDate(s.date)}`;
    keepFocus(element, () =>
      setChildren(
        element,
        button(view.left ? '◧ Orders' : '▸ Orders', () => ui.togglePanel('left'), {
          class: 'toggle-panel',
          'aria-expanded': String(view.left),
          'aria-controls': 'ui-left',
          title: 'Hide or show the orders panel ([)',
          'data-testid': 'toggle-left',
          'data-key': 'toggle-left',
        }),
        el(
          'div',
          { class: 'title' },
          el('strong', {}, def?.title ?? 'Loading…'),
          branch ? el('span', { class: 'branch-name' }, ` — ${branch.title}`) : null,
        ),
        el('div', { class: 'when', 'data-testid': 'turn-label' }, turn, ' ', clock),
        el(
          'ul',
          { class: 'held', 'aria-label': 'Players' },
          def && session.held.length
            ? session.held.map((a) =>
                el(
                  'li',
                  { class: a === now ? 'chip now' : 'chip', 'data-actor': a, title: actorName(def, a) },
                  el('span', { class: 'swatch', style: `background:${actorColor(def, a)}` }),
                  a,
                  a === now ? el('span', { class: 'sr-only' }, ' (giving orders)') : null,
                ),
              )
            : el('li', { class: 'chip muted' }, 'AI only'),
        ),
        el(
          'div',
          { class: 'menu' },
          s?.over
            ? button('Summary', () => ui.openSummary(), {
                'data-testid': 'open-summary',
                'data-key': 'summary',
              })
            : null,
          button('Briefing', () => ui.openBriefing('review'), {
            'data-testid': 'open-briefing',
            'data-key': 'briefing',
            title: 'Briefing and players (B)',
          }),
          button('New game', () => ui.openBriefing('new'), { 'data-testid': 'new-game', 'data-key': 'new' }),
          button('Class', () => ui.openFacilitator(), {
            'data-testid': 'open-facilitator',
            'data-key': 'facilitator',
            title: 'Facilitator: who plays, hand-over, lock, pause, reasons, timer',
          }),
          button('Keys', () => ui.openKeys(), {
            'data-testid': 'open-keys',
            'data-key': 'keys',
            title: 'Keys (?)',
          }),
          button('A+', () => ui.toggleLarge(), {
            'aria-pressed': String(view.large),
            'aria-label': 'Large text',
            title: 'Large text',
            'data-testid': 'large-text',
            'data-key': 'large',
          }),
        ),
        button(view.right ? 'Info ◨' : 'Info ◂', () => ui.togglePanel('right'), {
          class: 'toggle-panel',
          'aria-expanded': String(view.right),
          'aria-controls': 'ui-right',
          title: 'Hide or show the info panel (])',
          'data-testid': 'toggle-right',
          'data-key': 'toggle-right',
        }),
        button(endLabel(ui), (e) => ui.endTurn(e.timeStamp), {
          class: 'primary end-turn',
          'data-testid': 'end-turn',
          'data-key': 'end-turn',
          title: `${endLabel(ui)} (E)`,
          disabled: !s || s.over,
        }),
      ),
    );
  };
  return {
    element,
    update: () => {
      update();
      tick();
    },
    tick,
  };
}

/** In a class a group sends its orders and the teacher has the server resolve the turn; else the turn ends here. */
const endLabel = (ui: Ui): string =>
  ui.classroom?.role === 'group'
    ? 'Send orders'
    : ui.classroom?.role === 'teacher'
      ? 'Resolve turn'
      : 'End turn';
