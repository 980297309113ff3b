// The scenario file format: zod schemas for every part, each field described (with the default the engine
// applies when it is left out), from which the TypeScript types and the committed JSON Schema are derived.
// Cross-references (ids that must exist) and consistency are checked in references.ts and checks.ts.
import { z } from 'zod';
import { FIELD_DEFAULTS, SETTING_DEFAULTS } from './defaults';
import { describeDefaultRelations, describeTypes, typesNeeding } from './orderFacts';

const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const id = z
  .string()
  .regex(ID_PATTERN, 'expected an id (letters, digits, . _ -)')
  .refine((x) => !RESERVED.has(x), 'this id is reserved (a name every JavaScript object has)');
const ID = '[A-Za-z0-9][A-Za-z0-9_.-]*';
/** An actor: an id, or inside an order's conditions and effects `$actor` (who gives it) or `$target`. */
const actorRef = z
  .string()
  .regex(
    new RegExp(`^(\\$(actor|target)|${ID})$`),
    'expected an actor id, "$actor" or "$target" ("$region" stands for a region)',
  );
/** A region: an id, or inside an order's conditions and effects `$region` (the region it names). */
const regionRef = z
  .string()
  .regex(
    new RegExp(`^(\\$region|${ID})$`),
    'expected a region id or "$region" ("$actor" and "$target" stand for actors)',
  );
const int = z.number().int();
const rel = int.min(-100).max(100);

/** How relation values read, as the engine and the page use them (relations.ts, balance.ts, ui/format.ts). */
export const RELATION_SCALE =
  'Relation values run from -100 to +100: positive is cooperation, negative hostility, 0 none. Under ±33 a ' +
  'tie is weak (the page says friendly / strained), from ±33 a working tie (cooperating / opposed), from ±66 ' +
  'a strong one (allied / hostile), ±99-100 near-total. Tension counts a contradiction by its weakest tie in ' +
  'thirds of the scale (±33 → 1 point, ±66 → 2, ±99 → 3).';

const IN_ORDER =
  'Inside an order (its requires, effects, exposure) and in gate and order rules, "$actor" is who gives it, ' +
  '"$target" its target (only if it has targets) and "$region" its region (only if it has regions).';

export { FIELD_DEFAULTS, SETTING_DEFAULTS } from './defaults';

/** A field with the default the engine applies when it is left out: in its description and as `default`. */
function withDefault<T extends z.ZodType>(schema: T, value: unknown, text: string): T {
  return schema.meta({ description: `${text} Default: ${JSON.stringify(value)}.`, default: value });
}

export const SourceRef = z
  .strictObject({
    source: id.describe('The id of one of the scenario\'s `sources` (e.g. "A1").'),
    quote: z
      .string()
      .min(3)
      .describe(
        'The passage this rests on, word for word as in the article (tests/quotes.test.ts checks it).',
      ),
    intended: z
      .string()
      .optional()
      .describe('For a quote whose text was spun or garbled: the wording that was intended.'),
    note: z
      .string()
      .optional()
      .describe('Why the claim is doubtful, or what to read it with; shown beside the quote.'),
    doubtful: z
      .boolean()
      .optional()
      .describe(
        'The claim is the article\'s and doubtful: every effect resting on it reads "If the article\'s claim is true: …".',
      ),
  })
  .describe(
    'Where a fact or rule comes from: a source id and the quoted passage, shown with every change it causes.',
  );

const bounds = (what: string) => ({
  atLeast: int
    .optional()
    .describe(`Holds only when ${what} is at least this (inclusive). Leave out for no floor.`),
  atMost: int
    .optional()
    .describe(`Holds only when ${what} is at most this (inclusive). Leave out for no cap.`),
});

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

export type Condition =
  | { if: 'relation'; a: string; b: string; layer: string; atLeast?: number; atMost?: number }
  | { if: 'meter'; actor: string; meter: string; atLeast?: number; atMost?: number }
  | { if: 'flag'; flag: string; atLeast?: number; atMost?: number }
  | { if: 'control'; region: string; actor: string[] | string | null }
  | { if: 'presence'; actor: string; region?: string; theatre?: string; atLeast?: number; atMost?: number }
  | { if: 'turn'; atLeast?: number; atMost?: number }
  | { if: 'ordered'; actor?: string; order?: string; type?: OrderType; target?: string; region?: string }
  | { if: 'controlChanged'; region: string; from?: string; to?: string }
  | { if: 'redefined'; actor: string }
  | { if: 'chance'; percent: number }
  | { if: 'all'; of: Condition[] }
  | { if: 'any'; of: Condition[] }
  | { if: 'not'; cond: Condition };

