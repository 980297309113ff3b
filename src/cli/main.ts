// The headless runner (DESIGN.md §6.2): plays a scenario with the AI holding every actor. Errors go to
// stderr with a non-zero exit and nothing on stdout; with --json, stdout is exactly one JSON object.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GameState, World } from '../engine/index';
import { advance, compileWorld, createGame, parseScenario } from '../engine/index';
import type { ScenarioDef } from '../engine/schema';
import { parseArgs, USAGE } from './args';
import { compareStates, explainDiff } from '../engine/compare';
import type { TurnRecord } from './report';
import { buildReport, formatText } from './report';
import { defaultWorkers, playPlayouts } from './pool';
import { firstLine, readScenarioFile } from './scenarioFile';

const SCENARIOS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scenarios');

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n`);
  process.exit(2);
}

function readScenario(ref: string): { text: string; label: string } {
  const isPath = ref.endsWith('.json') || ref.includes('/') || ref.includes(path.sep);
  const file = isPath ? path.resolve(ref) : path.join(SCENARIOS, `${ref}.json`);
  if (!isPath && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(ref)) fail(`"${ref}" is not a scenario id`);
  if (!isPath && !fs.existsSync(file)) {
    const known = fs.existsSync(SCENARIOS)
      ? fs
          .readdirSync(SCENARIOS)
          .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
          .map((f) => f.slice(0, -5))
      : [];
    fail(`unknown scenario "${ref}" (known: ${known.join(', ') || 'none'})`);
  }
  const text = readScenarioFile(file);
  if (!text.ok) fail(text.error);
  return { text: text.value, label: path.basename(file) };
}

/** The validated scenario: what every branch's World, and every playout thread, is compiled from. */
function parse(text: string, label: string): ScenarioDef {
  const def = parseScenario(text, label);
  if (!def.ok) fail(def.error);
  return def.value;
}

function load(def: ScenarioDef, branch: string | null): World {
  const world = compileWorld(def, branch);
  if (!world.ok) fail(world.error);
  return world.value;
}

function play(
  w: World,
  seed: number,
  turns: number | null,
  lookahead: boolean,
): { turns: TurnRecord[]; last: GameState } {
  let s = createGame(w, seed);
  const records: TurnRecord[] = [];
  while (!s.over && (turns === null || s.turn < turns)) {
    s = advance(s, w, [], [], lookahead ? 'lookahead' : 'greedy');
    records.push({ state: s });
  }
  return { turns: records, last: s };
}

async function main(argv: string[]): Promise<void> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) fail(parsed.error);
  const args = parsed.args;
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { text, label } = readScenario(args.scenario);
  const def = parse(text, label);
  const world = load(def, args.branch);
  let out: unknown;
  let plain: string;
  if (args.compare !== null) {
    const other = load(def, args.compare);
    const a = play(world, args.seed, args.turns, args.lookahead);
    const b = play(other, args.seed, args.turns, args.lookahead);
    const effects = (turns: TurnRecord[]) => turns.flatMap((t) => t.state.effects);
    const diff = explainDiff(compareStates(world, a.last, other, b.last), effects(a.turns), effects(b.turns));
    out = { scenario: world.def.id, seed: args.seed, base: world.branch, branch: other.branch, ...diff };
    plain = JSON.stringify(out, null, 2);
  } else if (args.playouts !== null) {
    const workers = args.workers ?? defaultWorkers();
    let summary;
    try {
      summary = await playPlayouts(world, { def, branch: args.branch }, args.seed, args.playouts, workers);
    } catch (err) {
      fail(`the playouts failed: ${firstLine(err)}`);
    }
    out = { scenario: world.def.id, branch: world.branch, ...summary };
    plain = JSON.stringify(out, null, 2);
  } else {
    const { turns, last } = play(world, args.seed, args.turns, args.lookahead);
    const report = buildReport(world, args.seed, turns, last);
    out = report;
    plain = formatText(world, report);
  }
  process.stdout.write(args.json ? `${JSON.stringify(out)}\n` : `${plain}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  // A last resort: every known failure has its own message above.
  fail(`unexpected error: ${firstLine(err)}`);
});
