// The end of a game: final scores ranked, the objectives each actor met, the contradictions left standing, the
// debrief (how each score is made, the relations that moved most, the players' decisions: debrief.ts) and the
// discussion questions again, with a replay of the same game or a choice of another, and a printable copy.
import { listUnbalancedTriads, objectiveStatus } from '../engine/index';
import type { Ui } from './context';
import { button, dialogFooter, el, makeDialog, openDialog, setChildren } from './dom';
import { findBranch, renderQuestions } from './briefing';
import { actorName, formatDate, formatSigned, layerName, rankScores, sortTriads, triadEdges } from './format';
import { renderObjective } from './scores';
import { renderDebrief } from './debrief';
import { m } from '../i18n';

export interface Summary {
  dialog: HTMLDialogElement;
  open(): void;
}

export function createSummary(ui: Ui): Summary {
  const { session } = ui;
  const dialog = makeDialog(m.summary_dialog_title(), {
    class: 'dialog summary',
    'data-testid': 'game-summary',
  });

  const render = () => {
    const s = session.state;
    const w = session.world;
    if (!s || !w) return setChildren(dialog, el('p', {}, m.summary_no_game()));
    const def = w.def;
    const playable = def.actors.filter((a) => a.playable).map((a) => a.id);
    const ranked = rankScores(s, w, playable);
    const others = rankScores(
      s,
      w,
      w.actorIds.filter((a) => !playable.includes(a)),
    );
    const contradictions = sortTriads(
      listUnbalancedTriads(s, w).filter((t) => t.layer === 'cross'),
      w,
      session.held,
    );
    const row = (r: { actor: string; score: number; rank: number }) =>
      el(
        'tr',
        { 'data-actor': r.actor },
        el('td', {}, String(r.rank)),
        el(
          'th',
          { scope: 'row' },
          actorName(def, r.actor),
          session.held.includes(r.actor) ? el('span', { class: 'tag' }, m.summary_player_tag()) : null,
        ),
        el('td', { class: 'num' }, String(r.score)),
        el(
          'td',
          {},
          el('ul', { class: 'objectives' }, objectiveStatus({ s, w }, r.actor).map(renderObjective)),
        ),
      );
    const table = (rows: typeof ranked, caption: string) =>
      el(
        'table',
        { class: 'ranking' },
        el('caption', {}, caption),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, '#'),
            el('th', { scope: 'col' }, m.summary_col_actor()),
            el('th', { scope: 'col' }, m.summary_col_score()),
            el('th', { scope: 'col' }, m.summary_col_objectives()),
          ),
        ),
        el('tbody', {}, rows.map(row)),
      );
    setChildren(
      dialog,
      el(
        'div',
        { class: 'dialog-body' },
        el(
          'h2',
          { tabindex: -1 },
          s.over ? m.summary_game_over({ title: def.title }) : m.summary_standings({ title: def.title }),
        ),
        el('p', {}, m.summary_after({ turns: s.turn, date: formatDate(s.date), text: def.end.text ?? '' })),
        table(ranked, m.summary_final_scores()),
        others.length ? table(others, m.summary_other_actors()) : null,
        el(
          'section',
          {},
          el('h3', {}, m.summary_contradictions({ count: contradictions.length })),
          el('p', { class: 'muted' }, m.summary_contradictions_text()),
          contradictions.length
            ? el(
                'ul',
                { class: 'left-triads' },
                contradictions.slice(0, 15).map((t) =>
                  el(
                    'li',
                    { 'data-testid': 'summary-triad' },
                    el('strong', {}, t.actors.map((a) => actorName(def, a)).join(' · ')),
                    ': ',
                    triadEdges(s, w, t)
                      .map(
                        (e) =>
                          `${e.a}–${e.b} ${e.values.map((v) => `${layerName(def, v.layer)} ${formatSigned(v.value)}`).join(', ')}`,
                      )
                      .join('; '),
                  ),
                ),
              )
            : el('p', {}, m.summary_none()),
          contradictions.length > 15
            ? el('p', { class: 'muted' }, m.summary_more({ count: contradictions.length - 15 }))
            : null,
        ),
        renderDebrief(w, session.line(), session.held),
        renderQuestions(def, findBranch(def, s.branch)),
      ),
      dialogFooter(
        button(m.summary_close(), () => dialog.close(), { 'data-testid': 'summary-close' }),
        button(m.summary_print(), () => window.print(), { 'data-testid': 'summary-print' }),
        button(
          m.summary_pick(),
          () => {
            dialog.close();
            ui.openBriefing('new');
          },
          { 'data-testid': 'summary-pick' },
        ),
        button(
          m.summary_replay(),
          async () => {
            const held = [...session.held];
            const result = await session.load(s.scenario, s.branch, s.seed);
            if (!result.ok) return;
            session.setHeld(held);
            dialog.close();
            ui.refresh();
            ui.announce(m.summary_restarted());
          },
          { class: 'primary', 'data-testid': 'summary-replay' },
        ),
      ),
    );
  };

  return {
    dialog,
    open() {
      render();
      openDialog(dialog, dialog.querySelector<HTMLElement>('h2'));
    },
  };
}