const tag = <V extends string>(value: V, text: string) => z.literal(value).describe(text);

export const Condition: z.ZodType<Condition> = z
  .lazy(() =>
    z.discriminatedUnion('if', [
      z
        .strictObject({
          if: tag('relation', 'A relation between two actors in a layer (or "net").'),
          a: actorRef.describe(`One actor of the pair. ${IN_ORDER}`),
          b: actorRef.describe(
            'The other actor of the pair (relations are symmetric: the order does not matter).',
          ),
          layer: id.describe(
            'A layer id, or "net" for the pair\'s net value across the layers that count in it.',
          ),
          ...bounds('the relation value (-100…100)'),
        })
        .describe(`Holds while the pair's relation is within the bounds. ${RELATION_SCALE}`),
      z
        .strictObject({
          if: tag('meter', "An actor's meter."),
          actor: actorRef.describe(`Whose meter. ${IN_ORDER}`),
          meter: id.describe('A meter id from `meters`.'),
          ...bounds("the actor's meter"),
        })
        .describe("Holds while an actor's meter is within the bounds."),
      z
        .strictObject({
          if: tag('flag', 'A scenario flag.'),
          flag: id.describe('A flag declared in `flags`.'),
          ...bounds('the flag'),
        })
        .describe('Holds while a flag (a number, 0 unless set) is within the bounds.'),
      z
        .strictObject({
          if: tag('control', 'Who holds a region.'),
          region: regionRef.describe(`The region. ${IN_ORDER}`),
          actor: z
            .union([actorRef, z.array(actorRef), z.null()])
            .describe('The holder: an actor, a list of actors (any of them), or null for "held by nobody".'),
        })
        .describe('Holds while the region is held by the actor (or one of the actors, or nobody).'),
      z
        .strictObject({
          if: tag('presence', "An actor's forces."),
          actor: actorRef.describe(`Whose forces. ${IN_ORDER}`),
          region: regionRef.optional().describe('Count only the forces in this region.'),
          theatre: id
            .optional()
            .describe('Count only the forces in the regions of this theatre (a layer id).'),
          ...bounds("the actor's forces (in the region, the theatre, or on the whole map)"),
        })
        .describe(
          "Holds while the actor's forces on the map (or in a region or theatre) are within the bounds.",
        ),
      z
        .strictObject({ if: tag('turn', 'The turn being resolved (1 is the first).'), ...bounds('the turn') })
        .describe('Holds on the turns within the bounds (the turn being resolved; the first is 1).'),
      z
        .strictObject({
          if: tag('ordered', 'An order given this turn.'),
          actor: actorRef.optional().describe('Given by this actor (any actor if left out).'),
          order: id.optional().describe('This order id (any order if left out).'),
          type: z.enum(ORDER_TYPES).optional().describe('An order of this type (any type if left out).'),
          target: actorRef.optional().describe('Naming this target actor.'),
          region: regionRef.optional().describe('Naming this region.'),
        })
        .describe('Holds when an order matching every field given was given this turn and not refused.'),
      z
        .strictObject({
          if: tag('controlChanged', 'A region changing hands this turn.'),
          region: regionRef.describe('The region.'),
          from: actorRef.optional().describe('Lost by this actor (anyone if left out).'),
          to: actorRef.optional().describe('Taken by this actor (anyone if left out).'),
        })
        .describe('Holds on the turn the region changes hands (from and to as given).'),
      z
        .strictObject({
          if: tag('redefined', 'An actor that has redefined its interests.'),
          actor: actorRef.describe('The actor.'),
        })
        .describe(
          'Holds once the actor has given a `redefine` order (its contradictions no longer unravel).',
        ),
      z
        .strictObject({
          if: tag('chance', 'A seeded dice roll.'),
          percent: int
            .min(0)
            .max(100)
            .describe('The chance, in percent, that it holds each time it is tested.'),
        })
        .describe("Holds with this chance each time it is tested, drawn from the game's seeded generator."),
      z
        .strictObject({
          if: tag('all', 'Every one of several conditions.'),
          of: z.array(Condition).describe('The conditions; an empty list always holds.'),
        })
        .describe('Holds when every condition in `of` holds.'),
      z
        .strictObject({
          if: tag('any', 'At least one of several conditions.'),
          of: z.array(Condition).describe('The conditions; an empty list never holds.'),
        })
        .describe('Holds when at least one condition in `of` holds.'),
      z
        .strictObject({
          if: tag('not', 'The opposite of a condition.'),
          cond: Condition.describe('The condition that must not hold.'),
        })
        .describe('Holds when `cond` does not.'),
    ]),
  )
  .meta({
    id: 'Condition',
    description: `A condition of the rule language: { "if": kind, … }. ${IN_ORDER}`,
  });

