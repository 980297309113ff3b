// Scores and objectives: per actor its score, each objective met (✓) or not (✗) with its VP, the VP banked
// by rules, the tension penalty, and its meters. Players' actors first; the computer's below.
import type { GameState, World } from '../engine/index';
import { listUnbalancedTriads, objectiveStatus, tensionPenalty, tensionScores } from '../engine/index';
import type { Ui } from './context';
import { button, el, hiddenText, keepFocus, setChildren } from './dom';
import { actorColor, actorName, formatSigned, meterName, shownMeters } from './format';
import { m } from '../i18n';

/** One objective line: "✓ Take Mosul … (+5 VP)". */
export const renderObjective = (o: { text: string; vp: number; met: boolean }): HTMLLIElement =>
  el(
    'li',
    { class: o.met ? 'objective met' : 'objective unmet', 'data-met': String(o.met) },
    el('span', { class: 'mark', 'aria-hidden': 'true' }, o.met ? '✓' : '✗'),
    hiddenText(`${o.met ? m.scores_met() : m.scores_not_met()} `),
    o.text,
    el('span', { class: 'vp' }, ` ${m.scores_vp({ vp: formatSigned(o.vp) })}`),
  );

function renderActor(ui: Ui, w: World, s: GameState, actor: string, tension: number): HTMLElement {
  const st = s.actors[w.actorIndex[actor]!]!;
  const objectives = objectiveStatus({ s, w }, actor);
  const held = ui.session.held.includes(actor);
  return el(
    'section',
    { class: 'actor-score', 'data-testid': 'actor-score', 'data-actor': actor },
    el(
      'h4',
      {},
      el('span', { class: 'swatch', style: `background:${actorColor(w.def, actor)}` }),
      button(actorName(w.def, actor), () => ui.bus.emit('view/actor', { actor }), {
        class: 'link',
        'data-key': `actor|${actor}`,
      }),
      held ? el('span', { class: 'tag' }, m.scores_player()) : null,
      el(
        'span',
        { class: 'score', 'data-testid': 'score', 'data-actor': actor },
        String(s.scores[actor] ?? 0),
      ),
    ),
    el(
      'p',
      { class: 'muted' },
      m.scores_meta({ vp: st.vp, tension, penalty: formatSigned(-tensionPenalty(tension)) }),
      st.redefined ? ` · ${m.scores_redefined()}` : '',
    ),
    objectives.length ? el('ul', { class: 'objectives' }, objectives.map(renderObjective)) : null,
    el(
      'dl',
      { class: 'meters' },
      el('dt', {}, m.scores_reserve()),
      el('dd', {}, String(st.reserve)),
      shownMeters(w.def, s, actor).map((meter) => [
        el('dt', {}, meterName(w.def, meter.id)),
        el('dd', {}, String(meter.value)),
      ]),
    ),
  );
}

export function renderScores(ui: Ui, into: HTMLElement): void {
  const { session } = ui;
  const s = session.state;
  const w = session.world;
  if (!s || !w) return setChildren(into, el('p', { class: 'muted' }, m.scores_no_game()));
  const tension = tensionScores(s, w, listUnbalancedTriads(s, w));
  const playable = w.def.actors.filter((a) => a.playable).map((a) => a.id);
  const ordered = [...session.held, ...playable.filter((a) => !session.held.includes(a))];
  const others = w.actorIds.filter((a) => !playable.includes(a));
  keepFocus(into, () =>
    setChildren(
      into,
      el(
        'div',
        { 'data-testid': 'scores' },
        el('h3', {}, m.scores_title()),
        el('p', { class: 'legend' }, m.scores_legend()),
        ordered.map((a) => renderActor(ui, w, s, a, tension[a] ?? 0)),
        others.length
          ? el(
              'details',
              { class: 'others' },
              el('summary', {}, m.scores_others({ count: others.length })),
              others.map((a) => renderActor(ui, w, s, a, tension[a] ?? 0)),
            )
          : null,
      ),
    ),
  );
}
