// The one table of order types: for each of the fourteen, what an order needs, the relation change it makes
// when its definition sets none, how it resolves and how the AI forecasts it. Legality, resolution, the AI and
// docs/order-types.md all read this table; no other module switches on an order's type.
import type { Cause, Ctx } from './context';
import { actorName, record, regionName, later } from './context';
import { changeControl, changePresence, changeReserve, deployForces } from './effects';
import type { Overlay } from './overlay';
import { relation } from './relations';
import { nextInt } from './rng';
import type { World } from './scenario';
import type { OrderFacts } from './orderFacts';
import { ORDER_FACTS } from './orderFacts';
import type { OrderDef, OrderType } from './schema';
import type { GameState, Order, Refusal, ResolvedOrder } from './types';

export type { Need } from './orderFacts';

/** The phases of resolution, in order; within a phase orders resolve by actor order. */
export const PHASES = [
  'redefinition',
  'diplomacy',
  'pressure',
  'movement',
  'combat',
  'aftermath',
  'last',
] as const;
export type Phase = (typeof PHASES)[number];

/** Forces the giver's own orders of the turn will take before this one and that the state does not show yet. */
export interface Commitments {
  reserve: number; // taken from the reserve by its deploy and arms orders
  withdrawn: (region: string) => number; // pulled out of a region by its withdraw orders
}

export interface CheckArgs {
  s: GameState;
  w: World;
  def: OrderDef;
  order: Order;
  who: string; // the giver's name, for the reason
  committed: Commitments;
}

export interface ResolveArgs {
  ctx: Ctx;
  o: ResolvedOrder;
  def: OrderDef;
  cause: Cause;
  amount: number; // the definition's `amount`, else the type's default (0 when the type uses none)
}

export interface ForecastArgs {
  s: GameState;
  w: World;
  o: Order;
  def: OrderDef;
  ov: Overlay;
  amount: number;
}

/** A type's facts (orderFacts.ts: what it needs, its default relation change and amount) and its behaviour. */
export interface OrderTypeEntry extends OrderFacts {
  phase: Phase;
  draws?: 'reserve' | 'presence'; // what its amount takes: the reserve, or the giver's forces in its region
  repeatable?: true; // may be given more than once a turn with the same parameters
  planned: boolean; // whether the AI considers giving it
  needs: string; // what it needs beyond targets and regions, for docs ('' if nothing)
  resolves: string; // how it resolves beyond the relation change, effects, order rules and interests
  forecasts: string; // how the AI forecasts it beyond what it forecasts for every order
  checkRegion?: (a: CheckArgs) => Refusal | null; // the region's state (with the region checks)
  checkForces?: (a: CheckArgs) => Refusal | null; // the forces it needs (after the other checks of the order)
  resolve?: (a: ResolveArgs) => void; // its built-in resolution
  aid?: (a: { def: OrderDef; presence: number }) => number; // strength added to an offensive of its target
  forecast?: (a: ForecastArgs) => number; // writes its expected changes into the overlay; returns their odds %
}

const refuse = (code: Refusal['code'], reason: string): Refusal => ({ ok: false, code, reason });

/** The capture settings the schema may not declare yet, with the defaults that keep older games as they were. */
export function readCaptureSettings(w: World): { garrison: number; allyCapture: boolean } {
  return { garrison: w.settings.garrison, allyCapture: w.settings.allyCapture };
}

/**
 * Strength an actor can bring to an offensive on a region: its forces there plus half (rounded down) those in
 * each neighbouring region, less what `withdrawn` says its own orders will pull out of each first.
 */
export function measureStrikingStrength(
  s: GameState,
  w: World,
  actor: string,
  region: string,
  withdrawn: (region: string) => number = NONE_WITHDRAWN,
): number {
  const ri = w.regionIndex[region];
  if (ri === undefined) return 0;
  let total = Math.max(0, (s.regions[ri]!.presence[actor] ?? 0) - withdrawn(region));
  for (const n of w.def.regions[ri]!.neighbours) {
    const here = Math.max(0, (s.regions[w.regionIndex[n]!]!.presence[actor] ?? 0) - withdrawn(n));
    total += Math.floor(here / 2);
  }
  return total;
}