const delta = (what: string) => int.describe(`How much ${what} changes (negative to lower it).`);
const setOrDelta = (what: string, range: string) => ({
  delta: int.optional().describe(`Change ${what} by this much (${range}). Give \`delta\` or \`set\`.`),
  set: int.optional().describe(`Set ${what} to this value (${range}); wins over \`delta\`.`),
});

export const Effect = z
  .discriminatedUnion('do', [
    z
      .strictObject({
        do: tag('relation', 'Change a relation.'),
        a: actorRef.describe(`One actor of the pair. ${IN_ORDER}`),
        b: actorRef.describe('The other actor of the pair.'),
        layer: id.describe('The layer that changes (a layer id; not "net", which is derived).'),
        delta: delta('the relation'),
      })
      .describe(
        `Changes a pair's relation in one layer, within -100…100 and the bound rules. ${RELATION_SCALE}`,
      ),
    z
      .strictObject({
        do: tag('meter', "Change an actor's meter."),
        actor: actorRef.describe(`Whose meter. ${IN_ORDER}`),
        meter: id.describe('A meter id from `meters`.'),
        ...setOrDelta('the meter', "kept within the meter's min…max"),
      })
      .describe("Changes or sets an actor's meter, kept within the meter's range."),
    z
      .strictObject({
        do: tag('flag', 'Change a flag.'),
        flag: id.describe('A flag declared in `flags`.'),
        ...setOrDelta('the flag', 'any whole number'),
      })
      .describe('Changes or sets a scenario flag.'),
    z
      .strictObject({
        do: tag('presence', "Change an actor's forces in a region."),
        actor: actorRef.describe(`Whose forces. ${IN_ORDER}`),
        region: regionRef.describe('The region.'),
        delta: delta('the forces there (they never fall below 0)'),
      })
      .describe("Adds forces to (or removes them from) a region; the actor's reserve does not change."),
    z
      .strictObject({
        do: tag('move', "Move a share of an actor's forces."),
        actor: actorRef.describe(`Whose forces. ${IN_ORDER}`),
        from: regionRef.describe('The region they leave.'),
        to: z
          .array(regionRef)
          .min(1)
          .describe(
            "The regions they go to, shared evenly (the first takes the remainder); normally `from`'s neighbours.",
          ),
        percent: int.min(1).max(100).describe('The share of its forces in `from` that moves (rounded down).'),
      })
      .describe("Moves a share of an actor's forces from one region to others (e.g. a retreat)."),
    z
      .strictObject({
        do: tag('control', 'Hand a region over.'),
        region: regionRef.describe('The region.'),
        actor: actorRef.nullable().describe('Its new holder, or null for nobody.'),
      })
      .describe('Gives a region to an actor (or to nobody), whatever the forces there.'),
    z
      .strictObject({
        do: tag('contest', 'Mark a region contested or not.'),
        region: regionRef.describe('The region.'),
        value: z.boolean().describe('true: contested; false: not contested.'),
      })
      .describe(
        "Marks a region contested or not this turn, over the engine's own rule (hostile forces there).",
      ),
    z
      .strictObject({
        do: tag('reserve', "Change an actor's reserve."),
        actor: actorRef.describe(`Whose reserve. ${IN_ORDER}`),
        delta: delta('the reserve (it never falls below 0)'),
      })
      .describe('Changes the forces an actor holds off the map, ready to deploy.'),
    z
      .strictObject({
        do: tag('vp', 'Bank victory points.'),
        actor: actorRef.describe(`Who scores. ${IN_ORDER}`),
        delta: delta('its banked victory points'),
      })
      .describe('Banks victory points for an actor (added to its score for the rest of the game).'),
    z
      .strictObject({
        do: tag('weight', "Change how much an actor's AI cares about an objective."),
        actor: actorRef.describe(`Whose objective. ${IN_ORDER}`),
        objective: id.describe("An objective id of that actor's objectives."),
        set: int.min(0).max(10).describe('The new weight, 0 (ignore it) to 10.'),
      })
      .describe(
        "Sets the weight an actor's AI gives one of its objectives (e.g. when it redefines its interests).",
      ),
    z
      .strictObject({
        do: tag('unravel', 'Undo contradictions.'),
        layer: id
          .optional()
          .describe('Only the triads unbalanced in this layer; left out: the cross-layer contradictions.'),
        triads: z
          .array(z.array(id).length(3).describe('Three actor ids, in any order.'))
          .max(200)
          .optional()
          .describe(
            "Only these triads: the contradictions the rule's source names. Left out: every contradiction.",
          ),
      })
      .describe(
        'Each contradiction whose actors have not redefined their interests comes apart: its weakest friendly tie turns hostile.',
      ),
    z
      .strictObject({
        do: tag('note', 'Say something in the turn report.'),
        text: z.string().describe('Shown to the player as written (no placeholders are filled in).'),
      })
      .describe('Adds a line to the turn report; changes nothing.'),
  ])
  .meta({ id: 'Effect', description: `An effect of the rule language: { "do": kind, … }. ${IN_ORDER}` });
