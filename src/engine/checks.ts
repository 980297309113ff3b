// Consistency of a scenario beyond its ids, each problem with its path and how to fix it: flags are declared,
// quotes name a source, each pair and neighbour link is given once and both ways, bounds and meters fit
// their ranges, scheduled events fall within the game, and effects change something.
import { listKnown } from './references';
import type { Findings } from './review';
import type { ScenarioDef, SourceRef } from './schema';
import { listAllRules, walkScenario } from './scenarioWalk';

/** Runs every consistency check into `out.errors`. */
export function checkConsistency(def: ScenarioDef, out: Findings): void {
  const add = (path: string, message: string) => out.errors.push({ path, message });
  checkFlags(def, add);
  checkSources(def, add);
  checkPairs(def, add);
  checkNeighbours(def, add);
  checkBounds(def, add);
  checkSchedule(def, add);
  checkMeters(def, add);
  checkNoOps(def, add);
}

type Add = (path: string, message: string) => void;

/** Every flag a condition, an effect or a branch names is declared in `flags`. */
function checkFlags(def: ScenarioDef, add: Add): void {
  const declared = new Set(Object.keys(def.flags ?? {}));
  const undeclared = (flag: string, path: string) =>
    add(
      path,
      `flag "${flag}" is not declared: add "${flag}": 0 (its starting value) to "flags", or fix the name ` +
        listKnown('flags', declared),
    );
  walkScenario(def, {
    condition: (c, path) => c.if === 'flag' && !declared.has(c.flag) && undeclared(c.flag, `${path}.flag`),
    effect: (e, path) => e.do === 'flag' && !declared.has(e.flag) && undeclared(e.flag, `${path}.flag`),
  });
  (def.branches ?? []).forEach((b, i) => {
    for (const flag of Object.keys(b.flags ?? {}))
      if (!declared.has(flag)) undeclared(flag, `branches[${i}].flags.${flag}`);
  });
}

