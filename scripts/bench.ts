// `npm run bench [-- --scenario <id> --playouts <n>]`: measures the budgets of DESIGN.md §7 that the engine
// owns, side by side in one run, and prints them. Reports figures; asserts nothing (timings vary by machine).
//  - interactive turn resolution inside immer with auto-freeze (p50/p99), with the AI's planning apart;
//  - full AI playouts per second inside immer, and on plain mutable copies (the limit), and their ratio.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { produce, setAutoFreeze } from 'immer';
import type { GameState } from '../src/engine/index';
import { createGame, loadWorld, planTurn, resolveTurn } from '../src/engine/index';
import { playout } from '../src/engine/playout';
import { nextInt } from '../src/engine/rng';
import { createBus } from '../src/events/bus';
import { Session } from '../src/session/session';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const scenario = arg('--scenario', 'mosul-2016');
const count = Number(arg('--playouts', '1000'));
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = scenario.endsWith('.json')
  ? path.resolve(scenario)
  : path.join(root, 'scenarios', `${scenario}.json`);
const loaded = loadWorld(fs.readFileSync(file, 'utf8'), null, path.basename(file));
if (!loaded.ok) {
  process.stderr.write(`${loaded.error}\n`);
  process.exit(2);
}
const w = loaded.value;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(3)} ms`;

// Warm up the JIT on both paths.
for (let i = 0; i < 30; i++) {
  playout(w, 10_000 + i, 'immer');
  playout(w, 10_000 + i, 'mutable');
}

// 1. Interactive turns: every turn of 100 AI games, resolved inside produce with auto-freeze on.
setAutoFreeze(true);
const resolveTimes: number[] = [];
const planTimes: number[] = [];
for (let g = 0; g < 100; g++) {
  let s: GameState = createGame(w, g);
  while (!s.over) {
    const t0 = performance.now();
    const orders = planTurn(s, w, [], []);
    const t1 = performance.now();
    s = produce(s, (d) => resolveTurn(d, w, orders));
    const t2 = performance.now();
    planTimes.push(t1 - t0);
    resolveTimes.push(t2 - t1);
  }
}

// 2. Playouts, alternating the two paths in blocks so both see the same machine conditions.
let immerMs = 0;
let mutableMs = 0;
const block = 50;
for (let start = 0; start < count; start += block) {
  const n = Math.min(block, count - start);
  let t = performance.now();
  for (let i = 0; i < n; i++) playout(w, start + i, 'immer');
  immerMs += performance.now() - t;
  t = performance.now();
  for (let i = 0; i < n; i++) playout(w, start + i, 'mutable');
  mutableMs += performance.now() - t;
}
const same = JSON.stringify(playout(w, 42, 'immer')) === JSON.stringify(playout(w, 42, 'mutable'));

// 3. Jumping in the history: a session tree of 1,000 nodes (lines forked from random nodes), then jumps.
const session = new Session(createBus(), []);
session.start(JSON.parse(fs.readFileSync(file, 'utf8')), null, 1, path.basename(file));
const paths: string[] = [''];
const dice = { rng: 12345 };
const player = w.def.actors.find((a) => a.playable)!.id;
session.setHeld([player]);
for (let tries = 0; paths.length < 1000 && tries < 20_000; tries++) {
  session.goTo(paths[nextInt(dice, paths.length)]!);
  if (session.state!.over) continue;
  const legal = session.options(player).filter((o) => o.verdict.ok);
  if (legal.length) session.order(legal[nextInt(dice, legal.length)]!.order); // different orders fork new lines
  session.endTurn();
  if (!paths.includes(session.cursor)) paths.push(session.cursor);
}
const jumps: number[] = [];
for (let i = 0; i < 2000; i++) {
  const target = paths[nextInt(dice, paths.length)]!;
  const t0 = performance.now();
  session.goTo(target);
  const shown = session.state!;
  jumps.push(performance.now() - t0);
  if (shown.turn !== target.split('/').filter(Boolean).length) throw new Error('jumped to the wrong node');
}

const lines = [
  `scenario ${w.def.id}: ${w.def.actors.length} actors, ${w.def.regions.length} regions, ${w.def.layers.length} layers; node ${process.version}`,
  `interactive turn, resolution in immer (frozen): p50 ${ms(pct(resolveTimes, 50))}, p99 ${ms(pct(resolveTimes, 99))} over ${resolveTimes.length} turns (budget p99 ≤ 2 ms)`,
  `interactive turn, AI planning for every actor:  p50 ${ms(pct(planTimes, 50))}, p99 ${ms(pct(planTimes, 99))}`,
  `interactive turn, planning + resolution:        p99 ${ms(
    pct(
      resolveTimes.map((r, i) => r + planTimes[i]!),
      99,
    ),
  )}`,
  `${count} playouts in immer (frozen):  ${(immerMs / 1000).toFixed(2)} s = ${Math.round((count * 1000) / immerMs)} playouts/s (budget: 1,000 in ≤ 5 s)`,
  `${count} playouts on mutable copies: ${(mutableMs / 1000).toFixed(2)} s = ${Math.round((count * 1000) / mutableMs)} playouts/s (the limit)`,
  `immer / mutable speed ratio: ${(mutableMs / immerMs).toFixed(2)} (budget ≥ 0.5)`,
  `same final state on both paths (seed 42): ${same}`,
  `jump to a node of a ${paths.length}-node history tree: p50 ${ms(pct(jumps, 50))}, p99 ${ms(pct(jumps, 99))} (budget ≤ 16 ms)`,
];
process.stdout.write(`${lines.join('\n')}\n`);