const NONE_WITHDRAWN = (): number => 0;

/** The holder's defence of a region and an attack's odds of succeeding (percent, rounded down). */
export function rateOffensive(s: GameState, w: World, region: string, attack: number) {
  const r = s.regions[w.regionIndex[region]!]!;
  const held = r.controller ? (r.presence[r.controller] ?? 0) : 0;
  const defence = Math.floor((held * (100 + w.settings.defenceBonus)) / 100);
  const odds = attack + defence === 0 ? 0 : Math.floor((attack * 100) / (attack + defence));
  return { defence, odds };
}

/** Reserve orders: something must be left after the giver's other ones, and several must fit it together. */
function checkReserve({ s, w, def, order, who, committed }: CheckArgs): Refusal | null {
  const reserve = s.actors[w.actorIndex[order.actor]!]!.reserve;
  const left = reserve - committed.reserve;
  const amount = readAmount(def);
  if (left <= 0)
    return refuse(
      'no-forces',
      committed.reserve
        ? `${who} has no forces left in reserve: its other orders this turn take all ${reserve}.`
        : `${who} has no forces left in reserve.`,
    );
  if (committed.reserve && left < amount)
    return refuse(
      'no-forces',
      `${who} has ${left} forces left in reserve after its other orders this turn; "${def.name}" needs ${amount}.`,
    );
  return null;
}

function checkWithdrawal({ s, w, def, order, who, committed }: CheckArgs): Refusal | null {
  const region = order.region!;
  const withdrawn = committed.withdrawn(region);
  const here = (s.regions[w.regionIndex[region]!]!.presence[order.actor] ?? 0) - withdrawn;
  const place = regionName(w, region);
  const amount = readAmount(def);
  if (here <= 0)
    return refuse(
      'no-forces',
      withdrawn
        ? `${who} has no forces left in ${place} to withdraw after its other orders this turn.`
        : `${who} has no forces in ${place} to withdraw.`,
    );
  if (withdrawn && here < amount)
    return refuse(
      'no-forces',
      `${who} has ${here} forces left in ${place} after its other orders this turn; "${def.name}" withdraws ${amount}.`,
    );
  return null;
}

/** An offensive may not target its own side's region, nor (unless the scenario allows it) an ally's. */
function checkObjective({ s, w, def, order, who }: CheckArgs): Refusal | null {
  const region = order.region!;
  const holder = s.regions[w.regionIndex[region]!]!.controller;
  const captor = def.captor ?? order.actor;
  if (holder === captor || holder === order.actor)
    return refuse(
      'bad-region',
      `${regionName(w, region)} is already held by ${actorName(w, holder!)} (${who}'s side).`,
    );
  if (holder && !readCaptureSettings(w).allyCapture)
    for (const side of new Set([order.actor, captor]))
      if (relation(s, w, side, holder, 'net') > 0)
        return refuse(
          'bad-region',
          `${regionName(w, region)} is held by ${actorName(w, holder)}, an ally of ${actorName(w, side)}: ` +
            'allies do not take ground from allies in this scenario.',
        );
  return null;
}

function checkStrikingForces({ s, w, order, who, committed }: CheckArgs): Refusal | null {
  const region = order.region!;
  if (measureStrikingStrength(s, w, order.actor, region, committed.withdrawn) > 0) return null;
  const place = regionName(w, region);
  return refuse(
    'no-forces',
    measureStrikingStrength(s, w, order.actor, region) > 0
      ? `${who} has no forces in or next to ${place} once its withdrawals this turn are made.`
      : `${who} has no forces in or next to ${place}.`,
  );
}

