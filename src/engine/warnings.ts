// Warnings: things a scenario may legally do but that are likely mistakes — a trigger that repeats every turn
// without saying so, flags nothing uses, forces that jump between regions that do not touch, refusals that
// show raw conditions, rules that match more (or fewer) orders than their names suggest, tests that never hold.
import type { Findings } from './review';
import type { Condition, Effect, Rule, ScenarioDef } from './schema';
import { ORDER_TYPES } from './schema';
import {
  listAllOrders,
  listAllRules,
  listOrdersWithPaths,
  walkCondition,
  walkScenario,
} from './scenarioWalk';

/** Runs every warning check into `out.warnings`. */
export function checkLikelyMistakes(def: ScenarioDef, out: Findings): void {
  const warn = (path: string, message: string) => out.warnings.push({ path, message });
  warnRepeatingTriggers(def, warn);
  warnUnusedFlags(def, warn);
  warnDistantMoves(def, warn);
  warnRawRefusals(def, warn);
  warnRuleOrderNames(def, warn);
  warnImpossibleTests(def, warn);
}

type Warn = (path: string, message: string) => void;

/** Whether a condition holds only on the turn something happens (an order, a capture, a roll, one turn). */
export function isEventCondition(c: Condition): boolean {
  switch (c.if) {
    case 'ordered':
    case 'controlChanged':
    case 'chance':
      return true;
    case 'turn':
      return c.atLeast !== undefined && c.atLeast === c.atMost;
    case 'all':
      return c.of.some(isEventCondition);
    case 'any':
      return c.of.length > 0 && c.of.every(isEventCondition);
    default:
      return false;
  }
}

/** What a condition reads and an effect writes, as keys: "flag|x", "meter|A|m", "rel|A|B", "region|r", "forces|A". */
function readsOf(c: Condition): Set<string> {
  const keys = new Set<string>();
  const pair = (a: string, b: string) => (a < b ? `rel|${a}|${b}` : `rel|${b}|${a}`);
  walkCondition(
    c,
    '',
    { where: '', orders: null, own: false },
    {
      condition(x) {
        if (x.if === 'flag') keys.add(`flag|${x.flag}`);
        if (x.if === 'meter') keys.add(`meter|${x.actor}|${x.meter}`);
        if (x.if === 'relation') keys.add(pair(x.a, x.b));
        if (x.if === 'presence') keys.add(`forces|${x.actor}`);
        if (x.if === 'control') keys.add(`region|${x.region}`);
      },
    },
  );
  return keys;
}

function writesOf(e: Effect): string[] {
  switch (e.do) {
    case 'flag':
      return [`flag|${e.flag}`];
    case 'meter':
      return [`meter|${e.actor}|${e.meter}`];
    case 'relation':
      return [e.a < e.b ? `rel|${e.a}|${e.b}` : `rel|${e.b}|${e.a}`];
    case 'presence':
    case 'move':
      return [`forces|${e.actor}`];
    case 'control':
      return [`region|${e.region}`];
    default:
      return [];
  }
}

/** Effects that add up when repeated (setting a value or a holder twice changes nothing more). */
const accumulates = (e: Effect): boolean =>
  !(
    ((e.do === 'meter' || e.do === 'flag') && e.set !== undefined) ||
    e.do === 'control' ||
    e.do === 'contest' ||
    e.do === 'weight'
  );

/**
 * A trigger that leaves `once` out, whose condition can hold turn after turn (no order, capture, roll or single
 * turn in it), with effects that add up and touch nothing the condition reads (so nothing stops it).
 */
function warnRepeatingTriggers(def: ScenarioDef, warn: Warn): void {
  for (const { rule, path } of listAllRules(def)) {
    if (rule.kind !== 'trigger' || rule.once !== undefined || isEventCondition(rule.when)) continue;
    const adding = rule.effects.filter(accumulates);
    if (!adding.length) continue;
    const reads = readsOf(rule.when);
    if (rule.effects.some((e) => writesOf(e).some((k) => reads.has(k)))) continue; // it may stop itself
    warn(
      path,
      `trigger "${rule.id}" has no "once" and its condition can hold turn after turn, so its effects ` +
        `(${adding.map(describeEffect).join(', ')}) repeat every turn it holds: add "once": true to fire it ` +
        'once, or "once": false to say that it repeats on purpose',
    );
  }
}

/** A short name of an effect for messages: "relation US–TUR IQ -2". */
function describeEffect(e: Effect): string {
  const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);
  switch (e.do) {
    case 'relation':
      return `relation ${e.a}–${e.b} ${e.layer} ${signed(e.delta)}`;
    case 'meter':
      return `${e.actor} ${e.meter} ${signed(e.delta ?? 0)}`;
    case 'flag':
      return `flag ${e.flag} ${signed(e.delta ?? 0)}`;
    case 'presence':
      return `${e.actor} forces in ${e.region} ${signed(e.delta)}`;
    case 'reserve':
    case 'vp':
      return `${e.actor} ${e.do} ${signed(e.delta)}`;
    default:
      return e.do;
  }
}

/**
 * Declared flags that no condition or effect names. (A flag effects set but nothing reads is allowed: the
 * shipped scenarios keep such flags as records of what happened, shown in the turn report.)
 */
