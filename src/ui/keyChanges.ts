// The few changes of a turn a student reads first, before the full list of effects: control of a region
// changing hands, a net relation crossing ±33 or ±66 (into cooperating or allied, opposed or hostile) or turning
// from a friendly tie into a hostile one, by MIN_MOVE points or more, a rule of the articles taking effect, and a player's order refused. Each says what caused it (the
// order, the rule or the model's balance theory) and carries the article's quote where a rule or an order rests
// on one. Worked out from the turn's state and the one before it, without the DOM.
import type { Effect, GameState, World } from '../engine/index';
import { netAt } from '../engine/index';
import type { SourceRef } from '../engine/schema';
import { actorName, describeOrder, describeValue, formatSigned, layerName } from './format';
import { m } from '../i18n';

/** At most this many key changes are shown; the rest are in "All effects". */
export const KEY_CHANGES = 8;

/** A relation that crosses a band by less than this (+33 to +31) is not a key change. */
export const MIN_MOVE = 5;

export interface KeyChange {
  kind: 'control' | 'relation' | 'rule' | 'refusal' | 'facilitator';
  text: string; // "Russia–Turkey: cooperating (+45) → allied (+68)"
  cause: string; // "mostly R3: When the US opposes …" or "United States: Deny Turkish ground presence"
  source?: SourceRef; // the article's passage the cause rests on
  weight: number; // how much it matters, for the order shown (higher first)
}

/** The band a net value is in: allied or cooperating (≥ +66, ≥ +33), hostile or opposed, or in between. */
export const band = (n: number): number => (n >= 66 ? 2 : n >= 33 ? 1 : n <= -66 ? -2 : n <= -33 ? -1 : 0);

/** Whether a tie turned from friendly into hostile or back (by 10 points or more on each side of zero). */
export const turned = (before: number, after: number): boolean =>
  (before >= 10 && after <= -10) || (before <= -10 && after >= 10);

/** What caused an effect, in words, and the passage it rests on. */
function causeOf(w: World, s: GameState, e: Effect): { cause: string; source?: SourceRef } {
  if (e.order !== undefined) {
    const order = s.orders[e.order];
    if (order) {
      const rule = e.rule ? w.rulesById[e.rule] : undefined;
      const by = rule
        ? m.key_changes_through({ order: describeOrder(w, order), rule: rule.id })
        : describeOrder(w, order);
      return { cause: by, source: e.source ?? rule?.source ?? w.orders[order.id]?.source };
    }
  }
  if (e.facilitator && !e.rule)
    return { cause: e.text.slice(e.text.indexOf('the facilitator')) || m.key_changes_facilitator() };
  if (e.rule) {
    const rule = w.rulesById[e.rule];
    return { cause: rule ? `${rule.id}: ${rule.text}` : e.rule, source: e.source ?? rule?.source };
  }
  if (e.triad)
    return {
      cause: m.key_changes_balance({ actors: e.triad.map((a) => actorName(w.def, a)).join('–') }),
    };
  return { cause: m.key_changes_other_changes(), source: e.source };
}

/** The turn's key changes, most important first, at most KEY_CHANGES. */
export function keyChanges(
  w: World,
  prev: GameState | null,
  cur: GameState,
  held: readonly string[],
): KeyChange[] {
  const out: KeyChange[] = [];
  const ruleShown = new Set<string>();

  // A player's order refused: the player needs to know first.
  for (const e of cur.effects) {
    if (e.kind !== 'refusal') continue;
    const order = e.order !== undefined ? cur.orders[e.order] : undefined;
    if (!order || !held.includes(order.actor)) continue;
    out.push({
      kind: 'refusal',
      text: e.text,
      cause: describeOrder(w, order),
      source: e.source,
      weight: 110,
    });
  }

  // What the facilitator injected into the turn, each change once (a fired event's effects: its rule, below).
  for (const e of cur.effects) {
    if (!e.facilitator || e.rule) continue;
    out.push({ kind: 'facilitator', text: e.text, cause: m.key_changes_facilitator(), weight: 105 });
  }

  // Control changing hands.
  for (const e of cur.effects) {
    if (e.kind !== 'control') continue;
    const { cause, source } = causeOf(w, cur, e);
    if (e.rule) ruleShown.add(e.rule);
    out.push({ kind: 'control', text: e.text, cause, source, weight: 100 });
  }

  // Net relations that crossed into another band, the largest move first; the cause is the single effect
  // that moved the pair most this turn.
  if (prev) {
    const n = w.actorIds.length;
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const before = netAt(prev, w, i, j);
        const after = netAt(cur, w, i, j);
        const flipped = turned(before, after);
        if ((band(before) === band(after) && !flipped) || Math.abs(after - before) < MIN_MOVE) continue;
        const a = w.actorIds[i]!;
        const b = w.actorIds[j]!;
        let main: Effect | undefined;
        for (const e of cur.effects) {
          if (e.kind !== 'relation' || !((e.a === a && e.b === b) || (e.a === b && e.b === a))) continue;
          const move = Math.abs((e.after ?? 0) - (e.before ?? 0));
          if (!main || move > Math.abs((main.after ?? 0) - (main.before ?? 0))) main = e;
        }
        const why = main ? causeOf(w, cur, main) : { cause: m.key_changes_other_changes() };
        if (main?.rule) ruleShown.add(main.rule);
        out.push({
          kind: 'relation',
          text: `${actorName(w.def, a)}–${actorName(w.def, b)}: ${describeValue(before)} → ${describeValue(after)}`,
          cause: main
            ? m.key_changes_mostly({
                cause: why.cause,
                layer: layerName(w.def, main.layer ?? ''),
                before: formatSigned(main.before ?? 0),
                after: formatSigned(main.after ?? 0),
              })
            : why.cause,
          source: why.source,
          weight: 50 + (flipped ? 25 : 0) + Math.min(20, Math.abs(after - before)),
        });
      }
  }

  // Rules of the articles that took effect this turn (each once): those a player's order set off first, then
  // those new this turn, then those that act every turn.
  const firedBefore = new Set((prev?.effects ?? []).flatMap((e) => (e.rule ? [e.rule] : [])));
  for (const e of cur.effects) {
    if (!e.rule || ruleShown.has(e.rule) || e.kind === 'refusal') continue;
    ruleShown.add(e.rule);
    const rule = w.rulesById[e.rule];
    if (!rule) continue;
    const order = e.order !== undefined ? cur.orders[e.order] : undefined;
    out.push({
      kind: 'rule',
      text: `${rule.id}: ${rule.text}`,
      cause: e.facilitator
        ? m.key_changes_facilitator_fired()
        : order
          ? describeOrder(w, order)
          : rule.kind === 'scheduled'
            ? m.key_changes_calendar()
            : m.key_changes_condition(),
      source: rule.source ?? e.source,
      weight: e.facilitator
        ? 105
        : order && held.includes(order.actor)
          ? 80
          : firedBefore.has(rule.id)
            ? 20
            : 40,
    });
  }

  return out
    .map((k, i) => ({ k, i }))
    .sort((x, y) => y.k.weight - x.k.weight || x.i - y.i)
    .slice(0, KEY_CHANGES)
    .map((x) => x.k);
}