export type Effect = z.infer<typeof Effect>;

const ruleBase = {
  id: id.describe('The rule id, unique in the scenario (e.g. "R12"); shown with every change it causes.'),
  text: z
    .string()
    .min(1)
    .describe('The rule in plain language, shown to the player as written (no placeholders are filled in).'),
  source: SourceRef.optional().describe('The passage of a source this rule rests on.'),
  ok: z
    .string()
    .optional()
    .describe('What the rule takes from outside the articles ("outside knowledge"), shown as such.'),
};
const effects = (when: string) => z.array(Effect).describe(`The effects, applied in order ${when}.`);

export const Rule = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        ...ruleBase,
        kind: tag('trigger', 'A rule tested every turn.'),
        when: Condition.describe('The condition, tested after the orders and realignment of each turn.'),
        effects: effects('each turn the condition holds'),
        once: withDefault(
          z.boolean().optional(),
          false,
          'true: fires at most once a game. false: fires every turn its condition holds; say so explicitly, ' +
            'as a trigger that leaves `once` out while its condition can hold turn after turn gets a warning.',
        ),
      })
      .describe(
        'A trigger: after the orders and realignment of each turn, if `when` holds, its effects apply.',
      ),
    z
      .strictObject({
        ...ruleBase,
        kind: tag('scheduled', 'A rule for one turn.'),
        turn: int.min(1).describe('The turn it happens on (1 is the first; at most `end.turns`).'),
        when: Condition.optional().describe('Only if this also holds then (always, if left out).'),
        effects: effects('on that turn'),
      })
      .describe('A scheduled event: its effects apply at the end of one turn.'),
    z
      .strictObject({
        ...ruleBase,
        kind: tag('gate', 'A condition on giving orders.'),
        orders: z
          .array(id)
          .min(1)
          .describe('The orders it applies to: order ids, or order types (every order of that type).'),
        when: Condition.describe(`The orders may be given only while this holds. ${IN_ORDER}`),
        refusal: z
          .string()
          .optional()
          .describe("What the player is told when the gate refuses an order. Default: the rule's text."),
      })
      .describe('A gate: the orders it names are refused unless `when` holds.'),
    z
      .strictObject({
        ...ruleBase,
        kind: tag('order', 'Extra effects of orders.'),
        orders: z
          .array(id)
          .min(1)
          .describe('The orders it applies to: order ids, or order types (every order of that type).'),
        when: Condition.optional().describe(
          `Only if this holds when the order resolves (always, if left out). ${IN_ORDER}`,
        ),
        effects: effects('whenever one of the orders resolves'),
      })
      .describe('An order rule: extra effects whenever one of its orders resolves.'),
    z
      .strictObject({
        ...ruleBase,
        kind: tag('bound', 'A floor or cap on a relation.'),
        a: id.describe('One actor of the pair.'),
        b: id.describe('The other actor of the pair.'),
        layer: id.describe('The layer it limits, or "net" for the net value.'),
        min: rel.optional().describe(`The floor: the relation never falls below it. ${RELATION_SCALE}`),
        max: rel.optional().describe('The cap: the relation never rises above it (at least `min`).'),
        while: Condition.optional().describe('Only while this holds (always, if left out).'),
      })
      .describe("A bound: the pair's relation in the layer (or net) is kept within min…max."),
  ])
  .describe('A rule of the scenario, by `kind`: trigger, scheduled, gate, order or bound.');
