// The plain facts of each order type: a sentence of what it is, whether it names a target and a region, its
// default relation change and amount. Kept apart from the behaviour (orderTypes.ts, which spreads them into
// its table) so that the scenario schema describes every type from the same facts without an import cycle.
import type { OrderType } from './schema';

/** Whether an order of the type must name a target actor (or a region), or may when its definition lists some. */
export type Need = 'required' | 'optional';

export interface OrderFacts {
  summary: string; // what an order of this type is, in a sentence
  targets: Need;
  regions: Need;
  relation: number; // change of the giver's relation with the target when the definition sets no `relation`
  amount?: number; // the `amount` used when the definition sets none (only the types that use one)
}

export const ORDER_FACTS: Record<OrderType, OrderFacts> = {
  deploy: {
    summary: "Moves forces from the giver's reserve into a region.",
    targets: 'optional',
    regions: 'required',
    relation: 0,
    amount: 10,
  },
  withdraw: {
    summary: 'Pulls forces out of a region back into the reserve.',
    targets: 'optional',
    regions: 'required',
    relation: 0,
    amount: 10,
  },
  offensive: {
    summary: 'Attacks a region to take it from its holder.',
    targets: 'optional',
    regions: 'required',
    relation: 0,
  },
  support: {
    summary: 'Backs another actor, and adds strength to its offensives this turn.',
    targets: 'required',
    regions: 'optional',
    relation: 4,
    amount: 0,
  },
  oppose: {
    summary: 'Works against another actor, and weakens its offensives this turn.',
    targets: 'required',
    regions: 'optional',
    relation: -8,
    amount: 10,
  },
  coordinate: {
    summary: 'Works with another actor, openly or (where the definition allows) covertly.',
    targets: 'required',
    regions: 'optional',
    relation: 6,
  },
  sanction: {
    summary: 'Punishes another actor: sanctions, embargoes, pressure on its economy.',
    targets: 'required',
    regions: 'optional',
    relation: -8,
  },
  lift: {
    summary: 'Eases pressure on another actor: lifts sanctions, pays out, bails out.',
    targets: 'required',
    regions: 'optional',
    relation: 6,
  },
  arms: {
    summary: "Hands forces from the giver's reserve to another actor's reserve.",
    targets: 'required',
    regions: 'optional',
    relation: 5,
    amount: 10,
  },
  broker: {
    summary: 'Mediates a deal with or for another actor.',
    targets: 'required',
    regions: 'optional',
    relation: 4,
  },
  refugees: {
    summary: 'Takes in (or turns away) refugees: its meaning is all in its effects.',
    targets: 'optional',
    regions: 'optional',
    relation: 0,
  },
  summit: {
    summary: 'Meets other leaders: a summit, a visit, a letter.',
    targets: 'optional',
    regions: 'optional',
    relation: 4,
  },
  redefine: {
    summary: "Redefines the giver's interests: the contradictions it is part of no longer come apart.",
    targets: 'optional',
    regions: 'optional',
    relation: 0,
  },
  pass: {
    summary: "Gives no order (and uses up one of the turn's orders).",
    targets: 'optional',
    regions: 'optional',
    relation: 0,
  },
};

const list = (types: string[]): string =>
  types.length <= 1 ? types.join('') : `${types.slice(0, -1).join(', ')} and ${types[types.length - 1]}`;

/** "support, oppose … and broker": the types whose orders must name a target (or a region). */
export function typesNeeding(what: 'targets' | 'regions'): string {
  return list(
    Object.entries(ORDER_FACTS)
      .filter(([, f]) => f[what] === 'required')
      .map(([t]) => t),
  );
}

/** "coordinate +6, support +4, …, others 0": each type's default relation change. */
export function describeDefaultRelations(): string {
  const made = Object.entries(ORDER_FACTS).filter(([, f]) => f.relation !== 0);
  return `${made.map(([t, f]) => `${t} ${f.relation > 0 ? '+' : ''}${f.relation}`).join(', ')}, others 0`;
}

/** "deploy: Moves forces … · withdraw: …": every type with its sentence. */
export function describeTypes(): string {
  return Object.entries(ORDER_FACTS)
    .map(([t, f]) => `${t}: ${f.summary}`)
    .join(' · ');
}
