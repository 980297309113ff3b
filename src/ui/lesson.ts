// Lesson materials for a scenario, made from its own data so they always match the game: a lesson plan with
// timings (one period or two), a one-page role sheet per power (who it is, what it wants and how it scores,
// what it cares about, what it can do, its friends and rivals at the start), a glossary that names the model's
// theories, and teacher notes (where the scenario takes facts from outside the articles, which of the articles'
// claims are doubtful, and how the computer decides). The content is worked out without the DOM (tested);
// the dialog shows it and prints it.
import type { World } from '../engine/index';
import { createGame, netAt } from '../engine/index';
import type { ScenarioDef, SourceRef } from '../engine/schema';
import { compileWorld } from '../engine/world';
import { button, dialogFooter, el, makeDialog, openDialog, setChildren } from './dom';
import { actorName, describeValue, formatSigned, sourceLabel } from './format';
import { m } from '../i18n';

/** Minutes of a school period. */
export const PERIOD = 50;

export interface Step {
  minutes: number;
  title: string;
  what: string;
}

/** The plan of a lesson of `periods` periods for a scenario: steps whose minutes add up to the periods. */
export function lessonPlan(def: ScenarioDef, periods: 1 | 2): Step[][] {
  const turns = def.end.turns;
  const questions = def.briefing?.questions?.length ?? 0;
  const debrief: Step = {
    minutes: periods === 1 ? 12 : 20,
    title: m.lesson_debrief(),
    what: questions ? m.lesson_debrief_what_questions({ questions }) : m.lesson_debrief_what(),
  };
  const play = (minutes: number, from: number, to: number): Step => {
    const perTurn = Math.max(1, Math.floor(minutes / Math.max(1, to - from + 1)));
    return {
      minutes,
      title: m.lesson_play_turns({ from, to: Math.min(to, turns) }),
      what:
        to < turns
          ? m.lesson_play_what_then({ minutes: perTurn, turns })
          : m.lesson_play_what({ minutes: perTurn }),
    };
  };
  if (periods === 1) {
    const playable = Math.min(turns, 6);
    return [
      [
        { minutes: 5, title: m.lesson_situation(), what: m.lesson_situation_what_1() },
        { minutes: 8, title: m.lesson_roles(), what: m.lesson_roles_what_1() },
        play(25, 1, playable),
        debrief,
      ],
    ];
  }
  const half = Math.ceil(turns / 2);
  return [
    [
      { minutes: 10, title: m.lesson_situation(), what: m.lesson_situation_what_2() },
      { minutes: 10, title: m.lesson_roles_glossary(), what: m.lesson_roles_glossary_what() },
      play(30, 1, half),
    ],
    [
      { minutes: 5, title: m.lesson_where_we_are(), what: m.lesson_where_we_are_what() },
      play(25, half + 1, turns),
      debrief,
    ],
  ];
}

export interface RoleSheet {
  actor: string;
  name: string;
  description: string;
  source: SourceRef | null; // the passage the actor's description rests on
  objectives: { text: string; vp: number }[];
  cares: { issue: string; stake: number }[]; // largest first; + wants it, − opposes it
  orders: string[];
  friends: { name: string; value: number }[];
  rivals: { name: string; value: number }[];
}

/** A role sheet for each playable power (each actor when none is marked playable). */
export function roleSheets(def: ScenarioDef): RoleSheet[] {
  const built = compileWorld(def, null);
  const w: World | null = built.ok ? built.value : null;
  const s = w ? createGame(w, 0) : null;
  const powers = def.actors.filter((a) => a.playable).length
    ? def.actors.filter((a) => a.playable)
    : def.actors;
  const issueName = (id: string) => def.issues?.find((i) => i.id === id)?.name ?? id;
  return powers.map((a) => {
    const ties =
      w && s
        ? w.actorIds
            .filter((b) => b !== a.id)
            .map((b) => ({
              name: actorName(def, b),
              value: netAt(s, w, w.actorIndex[a.id]!, w.actorIndex[b]!),
            }))
        : [];
    return {
      actor: a.id,
      name: a.name,
      description: a.description ?? '',
      source: a.source ?? null,
      objectives: a.objectives.map((o) => ({ text: o.text, vp: o.vp })),
      cares: Object.entries(a.stakes ?? {})
        .filter(([, v]) => v !== 0)
        .sort(([, x], [, y]) => Math.abs(y) - Math.abs(x))
        .map(([issue, stake]) => ({ issue: issueName(issue), stake })),
      orders: [
        ...new Set(def.orders.filter((o) => o.actors.includes(a.id) && o.type !== 'pass').map((o) => o.name)),
      ],
      friends: ties
        .filter((t) => t.value > 0)
        .sort((x, y) => y.value - x.value)
        .slice(0, 3),
      rivals: ties
        .filter((t) => t.value < 0)
        .sort((x, y) => x.value - y.value)
        .slice(0, 3),
    };
  });
}

