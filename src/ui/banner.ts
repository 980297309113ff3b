// Messages over the map when the picker is closed: what could not be opened (a scenario, a replay file, a
// share link), what the page did with a game (kept it, set a bad save aside) or could not do (save). Each
// stays until dismissed; the newest is on top; text is set as text, never as HTML.
import type { Session } from '../session/session';
import { button, el, setChildren } from './dom';
import { m } from '../i18n';

export interface BannerAction {
  label: string;
  run: () => void;
  testid?: string;
}

export interface Banner {
  element: HTMLElement;
  /** Shows a message; one with the same `id` replaces the earlier one instead of piling up. */
  show(message: string, title?: string, actions?: BannerAction[], id?: string): void;
  hide(id?: string): void;
}

const MAX_SHOWN = 4;

export function createBanner(session: Session, choose: () => void): Banner {
  const element = el('div', { class: 'banner', hidden: true });
  let shown: { id: string; node: HTMLElement }[] = [];
  let count = 0;
  const draw = () => {
    setChildren(
      element,
      shown.map((s) => s.node),
    );
    element.hidden = shown.length === 0;
  };
  const hide = (id?: string) => {
    shown = id === undefined ? [] : shown.filter((s) => s.id !== id);
    draw();
  };
  return {
    element,
    hide,
    show(message, title = m.banner_scenario_failed(), actions = [], id = `m${++count}`) {
      const node = el(
        'div',
        { class: 'load-error', role: 'alert', 'data-testid': 'load-error', 'data-id': id },
        el('strong', {}, `${title} `),
        el('pre', {}, message),
        session.def && !actions.length ? el('p', {}, m.banner_game_kept()) : null,
        el(
          'div',
          { class: 'buttons' },
          actions.map((a) => button(a.label, a.run, a.testid ? { 'data-testid': a.testid } : {})),
          actions.length
            ? null
            : button(m.banner_choose(), () => {
                hide(id);
                choose();
              }),
          button(m.banner_dismiss(), () => hide(id), { 'data-testid': 'banner-dismiss' }),
        ),
      );
      shown = [{ id, node }, ...shown.filter((s) => s.id !== id)].slice(0, MAX_SHOWN);
      draw();
    },
  };
}
