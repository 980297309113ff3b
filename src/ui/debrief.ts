// The debrief at the end of a game (in the summary): how each score is made, the players' key decisions and
// what each did, the relations that moved most over the game, plotted turn by turn with the turns where a
// rule of the articles acted on them, and the game beside what really happened where the scenario records it. The facts are worked out without the DOM (tested); the plots are SVG
// built node by node (plots.ts), never markup.
import type { Effect, GameState, World } from '../engine/index';
import { listUnbalancedTriads, netAt, objectiveStatus, tensionPenalty, tensionScores } from '../engine/index';
import type { TreeNode } from '../session/tree';
import { el } from './dom';
import { actorColor, actorName, describeOrder, formatSigned } from './format';
import { linearScale, svg, ticks } from './plots';
import { m } from '../i18n';

/** An actor's score as the game makes it: VP banked by rules, plus the objectives met, less the tension penalty. */
export interface ScoreParts {
  banked: number;
  met: number;
  tension: number;
  penalty: number;
  total: number;
}

export function scoreParts(s: GameState, w: World, actor: string): ScoreParts {
  const banked = s.actors[w.actorIndex[actor]!]!.vp;
  const met = objectiveStatus({ s, w }, actor).reduce((sum, o) => sum + (o.met ? o.vp : 0), 0);
  const tension = tensionScores(s, w, listUnbalancedTriads(s, w, { cross: true }))[actor] ?? 0;
  const penalty = tensionPenalty(tension);
  return { banked, met, tension, penalty, total: banked + met - penalty };
}

/** "3 banked + 7 met − 2 for tension (9, a quarter rounded down) = 8". */
export const describeScore = (p: ScoreParts): string =>
  m.debrief_score({ banked: p.banked, met: p.met, penalty: p.penalty, tension: p.tension, total: p.total });

/** One order a player gave, and the largest thing it did. */
export interface Decision {
  turn: number;
  order: string; // "United States: Deny Turkish ground presence (Target: Turkey)"
  outcome: string; // "succeeded", "refused" … or ""
  consequence: string; // the effect that mattered most, in words
}

/** How much an effect changed: control and refusals first, then the size of a relation's or a meter's move. */
const size = (e: Effect): number =>
  e.kind === 'control' || e.kind === 'refusal'
    ? 1000
    : e.before !== undefined && e.after !== undefined
      ? Math.abs(e.after - e.before)
      : 0;

/** The players' orders over the line, in turn order, each with the largest effect it caused. */
export function keyDecisions(w: World, line: readonly TreeNode[]): Decision[] {
  const out: Decision[] = [];
  for (const node of line.slice(1)) {
    const s = node.state;
    s.orders.forEach((order, k) => {
      if (!node.held.includes(order.actor)) return;
      let main: Effect | undefined;
      for (const e of s.effects) if (e.order === k && (!main || size(e) > size(main))) main = e;
      out.push({
        turn: node.turn,
        order: describeOrder(w, order),
        outcome: order.outcome ?? '',
        consequence: main ? main.text : m.debrief_no_effect(),
      });
    });
  }
  return out;
}

/** A pair's net relation turn by turn, and the turns in which a rule acted on it. */
export interface PairLine {
  a: string;
  b: string;
  values: number[]; // net after each node of the line (index = position on the line)
  rules: { at: number; rule: string }[];
}

/**
 * The pairs whose net relation moved most between the start and the end of the line (those of the players'
 * actors, or of the playable powers when nobody played), at most `count`.
 */
export function movedPairs(
  w: World,
  line: readonly TreeNode[],
  actors: readonly string[],
  count = 4,
): PairLine[] {
  if (line.length < 2) return [];
  const first = line[0]!.state;
  const last = line.at(-1)!.state;
  const n = w.actorIds.length;
  const candidates: { i: number; j: number; moved: number }[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (!actors.includes(w.actorIds[i]!) && !actors.includes(w.actorIds[j]!)) continue;
      candidates.push({ i, j, moved: Math.abs(netAt(last, w, i, j) - netAt(first, w, i, j)) });
    }
  return candidates
    .sort((x, y) => y.moved - x.moved || x.i - y.i || x.j - y.j)
    .slice(0, count)
    .filter((c) => c.moved > 0)
    .map(({ i, j }) => {
      const a = w.actorIds[i]!;
      const b = w.actorIds[j]!;
      const rules: PairLine['rules'] = [];
      line.forEach((node, at) => {
        const seen = new Set<string>();
        for (const e of node.state.effects)
          if (
            e.kind === 'relation' &&
            e.rule &&
            !seen.has(e.rule) &&
            [e.a, e.b].sort().join() === [a, b].sort().join()
          ) {
            seen.add(e.rule);
            rules.push({ at, rule: e.rule });
          }
      });
      return { a, b, values: line.map((node) => netAt(node.state, w, i, j)), rules };
    });
}

