// A validated scenario compiled with a branch into a World: the scenario plus the indexes the rules need.
// No validator here (scenario.ts parses and validates): the odds workers import this without zod.
import { SETTING_DEFAULTS } from './defaults';
import type { OrderDef, Rule, ScenarioDef } from './schema';
import type { Result } from './types';

export interface World {
  def: ScenarioDef; // with the branch's overrides applied
  branch: string | null;
  actorIds: string[];
  actorIndex: Record<string, number>;
  regionIndex: Record<string, number>;
  layerIndex: Record<string, number>;
  netLayers: number[]; // layer indexes that count in the net value
  orders: Record<string, OrderDef>;
  triggers: Extract<Rule, { kind: 'trigger' }>[];
  scheduled: Extract<Rule, { kind: 'scheduled' }>[];
  gates: Extract<Rule, { kind: 'gate' }>[];
  orderRules: Extract<Rule, { kind: 'order' }>[];
  bounds: Extract<Rule, { kind: 'bound' }>[];
  rulesById: Record<string, Rule>;
  settings: Required<NonNullable<ScenarioDef['settings']>>;
}

/** Applies a branch to a validated scenario and builds the indexes. */
export function compileWorld(source: ScenarioDef, branchId: string | null = null): Result<World> {
  let def = source;
  const branch = branchId === null ? null : (source.branches ?? []).find((b) => b.id === branchId);
  if (branchId !== null && !branch) {
    const known = (source.branches ?? []).map((b) => b.id).join(', ') || 'none';
    return { ok: false, error: `scenario "${source.id}" has no branch "${branchId}" (branches: ${known})` };
  }
  if (branch) {
    const suppressed = new Set(branch.suppress ?? []);
    const removed = new Set(branch.removeOrders ?? []);
    const overridden = new Set((branch.relations ?? []).map((r) => pairKey(r.a, r.b)));
    def = {
      ...source,
      relations: [
        ...source.relations.map((r) => {
          if (!overridden.has(pairKey(r.a, r.b))) return r;
          const o = branch.relations!.find((x) => pairKey(x.a, x.b) === pairKey(r.a, r.b))!;
          return { ...r, ...o, values: { ...r.values, ...o.values } };
        }),
        ...(branch.relations ?? []).filter(
          (r) => !source.relations.some((s) => pairKey(s.a, s.b) === pairKey(r.a, r.b)),
        ),
      ],
      regions: source.regions.map((r) => {
        const o = branch.regions?.find((x) => x.id === r.id);
        if (!o) return r;
        return {
          ...r,
          controller: o.controller === undefined ? r.controller : o.controller,
          presence: o.presence ?? r.presence,
        };
      }),
      flags: { ...source.flags, ...branch.flags },
      rules: [...source.rules.filter((r) => !suppressed.has(r.id)), ...(branch.rules ?? [])],
      orders: [...source.orders.filter((o) => !removed.has(o.id)), ...(branch.orders ?? [])],
    };
  }
  const index = (ids: string[]) => dict(ids.map((x, i) => [x, i] as const));
  const rules = def.rules;
  const s = def.settings ?? {};
  return {
    ok: true,
    value: {
      def,
      branch: branch ? branch.id : null,
      actorIds: def.actors.map((a) => a.id),
      actorIndex: index(def.actors.map((a) => a.id)),
      regionIndex: index(def.regions.map((r) => r.id)),
      layerIndex: index(def.layers.map((l) => l.id)),
      netLayers: def.layers.flatMap((l, i) => (l.net === false ? [] : [i])),
      orders: dict(def.orders.map((o) => [o.id, o] as const)),
      triggers: rules.filter((r) => r.kind === 'trigger'),
      scheduled: rules.filter((r) => r.kind === 'scheduled'),
      gates: rules.filter((r) => r.kind === 'gate'),
      orderRules: rules.filter((r) => r.kind === 'order'),
      bounds: rules.filter((r) => r.kind === 'bound'),
      rulesById: dict(rules.map((r) => [r.id, r] as const)),
      settings: {
        ordersPerTurn: s.ordersPerTurn ?? SETTING_DEFAULTS.ordersPerTurn,
        realignStep: s.realignStep ?? SETTING_DEFAULTS.realignStep,
        commonEnemy: s.commonEnemy ?? { ...SETTING_DEFAULTS.commonEnemy },
        interestScale: s.interestScale ?? SETTING_DEFAULTS.interestScale,
        defenceBonus: s.defenceBonus ?? SETTING_DEFAULTS.defenceBonus,
        attrition: s.attrition ?? SETTING_DEFAULTS.attrition,
        breakRatio: s.breakRatio ?? SETTING_DEFAULTS.breakRatio,
        garrison: s.garrison ?? SETTING_DEFAULTS.garrison,
        allyCapture: s.allyCapture ?? SETTING_DEFAULTS.allyCapture,
      },
    },
  };
}

/** A lookup table with no prototype, so that an id like "toString" from outside finds nothing. */
function dict<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The compiled worlds of one scenario, one per branch (null: the main line), compiled once each on demand. */
export function worldCache(def: ScenarioDef): (branch: string | null) => World | null {
  const worlds = new Map<string, World | null>();
  return (branch) => {
    const key = branch ?? '';
    if (!worlds.has(key)) {
      const compiled = compileWorld(def, branch);
      worlds.set(key, compiled.ok ? compiled.value : null);
    }
    return worlds.get(key)!;
  };
}