/** Every `{ source, quote }` names one of the scenario's `sources`. */
function checkSources(def: ScenarioDef, add: Add): void {
  const ids = new Set(def.sources.map((s) => s.id));
  const check = (s: SourceRef | undefined, path: string) => {
    if (s && !ids.has(s.source))
      add(
        `${path}.source`,
        `unknown source "${s.source}" ${listKnown('sources', ids)}: add it to "sources" or name one of them`,
      );
  };
  def.actors.forEach((a, i) => {
    check(a.source, `actors[${i}].source`);
    a.objectives.forEach((o, j) => check(o.source, `actors[${i}].objectives[${j}].source`));
  });
  def.regions.forEach((r, i) => check(r.source, `regions[${i}].source`));
  const relations = (list: ScenarioDef['relations'] | undefined, path: string) =>
    list?.forEach((r, i) => r.sources?.forEach((s, j) => check(s, `${path}[${i}].sources[${j}]`)));
  relations(def.relations, 'relations');
  const orders = (list: ScenarioDef['orders'] | undefined, path: string) =>
    list?.forEach((o, i) => check(o.source, `${path}[${i}].source`));
  orders(def.orders, 'orders');
  for (const { rule, path } of listAllRules(def)) check(rule.source, `${path}.source`);
  (def.branches ?? []).forEach((b, i) => {
    check(b.source, `branches[${i}].source`);
    relations(b.relations, `branches[${i}].relations`);
    orders(b.orders, `branches[${i}].orders`);
  });
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Each pair of actors has at most one entry in `relations` (a–b and b–a are the same pair). */
function checkPairs(def: ScenarioDef, add: Add): void {
  const once = (list: ScenarioDef['relations'] | undefined, path: string) => {
    const seen = new Map<string, number>();
    list?.forEach((r, i) => {
      const key = pairKey(r.a, r.b);
      const first = seen.get(key);
      if (first === undefined) return void seen.set(key, i);
      add(
        `${path}[${i}]`,
        `the pair ${r.a}–${r.b} is given twice (also ${path}[${first}]; relations are symmetric, so b–a is ` +
          'the same pair): merge their values into one entry',
      );
    });
  };
  once(def.relations, 'relations');
  (def.branches ?? []).forEach((b, i) => once(b.relations, `branches[${i}].relations`));
}

/** Neighbours are listed both ways, never the region itself, each once. */
function checkNeighbours(def: ScenarioDef, add: Add): void {
  const index = new Map(def.regions.map((r, i) => [r.id, i] as const));
  def.regions.forEach((r, i) => {
    const seen = new Set<string>();
    r.neighbours.forEach((n, j) => {
      const path = `regions[${i}].neighbours[${j}]`;
      if (n === r.id) return add(path, `"${r.id}" lists itself as a neighbour: remove it`);
      if (seen.has(n)) return add(path, `"${n}" is listed twice: remove one`);
      seen.add(n);
      const k = index.get(n);
      if (k !== undefined && !def.regions[k]!.neighbours.includes(r.id))
        add(
          `regions[${k}].neighbours`,
          `"${r.id}" lists "${n}" as a neighbour but "${n}" does not list "${r.id}": add "${r.id}" to ` +
            `the neighbours of "${n}" (or remove "${n}" from those of "${r.id}")`,
        );
    });
  });
}

/** A bound limits two different actors and leaves room between its floor and its cap. */
function checkBounds(def: ScenarioDef, add: Add): void {
  for (const { rule: r, path } of listAllRules(def)) {
    if (r.kind !== 'bound') continue;
    if (r.a === r.b) add(path, `bound "${r.id}" names "${r.a}" twice: a bound limits a pair of two actors`);
    if (r.min === undefined && r.max === undefined)
      add(
        path,
        `bound "${r.id}" has neither "min" nor "max", so it limits nothing: give a floor, a cap or both`,
      );
    if (r.min !== undefined && r.max !== undefined && r.min > r.max)
      add(
        `${path}.min`,
        `bound "${r.id}": the floor ${r.min} is above the cap ${r.max}, so no value fits: swap them or fix one`,
      );
  }
}

/** Scheduled events fall on a turn the game reaches. */
function checkSchedule(def: ScenarioDef, add: Add): void {
  const last = def.end.turns;
  for (const { rule: r, path } of listAllRules(def))
    if (r.kind === 'scheduled' && r.turn > last)
      add(
        `${path}.turn`,
        `scheduled rule "${r.id}" is for turn ${r.turn}, after the last turn (end.turns is ${last}), so it ` +
          `never happens: schedule it for turn ${last} or earlier, or raise end.turns`,
      );
}

/** Each meter's range is a range, and every actor starts within it (a meter left out starts at 0). */
function checkMeters(def: ScenarioDef, add: Add): void {
  def.meters.forEach((m, i) => {
    if (m.min > m.max)
      add(`meters[${i}].min`, `meter "${m.id}": min ${m.min} is above max ${m.max}: swap them or fix one`);
  });
  def.actors.forEach((a, i) => {
    for (const m of def.meters) {
      if (m.min > m.max) continue;
      const given = a.meters?.[m.id];
      const value = given ?? 0;
      if (value >= m.min && value <= m.max) continue;
      const range = `${m.min}…${m.max}`;
      if (given === undefined)
        add(
          `actors[${i}].meters`,
          `${a.id} gives no "${m.id}", so it starts at 0, outside the meter's range ${range}: give it a ` +
            `starting value within ${range}`,
        );
      else
        add(
          `actors[${i}].meters.${m.id}`,
          `${a.id} starts with ${m.id} ${value}, outside the meter's range ${range} (the engine would clamp it ` +
            `at the first change): start it within ${range}, or widen the meter's min/max`,
        );
    }
  });
}

/** A meter or flag effect says what to do: `delta` or `set`. */
function checkNoOps(def: ScenarioDef, add: Add): void {
  walkScenario(def, {
    effect(e, path) {
      if ((e.do === 'meter' || e.do === 'flag') && e.delta === undefined && e.set === undefined)
        add(
          path,
          `this ${e.do} effect has neither "delta" nor "set", so it changes nothing: give one of them`,
        );
    },
  });
}
