// The odds of one or two runs drawn side by side: relation ranges of the pairs that matter most, score ranges,
// control of each region as stacked bars in the actors' colours, and the contradictions left at the end. Each
// plot has its numbers beside it as a table (what a screen reader reads; what anyone can check).
import type { PlayoutSummary } from '../engine/playout';
import type { ScenarioDef } from '../engine/schema';
import { el } from './dom';
import { actorColor, actorName, formatSigned, layerName } from './format';
import { controlRows, extent, formatMean, keyPairs, percent, scoreRows } from './oddsRows';
import type { Range, RangeRow } from './plots';
import { niceDomain, rangePlot, RUN_STYLES, stackPlot } from './plots';
import { m } from '../i18n';

const RUN_MARK = ['●', '◆'];

const rangeText = (r: Range | null) =>
  r
    ? m.odds_result_range({ mean: formatMean(r.mean), low: formatSigned(r.p10), high: formatSigned(r.p90) })
    : '—';

function rangeTable(caption: string, head: string, rows: RangeRow[], names: string[]): HTMLElement {
  return el(
    'table',
    { class: 'numbers' },
    el('caption', { class: 'sr-only' }, caption),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, head),
        names.map((n, i) =>
          el('th', { scope: 'col', title: n }, m.odds_result_mean_head({ mark: RUN_MARK[i]! })),
        ),
      ),
    ),
    el(
      'tbody',
      {},
      rows.map((r) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, r.label),
          r.runs.map((x) => el('td', {}, rangeText(x))),
        ),
      ),
    ),
  );
}

/** The legend naming each run with its colour, fill and marker. */
function legend(names: string[], playouts: number, seeds: [number, number]): HTMLElement {
  return el(
    'div',
    { class: 'odds-legend' },
    names.map((n, i) =>
      el(
        'p',
        { class: `run run-${i}` },
        el(
          'span',
          { class: 'mark', 'aria-hidden': 'true', style: `color:${RUN_STYLES[i]!.colour}` },
          RUN_MARK[i],
        ),
        el('span', { class: `key key-${i}`, 'aria-hidden': 'true' }),
        el('strong', {}, `${i === 0 ? m.odds_result_first() : m.odds_result_second()} `),
        n,
        el('span', { class: 'muted' }, ` — ${RUN_STYLES[i]!.words()}`),
      ),
    ),
    el(
      'p',
      { class: 'muted' },
      names.length > 1
        ? m.odds_result_legend_both({ playouts, first: seeds[0], last: seeds[1] })
        : m.odds_result_legend({ playouts, first: seeds[0], last: seeds[1] }),
    ),
  );
}

export function renderOddsResult(def: ScenarioDef, runs: PlayoutSummary[], names: string[]): HTMLElement {
  const first = runs[0]!;
  const pairs = keyPairs(def, runs);
  const scores = scoreRows(def, runs);
  const control = controlRows(def, runs);
  const biggest = pairs.reduce<(typeof pairs)[number] | null>(
    (best, p) => (!best || p.difference > best.difference ? p : best),
    null,
  );
  const pairSummary =
    runs.length > 1 && biggest && biggest.difference > 0
      ? m.odds_result_largest({
          a: actorName(def, biggest.a),
          b: actorName(def, biggest.b),
          first: formatMean(biggest.runs[0]!.mean),
          second: formatMean(biggest.runs[1]?.mean ?? 0),
        })
      : m.odds_result_pairs();
  const [lo, hi] = extent(scores);
  const scoreDomain = niceDomain(Math.min(0, lo), Math.max(0, hi), 5);
  const actorsSeen = [...new Set(control.flatMap((r) => r.bars.flatMap((b) => b.parts.map((p) => p.key))))];
  const triads = runs.length
    ? [...new Set(runs.flatMap((r) => r.unbalanced.map((t) => `${t.actors.join(',')}|${t.layer}`)))]
        .map((key) => {
          const fractions = runs.map(
            (r) => r.unbalanced.find((t) => `${t.actors.join(',')}|${t.layer}` === key)?.fraction ?? 0,
          );
          const [actors, layer] = key.split('|') as [string, string];
          return {
            actors: actors.split(','),
            layer,
            fractions,
            spread: Math.max(...fractions) - Math.min(...fractions),
          };
        })
        .sort((x, y) => y.spread - x.spread || y.fractions[0]! - x.fractions[0]!)
        .slice(0, 8)
    : [];
  return el(
    'section',
    {
      class: 'odds-result',
      'data-testid': 'odds-result',
      'data-playouts': first.playouts,
      'data-runs': runs.length,
    },
    legend(names, first.playouts, first.seeds),
    el('h3', {}, m.odds_result_relations_heading()),
    el('p', { class: 'plot-summary' }, pairSummary),
    el(
      'div',
      { class: 'plot-row' },
      rangePlot(pairs, [-100, 100], m.odds_result_relations_plot({ summary: pairSummary })),
      rangeTable(m.odds_result_relations_caption(), m.odds_result_pair(), pairs, names),
    ),
    el('h3', {}, m.odds_result_scores()),
    el(
      'div',
      { class: 'plot-row' },
      rangePlot(scores, scoreDomain, m.odds_result_scores_plot()),
      rangeTable(m.odds_result_scores(), m.odds_result_actor(), scores, names),
    ),
    el('h3', {}, m.odds_result_control_heading()),
    el('p', { class: 'plot-summary' }, m.odds_result_control_summary()),
    el(
      'ul',
      { class: 'swatches' },
      actorsSeen.map((k) =>
        el(
          'li',
          {},
          el('span', {
            class: k === 'none' ? 'swatch none' : 'swatch',
            style: k === 'none' ? null : `background:${actorColor(def, k)}`,
          }),
          k === 'none' ? m.odds_result_nobody() : `${k} ${actorName(def, k)}`,
        ),
      ),
    ),
    el(
      'div',
      { class: 'plot-row' },
      stackPlot(control, m.odds_result_control(), runs.length > 1 ? RUN_MARK : []),
      el(
        'table',
        { class: 'numbers' },
        el('caption', { class: 'sr-only' }, m.odds_result_control()),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, m.odds_result_region()),
            names.map((n, i) => el('th', { scope: 'col', title: n }, RUN_MARK[i])),
          ),
        ),
        el(
          'tbody',
          {},
          control.map((r) =>
            el(
              'tr',
              { 'data-region': r.region },
              el('th', { scope: 'row' }, r.label),
              r.bars.map((b) =>
                el(
                  'td',
                  {},
                  b.parts
                    .filter((p) => p.fraction > 0)
                    .map((p) => `${p.key === 'none' ? m.odds_result_nobody() : p.key} ${percent(p.fraction)}`)
                    .join(', '),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
    triads.length
      ? el(
          'section',
          {},
          el('h3', {}, m.odds_result_triads()),
          el(
            'ul',
            { class: 'odds-triads' },
            triads.map((t) =>
              el(
                'li',
                {},
                `${t.actors.map((a) => actorName(def, a)).join(' – ')} `,
                el(
                  'span',
                  { class: 'tag' },
                  t.layer === 'cross' ? m.odds_result_across_layers() : layerName(def, t.layer),
                ),
                m.odds_result_triad_share({
                  shares: t.fractions.map((f, i) => `${RUN_MARK[i]} ${percent(f)}`).join(', '),
                }),
              ),
            ),
          ),
        )
      : null,
  );
}
