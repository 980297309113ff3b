// Visits every condition and effect of a scenario (main line and branches) with its JSON path and its scope:
// the orders whose `$actor`, `$target` and `$region` it may use, or none outside orders. The validator's
// checks (references.ts, checks.ts, placeholders.ts, warnings.ts) share it, so none of them misses a place.
import type { Condition, Effect, OrderDef, Rule, ScenarioDef } from './schema';

/** Where a condition or effect sits: inside orders (the ones it applies to) or outside any order. */
export interface Scope {
  where: string; // "order \"dam\"", "rule \"G1\"", "a trigger", "an objective"
  orders: readonly OrderDef[] | null; // null: outside orders, where no placeholder has a value
  own: boolean; // true: the order's own requires/effects/exposure (one order); false: a gate or order rule
}

export interface Visitor {
  condition?(c: Condition, path: string, scope: Scope): void;
  effect?(e: Effect, path: string, scope: Scope): void;
}

/** An actor or region reference inside a condition or an effect. */
export interface Ref {
  path: string;
  value: string;
  kind: 'actor' | 'region';
}

const OUTSIDE = (where: string): Scope => ({ where, orders: null, own: false });

/** Every order a scenario defines, on the main line and in its branches. */
export const listAllOrders = (def: ScenarioDef): OrderDef[] => [
  ...def.orders,
  ...(def.branches ?? []).flatMap((b) => b.orders ?? []),
];

/** The orders a gate or order rule applies to: those whose id or type it names. */
export const listMatchedOrders = (names: readonly string[], orders: readonly OrderDef[]): OrderDef[] =>
  orders.filter((o) => names.includes(o.id) || names.includes(o.type));

/** Calls the visitor for a condition and every condition inside it. */
export function walkCondition(c: Condition, path: string, scope: Scope, v: Visitor): void {
  v.condition?.(c, path, scope);
  if (c.if === 'all' || c.if === 'any')
    c.of.forEach((x, i) => walkCondition(x, `${path}.of[${i}]`, scope, v));
  else if (c.if === 'not') walkCondition(c.cond, `${path}.cond`, scope, v);
}

const walkEffects = (effects: readonly Effect[], path: string, scope: Scope, v: Visitor): void =>
  effects.forEach((e, i) => v.effect?.(e, `${path}[${i}]`, scope));

function walkRule(r: Rule, path: string, orders: readonly OrderDef[], v: Visitor): void {
  const inRule = (names: string[]): Scope => ({
    where: `rule "${r.id}"`,
    orders: listMatchedOrders(names, orders),
    own: false,
  });
  switch (r.kind) {
    case 'trigger':
      walkCondition(r.when, `${path}.when`, OUTSIDE('a trigger'), v);
      return walkEffects(r.effects, `${path}.effects`, OUTSIDE('a trigger'), v);
    case 'scheduled':
      if (r.when) walkCondition(r.when, `${path}.when`, OUTSIDE('a scheduled rule'), v);
      return walkEffects(r.effects, `${path}.effects`, OUTSIDE('a scheduled rule'), v);
    case 'gate':
      return walkCondition(r.when, `${path}.when`, inRule(r.orders), v);
    case 'order':
      if (r.when) walkCondition(r.when, `${path}.when`, inRule(r.orders), v);
      return walkEffects(r.effects, `${path}.effects`, inRule(r.orders), v);
    case 'bound':
      if (r.while) walkCondition(r.while, `${path}.while`, OUTSIDE('a bound'), v);
      return;
  }
}

function walkOrder(o: OrderDef, path: string, v: Visitor): void {
  const scope: Scope = { where: `order "${o.id}"`, orders: [o], own: true };
  if (o.requires) walkCondition(o.requires, `${path}.requires`, scope, v);
  if (o.effects) walkEffects(o.effects, `${path}.effects`, scope, v);
  if (o.exposure) walkEffects(o.exposure.effects, `${path}.exposure.effects`, scope, v);
}