/** Each plotted pair's dash pattern: lines differ in pattern as well as colour. */
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];
const dashOf = (k: number): string | null => DASHES[k % DASHES.length] || null;

/** A pair's colour: its second actor's (the first is often the player, the same on every line). */
const pairColour = (w: World, p: PairLine): string => actorColor(w.def, p.b);

/** Turns as short runs: [1, 2, 3, 5, 7, 8] → "T1–T3, T5, T7–T8". */
export function turnRuns(turns: readonly number[]): string {
  const sorted = [...new Set(turns)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(
      j > i
        ? m.debrief_turn_run({ from: sorted[i]!, to: sorted[j]! })
        : m.debrief_turn_short({ turn: sorted[i]! }),
    );
    i = j + 1;
  }
  return out.join(m.debrief_list_separator());
}

/** "R2 at T1–T8; R24c at T1, T5–T7": the rules that acted on a pair, and when. */
export function describeRules(rules: PairLine['rules']): string {
  const byRule = new Map<string, number[]>();
  for (const r of rules) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r.at]);
  return [...byRule]
    .map(([rule, at]) => m.debrief_rule_at({ rule, turns: turnRuns(at) }))
    .join(m.debrief_semicolon());
}

/** A short sample of a pair's line (its colour and dashes) for the key. */
const lineSample = (colour: string, k: number): SVGElement =>
  svg(
    'svg',
    { width: 28, height: 10, viewBox: '0 0 28 10', 'aria-hidden': 'true', class: 'line-sample' },
    svg('line', {
      x1: 1,
      x2: 27,
      y1: 5,
      y2: 5,
      stroke: colour,
      'stroke-width': 2.5,
      'stroke-dasharray': dashOf(k),
    }),
  );

const PLOT_W = 560;
const PLOT_H = 180;
const PAD = { left: 36, right: 12, top: 10, bottom: 26 };

/** The pairs' net relations over the line as lines on one −100…+100 axis, rules marked on each. */
export function relationsPlot(w: World, pairs: readonly PairLine[]): SVGElement {
  const turns = Math.max(1, ...pairs.map((p) => p.values.length - 1));
  const x = linearScale([0, turns], [PAD.left, PLOT_W - PAD.right]);
  const y = linearScale([-100, 100], [PLOT_H - PAD.bottom, PAD.top]);
  const label = pairs
    .map((p) =>
      m.debrief_plot_pair({
        a: actorName(w.def, p.a),
        b: actorName(w.def, p.b),
        from: formatSigned(p.values[0]!),
        to: formatSigned(p.values.at(-1)!),
      }),
    )
    .join(m.debrief_semicolon());
  const plot = svg('svg', {
    class: 'plot relations-plot',
    role: 'img',
    'aria-label': m.debrief_plot_label({ pairs: label }),
    viewBox: `0 0 ${PLOT_W} ${PLOT_H}`,
    width: PLOT_W,
    height: PLOT_H,
    'data-testid': 'debrief-plot',
  });
  for (const t of [-100, -66, -33, 0, 33, 66, 100]) {
    plot.appendChild(
      svg('line', {
        x1: PAD.left,
        x2: PLOT_W - PAD.right,
        y1: y(t),
        y2: y(t),
        class: t === 0 ? 'zero' : 'grid',
      }),
    );
    plot.appendChild(
      svg('text', { x: PAD.left - 4, y: y(t) + 4, 'text-anchor': 'end', class: 'tick' }, formatSigned(t)),
    );
  }
  for (const t of ticks([0, turns], Math.min(turns, 12)))
    plot.appendChild(
      svg(
        'text',
        { x: x(t), y: PLOT_H - 8, 'text-anchor': 'middle', class: 'tick' },
        m.debrief_turn_short({ turn: t }),
      ),
    );
  pairs.forEach((p, k) => {
    const colour = pairColour(w, p);
    const points = p.values.map((v, t) => `${x(t)},${y(v)}`).join(' ');
    plot.appendChild(
      svg('polyline', {
        points,
        fill: 'none',
        stroke: colour,
        'stroke-width': 2,
        'stroke-dasharray': dashOf(k),
      }),
    );
    for (const r of p.rules)
      plot.appendChild(
        svg(
          'circle',
          { cx: x(r.at), cy: y(p.values[r.at]!), r: 3.5, fill: colour, stroke: '#fff', 'stroke-width': 1 },
          svg('title', {}, m.debrief_rule_at_turn({ rule: r.rule, turn: r.at })),
        ),
      );
  });
  return plot;
}

