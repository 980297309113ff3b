// The table of order types is the engine's one source: it covers exactly the schema's types, legality,
// resolution order, default relation changes and amounts follow it, and docs/order-types.md is what it writes.
import fs from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { renderOrderTypesDoc, ORDER_TYPES_DOC } from '../../scripts/docs';
import type { GameState, Order, World } from '../../src/engine/index';
import { checkOrder, compileWorld, createGame, resolveTurn, validateScenario } from '../../src/engine/index';
import { needsRegions, needsTargets, ORDER_TYPE_TABLE, PHASES } from '../../src/engine/orderTypes';
import { sortOrders } from '../../src/engine/resolve';
import type { OrderDef, OrderType, ScenarioDef } from '../../src/engine/schema';
import { ORDER_TYPES } from '../../src/engine/schema';
import { valleysJson } from '../support/worlds';

/** Where a probe of each type may act in the valleys: Red holds forces on the hill, which the raiders hold. */
const PROBE_REGION: Partial<Record<OrderType, string>> = {
  deploy: 'marsh',
  withdraw: 'hill',
  offensive: 'hill',
};

/** The valleys with one extra order per type, given by Red, naming Blue and a region, with no relation or amount. */
function buildProbeWorld(): World {
  const json = valleysJson() as unknown as ScenarioDef;
  const probes: OrderDef[] = ORDER_TYPES.map((type) => ({
    id: `probe-${type}`,
    type,
    name: `Probe ${type}`,
    actors: ['RED'],
    targets: ['BLUE'],
    regions: [PROBE_REGION[type] ?? 'marsh'],
    layer: 'sea',
  }));
  const def = validateScenario({ ...json, orders: [...json.orders, ...probes] });
  if (!def.ok) throw new Error(def.error);
  const world = compileWorld(def.value);
  if (!world.ok) throw new Error(world.error);
  return world.value;
}

const makeProbe = (type: OrderType, extra: Partial<Order> = {}): Order => ({
  id: `probe-${type}`,
  actor: 'RED',
  target: 'BLUE',
  region: PROBE_REGION[type] ?? 'marsh',
  ...extra,
});

describe('the table of order types', () => {
  const w = buildProbeWorld();
  // Rich enough for the valleys' gate on summits (G2: gold 60 or more), so that every probe is legal.
  const s0 = produce(createGame(w, 3), (d) => {
    d.actors[w.actorIndex['RED']!]!.meters.gold = 70;
  });
  const resolve = (s: GameState, orders: Order[]) => produce(s, (d) => resolveTurn(d, w, orders));

  it("covers exactly the schema's order types, each in one of the phases", () => {
    expect(Object.keys(ORDER_TYPE_TABLE).sort()).toEqual([...ORDER_TYPES].sort());
    for (const type of ORDER_TYPES) expect(PHASES).toContain(ORDER_TYPE_TABLE[type].phase);
  });

  it.each([...ORDER_TYPES])(
    '%s: legality asks for a target and a region exactly as the table says',
    (type) => {
      expect(checkOrder(s0, w, makeProbe(type))).toEqual({ ok: true });
      const noTarget = checkOrder(s0, w, makeProbe(type, { target: undefined }));
      const noRegion = checkOrder(s0, w, makeProbe(type, { region: undefined }));
      expect(noTarget.ok ? null : noTarget.code).toBe(needsTargets(type) ? 'bad-target' : null);
      expect(noRegion.ok ? null : noRegion.code).toBe(needsRegions(type) ? 'bad-region' : null);
    },
  );

  it.each([...ORDER_TYPES])('%s: its default relation change with the target is the table’s', (type) => {
    const s1 = resolve(s0, [makeProbe(type)]);
    const own = s1.effects.filter(
      (e) => e.order === 0 && e.kind === 'relation' && e.layer === 'sea' && e.a === 'BLUE' && e.b === 'RED',
    );
    const change = own.reduce((sum, e) => sum + e.after! - e.before!, 0);
    expect(change).toBe(ORDER_TYPE_TABLE[type].relation);
  });

  it('resolves orders in the phases of the table, whatever order they were given in', () => {
    const given = [...ORDER_TYPES].reverse().map((type) => makeProbe(type));
    const sorted = sortOrders({ s: s0, w }, given).map((o) => o.type);
    const byPhase = [...ORDER_TYPES].sort(
      (a, b) => PHASES.indexOf(ORDER_TYPE_TABLE[a].phase) - PHASES.indexOf(ORDER_TYPE_TABLE[b].phase),
    );
    expect(sorted.map((t) => PHASES.indexOf(ORDER_TYPE_TABLE[t].phase))).toEqual(
      byPhase.map((t) => PHASES.indexOf(ORDER_TYPE_TABLE[t].phase)),
    );
  });

  it('moves the default amount of forces when a definition sets none', () => {
    const s1 = resolve(s0, [makeProbe('deploy')]);
    const red = w.actorIndex['RED']!;
    expect(s0.actors[red]!.reserve - s1.actors[red]!.reserve).toBe(ORDER_TYPE_TABLE.deploy.amount);
    const s2 = resolve(s0, [makeProbe('arms')]);
    const blue = w.actorIndex['BLUE']!;
    expect(s2.actors[blue]!.reserve - s0.actors[blue]!.reserve).toBe(ORDER_TYPE_TABLE.arms.amount);
  });

  it('lets only the repeatable types be given twice with the same parameters', () => {
    for (const type of ORDER_TYPES) {
      const twice = checkOrder(s0, w, makeProbe(type), [makeProbe(type)]);
      expect(twice.ok, type).toBe(ORDER_TYPE_TABLE[type].repeatable === true);
    }
  });
});

describe('docs/order-types.md', () => {
  it('is what `npm run docs` writes from the table (run it after changing the table)', () => {
    expect(fs.readFileSync(ORDER_TYPES_DOC, 'utf8')).toBe(renderOrderTypesDoc());
  });

  it('has a section for every order type, with its default relation change', () => {
    const doc = renderOrderTypesDoc();
    for (const type of ORDER_TYPES) {
      const section = doc.split(`\n## ${type}\n`)[1]?.split('\n## ')[0] ?? '';
      expect(section, type).toMatch(/\*\*Needs:\*\*/);
      const relation = ORDER_TYPE_TABLE[type].relation;
      expect(section, type).toContain(relation ? `${relation > 0 ? '+' : ''}${relation} (` : 'none');
    }
  });
});