export type Rule = z.infer<typeof Rule>;

export const OrderDef = z
  .strictObject({
    id: id.describe('The order id, unique in the scenario.'),
    type: z
      .enum(ORDER_TYPES)
      .describe(
        `The engine's order type, which gives its built-in meaning, its phase and its parameters (docs/order-types.md): ${describeTypes()}`,
      ),
    name: z.string().min(1).describe('What the player sees in the order list.'),
    text: z.string().optional().describe('A longer explanation shown with the order.'),
    actors: z.array(id).min(1).describe('The actors who may give it.'),
    targets: z
      .array(id)
      .optional()
      .describe(
        `The actors it may name as its target (one order per target). Needed by ${typesNeeding('targets')}; ` +
          'an actor never targets itself.',
      ),
    regions: z
      .array(id)
      .optional()
      .describe(`The regions it may name (one order per region). Needed by ${typesNeeding('regions')}.`),
    layer: id
      .optional()
      .describe("The layer its relation changes act on. Default: the scenario's first layer."),
    relation: int
      .optional()
      .describe(
        "The built-in change of the giver's relation with its target when it resolves. Default per type: " +
          `${describeDefaultRelations()}.`,
      ),
    amount: int
      .min(1)
      .optional()
      .meta({
        description:
          'Forces moved by deploy and withdraw, handed over by arms, and taken off the attack by oppose ' +
          `(default ${FIELD_DEFAULTS.amount}); for support, the least strength it adds to the offensive it ` +
          'supports (its forces in the region count if they are more; default 0).',
        default: FIELD_DEFAULTS.amount,
      }),
    covert: withDefault(
      z.enum(['never', 'optional', 'always']).optional(),
      FIELD_DEFAULTS.covert,
      'Whether it can be given covertly: never, optional (the giver chooses) or always.',
    ),
    exposure: z
      .strictObject({
        percent: int.min(0).max(100).describe('The chance, in percent, that a covert order is exposed.'),
        effects: z.array(Effect).describe(`The effects of being exposed. ${IN_ORDER}`),
        text: z
          .string()
          .optional()
          .describe('What the report says when it is exposed. Default: the covert "name" is exposed.'),
      })
      .optional()
      .describe('What happens when a covert order is found out.'),
    captor: id.optional().describe('Offensive: who takes the region on success. Default: the attacker.'),
    once: withDefault(z.boolean().optional(), false, 'true: each actor may give it once a game.'),
    requires: Condition.optional().describe(`The order is refused unless this holds. ${IN_ORDER}`),
    refusal: z
      .string()
      .optional()
      .describe(
        'What the player is told when `requires` fails, as written (no placeholders are filled in). Default: ' +
          'the condition spelled out, ids and all; give one whenever there is a `requires`.',
      ),
    issues: z
      .record(id, int.min(-3).max(3))
      .optional()
      .describe(
        "Issue id → how far the order advances (+) or harms (-) it, -3…3. Every other actor's relation with the " +
          'giver moves by its stake × this × `settings.interestScale`.',
      ),
    effects: z.array(Effect).optional().describe(`Extra effects when it resolves. ${IN_ORDER}`),
    source: SourceRef.optional().describe('The passage of a source this order rests on.'),
    ok: z.string().optional().describe('What it takes from outside the articles, shown as such.'),
  })
  .describe('An order actors may give: its type, who may give it, its parameters and its extra effects.');
export type OrderDef = z.infer<typeof OrderDef>;

const point = {
  lat: z.number().min(-90).max(90).describe('Latitude, in degrees north.'),
  lon: z.number().min(-180).max(180).describe('Longitude, in degrees east.'),
};

export const Objective = z
  .strictObject({
    id: id.describe('The objective id, unique in the scenario (effects of kind `weight` name it).'),
    text: z.string().min(1).describe('What the player sees.'),
    vp: int.describe('Victory points it is worth each time the score is counted while it holds.'),
    weight: withDefault(
      int.min(0).max(10).optional(),
      FIELD_DEFAULTS.objectiveWeight,
      'How much the AI cares about it, 0…10.',
    ),
    when: Condition.describe('It scores while this holds.'),
    source: SourceRef.optional().describe('The passage of a source it rests on.'),
    ok: z.string().optional().describe('What it takes from outside the articles, shown as such.'),
  })
  .describe("One of an actor's objectives: it scores while its condition holds.");