/** A glossary entry whose words are read in the page's language when shown. */
const entry = (term: () => string, meaning: () => string): { term: string; meaning: string } => ({
  get term() {
    return term();
  },
  get meaning() {
    return meaning();
  },
});

/** The words of the game, with the theory the model takes them from. */
export const GLOSSARY: readonly { term: string; meaning: string }[] = [
  entry(m.lesson_term_layer, m.lesson_meaning_layer),
  entry(m.lesson_term_relation, m.lesson_meaning_relation),
  entry(m.lesson_term_net, m.lesson_meaning_net),
  entry(m.lesson_term_triad, m.lesson_meaning_triad),
  entry(m.lesson_term_balance, m.lesson_meaning_balance),
  entry(m.lesson_term_contradiction, m.lesson_meaning_contradiction),
  entry(m.lesson_term_tension, m.lesson_meaning_tension),
  entry(m.lesson_term_vp, m.lesson_meaning_vp),
  entry(m.lesson_term_stakes, m.lesson_meaning_stakes),
  entry(m.lesson_term_rule, m.lesson_meaning_rule),
  entry(m.lesson_term_gate, m.lesson_meaning_gate),
  entry(m.lesson_term_covert, m.lesson_meaning_covert),
  entry(m.lesson_term_branch, m.lesson_meaning_branch),
  entry(m.lesson_term_odds, m.lesson_meaning_odds),
];

export interface TeacherNote {
  kind: 'outside' | 'doubtful';
  where: string;
  text: string;
}

