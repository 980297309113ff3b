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

export interface Summary {
  dialog: HTMLDialogElement;
  open(): void;
}

export function createSummary(ui: Ui): Summary {
  const { session } = ui;
  const dialog = makeDialog('Game summary', { class: 'dialog summary', 'data-testid': 'game-summary' });

  const render = () => {
    const s = session.state;
    const w = session.world;
    if (!s || !w) return setChildren(dialog, el('p', {}, 'No game is loaded.'));
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
          session.held.includes(r.actor) ? el('span', { class: 'tag' }, 'player') : null,
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
            el('th', { scope: 'col' }, 'Actor'),
            el('th', { scope: 'col' }, 'Score'),
            el('th', { scope: 'col' }, 'Objectives'),
          ),
        ),
        el('tbody', {}, rows.map(row)),
      );
    setChildren(
      dialog,
      el(
        'div',
        { class: 'dialog-body' },
        el('h2', { tabindex: -1 }, s.over ? `Game over: ${def.title}` : `Standings: ${def.title}`),
        el('p', {}, `After ${s.turn} turns, ${formatDate(s.date)}. ${def.end.text ?? ''}`),
        table(ranked, 'Final scores of the powers'),
        others.length ? table(others, 'The other actors') : null,
        el(
          'section',
          {},
          el('h3', {}, `Contradictions left (${contradictions.length})`),
          el(
            'p',
            { class: 'muted' },
            'Each is three actors whose ties point different ways in different layers (the model’s reading of ' +
              'Heider’s balance across theatres); the ties that make it are given.',
          ),
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
            : el('p', {}, 'None: every triad is balanced across the layers.'),
          contradictions.length > 15
            ? el('p', { class: 'muted' }, `…and ${contradictions.length - 15} more.`)
            : null,
        ),
        renderDebrief(w, session.line(), session.held),
        renderQuestions(def, findBranch(def, s.branch)),
      ),
      dialogFooter(
        button('Close and look at the map', () => dialog.close(), { 'data-testid': 'summary-close' }),
        button('Print / Save as PDF', () => window.print(), { 'data-testid': 'summary-print' }),
        button(
          'Pick another scenario',
          () => {
            dialog.close();
            ui.openBriefing('new');
          },
          { 'data-testid': 'summary-pick' },
        ),
        button(
          'Replay',
          async () => {
            const held = [...session.held];
            const result = await session.load(s.scenario, s.branch, s.seed);
            if (!result.ok) return;
            session.setHeld(held);
            dialog.close();
            ui.refresh();
            ui.announce('The game starts again from the beginning.');
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
