// `npm run profile [-- --scenario <id> --playouts <n>]`: profiles the CLI's playouts in one thread with V8's
// sampling profiler (node --cpu-prof on the CLI's bundle, as `npm run sim` runs it) and prints where the time
// goes: the share of samples spent inside each part of the engine (inclusive: a part's callees count toward
// it), then the hottest functions.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const scenario = arg('--scenario', 'mosul-2016');
const playouts = arg('--playouts', '300');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-profile-'));

const run = spawnSync(
  process.execPath,
  [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    path.join(root, 'scripts/sim.mjs'),
    '--scenario',
    scenario,
    '--playouts',
    playouts,
    '--workers',
    '1',
    '--json',
  ],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
if (run.status !== 0) process.exit(run.status ?? 1);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}
const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile;
fs.rmSync(dir, { recursive: true, force: true });

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${path.basename(n.callFrame.url)}`;

/** The parts of the work, by the functions that enter them (first match from the sample's leaf upward). */
const PARTS: [string, (n: Node) => boolean][] = [
  ['AI: option legality (listPlanningOptions, checkOrder)', (n) => /^(listPlanningOptions)$/.test(fn(n))],
  ['AI: scoring options (score, expect, overlay)', (n) => /^(score|expect)$/.test(fn(n))],
  ['AI: instrumental goals', (n) => fn(n) === 'instrumentalGoals'],
  ['AI: planning, the rest', (n) => fn(n) === 'planTurn'],
  ['resolution: orders (checks, combat, effects, interests)', (n) => fn(n) === 'resolveOrders'],
  ['resolution: structural balance (realign)', (n) => fn(n) === 'realign'],
  ['resolution: common enemies, contested regions', (n) => /^(pullTogether|markContested)$/.test(fn(n))],
  ['resolution: effects of triggers and scheduled rules', (n) => fn(n) === 'fire'],
  ['resolution: scores and tension', (n) => fn(n) === 'computeScores'],
  ['resolution: effect texts (last turn only)', (n) => fn(n) === 'writeTexts'],
  ['resolution, the rest', (n) => fn(n) === 'resolveTurn'],
  ['summary of the playouts', (n) => /^(measurePlayout|summarizeResults)$/.test(fn(n))],
  ['copying the start state', (n) => fn(n) === 'structuredClone'],
  ['loading and validating the scenario', (n) => fn(n) === 'loadWorld'],
  ['garbage collection', (n) => fn(n) === '(garbage collector)'],
];
const fn = (n: Node) => n.callFrame.functionName;

const total = profile.timeDeltas.reduce((a, b) => a + b, 0);
const parts = new Map<string, number>();
const self = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const leaf = byId.get(id)!;
  self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
  // The innermost part on the stack, so that nested parts (a trigger inside resolution) count once.
  for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
    const part = PARTS.find(([, match]) => match(byId.get(x!)!));
    if (part) {
      parts.set(part[0], (parts.get(part[0]) ?? 0) + dt);
      return;
    }
  }
  parts.set(
    'other (module loading, idle, the process)',
    (parts.get('other (module loading, idle, the process)') ?? 0) + dt,
  );
});
const pct = (t: number) => `${((t / total) * 100).toFixed(1).padStart(5)} %`;
const lines = [
  `${playouts} playouts of ${scenario}, one thread, ${(total / 1e6).toFixed(2)} s sampled (node ${process.version})`,
  '',
  'where the time goes (innermost part on the stack):',
  ...[...parts].sort((a, b) => b[1] - a[1]).map(([k, t]) => `${pct(t)}  ${k}`),
  '',
  'hottest functions (self time):',
  ...[...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([k, t]) => `${pct(t)}  ${k}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
