// What the panels show, as pure functions of the state and the scenario: labels, signed values, effects grouped
// by the order that caused them, relation changes between two states, triads in teaching order. No DOM here,
// so all of it is tested in Node against real engine states.
import type { Effect, GameState, OrderOption, ResolvedOrder, Triad, World } from '../engine/index';
import { relation } from '../engine/index';
import type { OrderDef, ScenarioDef, SourceRef } from '../engine/schema';
import { getLocale, m } from '../i18n';

export const MINUS = '\u2212'; // a real minus sign: wider than a hyphen, read aloud as "minus"

/** Items joined as a list in the page's language: "Iran, Iraq" (an Arabic comma in Arabic). */
export const listJoin = (items: readonly string[]): string => items.join(m.format_list_separator());

/** "+34", "−20", "0". */
export const formatSigned = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `${MINUS}${-n}` : '0');

/** The change since the last turn: "▲5", "▼3", "" for none. */
export const formatDelta = (n: number): string => (n > 0 ? `▲${n}` : n < 0 ? `▼${-n}` : '');

export type Sign = 'pos' | 'neg' | 'zero';
export const signOf = (n: number): Sign => (n > 0 ? 'pos' : n < 0 ? 'neg' : 'zero');

/** Words for a relation value, for screen readers and titles: "hostile (−65)". */
export function describeValue(n: number): string {
  const a = Math.abs(n);
  const word =
    n === 0
      ? m.format_value_neutral()
      : n > 0
        ? a >= 66
          ? m.format_value_allied()
          : a >= 33
            ? m.format_value_cooperating()
            : m.format_value_friendly()
        : a >= 66
          ? m.format_value_hostile()
          : a >= 33
            ? m.format_value_opposed()
            : m.format_value_strained();
  return m.format_value({ word, value: formatSigned(n) });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Dates in another language than English are formatted by Intl (its month names), once per language, in UTC
// so no time zone can shift the day, with Latin digits like every other number in the page.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormat = (locale: string): Intl.DateTimeFormat => {
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(`${locale}-u-nu-latn`, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(locale, f);
  }
  return f;
};

/** "2016-10-17" → "17 Oct 2016" (in English no Date: no time zone can shift the day). */
export function formatDate(iso: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!d) return iso;
  const locale = getLocale();
  if (locale !== 'en') {
    const at = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]));
    if (Number.isFinite(at) && Number(d[2]) >= 1 && Number(d[2]) <= 12) return dateFormat(locale).format(at);
  }
  return `${Number(d[3])} ${MONTHS[Number(d[2]) - 1] ?? d[2]} ${d[1]}`;
}

export const actorName = (def: ScenarioDef, id: string): string =>
  def.actors.find((a) => a.id === id)?.name ?? id;
export const actorColor = (def: ScenarioDef, id: string): string =>
  def.actors.find((a) => a.id === id)?.color ?? '#888888';
export const regionName = (def: ScenarioDef, id: string): string =>
  def.regions.find((r) => r.id === id)?.name ?? id;
export const layerName = (def: ScenarioDef, id: string): string =>
  id === 'net' ? m.format_net() : (def.layers.find((l) => l.id === id)?.name ?? id);
export const meterName = (def: ScenarioDef, id: string): string =>
  def.meters.find((meter) => meter.id === id)?.name ?? id;
export const orderName = (w: World, id: string): string => w.orders[id]?.name ?? id;

/** "A1, New Eastern Outlook" for a source id, or the id alone when the scenario does not list it. */
export function sourceLabel(def: ScenarioDef, id: string): string {
  const src = def.sources.find((s) => s.id === id);
  return src ? `${id}, ${src.outlet}` : id;
}

/** The parameters of an order, spelled out: ["Target: Iran", "Region: Mosul", "covert"]. */
export function describeParams(
  def: ScenarioDef,
  order: { target?: string; region?: string; covert?: boolean },
) {
  const out: string[] = [];
  if (order.target !== undefined) out.push(m.format_param_target({ actor: actorName(def, order.target) }));
  if (order.region !== undefined) out.push(m.format_param_region({ region: regionName(def, order.region) }));
  if (order.covert) out.push(m.format_param_covert());
  return out;
}

