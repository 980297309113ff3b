// The scenario file format: zod schemas for every part, from which the TypeScript types and the committed
// JSON Schema are derived. Cross-references (ids that must exist) are checked in scenario.ts, not here.
import { z } from 'zod';

const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));
const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected an id (letters, digits, . _ -)')
  .refine((x) => !RESERVED.has(x), 'this id is reserved (a name every JavaScript object has)');
/** An actor or region reference; inside an order's effects `$actor`, `$target` and `$region` stand for its parameters. */
const ref = z
  .string()
  .regex(/^(\$(actor|target|region)|[A-Za-z0-9][A-Za-z0-9_.-]*)$/, 'expected an id or $placeholder');
const int = z.number().int();
const rel = int.min(-100).max(100);

export const SourceRef = z.strictObject({
  source: id, // "A1"
  quote: z.string().min(3), // word for word as in the article file
  intended: z.string().optional(), // for spun text: the intended wording
  note: z.string().optional(), // e.g. why the claim is doubtful
});

const bounds = { atLeast: int.optional(), atMost: int.optional() };

export type Condition =
  | { if: 'relation'; a: string; b: string; layer: string; atLeast?: number; atMost?: number }
  | { if: 'meter'; actor: string; meter: string; atLeast?: number; atMost?: number }
  | { if: 'flag'; flag: string; atLeast?: number; atMost?: number }
  | { if: 'control'; region: string; actor: string[] | string | null }
  | { if: 'presence'; actor: string; region?: string; theatre?: string; atLeast?: number; atMost?: number }
  | { if: 'turn'; atLeast?: number; atMost?: number }
  | { if: 'ordered'; actor?: string; order?: string; type?: string; target?: string; region?: string }
  | { if: 'controlChanged'; region: string; from?: string; to?: string }
  | { if: 'redefined'; actor: string }
  | { if: 'chance'; percent: number }
  | { if: 'all'; of: Condition[] }
  | { if: 'any'; of: Condition[] }
  | { if: 'not'; cond: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('if', [
    z.strictObject({ if: z.literal('relation'), a: ref, b: ref, layer: id, ...bounds }),
    z.strictObject({ if: z.literal('meter'), actor: ref, meter: id, ...bounds }),
    z.strictObject({ if: z.literal('flag'), flag: id, ...bounds }),
    z.strictObject({ if: z.literal('control'), region: ref, actor: z.union([ref, z.array(ref), z.null()]) }),
    z.strictObject({
      if: z.literal('presence'),
      actor: ref,
      region: ref.optional(),
      theatre: id.optional(),
      ...bounds,
    }),
    z.strictObject({ if: z.literal('turn'), ...bounds }),
    z.strictObject({
      if: z.literal('ordered'),
      actor: ref.optional(),
      order: id.optional(),
      type: z.string().optional(),
      target: ref.optional(),
      region: ref.optional(),
    }),
    z.strictObject({
      if: z.literal('controlChanged'),
      region: ref,
      from: ref.optional(),
      to: ref.optional(),
    }),
    z.strictObject({ if: z.literal('redefined'), actor: ref }),
    z.strictObject({ if: z.literal('chance'), percent: int.min(0).max(100) }),
    z.strictObject({ if: z.literal('all'), of: z.array(Condition) }),
    z.strictObject({ if: z.literal('any'), of: z.array(Condition) }),
    z.strictObject({ if: z.literal('not'), cond: Condition }),
  ]),
);