/** Visits every condition and effect of the scenario, its branches included. */
export function walkScenario(def: ScenarioDef, v: Visitor): void {
  const orders = listAllOrders(def);
  def.actors.forEach((a, i) =>
    a.objectives.forEach((o, j) =>
      walkCondition(o.when, `actors[${i}].objectives[${j}].when`, OUTSIDE('an objective'), v),
    ),
  );
  def.orders.forEach((o, i) => walkOrder(o, `orders[${i}]`, v));
  def.rules.forEach((r, i) => walkRule(r, `rules[${i}]`, orders, v));
  if (def.end.when) walkCondition(def.end.when, 'end.when', OUTSIDE('the end condition'), v);
  (def.branches ?? []).forEach((b, i) => {
    b.orders?.forEach((o, j) => walkOrder(o, `branches[${i}].orders[${j}]`, v));
    b.rules?.forEach((r, j) => walkRule(r, `branches[${i}].rules[${j}]`, orders, v));
  });
}

/** Every rule of the scenario with its path, branches included. */
export const listAllRules = (def: ScenarioDef): { rule: Rule; path: string }[] => [
  ...def.rules.map((rule, i) => ({ rule, path: `rules[${i}]` })),
  ...(def.branches ?? []).flatMap((b, i) =>
    (b.rules ?? []).map((rule, j) => ({ rule, path: `branches[${i}].rules[${j}]` })),
  ),
];

/** Every order of the scenario with its path, branches included. */
export const listOrdersWithPaths = (def: ScenarioDef): { order: OrderDef; path: string }[] => [
  ...def.orders.map((order, i) => ({ order, path: `orders[${i}]` })),
  ...(def.branches ?? []).flatMap((b, i) =>
    (b.orders ?? []).map((order, j) => ({ order, path: `branches[${i}].orders[${j}]` })),
  ),
];

/** The actor and region references of one condition (not of the conditions inside it). */
export function listConditionRefs(c: Condition, path: string): Ref[] {
  const actor = (value: string, key: string): Ref => ({ path: `${path}.${key}`, value, kind: 'actor' });
  const region = (value: string, key: string): Ref => ({ path: `${path}.${key}`, value, kind: 'region' });
  const opt = (value: string | undefined, make: () => Ref): Ref[] => (value === undefined ? [] : [make()]);
  switch (c.if) {
    case 'relation':
      return [actor(c.a, 'a'), actor(c.b, 'b')];
    case 'meter':
    case 'redefined':
      return [actor(c.actor, 'actor')];
    case 'control': {
      const holders = c.actor === null ? [] : Array.isArray(c.actor) ? c.actor : [c.actor];
      const key = (i: number) => (Array.isArray(c.actor) ? `actor[${i}]` : 'actor');
      return [region(c.region, 'region'), ...holders.map((a, i) => actor(a, key(i)))];
    }
    case 'presence':
      return [actor(c.actor, 'actor'), ...opt(c.region, () => region(c.region!, 'region'))];
    case 'ordered':
      return [
        ...opt(c.actor, () => actor(c.actor!, 'actor')),
        ...opt(c.target, () => actor(c.target!, 'target')),
        ...opt(c.region, () => region(c.region!, 'region')),
      ];
    case 'controlChanged':
      return [
        region(c.region, 'region'),
        ...opt(c.from, () => actor(c.from!, 'from')),
        ...opt(c.to, () => actor(c.to!, 'to')),
      ];
    case 'flag':
    case 'turn':
    case 'chance':
    case 'all':
    case 'any':
    case 'not':
      return [];
  }
}

/** The actor and region references of one effect. */
export function listEffectRefs(e: Effect, path: string): Ref[] {
  const actor = (value: string, key: string): Ref => ({ path: `${path}.${key}`, value, kind: 'actor' });
  const region = (value: string, key: string): Ref => ({ path: `${path}.${key}`, value, kind: 'region' });
  switch (e.do) {
    case 'relation':
      return [actor(e.a, 'a'), actor(e.b, 'b')];
    case 'meter':
    case 'reserve':
    case 'vp':
    case 'weight':
      return [actor(e.actor, 'actor')];
    case 'presence':
      return [actor(e.actor, 'actor'), region(e.region, 'region')];
    case 'move':
      return [actor(e.actor, 'actor'), region(e.from, 'from'), ...e.to.map((r, i) => region(r, `to[${i}]`))];
    case 'control':
      return [region(e.region, 'region'), ...(e.actor === null ? [] : [actor(e.actor, 'actor')])];
    case 'contest':
      return [region(e.region, 'region')];
    case 'unravel':
      return (e.triads ?? []).flatMap((t, i) => t.map((a, j) => actor(a, `triads[${i}][${j}]`)));
    case 'flag':
    case 'note':
      return [];
  }
}