/** A rule or an objective whose real outcome the scenario records (`ok`), and what became of it in this game. */
export interface Comparison {
  what: string; // "R16: The brokered exit …" or "Turkey: Hold the Euphrates Shield zone (take al-Bab)."
  inGame: string; // "happened at turn 3" / "did not happen" / "met at the end" / "not met at the end"
  happened: string; // the recorded outcome
}

/** This game against what happened, as far as the scenario records it. */
export function compareWithHistory(w: World, line: readonly TreeNode[]): Comparison[] {
  const last = line.at(-1)!.state;
  const out: Comparison[] = [];
  for (const rule of w.def.rules) {
    if (!rule.ok) continue;
    const at = line.findIndex((n, i) => i > 0 && n.state.effects.some((e) => e.rule === rule.id));
    out.push({
      what: `${rule.id}: ${rule.text}`,
      inGame: at > 0 ? m.debrief_happened_at({ turn: line[at]!.turn }) : m.debrief_not_happened(),
      happened: rule.ok,
    });
  }
  for (const a of w.def.actors) {
    const status = objectiveStatus({ s: last, w }, a.id);
    a.objectives.forEach((o, k) => {
      if (!o.ok) return;
      out.push({
        what: `${a.name}: ${o.text}`,
        inGame: status[k]!.met ? m.debrief_met() : m.debrief_not_met(),
        happened: o.ok,
      });
    });
  }
  return out;
}

/** The debrief's sections for the summary dialog. */
export function renderDebrief(w: World, line: readonly TreeNode[], held: readonly string[]): HTMLElement {
  const s = line.at(-1)!.state;
  const playable = w.def.actors.filter((a) => a.playable).map((a) => a.id);
  const who = held.length ? held : playable;
  const decisions = keyDecisions(w, line);
  const pairs = movedPairs(w, line, who);
  const history = compareWithHistory(w, line);
  return el(
    'div',
    { class: 'debrief', 'data-testid': 'debrief' },
    el(
      'section',
      {},
      el('h3', {}, m.debrief_scores_title()),
      el('p', { class: 'muted' }, m.debrief_scores_note()),
      el(
        'ul',
        { class: 'score-parts' },
        who.map((a) =>
          el(
            'li',
            { 'data-testid': 'score-formula', 'data-actor': a },
            el('strong', {}, actorName(w.def, a)),
            `: ${describeScore(scoreParts(s, w, a))}`,
          ),
        ),
      ),
    ),
    el(
      'section',
      {},
      el('h3', {}, m.debrief_moved_title()),
      pairs.length
        ? [
            relationsPlot(w, pairs),
            el(
              'ul',
              { class: 'plot-key' },
              pairs.map((p, k) =>
                el(
                  'li',
                  {},
                  lineSample(pairColour(w, p), k),
                  ` ${actorName(w.def, p.a)}–${actorName(w.def, p.b)}: ${formatSigned(p.values[0]!)} → ${formatSigned(p.values.at(-1)!)}`,
                  p.rules.length ? ` ${m.debrief_key_rules({ rules: describeRules(p.rules) })}` : '',
                ),
              ),
            ),
          ]
        : el('p', { class: 'muted' }, m.debrief_none_moved()),
    ),
    history.length
      ? el(
          'section',
          {},
          el('h3', {}, m.debrief_history_title()),
          el('p', { class: 'muted' }, m.debrief_history_note()),
          el(
            'ul',
            { class: 'history-compare' },
            history.map((c) =>
              el(
                'li',
                { 'data-testid': 'history-compare' },
                el('strong', {}, c.what),
                el('p', { class: 'reason' }, m.debrief_compare({ inGame: c.inGame, happened: c.happened })),
              ),
            ),
          ),
        )
      : null,
    el(
      'section',
      {},
      el('h3', {}, m.debrief_decisions_title()),
      decisions.length
        ? el(
            'ol',
            { class: 'decisions' },
            decisions.map((d) =>
              el(
                'li',
                { 'data-testid': 'decision' },
                el('strong', {}, m.debrief_decision({ turn: d.turn, order: d.order })),
                d.outcome ? ` — ${d.outcome}` : '',
                el('p', { class: 'reason' }, d.consequence),
              ),
            ),
          )
        : el('p', { class: 'muted' }, held.length ? m.debrief_no_orders() : m.debrief_nobody_played()),
    ),
  );
}
