// A scenario made k times larger for measuring how a playout's cost grows with the number of actors: k copies
// of every actor, region, issue, flag, order and rule, each copy with its own ids ("US", "US_2", …), related to
// its own copy only (relations across copies are 0). Used by `npm run bench -- --growth`.

/** The fields whose text is prose (names, quotes): never treated as ids. */
const PROSE = new Set([
  'name',
  'text',
  'title',
  'quote',
  'note',
  'description',
  'refusal',
  'summary',
  'article',
]);
/** The fields that name a kind of thing (an order type, a layer), not one of the scenario's ids. */
const KINDS = new Set(['type', 'kind', 'do', 'if', 'layer', 'meter', 'theatre', 'covert']);

export function duplicateScenario(source: Record<string, unknown>, copies: number): Record<string, unknown> {
  const def = source as {
    actors: { id: string }[];
    regions: { id: string }[];
    orders: { id: string }[];
    rules: { id: string }[];
    issues?: { id: string }[];
    flags?: Record<string, number>;
    declaredFlags?: { id: string }[];
    relations: unknown[];
  } & Record<string, unknown>;
  const ids = new Set<string>([
    ...def.actors.map((a) => a.id),
    ...def.regions.map((r) => r.id),
    ...def.orders.map((o) => o.id),
    ...def.rules.map((r) => r.id),
    ...(def.issues ?? []).map((i) => i.id),
    ...Object.keys(def.flags ?? {}),
  ]);
  const rename = (value: unknown, copy: number, key = ''): unknown => {
    if (copy === 1) return value;
    if (typeof value === 'string')
      return !PROSE.has(key) && !KINDS.has(key) && ids.has(value) ? `${value}_${copy}` : value;
    if (Array.isArray(value)) return value.map((x) => rename(x, copy, key));
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [ids.has(k) ? `${k}_${copy}` : k, rename(v, copy, k)]),
      );
    return value;
  };
  const many = <T>(list: T[]): T[] =>
    Array.from({ length: copies }, (_, c) => list.map((x) => rename(x, c + 1) as T)).flat();
  const flags: Record<string, number> = {};
  for (let c = 1; c <= copies; c++) Object.assign(flags, rename(def.flags ?? {}, c));
  return {
    ...def,
    id: `${String(def.id)}-x${copies}`,
    actors: many(def.actors),
    regions: many(def.regions),
    orders: many(def.orders),
    rules: many(def.rules),
    relations: many(def.relations),
    ...(def.issues ? { issues: many(def.issues) } : {}),
    ...(def.flags ? { flags } : {}),
    branches: [],
  };
}