export const Effect = z.discriminatedUnion('do', [
  z.strictObject({ do: z.literal('relation'), a: ref, b: ref, layer: id, delta: int }),
  z.strictObject({
    do: z.literal('meter'),
    actor: ref,
    meter: id,
    delta: int.optional(),
    set: int.optional(),
  }),
  z.strictObject({ do: z.literal('flag'), flag: id, delta: int.optional(), set: int.optional() }),
  z.strictObject({ do: z.literal('presence'), actor: ref, region: ref, delta: int }),
  z.strictObject({
    do: z.literal('move'),
    actor: ref,
    from: ref,
    to: z.array(ref).min(1),
    percent: int.min(1).max(100),
  }),
  z.strictObject({ do: z.literal('control'), region: ref, actor: ref.nullable() }),
  z.strictObject({ do: z.literal('contest'), region: ref, value: z.boolean() }),
  z.strictObject({ do: z.literal('reserve'), actor: ref, delta: int }),
  z.strictObject({ do: z.literal('vp'), actor: ref, delta: int }),
  z.strictObject({ do: z.literal('weight'), actor: ref, objective: id, set: int.min(0).max(10) }),
  z.strictObject({ do: z.literal('unravel'), layer: id.optional() }),
  z.strictObject({ do: z.literal('note'), text: z.string() }),
]);
export type Effect = z.infer<typeof Effect>;

const ruleBase = {
  id,
  text: z.string().min(1), // plain-language statement of the rule
  source: SourceRef.optional(),
  ok: z.string().optional(), // "outside knowledge": what the rule takes from outside the articles
};

export const Rule = z.discriminatedUnion('kind', [
  z.strictObject({
    ...ruleBase,
    kind: z.literal('trigger'),
    when: Condition,
    effects: z.array(Effect),
    once: z.boolean().optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('scheduled'),
    turn: int.min(1),
    when: Condition.optional(),
    effects: z.array(Effect),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('gate'),
    orders: z.array(id).min(1), // order ids or order types
    when: Condition,
    refusal: z.string().optional(),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('order'),
    orders: z.array(id).min(1),
    when: Condition.optional(),
    effects: z.array(Effect),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('bound'),
    a: id,
    b: id,
    layer: id,
    min: rel.optional(),
    max: rel.optional(),
    while: Condition.optional(),
  }),
]);
export type Rule = z.infer<typeof Rule>;

export const ORDER_TYPES = [
  'deploy',
  'withdraw',
  'offensive',
  'support',
  'oppose',
  'coordinate',
  'sanction',
  'lift',
  'arms',
  'broker',
  'refugees',
  'summit',
  'redefine',
  'pass',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const OrderDef = z.strictObject({
  id,
  type: z.enum(ORDER_TYPES),
  name: z.string().min(1),
  text: z.string().optional(),
  actors: z.array(id).min(1),
  targets: z.array(id).optional(), // target actors the order may name
  regions: z.array(id).optional(), // regions the order may name
  layer: id.optional(), // the layer its relation effects act on (default: the first layer)
  relation: int.optional(), // built-in relation change with the target (default per type)
  amount: int.min(1).optional(), // forces moved by deploy/withdraw/arms
  covert: z.enum(['never', 'optional', 'always']).optional(),
  exposure: z
    .strictObject({ percent: int.min(0).max(100), effects: z.array(Effect), text: z.string().optional() })
    .optional(),
  captor: id.optional(), // offensive: who takes control on success (default the attacker)
  once: z.boolean().optional(),
  requires: Condition.optional(),
  refusal: z.string().optional(), // message when `requires` fails
  issues: z.record(id, int.min(-3).max(3)).optional(), // issue -> how far the order advances (+) or harms (-) it
  effects: z.array(Effect).optional(),
  source: SourceRef.optional(),
  ok: z.string().optional(),
});
export type OrderDef = z.infer<typeof OrderDef>;

const point = { lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) };

export const Objective = z.strictObject({
  id,
  text: z.string().min(1),
  vp: int,
  weight: int.min(0).max(10).optional(), // how much the AI cares (default 5)
  when: Condition,
  source: SourceRef.optional(),
  ok: z.string().optional(),
});

export const Actor = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(['state', 'group', 'bloc']),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #1f77b4'),
  playable: z.boolean(),
  home: z.strictObject(point).or(id), // a point, or the id of a region or arena
  reserve: int.min(0),
  capabilities: z.strictObject({ military: int.min(0), economy: int.min(0), influence: int.min(0) }),
  meters: z.record(id, int).optional(),
  stakes: z.record(id, int.min(-3).max(3)).optional(), // issue -> how much the actor cares, and which way
  objectives: z.array(Objective),
  description: z.string().optional(),
  source: SourceRef.optional(),
  ok: z.string().optional(),
});
export type ActorDef = z.infer<typeof Actor>;

