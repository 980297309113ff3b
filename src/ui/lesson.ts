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
    title: 'Debrief',
    what:
      'Open the game summary (it opens at the end): how each score is made, the relations that moved most, the ' +
      `players' decisions and what they did. Discuss ${questions ? `the ${questions} questions it lists` : 'what changed and why'}; ` +
      'print it (Print / Save as PDF) for the groups.',
  };
  const play = (minutes: number, from: number, to: number): Step => ({
    minutes,
    title: to >= turns ? `Play turns ${from}–${turns}` : `Play turns ${from}–${to}`,
    what:
      `About ${Math.max(1, Math.floor(minutes / Math.max(1, to - from + 1)))} minutes a turn: each group agrees its ` +
      'orders (at most two a turn), the facilitator presses End turn, and the class reads the key changes of the report.' +
      (to < turns ? ` Then press End turn until turn ${turns}: the computer plays the rest.` : ''),
  });
  if (periods === 1) {
    const playable = Math.min(turns, 6);
    return [
      [
        {
          minutes: 5,
          title: 'Situation',
          what: 'Read the briefing’s situation aloud; show the map and the two or three ties that matter.',
        },
        {
          minutes: 8,
          title: 'Roles',
          what: 'Hand out the role sheets, one power per group; each group reads what its power wants and can do.',
        },
        play(25, 1, playable),
        debrief,
      ],
    ];
  }
  const half = Math.ceil(turns / 2);
  return [
    [
      {
        minutes: 10,
        title: 'Situation',
        what: 'Read the briefing’s situation aloud; show the map, the layers and the net relation.',
      },
      {
        minutes: 10,
        title: 'Roles and glossary',
        what: 'Hand out the role sheets; go through the glossary (layer, net, triad, contradiction, tension, VP).',
      },
      play(30, 1, half),
    ],
    [
      {
        minutes: 5,
        title: 'Where we are',
        what: 'Open the History tab: what has changed since the start, and why (the report of each turn).',
      },
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

/** The words of the game, with the theory the model takes them from. */
export const GLOSSARY: { term: string; meaning: string }[] = [
  {
    term: 'Layer',
    meaning:
      'A theatre or arena in which two actors relate (e.g. Iraq, Syria, global): the same pair can cooperate in one layer and oppose each other in another.',
  },
  {
    term: 'Relation',
    meaning:
      'A value from −100 (hostile) to +100 (allied) for a pair in a layer: ±33 and ±66 mark opposed/cooperating and hostile/allied.',
  },
  {
    term: 'Net',
    meaning:
      'One value for a pair over all its layers. A warmer layer never makes the net cooler, a cooler one never makes it warmer; the Relations tab says how it is made.',
  },
  { term: 'Triad', meaning: 'Three actors and the three ties between them.' },
  {
    term: 'Balance',
    meaning:
      'The model’s theory, not the articles’: Heider’s structural balance, as Cartwright and Harary put it in graphs. A triad is balanced when the product of its three signs is positive (friends of friends are friends; an enemy’s enemy is a friend); unbalanced triads tend to settle by their weakest tie changing sign.',
  },
  {
    term: 'Contradiction',
    meaning:
      'A triad that is unbalanced across the layers: for example two actors cooperating in Iraq while their ties with a third pull opposite ways in Syria. The articles’ word; the model counts them.',
  },
  {
    term: 'Tension',
    meaning:
      'An actor’s part in contradictions, weighted by how strong the weakest tie is (1 for ±33, 3 for ±100). A quarter of it, rounded down, is taken off the score.',
  },
  {
    term: 'VP (victory points)',
    meaning:
      'What an objective is worth when its condition holds at the end, or what a rule banks. Score = VP banked + VP of objectives met − the tension penalty.',
  },
  {
    term: 'Stakes',
    meaning:
      'What an actor wants on each issue (from −3 to +3). An order that serves an actor’s stakes warms it toward the giver; one against them cools it.',
  },
  {
    term: 'Rule',
    meaning:
      'A cause the articles give, written as an effect the game applies (R3, R13, …), with the passage it rests on.',
  },
  {
    term: 'Gate',
    meaning:
      'A rule that allows an order only when a condition holds (e.g. Euphrates Shield needs Russian acquiescence).',
  },
  { term: 'Covert', meaning: 'An order given in secret: it may be exposed, at a cost.' },
  {
    term: 'Branch',
    meaning:
      'A "what if": the same scenario started from a changed situation, played beside the main line and compared with it.',
  },
  {
    term: 'Odds',
    meaning:
      'Many games played by the computer from the same point with different dice: how often each outcome happens, with the 10th–90th percentile range.',
  },
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

/** The dialog: one scenario's materials, printable. */
export function createLessonDialog(): { dialog: HTMLDialogElement; open(def: ScenarioDef): void } {
  const dialog = makeDialog('Lesson materials', { class: 'dialog lesson', 'data-testid': 'lesson' });
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
          periods === 1 ? `In one period (${PERIOD} minutes)` : `In two periods (2 × ${PERIOD} minutes)`,
        ),
        lessonPlan(def, periods).map((steps, p) =>
          el(
            'div',
            {},
            periods === 2 ? el('h4', {}, `Period ${p + 1}`) : null,
            el(
              'ol',
              {},
              steps.map((step) =>
                el('li', {}, el('strong', {}, `${step.title} (${step.minutes} min). `), step.what),
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
        el('h2', { tabindex: -1 }, `Lesson materials: ${def.title}`),
        el('p', { class: 'muted' }, `${def.end.turns} turns. ${def.end.text ?? ''}`),
        plan(1),
        plan(2),
        el(
          'section',
          {},
          el('h3', {}, 'Role sheets'),
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
                    el('p', {}, `“${r.source.quote}”`),
                    r.source.intended
                      ? el('p', { class: 'intended' }, `Intended wording: “${r.source.intended}”`)
                      : null,
                    el('footer', {}, `— ${sourceLabel(def, r.source.source)}`),
                  )
                : null,
              el('h5', {}, 'What you want (your score)'),
              el(
                'ul',
                {},
                r.objectives.map((o) => el('li', {}, `${o.text} (${formatSigned(o.vp)} VP)`)),
              ),
              r.cares.length
                ? [
                    el('h5', {}, 'What you care about'),
                    el(
                      'ul',
                      {},
                      r.cares.map((c) =>
                        el(
                          'li',
                          {},
                          `${c.stake > 0 ? 'For' : 'Against'}: ${c.issue} (${formatSigned(c.stake)})`,
                        ),
                      ),
                    ),
                  ]
                : null,
              el('h5', {}, 'What you can do'),
              el('p', {}, r.orders.join(' · ')),
              el('h5', {}, 'At the start'),
              el(
                'p',
                {},
                r.friends.length
                  ? `Closest: ${r.friends.map((t) => `${t.name} (${describeValue(t.value)})`).join(', ')}. `
                  : '',
                r.rivals.length
                  ? `Rivals: ${r.rivals.map((t) => `${t.name} (${describeValue(t.value)})`).join(', ')}.`
                  : '',
              ),
            ),
          ),
        ),
        el(
          'section',
          {},
          el('h3', {}, 'Glossary'),
          el(
            'dl',
            { class: 'glossary' },
            GLOSSARY.map((g) => [el('dt', {}, g.term), el('dd', {}, g.meaning)]),
          ),
        ),
        el(
          'section',
          { 'data-testid': 'teacher-notes' },
          el('h3', {}, 'Teacher notes: where the model departs from the articles'),
          el(
            'p',
            {},
            'The rules are one reading of the articles, each with its quote. The computer values each order of an actor ' +
              'by what it expects the order to change (its effects, the rules it sets off, how the others react) for the ' +
              'actor’s objectives, its stakes and the ties it values (what the other did for it lately included); with ' +
              'the look-ahead option it also plays two turns out for its best options. It does not know what the ' +
              'articles say happened.',
          ),
          el('h4', {}, 'Facts from outside the articles'),
          noteList(notes, 'outside'),
          el('h4', {}, 'Claims of the articles that are doubtful'),
          noteList(notes, 'doubtful'),
        ),
      ),
      dialogFooter(
        button('Close', () => dialog.close(), { 'data-testid': 'lesson-close' }),
        button('Print / Save as PDF', () => window.print(), {
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
