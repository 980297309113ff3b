// The differences between two nodes as tables: control, scores, relations per layer (net first), meters, and
// the contradictions only one side has. Each row that has causes opens a "why" with the effects along each
// line that touched it; values carry sign symbols as well as blue/orange, so sign never rests on colour.
import type { Cause, ExplainedDiff } from '../engine/compare';
import type { ScenarioDef } from '../engine/schema';
import { button, el, setChildren } from './dom';
import {
  actorColor,
  actorName,
  describeValue,
  formatSigned,
  layerName,
  meterName,
  MINUS,
  regionName,
  signOf,
} from './format';
import { m } from '../i18n';

/** A number with a real minus sign. */
const plain = (n: number) => (n < 0 ? `${MINUS}${-n}` : String(n));

const signed = (n: number, words = describeValue(n)) =>
  el('span', { class: `sign ${signOf(n)}`, title: words }, formatSigned(n));

/** "▲ +5" in blue or "▼ −5" in orange: the right side minus the left. */
const delta = (n: number) =>
  el('span', { class: `sign ${signOf(n)}` }, `${n > 0 ? '▲' : n < 0 ? '▼' : ''} ${formatSigned(n)}`);

const sameCause = (a: Cause, b: Cause) => a.turn === b.turn && a.text === b.text && a.rule === b.rule;

const causeItem = (c: Cause) =>
  el(
    'li',
    {},
    el('span', { class: 'when' }, m.differences_turn({ turn: c.turn })),
    c.rule ? el('span', { class: 'rule' }, c.rule) : null,
    ` ${c.text}`,
    c.source ? el('span', { class: 'src' }, ` [${c.source}]`) : null,
  );

/** Each line's own effects side by side; those both lines share (before they parted) folded away below. */
function renderCauses(causes: { left: Cause[]; right: Cause[] }): HTMLElement {
  const shared = causes.left.filter((c) => causes.right.some((o) => sameCause(o, c)));
  const own = (list: Cause[]) => list.filter((c) => !shared.some((o) => sameCause(o, c)));
  const side = (title: string, list: Cause[]) =>
    el(
      'div',
      {},
      el('h5', {}, title),
      list.length
        ? el('ol', { class: 'causes' }, list.map(causeItem))
        : el(
            'p',
            { class: 'muted' },
            shared.length ? m.differences_nothing_else() : m.differences_nothing_touched(),
          ),
    );
  return el(
    'div',
    { class: 'why-sides', 'data-testid': 'compare-why-list' },
    side(m.differences_only_left(), own(causes.left)),
    side(m.differences_only_right(), own(causes.right)),
    shared.length
      ? el(
          'details',
          { class: 'shared-causes' },
          el(
            'summary',
            {},
            shared.length === 1
              ? m.differences_shared_one({ count: shared.length })
              : m.differences_shared_other({ count: shared.length }),
          ),
          el('ol', { class: 'causes' }, shared.map(causeItem)),
        )
      : null,
  );
}

/** A difference row plus its hidden "why" row, filled when opened. */
function diffRows(cells: HTMLElement[], causes: { left: Cause[]; right: Cause[] } | undefined, props = {}) {
  const why = el('tr', { class: 'why-row', hidden: true }, el('td', { colspan: cells.length + 1 }));
  const toggle = causes
    ? button(
        m.differences_why(),
        () => {
          const open = why.hidden;
          why.hidden = !open;
          toggle!.setAttribute('aria-expanded', String(open));
          if (open && !why.firstChild!.firstChild)
            setChildren(why.firstChild as HTMLElement, renderCauses(causes));
        },
        { class: 'link', 'data-testid': 'compare-why', 'aria-expanded': 'false' },
      )
    : null;
  return el('tbody', {}, el('tr', props, cells, el('td', {}, toggle)), why);
}

const table = (caption: string, heads: string[], rows: HTMLElement[]) =>
  el(
    'table',
    { class: 'diff' },
    el('caption', {}, caption),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        heads.map((h) => el('th', { scope: 'col' }, h)),
        el('td', {}),
      ),
    ),
    rows,
  );