export const Actor = z
  .strictObject({
    id: id.describe('The actor id, unique in the scenario (e.g. "RED").'),
    name: z.string().min(1).describe('The name the player sees.'),
    kind: z.enum(['state', 'group', 'bloc']).describe('A state, an armed or political group, or a bloc.'),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #1f77b4')
      .describe('Its colour on the map and in the panels, like "#1f77b4".'),
    playable: z.boolean().describe('Whether a person may hold it (the AI plays it otherwise).'),
    home: z
      .strictObject(point)
      .or(id)
      .describe('Where its token sits off the map: a point, or the id of a region or arena.'),
    reserve: int.min(0).describe('Forces it holds off the map at the start, ready to deploy.'),
    capabilities: z
      .strictObject({
        military: int.min(0).describe('Military capability (descriptive: no rule of the engine reads it).'),
        economy: int.min(0).describe('Economic capability (descriptive: no rule of the engine reads it).'),
        influence: int.min(0).describe('Diplomatic influence (descriptive: no rule of the engine reads it).'),
      })
      .describe('What the actor can bring to bear, as a record of the scenario; the rules do not read it.'),
    meters: z
      .record(id, int)
      .optional()
      .describe("Meter id → its starting value, within the meter's min…max. A meter left out starts at 0."),
    stakes: z
      .record(id, int.min(-3).max(3))
      .optional()
      .describe(
        'Issue id → how much the actor cares about it and which way, -3…3 (0 or left out: not at all).',
      ),
    objectives: z.array(Objective).describe('What it scores for.'),
    description: z.string().optional().describe('A paragraph about it, shown in its card.'),
    source: SourceRef.optional().describe('The passage of a source it rests on.'),
    ok: z.string().optional().describe('What it takes from outside the articles, shown as such.'),
  })
  .describe('A power or group: a playable side or one the AI plays.');
export type ActorDef = z.infer<typeof Actor>;

export const Region = z
  .strictObject({
    id: id.describe('The region id, unique in the scenario.'),
    name: z.string().min(1).describe('The name the player sees.'),
    theatre: id.describe('The layer id of its theatre: common enemies draw closer in that layer.'),
    ...point,
    neighbours: z
      .array(id)
      .describe('Regions next to it, listed both ways: offensives draw on half the forces next door.'),
    controller: id.nullable().describe('Who holds it at the start, or null for nobody.'),
    presence: z.record(id, int.min(0)).describe('Actor id → its forces there at the start.'),
    contested: withDefault(z.boolean().optional(), false, 'Whether it starts contested.'),
    outline: z
      .strictObject({
        country: z.string().describe('The country whose borders it is drawn in (as in the map data).'),
        admin: z.array(z.string()).describe('The governorates or provinces that make up its outline.'),
      })
      .optional()
      .describe('How the map draws it; left out, it is drawn as a marker.'),
    source: SourceRef.optional().describe('The passage of a source it rests on.'),
    ok: z.string().optional().describe('What it takes from outside the articles, shown as such.'),
  })
  .describe('A region of the map: who holds it and whose forces are there.');
export type RegionDef = z.infer<typeof Region>;

export const Relation = z
  .strictObject({
    a: id.describe('One actor of the pair.'),
    b: id.describe('The other actor of the pair (each pair once, in either order).'),
    values: z
      .record(id, rel)
      .describe(
        `Layer id → the starting value in that layer (a layer left out starts at 0). ${RELATION_SCALE}`,
      ),
    sources: z.array(SourceRef).optional().describe('The passages these values rest on.'),
    note: z.string().optional().describe('Why these values, shown with the relation.'),
    ok: z.string().optional().describe('What they take from outside the articles, shown as such.'),
  })
  .describe('The starting relation of one pair of actors, per layer; pairs not listed start at 0.');

