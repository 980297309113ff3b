// The message over the map when something could not be opened (a scenario, a replay file, a share link) and
// the picker is closed: what failed, the message as text, and that the game in progress is kept.
import type { Session } from '../session/session';
import { button, el, setChildren } from './dom';

export interface Banner {
  element: HTMLElement;
  show(message: string, title?: string): void;
  hide(): void;
}

export function createBanner(session: Session, choose: () => void): Banner {
  const element = el('div', { class: 'banner', hidden: true });
  const hide = () => (element.hidden = true);
  return {
    element,
    hide,
    show(message, title = 'The scenario could not be loaded.') {
      setChildren(
        element,
        el(
          'div',
          { class: 'load-error', role: 'alert', 'data-testid': 'load-error' },
          el('strong', {}, `${title} `),
          el('pre', {}, message),
          session.def ? el('p', {}, 'The game in progress is kept.') : null,
          el(
            'div',
            { class: 'buttons' },
            button('Choose a scenario', () => {
              hide();
              choose();
            }),
            button('Dismiss', hide),
          ),
        ),
      );
      element.hidden = false;
    },
  };
}
