// How one effect, one quote and one order read in the report, the log and "Why did this change?". Quotes are
// the articles' words, set as text with their source; a doubtful claim carries the scenario's note.
import type { Bus } from '../events/bus';
import type { Effect, ResolvedOrder, World } from '../engine/index';
import type { SourceRef } from '../engine/schema';
import { button, el } from './dom';
import { describeOrder, formatDate, quoteShown, regionName, sourceLabel } from './format';
import { m } from '../i18n';

/** The quoted passage: “…” — A1, New Eastern Outlook; with the intended wording of spun text and a note. */
export function renderQuote(w: World, source: SourceRef): HTMLElement {
  return el(
    'blockquote',
    { class: 'quote', 'data-testid': 'log-quote' },
    el('p', {}, `“${source.quote}”`),
    source.intended ? el('p', { class: 'intended' }, m.effects_intended({ text: source.intended })) : null,
    el('footer', {}, `— ${sourceLabel(w.def, source.source)}`),
    source.note ? el('p', { class: 'note' }, m.effects_note({ note: source.note })) : null,
  );
}

/** The rule badge: its id, with the rule's text for those who hover or use a screen reader. */
export function renderRule(w: World, ruleId: string): HTMLElement {
  const rule = w.rulesById[ruleId];
  return el('span', { class: 'rule', title: rule ? `${ruleId}: ${rule.text}` : ruleId }, ruleId);
}

/** One effect: its plain-language text, its rule, and its quote unless the effect before gave the same one. */
export function renderEffect(w: World, bus: Bus, e: Effect, showQuote = !!e.source): HTMLLIElement {
  const region = e.kind === 'control' && e.region ? e.region : null;
  return el(
    'li',
    { class: `effect effect-${e.kind}`, 'data-testid': 'log-effect' },
    el(
      'p',
      {},
      e.rule ? renderRule(w, e.rule) : null,
      e.rule ? ' ' : null,
      e.text,
      region
        ? button(
            m.effects_show_region({ region: regionName(w.def, region) }),
            () => bus.emit('view/region', { region }),
            {
              class: 'link',
            },
          )
        : null,
    ),
    showQuote && e.source ? renderQuote(w, e.source) : null,
  );
}

/** A list of effects, quoting each passage once per run. */
export function renderEffects(w: World, bus: Bus, effects: readonly Effect[]): HTMLUListElement {
  const shown = quoteShown(effects);
  return el(
    'ul',
    { class: 'effects' },
    effects.map((e, i) => renderEffect(w, bus, e, shown[i])),
  );
}

/** Who gave an order and why: the AI's reason (unless the facilitator hides it), or that a player gave it. */
export function renderOrderLine(
  w: World,
  order: ResolvedOrder,
  byPlayer: boolean,
  showReason = true,
): HTMLElement {
  return el(
    'div',
    { class: 'order-line' },
    el('strong', {}, describeOrder(w, order)),
    order.outcome ? el('span', { class: `outcome outcome-${order.outcome}` }, ` — ${order.outcome}`) : null,
    el(
      'p',
      { class: 'reason' },
      byPlayer
        ? m.effects_by_player()
        : !showReason
          ? m.effects_by_ai_hidden()
          : order.reason
            ? m.effects_why_ai({ reason: order.reason })
            : m.effects_by_ai(),
    ),
  );
}

/** "Turn 3 · 19 Dec 2016". */
export const turnLabel = (turn: number, date: string): string =>
  m.effects_turn_label({ turn, date: formatDate(date) });