const Override = z.strictObject({
  relations: z
    .array(Relation)
    .optional()
    .describe("Starting relations that replace the main line's, layer by layer (or add pairs)."),
  regions: z
    .array(
      z
        .strictObject({
          id: id.describe('The region id.'),
          controller: id.nullable().optional().describe('Its holder at the start (null for nobody).'),
          presence: z
            .record(id, int.min(0))
            .optional()
            .describe('Its forces at the start (replaces them all).'),
        })
        .describe('A region that starts differently.'),
    )
    .optional()
    .describe('Regions that start differently.'),
  flags: z.record(id, int).optional().describe('Flag id → its starting value (flags declared in `flags`).'),
  suppress: z.array(id).optional().describe('Rule ids that do not apply in this branch.'),
  rules: z.array(Rule).optional().describe('Rules added in this branch.'),
  orders: z.array(OrderDef).optional().describe('Orders added in this branch.'),
  removeOrders: z.array(id).optional().describe('Order ids that cannot be given in this branch.'),
});

export const Branch = z
  .strictObject({
    id: id.describe('The branch id, unique in the scenario (`--branch` takes it).'),
    title: z.string().min(1).describe('Its title ("What if Turkey joins Mosul").'),
    text: z.string().describe('What changes, shown when it is picked.'),
    questions: z.array(z.string()).optional().describe('Discussion questions for this branch.'),
    source: SourceRef.optional().describe('The passage of a source it rests on.'),
    ...Override.shape,
  })
  .describe(
    'A what-if that starts beside the main line: changed starting relations, regions, rules or orders.',
  );
export type BranchDef = z.infer<typeof Branch>;

/** The most turns a scenario may last (`end.turns`), so every game and playout ends (shipped: ≤ 15). */
export const MAX_END_TURNS = 200;

const positive = (text: string) => int.min(0).describe(text);

const Settings = z
  .strictObject({
    ordersPerTurn: withDefault(
      int.min(1).max(5).optional(),
      SETTING_DEFAULTS.ordersPerTurn,
      'How many orders each actor may give a turn, 1…5 (the AI gives up to this many).',
    ),
    realignStep: withDefault(
      int.min(0).max(50).optional(),
      SETTING_DEFAULTS.realignStep,
      'Structural balance: each turn the weakest tie of each unbalanced triad, in each layer, drifts toward ' +
        'balance by a seeded 1…realignStep points (0 turns the drift off).',
    ),
    commonEnemy: withDefault(
      z
        .strictObject({
          perTurn: positive('Points the pair draws closer each turn (0 turns common enemies off).'),
          cap: rel.describe('The relation value they draw closer up to, and no further.'),
        })
        .optional(),
      SETTING_DEFAULTS.commonEnemy,
      "Common enemies: in each region, the actors present there that are hostile to its holder (in the region's " +
        'theatre) draw closer to each other in that theatre each turn, while the holder keeps the region.',
    ),
    interestScale: withDefault(
      int.min(0).max(20).optional(),
      SETTING_DEFAULTS.interestScale,
      "Interests: when an order resolves, every other actor's relation with its giver (in the order's layer) " +
        "moves by that actor's stake × the order's change to the issue × interestScale (0 turns it off).",
    ),
    defenceBonus: withDefault(
      int.min(0).max(400).optional(),
      SETTING_DEFAULTS.defenceBonus,
      "Percent added to the holder's forces when its region is attacked (50: they count one and a half times).",
    ),
    attrition: withDefault(
      int.min(1).max(100).optional(),
      SETTING_DEFAULTS.attrition,
      "Percent of the holder's forces a successful assault destroys (rounded up).",
    ),
    breakRatio: withDefault(
      int.min(0).max(400).optional(),
      SETTING_DEFAULTS.breakRatio,
      'After a successful assault the holder breaks, and the region changes hands, when its forces left are at ' +
        'most this percent of the attack; otherwise the region is contested and the siege goes on.',
    ),
    garrison: withDefault(
      int.min(0).max(100).optional(),
      SETTING_DEFAULTS.garrison,
      'Forces the captor moves from its reserve into a region it has just taken by an offensive (as much as ' +
        'its reserve holds); 0 moves none, and the region is left to the forces already there.',
    ),
    allyCapture: withDefault(
      z.boolean().optional(),
      SETTING_DEFAULTS.allyCapture,
      'Whether an offensive may take a region from an ally (net relation above 0) of the attacker or of the ' +
        'captor; when false, such offensives are refused with the reason.',
    ),
  })
  .describe('Tuning of the mechanics; every setting is optional and has the default given.');

