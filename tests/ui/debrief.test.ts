// @vitest-environment happy-dom
// The debrief's facts: each score's parts add up to the score the engine gives, the players' decisions are
// their orders with an effect each caused, and the plotted relations are the line's net values with the turns
// where a rule acted on the pair.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GameState, Order, World } from '../../src/engine/index';
import { createGame, netAt, planTurn, resolveTurn } from '../../src/engine/index';
import { copyState } from '../../src/engine/playout';
import type { TreeNode } from '../../src/session/tree';
import {
  compareWithHistory,
  keyDecisions,
  movedPairs,
  relationsPlot,
  renderDebrief,
  scoreParts,
} from '../../src/ui/debrief';
import { worldFrom } from '../support/worlds';
import type { TestElement } from './testDom';
import { allElements, installTestDom, clearTestDom } from './testDom';

/** A line of history nodes: the game from its start, the held actors giving `given` orders. */
function line(w: World, seed: number, held: string[], given: (s: GameState) => Order[]): TreeNode[] {
  let s = createGame(w, seed);
  const nodes: TreeNode[] = [
    { id: 'root', turn: 0, branch: null, orders: [], held: [], state: s, children: [] },
  ];
  while (!s.over) {
    const orders = given(s);
    const next = copyState(s);
    resolveTurn(next, w, planTurn(next, w, orders, held));
    s = next;
    nodes.push({ id: `n${s.turn}`, turn: s.turn, branch: null, orders, held, state: s, children: [] });
  }
  return nodes;
}

const deny: Order = { actor: 'US', id: 'us-deny-turkey', target: 'TUR' };

describe('the debrief', () => {
  beforeEach(() => void installTestDom());
  afterEach(() => clearTestDom());

  for (const file of [
    'scenarios/mosul-2016.json',
    'scenarios/tehran-2022.json',
    'scenarios/russia-intervenes-2015.json',
  ])
    it(`gives each score as the sum the engine makes (${file}, every turn of 3 games)`, () => {
      const w = worldFrom(file);
      for (let seed = 1; seed <= 3; seed++)
        for (const node of line(w, seed, [], () => []))
          for (const a of w.actorIds) {
            const p = scoreParts(node.state, w, a);
            expect(p.total, `${a} at turn ${node.turn}`).toBe(node.state.scores[a]);
            expect(p.penalty).toBe(Math.floor(p.tension / 4));
          }
    });

  it('lists the players’ orders, each with an effect it caused, and nothing the computer gave', () => {
    const w = worldFrom('scenarios/mosul-2016.json');
    const nodes = line(w, 1, ['US'], (s) => (s.turn === 0 ? [deny] : []));
    const decisions = keyDecisions(w, nodes);
    expect(decisions).toHaveLength(1);
    expect(decisions[0]!.turn).toBe(1);
    expect(decisions[0]!.order).toContain('Deny Turkish ground presence');
    const s1 = nodes[1]!.state;
    const k = s1.orders.findIndex((o) => o.id === deny.id);
    expect(s1.effects.filter((e) => e.order === k).map((e) => e.text)).toContain(decisions[0]!.consequence);
  });

  it('plots the pairs that moved most: the line’s net values, and the turns a rule acted on them', () => {
    const w = worldFrom('scenarios/mosul-2016.json');
    const nodes = line(w, 2, ['US'], (s) => (s.turn === 0 ? [deny] : []));
    const pairs = movedPairs(w, nodes, ['US']);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.length).toBeLessThanOrEqual(4);
    const moved = pairs.map((p) => Math.abs(p.values.at(-1)! - p.values[0]!));
    for (let k = 1; k < moved.length; k++) expect(moved[k - 1]!).toBeGreaterThanOrEqual(moved[k]!);
    for (const p of pairs) {
      expect([p.a, p.b]).toContain('US');
      const [i, j] = [w.actorIndex[p.a]!, w.actorIndex[p.b]!];
      expect(p.values).toEqual(nodes.map((n) => netAt(n.state, w, i, j)));
      for (const r of p.rules)
        expect(
          nodes[r.at]!.state.effects.some(
            (e) =>
              e.rule === r.rule &&
              e.kind === 'relation' &&
              [e.a, e.b].sort().join() === [p.a, p.b].sort().join(),
          ),
        ).toBe(true);
    }
    const plot = relationsPlot(w, pairs) as unknown as TestElement;
    expect(allElements(plot).filter((e) => e.localName === 'polyline')).toHaveLength(pairs.length);
    const debrief = renderDebrief(w, nodes, ['US']) as unknown as TestElement;
    expect(debrief.textContent).toContain('How the scores are made');
    expect(allElements(debrief).filter((e) => e.getAttribute('data-testid') === 'decision')).toHaveLength(1);
  });

  it('sets the game beside what happened for every rule and objective whose outcome the scenario records', () => {
    const w = worldFrom('scenarios/mosul-2016.json');
    const nodes = line(w, 3, [], () => []);
    const items = compareWithHistory(w, nodes);
    const recorded =
      w.def.rules.filter((r) => r.ok).length +
      w.def.actors.flatMap((a) => a.objectives.filter((o) => o.ok)).length;
    expect(items).toHaveLength(recorded);
    const r16 = items.find((c) => c.what.startsWith('R16:'))!;
    const fired = nodes.findIndex((n, i) => i > 0 && n.state.effects.some((e) => e.rule === 'R16'));
    expect(r16.inGame).toBe(fired > 0 ? `happened at turn ${nodes[fired]!.turn}` : 'did not happen');
    expect(r16.happened).toBe(w.rulesById.R16!.ok);
  });
});