const controller = (def: ScenarioDef, id: string | null) =>
  id
    ? el(
        'span',
        {},
        el('span', { class: 'swatch', style: `background:${actorColor(def, id)}` }),
        actorName(def, id),
      )
    : el('span', { class: 'muted' }, m.differences_nobody());

export function renderDiff(def: ScenarioDef, diff: ExplainedDiff): HTMLElement[] {
  const causes = (key: string) => diff.causes.find((c) => c.key === key);
  const td = (...c: (Node | string)[]) => el('td', {}, ...c);
  const out: HTMLElement[] = [];
  if (diff.control.length)
    out.push(
      table(
        m.differences_control(),
        [m.differences_region(), m.differences_left(), m.differences_right()],
        diff.control.map((c) =>
          diffRows(
            [
              el('th', { scope: 'row' }, regionName(def, c.region)),
              td(controller(def, c.left)),
              td(controller(def, c.right)),
            ],
            causes(`control:${c.region}`),
            {
              'data-testid': 'compare-control',
              'data-region': c.region,
              'data-left': c.left ?? '',
              'data-right': c.right ?? '',
            },
          ),
        ),
      ),
    );
  if (diff.scores.length)
    out.push(
      table(
        m.differences_scores(),
        [m.differences_actor(), m.differences_left(), m.differences_right(), m.differences_change()],
        diff.scores.map((s) =>
          diffRows(
            [
              el('th', { scope: 'row' }, actorName(def, s.actor)),
              td(plain(s.left)),
              td(plain(s.right)),
              td(delta(s.delta)),
            ],
            undefined,
            {
              'data-testid': 'compare-score',
              'data-actor': s.actor,
            },
          ),
        ),
      ),
    );
  const layers = ['net', ...def.layers.map((l) => l.id)];
  for (const layer of layers) {
    const rows = diff.relations
      .filter((r) => r.layer === layer)
      .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
    if (!rows.length) continue;
    out.push(
      table(
        m.differences_relations({ layer: layerName(def, layer), count: rows.length }),
        [m.differences_pair(), m.differences_left(), m.differences_right(), m.differences_change()],
        rows.map((r) =>
          diffRows(
            [
              el('th', { scope: 'row' }, `${actorName(def, r.a)} – ${actorName(def, r.b)}`),
              td(signed(r.left)),
              td(signed(r.right)),
              td(delta(r.delta)),
            ],
            causes(`relation:${r.a}|${r.b}|${r.layer}`),
            {
              'data-testid': 'compare-relation',
              'data-a': r.a,
              'data-b': r.b,
              'data-layer': r.layer,
              'data-left': r.left,
              'data-right': r.right,
            },
          ),
        ),
      ),
    );
  }
  if (diff.meters.length)
    out.push(
      table(
        m.differences_meters(),
        [
          m.differences_actor(),
          m.differences_meter(),
          m.differences_left(),
          m.differences_right(),
          m.differences_change(),
        ],
        diff.meters.map((x) =>
          diffRows(
            [
              el('th', { scope: 'row' }, actorName(def, x.actor)),
              td(meterName(def, x.meter)),
              td(plain(x.left)),
              td(plain(x.right)),
              td(delta(x.delta)),
            ],
            causes(`meter:${x.actor}|${x.meter}`),
            { 'data-testid': 'compare-meter', 'data-actor': x.actor, 'data-meter': x.meter },
          ),
        ),
      ),
    );
  for (const side of ['left', 'right'] as const) {
    const triads = diff.triads.filter((t) => t.side === side);
    if (!triads.length) continue;
    out.push(
      el(
        'section',
        { class: 'triads-only' },
        el(
          'h3',
          {},
          side === 'left'
            ? m.differences_triads_left({ count: triads.length })
            : m.differences_triads_right({ count: triads.length }),
        ),
        el(
          'ul',
          {},
          triads.map((t) =>
            el(
              'li',
              { 'data-testid': 'compare-triad', 'data-side': side, 'data-actors': t.actors.join(',') },
              t.actors.map((a) => actorName(def, a)).join(' – '),
              el(
                'span',
                { class: 'tag' },
                t.layer === 'cross' ? m.differences_across_layers() : layerName(def, t.layer),
              ),
            ),
          ),
        ),
      ),
    );
  }
  return out;
}