/** "United States: Support the Iraqi offensive (Target: Iraq · Region: Mosul)". */
export function describeOrder(
  w: World,
  order: { id: string; actor: string; target?: string; region?: string; covert?: boolean },
): string {
  const params = describeParams(w.def, order);
  const tail = params.length ? ` (${params.join(' · ')})` : '';
  return `${actorName(w.def, order.actor)}: ${orderName(w, order.id)}${tail}`;
}

export interface OrderGroup {
  index: number; // into state.orders
  order: ResolvedOrder;
  effects: Effect[];
}

/** A turn's effects grouped by the order that caused them (in resolution order), then those no order caused. */
export function groupEffects(s: GameState): { orders: OrderGroup[]; realignment: Effect[] } {
  const orders: OrderGroup[] = s.orders.map((order, index) => ({ index, order, effects: [] }));
  const realignment: Effect[] = [];
  for (const e of s.effects) {
    const group = e.order === undefined ? undefined : orders[e.order];
    if (group) group.effects.push(e);
    else realignment.push(e);
  }
  return { orders, realignment };
}

const sameSource = (a: SourceRef | undefined, b: SourceRef | undefined): boolean =>
  !!a && !!b && a.source === b.source && a.quote === b.quote && a.note === b.note;

/** For a run of effects, whether each should show its quote: not when the one before it quoted the same passage. */
export const quoteShown = (effects: readonly Effect[]): boolean[] =>
  effects.map((e, i) => !!e.source && !sameSource(e.source, effects[i - 1]?.source));

/** How much the relation of a and b in a layer (or "net") moved from one state to the next. */
export function relationDelta(
  prev: GameState | null,
  cur: GameState,
  w: World,
  a: string,
  b: string,
  layer: string,
): number {
  return prev ? relation(cur, w, a, b, layer) - relation(prev, w, a, b, layer) : 0;
}

export type Scope = 'main' | 'all';

/** The actors of the relations matrix: the playable ones and the states ("main"), or every actor. */
export const matrixActors = (def: ScenarioDef, scope: Scope): string[] =>
  def.actors.filter((a) => scope === 'all' || a.playable || a.kind === 'state').map((a) => a.id);

interface LineNode {
  state: GameState;
}

export interface PairChange {
  turn: number;
  date: string; // date of the turn's result
  effect: Effect;
  order: ResolvedOrder | null; // the order that caused it
}

/** Every effect that touched the pair in that layer (any layer that counts in "net"), newest first. */
export function pairHistory(line: readonly LineNode[], w: World, a: string, b: string, layer: string) {
  const layers =
    layer === 'net' ? new Set(w.netLayers.map((l) => w.def.layers[l]!.id)) : new Set<string>([layer]);
  const out: PairChange[] = [];
  for (const node of line) {
    const s = node.state;
    for (const e of s.effects) {
      if (e.layer === undefined || !layers.has(e.layer)) continue;
      if (!((e.a === a && e.b === b) || (e.a === b && e.b === a))) continue;
      const order = e.order === undefined ? null : (s.orders[e.order] ?? null);
      out.push({ turn: e.turn, date: s.date, effect: e, order });
    }
  }
  return out.reverse();
}

const layerRank = (w: World, layer: string): number =>
  layer === 'cross' ? 0 : layer === 'net' ? 1 : 2 + (w.layerIndex[layer] ?? 99);

/** Cross-layer contradictions first, then the net graph, then each layer; those involving `first` actors lead. */
export function sortTriads(triads: readonly Triad[], w: World, first: readonly string[] = []): Triad[] {
  const involves = (t: Triad) => (t.actors.some((a) => first.includes(a)) ? 0 : 1);
  return triads
    .map((t, i) => ({ t, i }))
    .sort(
      (x, y) =>
        layerRank(w, x.t.layer) - layerRank(w, y.t.layer) || involves(x.t) - involves(y.t) || x.i - y.i,
    )
    .map((x) => x.t);
}

