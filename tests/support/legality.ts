// What the legality tests share (legality.test.ts, soak.test.ts): every shipped scenario and branch and the
// invented valleys as worlds, the judge of a refusal at resolution (was it foreseeable when the order was
// accepted?), and random picks of accepted orders.
import fs from 'node:fs';
import path from 'node:path';
import type { Effect, GameState, Order, Refusal, ResolvedOrder, World } from '../../src/engine/index';
import { listOrderOptions } from '../../src/engine/index';
import { describeOrderType } from '../../src/engine/orderTypes';
import { ROOT, worldFrom } from './worlds';

const findRegion = (w: World, id: string) => w.regionIndex[id]!;

export interface Case {
  name: string;
  world: World;
}

export function listCases(): Case[] {
  const dir = path.join(ROOT, 'scenarios');
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => `scenarios/${f}`);
  return [...files, 'tests/support/valleys.json'].flatMap((file) => {
    const branches = (JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')).branches ?? []) as {
      id: string;
    }[];
    return [null, ...branches.map((b) => b.id)].map((branch) => ({
      name: `${path.basename(file, '.json')}${branch ? `/${branch}` : ''}`,
      world: worldFrom(file, branch),
    }));
  });
}

/** The giver's own deploy, withdraw and arms orders: the forces they take are what the check counts ahead. */
const isBookkeeping = (o: ResolvedOrder | undefined, actor: string) =>
  !!o && o.actor === actor && describeOrderType(o.type).draws !== undefined;

/**
 * Why an accepted order may be refused as it resolves: only for what the turn changed before it. Returns null
 * when the effects logged earlier this turn show that change, else what is wrong.
 */
export function judgeRefusal(
  w: World,
  s: GameState,
  o: ResolvedOrder,
  verdict: Refusal,
  earlier: Effect[],
): string | null {
  const def = w.orders[o.id]!;
  const entry = describeOrderType(def.type);
  const what = `${o.actor} ${o.id} ${o.target ?? ''} ${o.region ?? ''} refused (${verdict.code}): ${verdict.reason}`;
  const fell = (e: Effect) =>
    e.a === o.actor && e.after! < e.before! && !isBookkeeping(s.orders[e.order ?? -1], o.actor);
  switch (verdict.code) {
    case 'gate':
    case 'requires':
      return null; // conditions read the world as the earlier orders of the turn left it
    case 'bad-region': {
      if (earlier.some((e) => e.kind === 'control' && e.region === o.region)) return null; // taken this turn
      const holder = s.regions[findRegion(w, o.region!)]!.controller;
      const sides = [o.actor, def.captor ?? o.actor];
      const tie = (e: Effect) =>
        e.kind === 'relation' &&
        ((sides.includes(e.a!) && e.b === holder) || (sides.includes(e.b!) && e.a === holder));
      return earlier.some(tie) ? null : what; // an alliance made or broken this turn
    }
    case 'no-forces': {
      if (entry.draws === 'reserve')
        return earlier.some((e) => e.kind === 'meter' && e.meter === 'reserve' && fell(e)) ? null : what;
      const near = [
        o.region!,
        ...(def.type === 'offensive' ? w.def.regions[findRegion(w, o.region!)]!.neighbours : []),
      ];
      return earlier.some((e) => e.kind === 'presence' && near.includes(e.region!) && fell(e)) ? null : what;
    }
    default:
      return what; // unknown order or actor, not yours, target, once, limit: all seen when it was given
  }
}

/** Picks orders for the held actors among the options accepted with those already picked. */
export function pickOrders(s: GameState, w: World, held: string[], picks: number[]): Order[] {
  const pending: Order[] = [];
  let k = 0;
  const next = () => picks[k++ % picks.length]!;
  for (let step = 0; step < held.length * (w.settings.ordersPerTurn + 1); step++) {
    const actor = held[next() % held.length]!;
    const ok = listOrderOptions(s, w, actor, pending).filter((x) => x.verdict.ok);
    const choice = next() % (ok.length + 1); // one more than the options: sometimes give nothing
    if (choice < ok.length) pending.push(ok[choice]!.order);
  }
  return pending;
}