/** Every fact the scenario takes from outside the articles (`ok`) and every doubtful claim it notes. */
export function teacherNotes(def: ScenarioDef): TeacherNote[] {
  const out: TeacherNote[] = [];
  const seen = new Set<string>();
  const add = (n: TeacherNote) => {
    const key = `${n.kind}|${n.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(n);
  };
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, where));
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    const here =
      typeof o.id === 'string'
        ? o.id
        : typeof o.a === 'string' && typeof o.b === 'string'
          ? `${o.a}–${o.b}`
          : where;
    if (typeof o.ok === 'string') add({ kind: 'outside', where: here, text: o.ok });
    if (typeof o.note === 'string' && (typeof o.quote === 'string' || Array.isArray(o.sources)))
      add({ kind: 'doubtful', where: here, text: o.note });
    for (const [k, v] of Object.entries(o)) if (k !== 'ok' && k !== 'note') visit(v, here);
  };
  visit(def, def.id);
  return out;
}

/** The teacher notes of one kind, as a list: "where: what". */
const noteList = (notes: readonly TeacherNote[], kind: TeacherNote['kind']): HTMLElement =>
  el(
    'ul',
    {},
    notes.filter((n) => n.kind === kind).map((n) => el('li', {}, el('strong', {}, `${n.where}: `), n.text)),
  );

/** A role sheet's ties: "Iran (allied), Russia (cooperating)". */
const ties = (list: readonly { name: string; value: number }[]): string =>
  list
    .map((t) => m.lesson_tie({ name: t.name, value: describeValue(t.value) }))
    .join(m.lesson_list_separator());

/** The dialog: one scenario's materials, printable. */
export function createLessonDialog(): { dialog: HTMLDialogElement; open(def: ScenarioDef): void } {
  const dialog = makeDialog(m.lesson_dialog(), { class: 'dialog lesson', 'data-testid': 'lesson' });
  const render = (def: ScenarioDef) => {
    const sheets = roleSheets(def);
    const notes = teacherNotes(def);
    const plan = (periods: 1 | 2) =>
      el(
        'section',
        { class: 'lesson-plan', 'data-testid': `lesson-plan-${periods}` },
        el(
          'h3',
          {},
          periods === 1
            ? m.lesson_one_period({ minutes: PERIOD })
            : m.lesson_two_periods({ minutes: PERIOD }),
        ),
        lessonPlan(def, periods).map((steps, p) =>
          el(
            'div',
            {},
            periods === 2 ? el('h4', {}, m.lesson_period({ period: p + 1 })) : null,
            el(
              'ol',
              {},
              steps.map((step) =>
                el(
                  'li',
                  {},
                  el('strong', {}, `${m.lesson_step({ title: step.title, minutes: step.minutes })} `),
                  step.what,
                ),
              ),
            ),
          ),
        ),
      );
    setChildren(
      dialog,
      el(
        'div',
        { class: 'dialog-body' },
        el('h2', { tabindex: -1 }, m.lesson_heading({ title: def.title })),
        el('p', { class: 'muted' }, `${m.lesson_turns({ turns: def.end.turns })} ${def.end.text ?? ''}`),
        plan(1),
        plan(2),
        el(
          'section',
          {},
          el('h3', {}, m.lesson_role_sheets()),
          sheets.map((r) =>
            el(
              'article',
              { class: 'role-sheet', 'data-testid': 'role-sheet', 'data-actor': r.actor },
              el('h4', {}, r.name),
              r.description ? el('p', {}, r.description) : null,
              r.source
                ? el(
                    'blockquote',
                    { class: 'quote' },
                    el('p', {}, m.lesson_quote({ quote: r.source.quote })),
                    r.source.intended
                      ? el('p', { class: 'intended' }, m.lesson_intended({ quote: r.source.intended }))
                      : null,
                    el('footer', {}, `— ${sourceLabel(def, r.source.source)}`),
                  )
                : null,
              el('h5', {}, m.lesson_wants()),
              el(
                'ul',
                {},
                r.objectives.map((o) =>
                  el('li', {}, m.lesson_objective({ text: o.text, vp: formatSigned(o.vp) })),
                ),
              ),
              r.cares.length
                ? [
                    el('h5', {}, m.lesson_cares()),
                    el(
                      'ul',
                      {},
                      r.cares.map((c) =>
                        el(
                          'li',
                          {},
                          (c.stake > 0 ? m.lesson_care_for : m.lesson_care_against)({
                            issue: c.issue,
                            stake: formatSigned(c.stake),
                          }),
                        ),
                      ),
                    ),
                  ]
                : null,
              el('h5', {}, m.lesson_can_do()),
              el('p', {}, r.orders.join(' · ')),
              el('h5', {}, m.lesson_at_start()),
              el(
                'p',
                {},
                r.friends.length ? `${m.lesson_closest({ ties: ties(r.friends) })} ` : '',
                r.rivals.length ? m.lesson_rivals({ ties: ties(r.rivals) }) : '',
              ),
            ),
          ),
        ),
        el(
          'section',
          {},
          el('h3', {}, m.lesson_glossary()),
          el(
            'dl',
            { class: 'glossary' },
            GLOSSARY.map((g) => [el('dt', {}, g.term), el('dd', {}, g.meaning)]),
          ),
        ),
        el(
          'section',
          { 'data-testid': 'teacher-notes' },
          el('h3', {}, m.lesson_notes_title()),
          el('p', {}, m.lesson_notes_text()),
          el('h4', {}, m.lesson_notes_outside()),
          noteList(notes, 'outside'),
          el('h4', {}, m.lesson_notes_doubtful()),
          noteList(notes, 'doubtful'),
        ),
      ),
      dialogFooter(
        button(m.lesson_close(), () => dialog.close(), { 'data-testid': 'lesson-close' }),
        button(m.lesson_print(), () => window.print(), {
          class: 'primary',
          'data-testid': 'lesson-print',
        }),
      ),
    );
  };
  return {
    dialog,
    open(def) {
      render(def);
      openDialog(dialog, dialog.querySelector<HTMLElement>('h2'));
    },
  };
}