function warnUnusedFlags(def: ScenarioDef, warn: Warn): void {
  const used = new Set<string>();
  walkScenario(def, {
    condition: (c) => c.if === 'flag' && used.add(c.flag),
    effect: (e) => e.do === 'flag' && used.add(e.flag),
  });
  for (const flag of Object.keys(def.flags ?? {}))
    if (!used.has(flag))
      warn(
        `flags.${flag}`,
        `flag "${flag}" is declared but no condition or effect uses it: remove it, or use it`,
      );
}

/** `move` effects whose destinations are not neighbours of the region the forces leave. */
function warnDistantMoves(def: ScenarioDef, warn: Warn): void {
  const neighbours = new Map(def.regions.map((r) => [r.id, r.neighbours] as const));
  walkScenario(def, {
    effect(e, path) {
      if (e.do !== 'move' || e.from.startsWith('$')) return;
      const next = neighbours.get(e.from);
      if (!next) return;
      if (e.to.includes(e.from))
        warn(`${path}.to`, `"${e.from}" is the region the forces leave: remove it from "to"`);
      const far = e.to.filter(
        (to) => to !== e.from && !to.startsWith('$') && neighbours.has(to) && !next.includes(to),
      );
      if (!far.length) return;
      const names = far.map((x) => `"${x}"`).join(', ');
      warn(
        `${path}.to`,
        `${names} ${far.length === 1 ? 'is not a neighbour' : 'are not neighbours'} of "${e.from}" (its ` +
          `neighbours: ${next.join(', ') || 'none'}), so the forces jump there in one turn: if the regions ` +
          "touch, list each in the other's neighbours; a relocation across the map is legal, and then this " +
          'warning is only a reminder',
      );
    },
  });
}

/** An order with `requires` and no `refusal`: the player would read the raw condition, ids and all. */
function warnRawRefusals(def: ScenarioDef, warn: Warn): void {
  for (const { order, path } of listOrdersWithPaths(def))
    if (order.requires && order.refusal === undefined)
      warn(
        `${path}.refusal`,
        `order "${order.id}" has "requires" but no "refusal", so a refused player reads the condition ` +
          'spelled out with ids and placeholders: add a "refusal" that says why in plain words',
      );
}

/** A gate's or order rule's `orders` entry that is both an order id and a type, or a type no order has. */
function warnRuleOrderNames(def: ScenarioDef, warn: Warn): void {
  const orders = listAllOrders(def);
  const types = ORDER_TYPES as readonly string[];
  for (const { rule, path } of listAllRules(def)) {
    if (rule.kind !== 'gate' && rule.kind !== 'order') continue;
    rule.orders.forEach((name, i) => {
      if (!types.includes(name)) return;
      const ofType = orders.filter((o) => o.type === name).map((o) => o.id);
      if (!ofType.length)
        warn(
          `${path}.orders[${i}]`,
          `no order has the type "${name}", so ${kindName(rule)} never applies to one`,
        );
      else if (orders.some((o) => o.id === name) && ofType.some((x) => x !== name))
        warn(
          `${path}.orders[${i}]`,
          `"${name}" is both an order id and an order type, so ${kindName(rule)} applies to every ${name} ` +
            `order (${ofType.join(', ')}), not only to the order "${name}": if only that order is meant, ` +
            'give it another id',
        );
    });
  }
}

const kindName = (r: Rule): string => `${r.kind === 'gate' ? 'gate' : 'order rule'} "${r.id}"`;

/** Conditions that can never hold (atLeast above atMost, a meter or relation outside its range), and `set` outside a meter's range. */
function warnImpossibleTests(def: ScenarioDef, warn: Warn): void {
  const meters = new Map(def.meters.map((m) => [m.id, m] as const));
  walkScenario(def, {
    condition(c, path) {
      if (!('atLeast' in c) && !('atMost' in c)) return;
      const { atLeast, atMost } = c as { atLeast?: number; atMost?: number };
      if (atLeast !== undefined && atMost !== undefined && atLeast > atMost)
        return warn(
          path,
          `atLeast ${atLeast} is above atMost ${atMost}, so this never holds: swap them or fix one`,
        );
      const range =
        c.if === 'meter' ? meters.get(c.meter) : c.if === 'relation' ? { min: -100, max: 100 } : undefined;
      if (!range) return;
      const what =
        c.if === 'meter' ? `meter "${c.meter}" (${range.min}…${range.max})` : 'a relation (-100…100)';
      if (atLeast !== undefined && atLeast > range.max)
        warn(
          `${path}.atLeast`,
          `atLeast ${atLeast} is above the highest value of ${what}, so this never holds`,
        );
      if (atMost !== undefined && atMost < range.min)
        warn(`${path}.atMost`, `atMost ${atMost} is below the lowest value of ${what}, so this never holds`);
    },
    effect(e, path) {
      if (e.do !== 'meter' || e.set === undefined) return;
      const m = meters.get(e.meter);
      if (m && (e.set < m.min || e.set > m.max))
        warn(
          `${path}.set`,
          `${e.set} is outside meter "${m.id}"'s range ${m.min}…${m.max}, so the meter is set to ` +
            `${e.set < m.min ? m.min : m.max} instead: set a value within the range`,
        );
    },
  });
}