export interface TriadEdge {
  a: string;
  b: string;
  values: { layer: string; value: number }[]; // one per layer for a cross triad, else the triad's own layer
}

/** The three ties of a triad with the values that make it unbalanced (the non-zero layers of a cross triad). */
export function triadEdges(s: GameState, w: World, t: Triad): TriadEdge[] {
  const [x, y, z] = t.actors;
  const layers = t.layer === 'cross' ? w.netLayers.map((l) => w.def.layers[l]!.id) : [t.layer];
  return [
    [x, y],
    [x, z],
    [y, z],
  ].map(([a, b]) => ({
    a: a!,
    b: b!,
    values: layers
      .map((layer) => ({ layer, value: relation(s, w, a!, b!, layer) }))
      // across layers only the non-zero ties count (a zero makes no contradiction)
      .filter((v) => t.layer !== 'cross' || v.value !== 0),
  }));
}

/** Scores from best to worst; equal scores share a rank. */
export function rankScores(s: GameState, w: World, actors: readonly string[] = w.actorIds) {
  const rows = actors.map((actor) => ({ actor, score: s.scores[actor] ?? 0, rank: 0 }));
  rows.sort((a, b) => b.score - a.score || w.actorIndex[a.actor]! - w.actorIndex[b.actor]!);
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1]!.score === r.score ? rows[i - 1]!.rank : i + 1));
  return rows;
}

export interface OptionGroup {
  def: OrderDef;
  options: OrderOption[]; // those matching the covert choice, when the order may be covert or not
}

/** Options grouped by order, in scenario order; `covert` says which variant to show for "optional" orders. */
export function groupOptions(options: readonly OrderOption[], covert: Record<string, boolean> = {}) {
  const groups = new Map<string, OptionGroup>();
  for (const o of options) {
    const g = groups.get(o.def.id) ?? { def: o.def, options: [] };
    groups.set(o.def.id, g);
    if (o.def.covert === 'optional' && !!o.order.covert !== !!covert[o.def.id]) continue;
    g.options.push(o);
  }
  return [...groups.values()];
}

/** Who played which order: the key of an option or pending order, stable across re-renders. */
export const orderKey = (o: {
  id: string;
  actor: string;
  target?: string;
  region?: string;
  covert?: boolean;
}) => [o.actor, o.id, o.target ?? '', o.region ?? '', o.covert ? 'covert' : ''].join('|');

/** What the live region says after a turn: "Turn 3 resolved (19 Dec 2016): …". */
export function describeTurn(s: GameState, w: World): string {
  const control = s.effects.filter((e) => e.kind === 'control').map((e) => e.text);
  const relations = s.effects.filter((e) => e.kind === 'relation').length;
  const orders = s.orders.length;
  const detail = [
    ...control,
    relations === 1
      ? m.format_relation_changes_one({ count: relations })
      : m.format_relation_changes_other({ count: relations }),
    orders === 1 ? m.format_orders_one({ count: orders }) : m.format_orders_other({ count: orders }),
  ];
  const turn = m.format_turn_resolved({
    turn: s.turn,
    date: formatDate(s.date),
    detail: detail.join(m.format_detail_separator()),
  });
  if (!s.over) return turn;
  return `${turn} ${m.format_game_over({ reason: w.def.end.text ?? m.format_end_reached() })}`;
}

/** Meters worth showing for an actor: those its definition sets, plus any that have moved off zero. */
export function shownMeters(def: ScenarioDef, s: GameState, actor: string): { id: string; value: number }[] {
  const a = def.actors.find((x) => x.id === actor);
  const st = s.actors.find((x) => x.id === actor);
  if (!st) return [];
  return def.meters
    .filter((meter) => a?.meters?.[meter.id] !== undefined || (st.meters[meter.id] ?? 0) !== 0)
    .map((meter) => ({ id: meter.id, value: st.meters[meter.id] ?? 0 }));
}
