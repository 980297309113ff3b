// Cross-references of a scenario: after the shape is valid, every id it names must exist (placeholders such as
// `$actor` are checked in placeholders.ts). Messages carry the JSON path and list the ids that do exist.
import { needsRegions, needsTargets } from './orderTypes';
import type { Problem } from './scenario';
import type { Condition, Effect, OrderDef, ScenarioDef } from './schema';
import { ORDER_TYPES } from './schema';
import { listAllOrders, listConditionRefs, listEffectRefs, walkScenario } from './scenarioWalk';

const SHOWN = 12; // ids listed in a message before "…"

/** `(known: a, b, c)`, the first ids only: what a message about an unknown id offers instead. */
export function listKnown(what: string, ids: Iterable<string>): string {
  const all = [...ids];
  if (!all.length) return `(the scenario has no ${what})`;
  const shown = all.slice(0, SHOWN).join(', ');
  return `(${what}: ${shown}${all.length > SHOWN ? `, … ${all.length - SHOWN} more` : ''})`;
}

/** Every id a scenario refers to must exist (actors, regions, layers, meters, issues, orders, rules, objectives). */
export function checkReferences(def: ScenarioDef): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const ids = {
    actors: new Set(def.actors.map((a) => a.id)),
    regions: new Set(def.regions.map((r) => r.id)),
    layers: new Set(def.layers.map((l) => l.id)),
    meters: new Set(def.meters.map((m) => m.id)),
    issues: new Set((def.issues ?? []).map((i) => i.id)),
    arenas: new Set((def.arenas ?? []).map((a) => a.id)),
    orders: new Set(listAllOrders(def).map((o) => o.id)),
    mainOrders: new Set(def.orders.map((o) => o.id)),
    rules: new Set(def.rules.map((r) => r.id)),
    objectives: new Set(def.actors.flatMap((a) => a.objectives.map((o) => o.id))),
  };

  checkUnique(def, add);
  const exists = (set: Set<string>, what: string, singular: string) => (x: string, path: string) => {
    if (!set.has(x)) add(path, `unknown ${singular} "${x}" ${listKnown(what, set)}`);
  };
  const actor = exists(ids.actors, 'actors', 'actor');
  const region = exists(ids.regions, 'regions', 'region');
  const meter = exists(ids.meters, 'meters', 'meter');
  const issue = exists(ids.issues, 'issues', 'issue');
  const layer = (x: string, path: string, netOk = false) => {
    if (!ids.layers.has(x) && !(netOk && x === 'net'))
      add(path, `unknown layer "${x}" ${listKnown('layers', netOk ? [...ids.layers, 'net'] : ids.layers)}`);
  };
  const ref = (r: { path: string; value: string; kind: 'actor' | 'region' }) => {
    if (r.value.startsWith('$')) return; // placeholders.ts
    if (r.kind === 'actor') actor(r.value, r.path);
    else region(r.value, r.path);
  };
  const orderRef = (o: string, path: string) => {
    if (!ids.orders.has(o) && !(ORDER_TYPES as readonly string[]).includes(o))
      add(path, `unknown order or order type "${o}" ${listKnown('orders', ids.orders)}`);
  };

  walkScenario(def, {
    condition(c: Condition, path) {
      listConditionRefs(c, path).forEach(ref);
      if (c.if === 'relation') layer(c.layer, `${path}.layer`, true);
      if (c.if === 'meter') meter(c.meter, `${path}.meter`);
      if (c.if === 'presence' && c.theatre) layer(c.theatre, `${path}.theatre`);
      if (c.if === 'ordered' && c.order && !ids.orders.has(c.order))
        add(`${path}.order`, `unknown order "${c.order}" ${listKnown('orders', ids.orders)}`);
    },
    effect(e: Effect, path) {
      listEffectRefs(e, path).forEach(ref);
      if (e.do === 'relation' || (e.do === 'unravel' && e.layer)) layer(e.layer!, `${path}.layer`);
      if (e.do === 'meter') meter(e.meter, `${path}.meter`);
      if (e.do === 'weight' && !ids.objectives.has(e.objective))
        add(
          `${path}.objective`,
          `unknown objective "${e.objective}" ${listKnown('objectives', ids.objectives)}`,
        );
    },
  });

  const order = (o: OrderDef, path: string) => {
    o.actors.forEach((a, i) => actor(a, `${path}.actors[${i}]`));
    o.targets?.forEach((a, i) => actor(a, `${path}.targets[${i}]`));
    o.regions?.forEach((r, i) => region(r, `${path}.regions[${i}]`));
    if (o.layer) layer(o.layer, `${path}.layer`);
    if (o.captor) actor(o.captor, `${path}.captor`);
    for (const x of Object.keys(o.issues ?? {})) issue(x, `${path}.issues.${x}`);
    if (needsTargets(o.type) && !o.targets?.length)
      add(`${path}.targets`, `a ${o.type} order needs targets: list the actors it may name`);
    if (needsRegions(o.type) && !o.regions?.length)
      add(`${path}.regions`, `a ${o.type} order needs regions: list the regions it may name`);
  };
  const relation = (r: ScenarioDef['relations'][number], path: string) => {
    actor(r.a, `${path}.a`);
    actor(r.b, `${path}.b`);
    if (r.a === r.b) add(path, `a relation needs two different actors, got "${r.a}" twice`);
    for (const l of Object.keys(r.values)) layer(l, `${path}.values.${l}`);
  };

  def.actors.forEach((a, i) => {
    const path = `actors[${i}]`;
    if (typeof a.home === 'string' && !ids.regions.has(a.home) && !ids.arenas.has(a.home))
      add(`${path}.home`, `unknown region or arena "${a.home}" ${listKnown('regions', ids.regions)}`);
    for (const m of Object.keys(a.meters ?? {})) meter(m, `${path}.meters.${m}`);
    for (const s of Object.keys(a.stakes ?? {})) issue(s, `${path}.stakes.${s}`);
  });
  def.regions.forEach((r, i) => {
    const path = `regions[${i}]`;
    layer(r.theatre, `${path}.theatre`);
    r.neighbours.forEach((n, j) => region(n, `${path}.neighbours[${j}]`));
    if (r.controller !== null) actor(r.controller, `${path}.controller`);
    for (const a of Object.keys(r.presence)) actor(a, `${path}.presence.${a}`);
  });
  def.relations.forEach((r, i) => relation(r, `relations[${i}]`));
  def.orders.forEach((o, i) => order(o, `orders[${i}]`));
  def.rules.forEach((r, i) => {
    const path = `rules[${i}]`;
    if (r.kind === 'gate' || r.kind === 'order')
      r.orders.forEach((o, j) => orderRef(o, `${path}.orders[${j}]`));
    if (r.kind === 'bound') {
      actor(r.a, `${path}.a`);
      actor(r.b, `${path}.b`);
      layer(r.layer, `${path}.layer`, true);
    }
  });

  (def.branches ?? []).forEach((b, i) => {
    const path = `branches[${i}]`;
    b.relations?.forEach((r, j) => relation(r, `${path}.relations[${j}]`));
    b.regions?.forEach((r, j) => {
      region(r.id, `${path}.regions[${j}].id`);
      if (r.controller) actor(r.controller, `${path}.regions[${j}].controller`);
      for (const a of Object.keys(r.presence ?? {})) actor(a, `${path}.regions[${j}].presence.${a}`);
    });
    b.suppress?.forEach((s, j) => {
      if (!ids.rules.has(s))
        add(`${path}.suppress[${j}]`, `unknown rule "${s}" ${listKnown('rules', ids.rules)}`);
    });
    b.rules?.forEach((r, j) => {
      const at = `${path}.rules[${j}]`;
      if (r.kind === 'gate' || r.kind === 'order')
        r.orders.forEach((o, k) => orderRef(o, `${at}.orders[${k}]`));
      if (r.kind === 'bound') {
        actor(r.a, `${at}.a`);
        actor(r.b, `${at}.b`);
        layer(r.layer, `${at}.layer`, true);
      }
    });
    b.orders?.forEach((o, j) => order(o, `${path}.orders[${j}]`));
    b.removeOrders?.forEach((o, j) => {
      if (!ids.mainOrders.has(o))
        add(`${path}.removeOrders[${j}]`, `unknown order "${o}" ${listKnown('orders', ids.mainOrders)}`);
    });
  });
  return problems;
}

/** Ids that must be unique: actors, regions, orders (main line and branches), rules, layers. */
function checkUnique(def: ScenarioDef, add: (path: string, message: string) => void): void {
  const unique = (ids: string[], path: string, what: string) => {
    const seen = new Map<string, number>();
    ids.forEach((x, i) => {
      const first = seen.get(x);
      if (first === undefined) seen.set(x, i);
      else
        add(`${path}[${i}].id`, `duplicate ${what} id "${x}" (also ${path}[${first}]): give it another id`);
    });
  };
  unique(
    def.actors.map((a) => a.id),
    'actors',
    'actor',
  );
  unique(
    def.regions.map((r) => r.id),
    'regions',
    'region',
  );
  unique(
    def.orders.map((o) => o.id),
    'orders',
    'order',
  );
  unique(
    def.rules.map((r) => r.id),
    'rules',
    'rule',
  );
  unique(
    def.layers.map((l) => l.id),
    'layers',
    'layer',
  );
}
