// The small card over the map for what a person picked (on the map or in a panel): a region (controller,
// forces per actor, contested) or an actor (who it is, its score and objectives). Not modal: Escape closes it.
import { objectiveStatus } from '../engine/index';
import type { Ui } from './context';
import { button, el, setChildren } from './dom';
import { actorColor, actorName, layerName, regionName } from './format';
import { renderObjective } from './scores';

export interface Card {
  element: HTMLElement;
  showRegion(id: string | null): void;
  showActor(id: string | null): void;
  update(): void;
  close(): void;
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
    button('×', close, { class: 'close', 'aria-label': 'Close the card', 'data-testid': 'card-close' });

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
      el('p', { class: 'muted' }, `Theatre: ${layerName(w.def, def.theatre)}`),
      el(
        'p',
        {},
        'Held by: ',
        el('strong', {}, r.controller ? actorName(w.def, r.controller) : 'nobody'),
        r.contested ? el('span', { class: 'tag tag-contested' }, 'contested') : null,
      ),
      forces.length
        ? el(
            'table',
            { class: 'forces' },
            el('caption', {}, 'Forces present'),
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
        : el('p', { class: 'muted' }, 'No forces present.'),
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
      el('p', { class: 'muted' }, `${a.kind}${a.playable ? ' · playable' : ''} · score ${s.scores[id] ?? 0}`),
      a.description ? el('p', {}, a.description) : null,
      el('ul', { class: 'objectives' }, objectiveStatus({ s, w }, id).map(renderObjective)),
    );
    element.setAttribute('data-testid', 'actor-card');
    element.setAttribute('data-actor', id);
    return true;
  };

  const draw = () => {
    const ok = shown ? (shown.kind === 'region' ? region(shown.id) : actor(shown.id)) : false;
    element.hidden = !ok;
  };

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