export const Scenario = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .describe('The path of this JSON Schema, for editors (ignored by the game).'),
    id: id.describe('The scenario id (`--scenario` takes it; the file is usually named after it).'),
    version: int
      .min(1)
      .describe('Raise it when the scenario changes: saved games of an older version are set aside.'),
    title: z.string().min(1).describe('The title the player sees.'),
    summary: z.string().describe('One or two sentences for the scenario list.'),
    start: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2016-10-17')
      .describe('The date of the first turn, like "2016-10-17".'),
    turnDays: int.min(1).describe('Days a turn lasts (the date shown advances by this much each turn).'),
    sources: z
      .array(
        z
          .strictObject({
            id: id.describe('The source id that quotes name (e.g. "A1").'),
            title: z.string().describe('Its title.'),
            author: z.string().optional().describe('Its author, if known.'),
            outlet: z.string().describe('Where it was published.'),
            date: z.string().describe('When it was published.'),
            kind: z.string().describe('What kind of source it is (e.g. "news analysis"), for the briefing.'),
          })
          .describe('One source the scenario quotes.'),
      )
      .describe('The articles and other sources the scenario rests on; quotes name them by id.'),
    layers: z
      .array(
        z
          .strictObject({
            id: id.describe('The layer id (e.g. "IQ"); regions name it as their theatre.'),
            name: z.string().describe('The name the player sees.'),
            net: withDefault(
              z.boolean().optional(),
              true,
              'Whether it counts in the net value (false: a layer kept apart, like a "perceived" one).',
            ),
          })
          .describe('One layer of the relations (a theatre, or a view such as "perceived").'),
      )
      .min(1)
      .describe('The layers each pair has a relation in; the first is the default layer of orders.'),
    meters: z
      .array(
        z
          .strictObject({
            id: id.describe('The meter id.'),
            name: z.string().describe('The name the player sees.'),
            min: int.describe('Its lowest value; effects never take it lower.'),
            max: int.describe('Its highest value (at least `min`); effects never take it higher.'),
          })
          .describe('One meter every actor has.'),
      )
      .describe('Numbers every actor has (economy, isolation…), each kept within its range.'),
    issues: z
      .array(
        z
          .strictObject({
            id: id.describe('The issue id.'),
            name: z.string().describe('The name the player sees.'),
          })
          .describe('One issue actors have stakes in.'),
      )
      .optional()
      .describe(
        "What actors care about: orders advance or harm issues, and actors' stakes turn that into relations.",
      ),
    actors: z
      .array(Actor)
      .min(2)
      .describe('The powers and groups, in the order they resolve within a phase.'),
    regions: z.array(Region).min(1).describe('The regions of the map.'),
    arenas: z
      .array(
        z
          .strictObject({
            id: id.describe('The arena id.'),
            name: z.string().describe('Its name.'),
            ...point,
          })
          .describe("An off-map box where actors' tokens can sit."),
      )
      .optional()
      .describe('Off-map boxes (capitals, the negotiating table) that actors can call home.'),
    relations: z.array(Relation).describe('The starting relations, one entry per pair.'),
    orders: z.array(OrderDef).describe('What each actor may order.'),
    rules: z
      .array(Rule)
      .describe('The rules that move things: triggers, scheduled events, gates, order rules and bounds.'),
    flags: z
      .record(id, int)
      .optional()
      .describe(
        'Flag id → its starting value. Every flag a condition or effect names must be declared here.',
      ),
    settings: Settings.optional().describe(
      'Tuning of the mechanics; every setting is optional and has the default given.',
    ),
    end: z
      .strictObject({
        turns: int
          .min(1)
          .max(MAX_END_TURNS, `at most ${MAX_END_TURNS} turns (the limit for a scenario)`)
          .describe(`The most turns the game lasts, 1…${MAX_END_TURNS}.`),
        when: Condition.optional().describe('The game also ends at the end of a turn when this holds.'),
        text: z.string().optional().describe('How the game ends, in plain language, for the briefing.'),
      })
      .describe('When the game ends.'),
    briefing: z
      .strictObject({
        situation: z.array(z.string()).describe('Paragraphs on the situation at the start.'),
        questions: z.array(z.string()).describe('Questions for discussion.'),
      })
      .describe('What the player reads before the first turn.'),
    branches: z.array(Branch).optional().describe('What-ifs that start beside the main line.'),
  })
  .describe('A scenario of the Iraq/Syria simulation: everything the engine plays, as data.');
export type ScenarioDef = z.infer<typeof Scenario>;
export type SourceRef = z.infer<typeof SourceRef>;
