// Cross-references of a scenario: after the shape is valid, every id it names must exist, and `$actor`,
// `$target`, `$region` may only appear inside an order's conditions and effects. Messages carry the JSON path.
import type { Problem } from './scenario';
import type { Condition, Effect, OrderDef, Rule, ScenarioDef } from './schema';
import { ORDER_TYPES } from './schema';

/** Every id a scenario refers to must exist (actors, regions, layers, meters, issues, orders, rules, objectives). */
export function checkReferences(def: ScenarioDef): Problem[] {
  const problems: Problem[] = [];
  const actors = new Set(def.actors.map((a) => a.id));
  const regions = new Set(def.regions.map((r) => r.id));
  const layers = new Set(def.layers.map((l) => l.id));
  const meters = new Set(def.meters.map((m) => m.id));
  const issues = new Set((def.issues ?? []).map((i) => i.id));
  const arenas = new Set((def.arenas ?? []).map((a) => a.id));
  const orderIds = new Set(def.orders.map((o) => o.id));
  const ruleIds = new Set(def.rules.map((r) => r.id));
  const objectiveIds = new Set(def.actors.flatMap((a) => a.objectives.map((o) => o.id)));
  const add = (path: string, message: string) => problems.push({ path, message });

  const unique = (ids: string[], path: string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((x, i) =>
      seen.has(x) ? add(`${path}[${i}].id`, `duplicate ${what} id "${x}"`) : seen.add(x),
    );
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

  const placeholder = (x: string) => x.startsWith('$');
  const actor = (x: string, path: string, inOrder: boolean) => {
    if (placeholder(x) ? !inOrder : !actors.has(x)) add(path, `unknown actor "${x}"`);
  };
  const region = (x: string, path: string, inOrder: boolean) => {
    if (placeholder(x) ? !inOrder : !regions.has(x)) add(path, `unknown region "${x}"`);
  };
  const layer = (x: string, path: string, netOk = false) => {
    if (!layers.has(x) && !(netOk && x === 'net')) add(path, `unknown layer "${x}"`);
  };
  const meter = (x: string, path: string) => meters.has(x) || add(path, `unknown meter "${x}"`);

  const cond = (c: Condition, path: string, inOrder: boolean): void => {
    switch (c.if) {
      case 'relation':
        actor(c.a, `${path}.a`, inOrder);
        actor(c.b, `${path}.b`, inOrder);
        layer(c.layer, `${path}.layer`, true);
        break;
      case 'meter':
        actor(c.actor, `${path}.actor`, inOrder);
        meter(c.meter, `${path}.meter`);
        break;
      case 'control':
        region(c.region, `${path}.region`, inOrder);
        for (const a of c.actor === null ? [] : Array.isArray(c.actor) ? c.actor : [c.actor])
          actor(a, `${path}.actor`, inOrder);
        break;
      case 'presence':
        actor(c.actor, `${path}.actor`, inOrder);
        if (c.region) region(c.region, `${path}.region`, inOrder);
        if (c.theatre) layer(c.theatre, `${path}.theatre`);
        break;
      case 'ordered':
        if (c.actor) actor(c.actor, `${path}.actor`, inOrder);
        if (c.target) actor(c.target, `${path}.target`, inOrder);
        if (c.region) region(c.region, `${path}.region`, inOrder);
        if (c.order && !orderIds.has(c.order) && !branchOrderIds.has(c.order))
          add(`${path}.order`, `unknown order "${c.order}"`);
        break;
      case 'controlChanged':
        region(c.region, `${path}.region`, inOrder);
        if (c.from) actor(c.from, `${path}.from`, inOrder);
        if (c.to) actor(c.to, `${path}.to`, inOrder);
        break;
      case 'redefined':
        actor(c.actor, `${path}.actor`, inOrder);
        break;
      case 'all':
      case 'any':
        c.of.forEach((x, i) => cond(x, `${path}.of[${i}]`, inOrder));
        break;
      case 'not':
        cond(c.cond, `${path}.cond`, inOrder);
        break;
      case 'flag':
      case 'turn':
      case 'chance':
        break;
    }
  };

  const effect = (e: Effect, path: string, inOrder: boolean): void => {
    switch (e.do) {
      case 'relation':
        actor(e.a, `${path}.a`, inOrder);
        actor(e.b, `${path}.b`, inOrder);
        layer(e.layer, `${path}.layer`);
        break;
      case 'meter':
        actor(e.actor, `${path}.actor`, inOrder);
        meter(e.meter, `${path}.meter`);
        break;
      case 'presence':
        actor(e.actor, `${path}.actor`, inOrder);
        region(e.region, `${path}.region`, inOrder);
        break;
      case 'move':
        actor(e.actor, `${path}.actor`, inOrder);
        region(e.from, `${path}.from`, inOrder);
        e.to.forEach((r, i) => region(r, `${path}.to[${i}]`, inOrder));
        break;
      case 'control':
        region(e.region, `${path}.region`, inOrder);
        if (e.actor !== null) actor(e.actor, `${path}.actor`, inOrder);
        break;
      case 'contest':
        region(e.region, `${path}.region`, inOrder);
        break;
      case 'reserve':
      case 'vp':
        actor(e.actor, `${path}.actor`, inOrder);
        break;
      case 'weight':
        actor(e.actor, `${path}.actor`, inOrder);
        if (!objectiveIds.has(e.objective)) add(`${path}.objective`, `unknown objective "${e.objective}"`);
        break;
      case 'unravel':
        if (e.layer) layer(e.layer, `${path}.layer`);
        break;
      case 'flag':
      case 'note':
        break;
    }
  };

  const rule = (r: Rule, path: string) => {
    switch (r.kind) {
      case 'trigger':
        cond(r.when, `${path}.when`, false);
        r.effects.forEach((e, i) => effect(e, `${path}.effects[${i}]`, false));
        break;
      case 'scheduled':
        if (r.when) cond(r.when, `${path}.when`, false);
        r.effects.forEach((e, i) => effect(e, `${path}.effects[${i}]`, false));
        break;
      case 'gate':
        cond(r.when, `${path}.when`, true);
        r.orders.forEach((o, i) => orderRef(o, `${path}.orders[${i}]`));
        break;
      case 'order':
        if (r.when) cond(r.when, `${path}.when`, true);
        r.effects.forEach((e, i) => effect(e, `${path}.effects[${i}]`, true));
        r.orders.forEach((o, i) => orderRef(o, `${path}.orders[${i}]`));
        break;
      case 'bound':
        actor(r.a, `${path}.a`, false);
        actor(r.b, `${path}.b`, false);
        layer(r.layer, `${path}.layer`, true);
        if (r.while) cond(r.while, `${path}.while`, false);
        break;
    }
  };
  const branchOrderIds = new Set((def.branches ?? []).flatMap((b) => (b.orders ?? []).map((o) => o.id)));
  const orderRef = (o: string, path: string) => {
    if (!orderIds.has(o) && !branchOrderIds.has(o) && !(ORDER_TYPES as readonly string[]).includes(o))
      add(path, `unknown order or order type "${o}"`);
  };

  const order = (o: OrderDef, path: string) => {
    o.actors.forEach((a, i) => actor(a, `${path}.actors[${i}]`, false));
    o.targets?.forEach((a, i) => actor(a, `${path}.targets[${i}]`, false));
    o.regions?.forEach((r, i) => region(r, `${path}.regions[${i}]`, false));
    if (o.layer) layer(o.layer, `${path}.layer`);
    if (o.captor) actor(o.captor, `${path}.captor`, false);
    if (o.requires) cond(o.requires, `${path}.requires`, true);
    o.effects?.forEach((e, i) => effect(e, `${path}.effects[${i}]`, true));
    o.exposure?.effects.forEach((e, i) => effect(e, `${path}.exposure.effects[${i}]`, true));
    for (const issue of Object.keys(o.issues ?? {}))
      if (!issues.has(issue)) add(`${path}.issues.${issue}`, `unknown issue "${issue}"`);
    const needsTarget = ['support', 'oppose', 'coordinate', 'sanction', 'lift', 'arms', 'broker'];
    if (needsTarget.includes(o.type) && !o.targets?.length)
      add(`${path}.targets`, `a ${o.type} order needs targets`);
    const needsRegion = ['deploy', 'withdraw', 'offensive'];
    if (needsRegion.includes(o.type) && !o.regions?.length)
      add(`${path}.regions`, `a ${o.type} order needs regions`);
  };

  const relation = (r: ScenarioDef['relations'][number], path: string) => {
    actor(r.a, `${path}.a`, false);
    actor(r.b, `${path}.b`, false);
    if (r.a === r.b) add(path, `a relation needs two different actors, got "${r.a}" twice`);
    for (const l of Object.keys(r.values)) layer(l, `${path}.values.${l}`);
  };

  def.actors.forEach((a, i) => {
    const path = `actors[${i}]`;
    if (typeof a.home === 'string' && !regions.has(a.home) && !arenas.has(a.home))
      add(`${path}.home`, `unknown region or arena "${a.home}"`);
    for (const m of Object.keys(a.meters ?? {})) meter(m, `${path}.meters.${m}`);
    for (const s of Object.keys(a.stakes ?? {}))
      if (!issues.has(s)) add(`${path}.stakes.${s}`, `unknown issue "${s}"`);
    a.objectives.forEach((o, j) => cond(o.when, `${path}.objectives[${j}].when`, false));
  });
  def.regions.forEach((r, i) => {
    const path = `regions[${i}]`;
    layer(r.theatre, `${path}.theatre`);
    r.neighbours.forEach((n, j) => region(n, `${path}.neighbours[${j}]`, false));
    if (r.controller !== null) actor(r.controller, `${path}.controller`, false);
    for (const a of Object.keys(r.presence)) actor(a, `${path}.presence.${a}`, false);
  });
  def.relations.forEach((r, i) => relation(r, `relations[${i}]`));
  def.orders.forEach((o, i) => order(o, `orders[${i}]`));
  def.rules.forEach((r, i) => rule(r, `rules[${i}]`));
  if (def.end.when) cond(def.end.when, 'end.when', false);
  const sourceIds = new Set(def.sources.map((s) => s.id));
  const sourceRef = (s: { source: string } | undefined, path: string) =>
    s && !sourceIds.has(s.source) && add(`${path}.source`, `unknown source "${s.source}"`);
  def.rules.forEach((r, i) => sourceRef(r.source, `rules[${i}].source`));
  def.relations.forEach((r, i) =>
    r.sources?.forEach((s, j) => sourceRef(s, `relations[${i}].sources[${j}]`)),
  );

  (def.branches ?? []).forEach((b, i) => {
    const path = `branches[${i}]`;
    b.relations?.forEach((r, j) => relation(r, `${path}.relations[${j}]`));
    b.regions?.forEach((r, j) => {
      region(r.id, `${path}.regions[${j}].id`, false);
      if (r.controller) actor(r.controller, `${path}.regions[${j}].controller`, false);
      for (const a of Object.keys(r.presence ?? {})) actor(a, `${path}.regions[${j}].presence.${a}`, false);
    });
    b.suppress?.forEach((s, j) => ruleIds.has(s) || add(`${path}.suppress[${j}]`, `unknown rule "${s}"`));
    b.rules?.forEach((r, j) => rule(r, `${path}.rules[${j}]`));
    b.orders?.forEach((o, j) => order(o, `${path}.orders[${j}]`));
    b.removeOrders?.forEach(
      (o, j) => orderIds.has(o) || add(`${path}.removeOrders[${j}]`, `unknown order "${o}"`),
    );
  });
  return problems;
}
