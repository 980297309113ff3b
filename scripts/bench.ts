// `npm run bench [-- --scenario <id> --playouts <n> --workers <n>]`: measures the budgets of DESIGN.md §7 that
// the engine owns, side by side in one run, and prints them. Reports figures; asserts nothing (timings vary by
// machine; CPU time is given beside wall time because other processes may share the cores).
//  - interactive turn resolution inside immer with auto-freeze (p50/p99), with the AI's planning apart;
//  - the look-ahead AI's planning per turn (its rollouts), against the greedy AI's;
//  - AI playouts inside immer (the page's path) and on the batch path (the odds' and the CLI's), and their ratio;
//  - the CLI's `--playouts` as a whole process, on one worker and on all cores;
//  - how a playout's cost grows with the number of actors (the scenario duplicated 1, 2, 4 and 8 times);
//  - jumps in a 1,000-node history tree.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { produce, setAutoFreeze } from 'immer';
import type { GameState } from '../src/engine/index';
import {
  compileWorld,
  createGame,
  loadWorld,
  planTurn,
  resolveTurn,
  validateScenario,
} from '../src/engine/index';
import { playout } from '../src/engine/playout';
import { LOOKAHEAD, planAhead } from '../src/engine/lookahead';
import { nextInt } from '../src/engine/rng';
import { createBus } from '../src/events/bus';
import { Session } from '../src/session/session';
import { duplicateScenario } from './duplicate';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const scenario = arg('--scenario', 'mosul-2016');
const count = Number(arg('--playouts', '1000'));
const cores = Number(arg('--workers', String(os.availableParallelism())));
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
/** Runs `fn`, returning wall and CPU milliseconds (CPU: this process, all its threads). */
function timed(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

// Warm up the JIT on both paths.
for (let i = 0; i < 30; i++) {
  playout(w, 10_000 + i, 'immer');
  playout(w, 10_000 + i, 'batch');
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

// 1b. The look-ahead AI's planning (rollouts), as a page would call it each turn: every turn of 20 games.
const aheadTimes: number[] = [];
for (let g = 0; g < 20; g++) {
  let s: GameState = createGame(w, g);
  while (!s.over) {
    const t0 = performance.now();
    const orders = planAhead(s, w, [], []);
    aheadTimes.push(performance.now() - t0);
    s = produce(s, (d) => resolveTurn(d, w, orders));
  }
}

// 2. Playouts, alternating the two paths in blocks of the same seeds so both see the same machine conditions.
const immer = { wall: 0, cpu: 0 };
const batch = { wall: 0, cpu: 0 };
const block = 50;
for (let start = 0; start < count; start += block) {
  const n = Math.min(block, count - start);
  const a = timed(() => {
    for (let i = 0; i < n; i++) playout(w, start + i, 'immer');
  });
  const b = timed(() => {
    for (let i = 0; i < n; i++) playout(w, start + i, 'batch');
  });
  immer.wall += a.wall;
  immer.cpu += a.cpu;
  batch.wall += b.wall;
  batch.cpu += b.cpu;
}
const same = JSON.stringify(playout(w, 42, 'immer')) === JSON.stringify(playout(w, 42, 'batch'));

// 3. The CLI as a user runs it: a whole process (start-up, loading, playouts, summary), one worker and all cores.
function cli(workers: number): number {
  const t0 = performance.now();
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'scripts/sim.mjs'), '--scenario', file, '--seed', '1'].concat([
      '--playouts',
      String(count),
      '--workers',
      String(workers),
      '--json',
    ]),
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`the CLI failed: ${run.stderr}`);
  return performance.now() - t0;
}
const cliOne = cli(1);
const cliAll = cli(cores);

// 4. Growth with the number of actors: the scenario duplicated (each copy related only to itself).
const growth: { actors: number; ms: number }[] = [];
for (const copies of [1, 2, 4, 8]) {
  const v = validateScenario(duplicateScenario(JSON.parse(fs.readFileSync(file, 'utf8')), copies));
  const big = v.ok ? compileWorld(v.value) : null;
  if (!big?.ok) throw new Error(`the duplicated scenario is invalid: ${v.ok ? '' : v.error}`);
  const n = Math.max(8, Math.round(120 / copies));
  for (let i = 0; i < 10; i++) playout(big.value, 5000 + i, 'batch');
  const t = timed(() => {
    for (let i = 0; i < n; i++) playout(big.value, i, 'batch');
  });
  growth.push({ actors: big.value.actorIds.length, ms: t.cpu / n });
}

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

const sec = (x: number) => `${(x / 1000).toFixed(2)} s`;
const lines = [
  `scenario ${w.def.id}: ${w.def.actors.length} actors, ${w.def.regions.length} regions, ${w.def.layers.length} layers; node ${process.version}, ${os.availableParallelism()} cores`,
  `interactive turn, resolution in immer (frozen): p50 ${ms(pct(resolveTimes, 50))}, p99 ${ms(pct(resolveTimes, 99))} over ${resolveTimes.length} turns (budget p99 ≤ 2 ms)`,
  `interactive turn, AI planning for every actor:  p50 ${ms(pct(planTimes, 50))}, p99 ${ms(pct(planTimes, 99))}`,
  `interactive turn, the look-ahead AI's planning (${LOOKAHEAD.alternatives} alternatives per actor, ${LOOKAHEAD.turns} turns): p50 ${ms(pct(aheadTimes, 50))}, p99 ${ms(pct(aheadTimes, 99))} over ${aheadTimes.length} turns (budget ≤ 100 ms)`,
  `interactive turn, planning + resolution:        p99 ${ms(
    pct(
      resolveTimes.map((r, i) => r + planTimes[i]!),
      99,
    ),
  )}`,
  `${count} playouts in immer (frozen, every text): ${sec(immer.wall)} wall, ${sec(immer.cpu)} CPU = ${(immer.cpu / count).toFixed(2)} ms each`,
  `${count} playouts on the batch path:              ${sec(batch.wall)} wall, ${sec(batch.cpu)} CPU = ${(batch.cpu / count).toFixed(2)} ms each`,
  `immer / batch speed ratio (CPU): ${(batch.cpu / immer.cpu).toFixed(2)} (budget ≥ 0.5)`,
  `same final state on both paths (seed 42): ${same}`,
  `CLI, ${count} playouts as a whole process, 1 worker: ${sec(cliOne)} (budget ≤ 10 s on one core)`,
  `CLI, ${count} playouts as a whole process, ${cores} workers: ${sec(cliAll)} (budget ≤ 5 s with all cores)`,
  `growth with actors (batch playout, CPU ms): ${growth
    .map(
      (g, i) => `${g.actors}: ${g.ms.toFixed(1)}${i ? ` (×${(g.ms / growth[i - 1]!.ms).toFixed(2)})` : ''}`,
    )
    .join(', ')}; per doubling, pairs grow ×4 and triads ×8`,
  `jump to a node of a ${paths.length}-node history tree: p50 ${ms(pct(jumps, 50))}, p99 ${ms(pct(jumps, 99))} (budget ≤ 16 ms)`,
];
process.stdout.write(`${lines.join('\n')}\n`);