/** An offensive: attackers (with supporters, less opposition) against the holder; a seeded roll decides. */
function fight({ ctx, o, def, cause }: ResolveArgs): void {
  const { s, w } = ctx;
  const region = o.region!;
  const r = s.regions[w.regionIndex[region]!]!;
  let attack = measureStrikingStrength(s, w, o.actor, region);
  for (const x of s.orders) {
    if (x.target !== o.actor || x.outcome === 'refused' || (x.region && x.region !== region)) continue;
    const aid = ORDER_TYPE_TABLE[x.type].aid;
    if (aid) attack += aid({ def: w.orders[x.id]!, presence: r.presence[x.actor] ?? 0 });
  }
  attack = Math.max(0, attack);
  const holder = r.controller;
  const { defence, odds } = rateOffensive(s, w, region, attack);
  const roll = nextInt(s, 100);
  const captor = def.captor ?? o.actor;
  const place = regionName(w, region);
  const summary = later(
    () => `${actorName(w, o.actor)} attacks ${place}: strength ${attack} against ${defence}, ${odds}% odds`,
  );
  const lost = (actor: string, pct: number, why: () => string) => {
    const n = Math.ceil(((r.presence[actor] ?? 0) * pct) / 100);
    if (n) changePresence(ctx, actor, region, -n, { ...cause, why });
  };
  o.outcome = 'failed';
  if (roll < odds) {
    // A successful assault wears the holder down; the region changes hands once the holder breaks (its
    // forces fall to breakRatio% of the attack or below). Sieges such as Mosul's take several turns.
    const { attrition, breakRatio } = w.settings;
    if (holder) lost(holder, attrition, () => `${actorName(w, holder)} is worn down in ${place}`);
    lost(o.actor, 5, () => `losses in the assault on ${place}`);
    const left = holder ? (r.presence[holder] ?? 0) : 0;
    if (left * 100 <= attack * breakRatio) {
      record(ctx, { kind: 'note', text: later(() => `${summary()}: the defence breaks`), region }, cause);
      if (holder && left) lost(holder, 50, () => `${actorName(w, holder)} abandons ${place}`);
      changeControl(ctx, region, captor, {
        ...cause,
        why: later(() => `${actorName(w, o.actor)}'s offensive succeeds`),
      });
      const { garrison } = readCaptureSettings(w);
      if (garrison > 0)
        deployForces(ctx, captor, region, garrison, {
          ...cause,
          why: later(() => `${actorName(w, captor)} garrisons ${place}`),
        });
      o.outcome = 'succeeded';
      return;
    }
    record(
      ctx,
      { kind: 'note', text: later(() => `${summary()}: gains ground, the defence holds`), region },
      cause,
    );
    if (!r.contested) r.contested = true;
    return;
  }
  record(ctx, { kind: 'note', text: later(() => `${summary()}: repulsed`), region }, cause);
  lost(o.actor, 15, () => `losses in the failed assault on ${place}`);
  if (holder) lost(holder, 5, () => `${actorName(w, holder)} holds ${place} at a cost`);
  if (!r.contested) {
    r.contested = true;
    record(ctx, { kind: 'note', text: `${place} is contested`, region }, cause);
  }
}

/** The AI's view of an offensive: the region passes to the captor (with its garrison), at the attack's odds. */
function forecastOffensive({ s, w, o, def, ov }: ForecastArgs): number {
  const captor = def.captor ?? o.actor;
  const { odds } = rateOffensive(s, w, o.region!, measureStrikingStrength(s, w, o.actor, o.region!));
  ov.setControl(o.region!, captor);
  const { garrison } = readCaptureSettings(w);
  const reserve = s.actors[w.actorIndex[captor]!]!.reserve;
  if (garrison > 0 && reserve > 0) ov.bumpPresence(captor, o.region!, Math.min(garrison, reserve));
  return odds;
}

const DIPLOMACY_RESOLVES =
  'Nothing built in beyond the relation change: its `effects` and order rules say the rest.';
const RELATION_ONLY = 'The relation change only.';

/** What deploy and arms need: they both draw on the reserve. */
const RESERVE_NEEDS =
  'Forces in reserve: something must be left after the deploy and arms orders the giver has already ' +
  'given this turn, and when it has given such orders, this one must fit in what is left.';