export const Region = z.strictObject({
  id,
  name: z.string().min(1),
  theatre: id, // a layer id
  ...point,
  neighbours: z.array(id),
  controller: id.nullable(),
  presence: z.record(id, int.min(0)),
  contested: z.boolean().optional(),
  outline: z.strictObject({ country: z.string(), admin: z.array(z.string()) }).optional(),
  source: SourceRef.optional(),
  ok: z.string().optional(),
});
export type RegionDef = z.infer<typeof Region>;

export const Relation = z.strictObject({
  a: id,
  b: id,
  values: z.record(id, rel), // layer -> value
  sources: z.array(SourceRef).optional(),
  note: z.string().optional(),
  ok: z.string().optional(),
});

const Override = z.strictObject({
  relations: z.array(Relation).optional(),
  regions: z
    .array(
      z.strictObject({
        id,
        controller: id.nullable().optional(),
        presence: z.record(id, int.min(0)).optional(),
      }),
    )
    .optional(),
  flags: z.record(id, int).optional(),
  suppress: z.array(id).optional(),
  rules: z.array(Rule).optional(),
  orders: z.array(OrderDef).optional(),
  removeOrders: z.array(id).optional(),
});

export const Branch = z.strictObject({
  id,
  title: z.string().min(1),
  text: z.string(),
  questions: z.array(z.string()).optional(),
  source: SourceRef.optional(),
  ...Override.shape,
});
export type BranchDef = z.infer<typeof Branch>;

/** The most turns a scenario may last (`end.turns`), so every game and playout ends (shipped: ≤ 15). */
export const MAX_END_TURNS = 200;

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  id,
  version: int.min(1),
  title: z.string().min(1),
  summary: z.string(),
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2016-10-17'),
  turnDays: int.min(1),
  sources: z.array(
    z.strictObject({
      id,
      title: z.string(),
      author: z.string().optional(),
      outlet: z.string(),
      date: z.string(),
      kind: z.string(), // what kind of source it is, for the briefing
    }),
  ),
  layers: z.array(z.strictObject({ id, name: z.string(), net: z.boolean().optional() })).min(1),
  meters: z.array(z.strictObject({ id, name: z.string(), min: int, max: int })),
  issues: z.array(z.strictObject({ id, name: z.string() })).optional(),
  actors: z.array(Actor).min(2),
  regions: z.array(Region).min(1),
  arenas: z.array(z.strictObject({ id, name: z.string(), ...point })).optional(),
  relations: z.array(Relation),
  orders: z.array(OrderDef),
  rules: z.array(Rule),
  flags: z.record(id, int).optional(),
  settings: z
    .strictObject({
      ordersPerTurn: int.min(1).max(5).optional(),
      realignStep: int.min(0).max(50).optional(),
      commonEnemy: z.strictObject({ perTurn: int.min(0), cap: rel }).optional(),
      interestScale: int.min(0).max(20).optional(),
      defenceBonus: int.min(0).max(400).optional(), // % added to the holder's strength
      attrition: int.min(1).max(100).optional(), // % of the holder's forces a successful assault destroys
      breakRatio: int.min(0).max(400).optional(), // the holder breaks at or below this % of the attack
    })
    .optional(),
  end: z.strictObject({
    turns: int.min(1).max(MAX_END_TURNS, `at most ${MAX_END_TURNS} turns (the limit for a scenario)`),
    when: Condition.optional(),
    text: z.string().optional(),
  }),
  briefing: z.strictObject({ situation: z.array(z.string()), questions: z.array(z.string()) }),
  branches: z.array(Branch).optional(),
});
export type ScenarioDef = z.infer<typeof Scenario>;
export type SourceRef = z.infer<typeof SourceRef>;
