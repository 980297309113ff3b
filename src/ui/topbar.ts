// The top bar: scenario and branch, the turn and its date, who people hold (the player giving orders now is
// marked), the menu (briefing, new game, keys, large text, panels) and End turn.
import type { Ui } from './context';
import { currentPlayer } from './context';
import { button, el, keepFocus, setChildren } from './dom';
import { actorColor, actorName, formatDate } from './format';
import type { Panel } from './orders';
import { findBranch } from './briefing';
import { timerExpired, timerLabel } from './facilitator';
import { chooseLocale, getLocale, languageName, LOCALES, m } from '../i18n';

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
    clock.classList.toggle('over', timerExpired(ui));
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
        ? m.topbar_game_over({ turns: s.turn, date: formatDate(s.date) })
        : m.topbar_turn_of({ turn: s.turn + 1, turns: def?.end.turns ?? '?', date: formatDate(s.date) });
    keepFocus(element, () =>
      setChildren(
        element,
        button(view.left ? m.topbar_orders_shown() : m.topbar_orders_hidden(), () => ui.togglePanel('left'), {
          class: 'toggle-panel',
          'aria-expanded': String(view.left),
          'aria-controls': 'ui-left',
          title: m.topbar_orders_toggle_title(),
          'data-testid': 'toggle-left',
          'data-key': 'toggle-left',
        }),
        el(
          'div',
          { class: 'title' },
          el('strong', {}, def?.title ?? m.topbar_loading()),
          branch ? el('span', { class: 'branch-name' }, ` — ${branch.title}`) : null,
        ),
        el('div', { class: 'when', 'data-testid': 'turn-label' }, turn, ' ', clock),
        el(
          'ul',
          { class: 'held', 'aria-label': m.topbar_players() },
          def && session.held.length
            ? session.held.map((a) =>
                el(
                  'li',
                  { class: a === now ? 'chip now' : 'chip', 'data-actor': a, title: actorName(def, a) },
                  el('span', { class: 'swatch', style: `background:${actorColor(def, a)}` }),
                  a,
                  a === now ? el('span', { class: 'sr-only' }, ` ${m.topbar_giving_orders()}`) : null,
                ),
              )
            : el('li', { class: 'chip muted' }, m.topbar_ai_only()),
        ),
        el(
          'div',
          { class: 'menu' },
          s?.over
            ? button(m.topbar_summary(), () => ui.openSummary(), {
                'data-testid': 'open-summary',
                'data-key': 'summary',
              })
            : null,
          button(m.topbar_briefing(), () => ui.openBriefing('review'), {
            'data-testid': 'open-briefing',
            'data-key': 'briefing',
            title: m.topbar_briefing_title(),
          }),
          button(m.topbar_new_game(), () => ui.openBriefing('new'), {
            'data-testid': 'new-game',
            'data-key': 'new',
          }),
          button(m.topbar_class(), () => ui.openFacilitator(), {
            'data-testid': 'open-facilitator',
            'data-key': 'facilitator',
            title: m.topbar_class_title(),
          }),
          button(m.topbar_keys(), () => ui.openKeys(), {
            'data-testid': 'open-keys',
            'data-key': 'keys',
            title: m.topbar_keys_title(),
          }),
          button('A+', () => ui.toggleLarge(), {
            'aria-pressed': String(view.large),
            'aria-label': m.topbar_large_text(),
            title: m.topbar_large_text(),
            'data-testid': 'large-text',
            'data-key': 'large',
          }),
          languageSwitch(),
        ),
        button(view.right ? m.topbar_info_shown() : m.topbar_info_hidden(), () => ui.togglePanel('right'), {
          class: 'toggle-panel',
          'aria-expanded': String(view.right),
          'aria-controls': 'ui-right',
          title: m.topbar_info_toggle_title(),
          'data-testid': 'toggle-right',
          'data-key': 'toggle-right',
        }),
        button(endLabel(ui), (e) => ui.endTurn(e.timeStamp), {
          class: 'primary end-turn',
          'data-testid': 'end-turn',
          'data-key': 'end-turn',
          title: m.topbar_end_title({ label: endLabel(ui) }),
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
    ? m.topbar_send_orders()
    : ui.classroom?.role === 'teacher'
      ? m.topbar_resolve_turn()
      : m.topbar_end_turn();

/** The language switch: choosing another language keeps it and reloads the page in it (src/i18n). */
function languageSwitch(): HTMLElement {
  const current = getLocale();
  const select = el(
    'select',
    {
      'aria-label': m.language_label(),
      title: m.language_hint(),
      'data-testid': 'language',
      'data-key': 'language',
      onchange: (e) => chooseLocale((e.target as HTMLSelectElement).value),
    },
    LOCALES.map((locale) =>
      el('option', { value: locale, lang: locale, selected: locale === current }, languageName(locale)),
    ),
  );
  return el('label', { class: 'language' }, el('span', { class: 'sr-only' }, m.language_label()), select);
}