/** What every order type is and does. */
export const ORDER_TYPE_TABLE: Record<OrderType, OrderTypeEntry> = {
  deploy: {
    ...ORDER_FACTS.deploy,
    phase: 'movement',
    draws: 'reserve',
    planned: true,
    needs: RESERVE_NEEDS,
    resolves:
      "Moves `amount` forces from the giver's reserve to its forces in the region (what is left of the reserve, " +
      'if less).',
    forecasts: "The giver's forces in the region rise by `amount`.",
    checkForces: checkReserve,
    resolve: ({ ctx, o, cause, amount }) => void deployForces(ctx, o.actor, o.region!, amount, cause),
    forecast: ({ o, ov, amount }) => {
      ov.bumpPresence(o.actor, o.region!, amount);
      return 100;
    },
  },
  withdraw: {
    ...ORDER_FACTS.withdraw,
    phase: 'movement',
    draws: 'presence',
    planned: true,
    needs:
      "The giver's forces in the region: something must be left after its other withdraw orders from there " +
      'this turn, and when it has given such orders, this one must fit in what is left. It may not strip an ' +
      'offensive the giver has ordered this turn of all its forces.',
    resolves:
      "Moves `amount` of the giver's forces in the region back to its reserve (all of them, if there are fewer).",
    forecasts: 'Nothing beyond what it forecasts for every order: it does not count the forces that leave.',
    checkForces: checkWithdrawal,
    resolve: ({ ctx, o, cause, amount }) => {
      const n = Math.min(amount, ctx.s.regions[ctx.w.regionIndex[o.region!]!]!.presence[o.actor] ?? 0);
      changePresence(ctx, o.actor, o.region!, -n, cause);
      changeReserve(ctx, o.actor, n, cause);
    },
  },
  offensive: {
    ...ORDER_FACTS.offensive,
    phase: 'combat',
    planned: true,
    needs:
      'The region must not be held by the giver or by its captor (`captor`, default the giver); with ' +
      '`settings.allyCapture` false, not by an ally (net relation above 0) of either. The giver needs forces in ' +
      'or next to the region once its withdraw orders of the turn are made (its striking strength above 0).',
    resolves:
      "Attack: the giver's forces in the region plus half (rounded down) of its forces in each neighbouring " +
      'region, plus what each `support` naming it adds, less what each `oppose` naming it takes (not below 0). ' +
      "Defence: the holder's forces there × (100 + `settings.defenceBonus`)%, rounded down. Odds: attack × 100 / " +
      '(attack + defence), rounded down (0 if both are 0); a seeded roll under the odds is a successful ' +
      "assault: the holder loses `settings.attrition`% of its forces there, the attacker 5%, and if the holder's " +
      'forces left are at most `settings.breakRatio`% of the attack the defence breaks: the holder abandons half ' +
      'of what it has left and the region passes to the captor, which moves up to `settings.garrison` (default ' +
      '0) forces from its reserve into it; the outcome is "succeeded". Otherwise the defence holds, the region ' +
      'is contested and the outcome is "failed". A repulsed attack costs the attacker 15% and the holder 5% of ' +
      'their forces there and leaves the region contested ("failed"). Losses are rounded up.',
    forecasts:
      'The region passes to the captor (with its garrison, if the scenario sets one), weighed by the odds of ' +
      "the giver's striking strength against the defence; support and oppose orders are not counted.",
    checkRegion: checkObjective,
    checkForces: checkStrikingForces,
    resolve: fight,
    forecast: forecastOffensive,
  },
  support: {
    ...ORDER_FACTS.support,
    phase: 'pressure',
    planned: true,
    needs: '',
    resolves:
      "Each offensive its target makes this turn (in the support's region, if it names one) gains the larger " +
      "of the giver's forces in the attacked region and the support's `amount`.",
    forecasts: 'The relation change only: it does not count the help to an offensive.',
    aid: ({ def, presence }) => Math.max(presence, def.amount ?? 0),
  },
  oppose: {
    ...ORDER_FACTS.oppose,
    phase: 'pressure',
    planned: true,
    needs: '',
    resolves:
      "Each offensive its target makes this turn (in the oppose's region, if it names one; in any region if " +
      'it names none) loses `amount` strength.',
    forecasts: 'The relation change only: it does not count the harm to an offensive.',
    aid: ({ def }) => -Math.max(def.amount ?? 10, 0),
  },
  coordinate: {
    ...ORDER_FACTS.coordinate,
    phase: 'diplomacy',
    planned: true,
    needs: '',
    resolves: DIPLOMACY_RESOLVES,
    forecasts: RELATION_ONLY,
  },
  sanction: {
    ...ORDER_FACTS.sanction,
    phase: 'diplomacy',
    planned: true,
    needs: '',
    resolves: DIPLOMACY_RESOLVES,
    forecasts: RELATION_ONLY,
  },
  lift: {
    ...ORDER_FACTS.lift,
    phase: 'diplomacy',
    planned: true,
    needs: '',
    resolves: DIPLOMACY_RESOLVES,
    forecasts: RELATION_ONLY,
  },
  arms: {
    ...ORDER_FACTS.arms,
    phase: 'movement',
    draws: 'reserve',
    planned: true,
    needs: RESERVE_NEEDS,
    resolves:
      "Moves `amount` forces from the giver's reserve (what is left, if less) to the target's reserve.",
    forecasts: 'The relation change only: it does not count the forces handed over.',
    checkForces: checkReserve,
    resolve: ({ ctx, o, cause, amount }) => {
      const n = Math.min(amount, ctx.s.actors[ctx.w.actorIndex[o.actor]!]!.reserve);
      changeReserve(ctx, o.actor, -n, cause);
      changeReserve(ctx, o.target!, n, cause);
    },
  },
  broker: {
    ...ORDER_FACTS.broker,
    phase: 'diplomacy',
    planned: true,
    needs: '',
    resolves: DIPLOMACY_RESOLVES,
    forecasts: RELATION_ONLY,
  },
  refugees: {
    ...ORDER_FACTS.refugees,
    phase: 'aftermath',
    planned: true,
    needs: '',
    resolves: 'Nothing built in: its `effects` and order rules are what it does.',
    forecasts: 'Nothing beyond what it forecasts for every order.',
  },
  summit: {
    ...ORDER_FACTS.summit,
    phase: 'diplomacy',
    planned: true,
    needs: '',
    resolves:
      'Nothing built in beyond the relation change (when it names a target): its `effects` and order rules say the rest.',
    forecasts: 'The relation change (when it names a target) only.',
  },
  redefine: {
    ...ORDER_FACTS.redefine,
    phase: 'redefinition',
    planned: true,
    needs: '',
    resolves:
      'Marks the giver as having redefined its interests: from then on it carries no tension, and an `unravel` ' +
      'effect leaves the contradictions it is part of alone.',
    forecasts:
      'Nothing beyond what it forecasts for every order: the worth of carrying no tension is not counted.',
    resolve: ({ ctx, o, cause }) => {
      const { s, w } = ctx;
      s.actors[w.actorIndex[o.actor]!]!.redefined = true;
      record(
        ctx,
        {
          kind: 'note',
          text: `${actorName(w, o.actor)} redefines its interests (R27-style): its contradictions no longer unravel`,
        },
        cause,
      );
    },
  },
  pass: {
    ...ORDER_FACTS.pass,
    phase: 'last',
    repeatable: true,
    planned: false,
    needs: '',
    resolves: 'Nothing built in: its `effects` and order rules, if any, are what it does.',
    forecasts: 'Never chosen: an actor with nothing worth doing gives fewer orders instead.',
  },
};

/** The table entry for an order type. */
export const describeOrderType = (type: OrderType): OrderTypeEntry => ORDER_TYPE_TABLE[type];

/** The order types that must name a target actor (and whose definitions must list `targets`). */
export const needsTargets = (type: OrderType): boolean => ORDER_TYPE_TABLE[type].targets === 'required';

/** The order types that must name a region (and whose definitions must list `regions`). */
export const needsRegions = (type: OrderType): boolean => ORDER_TYPE_TABLE[type].regions === 'required';

/** The built-in change of the giver's relation with its target: the definition's `relation`, else the type's. */
export const readRelationChange = (def: OrderDef): number =>
  def.relation ?? ORDER_TYPE_TABLE[def.type].relation;

/** The definition's `amount`, else the type's default (0 for a type that uses none). */
export const readAmount = (def: OrderDef): number => def.amount ?? ORDER_TYPE_TABLE[def.type].amount ?? 0;

/** The position of the type's phase in the order of resolution. */
export const rankPhase = (type: OrderType): number => PHASE_RANK[type];

const PHASE_RANK = Object.fromEntries(
  Object.entries(ORDER_TYPE_TABLE).map(([type, entry]) => [type, PHASES.indexOf(entry.phase)]),
) as Record<OrderType, number>;
