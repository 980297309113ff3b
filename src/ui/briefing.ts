// The briefing: what a scenario (and a chosen branch) is about, who can be played and what each wants (with
// VP), the sources and what kind of source each is, and the questions to discuss. Pure rendering from the
// scenario definition; the picker around it (picker.ts) owns the choices.
import type { ScenarioDef } from '../engine/schema';
import { el } from './dom';
import { formatSigned } from './format';
import { m } from '../i18n';

type ActorDef = ScenarioDef['actors'][number];
type BranchDef = NonNullable<ScenarioDef['branches']>[number];

const objectives = (a: ActorDef): HTMLElement =>
  el(
    'ul',
    { class: 'objectives' },
    a.objectives.map((o) =>
      el('li', {}, o.text, el('span', { class: 'vp' }, ` ${m.briefing_vp({ vp: formatSigned(o.vp) })}`)),
    ),
  );

/** A playable actor with its checkbox: "I play this one". */
function renderPlayable(a: ActorDef, held: ReadonlySet<string>, onToggle: (id: string, on: boolean) => void) {
  return el(
    'li',
    { class: 'actor-choice' },
    el(
      'label',
      {},
      el('input', {
        type: 'checkbox',
        'data-testid': 'held-actor',
        'data-actor': a.id,
        checked: held.has(a.id),
        onchange: (e: Event) => onToggle(a.id, (e.target as HTMLInputElement).checked),
      }),
      el('span', { class: 'swatch', style: `background:${a.color}` }),
      el('strong', {}, a.name),
    ),
    a.description ? el('p', {}, a.description) : null,
    objectives(a),
  );
}

/** The sources, with what kind of source each is: quotes in the game are their claims, not facts. */
export function renderSources(def: ScenarioDef): HTMLElement {
  return el(
    'section',
    { class: 'sources', 'data-testid': 'sources' },
    el('h3', {}, m.briefing_sources()),
    el('p', {}, m.briefing_sources_text()),
    el(
      'ul',
      {},
      def.sources.map((s) =>
        el(
          'li',
          { 'data-source': s.id },
          el('strong', {}, `${s.id}: `),
          el('cite', {}, s.title),
          s.author ? m.briefing_source_author({ author: s.author }) : '',
          m.briefing_source_outlet({ outlet: s.outlet, date: s.date }),
          el('p', { class: 'kind' }, m.briefing_source_kind({ kind: s.kind })),
        ),
      ),
    ),
  );
}

/** The discussion questions: the branch's own when it has them, else the scenario's. */
export function questionsFor(def: ScenarioDef, branch: BranchDef | null): string[] {
  return branch?.questions?.length ? branch.questions : def.briefing.questions;
}

export function renderQuestions(def: ScenarioDef, branch: BranchDef | null): HTMLElement {
  return el(
    'section',
    { class: 'questions', 'data-testid': 'questions' },
    el(
      'h3',
      {},
      branch?.questions?.length
        ? m.briefing_questions_branch({ branch: branch.title })
        : m.briefing_questions(),
    ),
    el(
      'ol',
      {},
      questionsFor(def, branch).map((q) => el('li', {}, q)),
    ),
  );
}

export const findBranch = (def: ScenarioDef, id: string | null): BranchDef | null =>
  (id && def.branches?.find((b) => b.id === id)) || null;

/** Everything below the picker: situation, branch, actors to hold, sources, questions. */
export function renderBriefing(
  def: ScenarioDef,
  branchId: string | null,
  held: ReadonlySet<string>,
  onToggle: (id: string, on: boolean) => void,
): HTMLElement[] {
  const branch = findBranch(def, branchId);
  const playable = def.actors.filter((a) => a.playable);
  const others = def.actors.filter((a) => !a.playable);
  return [
    el('p', { class: 'summary' }, def.summary),
    branch
      ? el(
          'section',
          { class: 'branch', 'data-testid': 'branch-text' },
          el('h3', {}, m.briefing_what_if({ branch: branch.title })),
          el('p', {}, branch.text),
        )
      : null,
    el(
      'section',
      {},
      el('h3', {}, m.briefing_situation()),
      def.briefing.situation.map((p) => el('p', {}, p)),
    ),
    el(
      'section',
      { class: 'choose' },
      el('h3', { id: 'choose-heading' }, m.briefing_who()),
      el('p', {}, m.briefing_who_text()),
      el(
        'div',
        { role: 'group', 'aria-labelledby': 'choose-heading' },
        el(
          'ul',
          { class: 'actor-choices' },
          playable.map((a) => renderPlayable(a, held, onToggle)),
        ),
      ),
      others.length
        ? el(
            'details',
            {},
            el('summary', {}, m.briefing_others({ count: others.length })),
            el(
              'ul',
              { class: 'actor-choices' },
              others.map((a) =>
                el(
                  'li',
                  {},
                  el('strong', {}, a.name),
                  a.description ? el('p', {}, a.description) : null,
                  objectives(a),
                ),
              ),
            ),
          )
        : null,
    ),
    renderSources(def),
    renderQuestions(def, branch),
  ].filter((x): x is HTMLElement => x !== null);
}
