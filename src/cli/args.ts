// Command-line arguments of the headless runner: parsed strictly, so a typo is an error, not a silent default.
import { MAX_END_TURNS } from '../engine/schema';

export interface SimArgs {
  scenario: string;
  branch: string | null;
  seed: number;
  turns: number | null;
  json: boolean;
  playouts: number | null;
  compare: string | null;
  workers: number | null; // null: as many as the machine has cores
  lookahead: boolean; // --policy lookahead: the AI looks ahead by rollouts (single games and --compare)
  help: boolean;
}

/** The most worker threads `--workers` asks for: far more than any machine's cores, far fewer than a runaway. */
export const MAX_WORKERS = 256;

const FLAGS = new Set([
  '--scenario',
  '--branch',
  '--seed',
  '--turns',
  '--playouts',
  '--compare',
  '--workers',
  '--policy',
]);

export function parseArgs(
  argv: readonly string[],
): { ok: true; args: SimArgs } | { ok: false; error: string } {
  const args: SimArgs = {
    scenario: '',
    branch: null,
    seed: 1,
    turns: null,
    json: false,
    playouts: null,
    compare: null,
    workers: null,
    lookahead: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--json') {
      args.json = true;
      continue;
    }
    if (flag === '--help' || flag === '-h') {
      args.help = true;
      continue;
    }
    if (!FLAGS.has(flag)) return { ok: false, error: `unknown argument "${flag}" (see --help)` };
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) return { ok: false, error: `${flag} needs a value` };
    const int = () => (/^\d+$/.test(value) ? Number(value) : NaN);
    switch (flag) {
      case '--scenario':
        args.scenario = value;
        break;
      case '--branch':
        args.branch = value;
        break;
      case '--compare':
        args.compare = value;
        break;
      case '--seed':
        if (Number.isNaN(int()) || int() > 0xffffffff)
          return { ok: false, error: `--seed must be a whole number from 0 to 4294967295, got "${value}"` };
        args.seed = int();
        break;
      case '--turns':
        if (Number.isNaN(int()) || int() < 1 || int() > MAX_END_TURNS)
          return {
            ok: false,
            error: `--turns must be a whole number from 1 to ${MAX_END_TURNS} (the most turns a scenario may last), got "${value}"`,
          };
        args.turns = int();
        break;
      case '--playouts':
        if (Number.isNaN(int()) || int() < 1 || int() > 100000)
          return { ok: false, error: `--playouts must be a whole number from 1 to 100000, got "${value}"` };
        args.playouts = int();
        break;
      case '--policy':
        if (value !== 'greedy' && value !== 'lookahead')
          return { ok: false, error: `--policy must be "greedy" or "lookahead", got "${value}"` };
        args.lookahead = value === 'lookahead';
        break;
      case '--workers':
        if (Number.isNaN(int()) || int() < 1 || int() > MAX_WORKERS)
          return {
            ok: false,
            error: `--workers must be a whole number from 1 to ${MAX_WORKERS} (threads for --playouts), got "${value}"`,
          };
        args.workers = int();
        break;
    }
  }
  if (args.workers !== null && args.playouts === null && !args.help)
    return { ok: false, error: '--workers goes with --playouts (it spreads the playouts over threads)' };
  if (args.lookahead && args.playouts !== null && !args.help)
    return {
      ok: false,
      error: '--policy lookahead plays single games (and --compare); --playouts uses the greedy AI',
    };
  if (!args.help && !args.scenario)
    return { ok: false, error: '--scenario <id or path> is required (see --help)' };
  return { ok: true, args };
}

export const USAGE = `Usage: npm run sim -- --scenario <id or path> [--branch <id>] [--seed <n>] [--turns <n>] [--policy <p>] [--json]
       npm run sim -- --scenario <id> [--branch <id>] --playouts <n> [--seed <n>] [--workers <n>] [--json]
       npm run sim -- --scenario <id> --compare <branch> [--seed <n>] [--turns <n>] [--json]

Plays the scenario with the AI holding every actor and prints a summary (or one JSON object with --json).
--playouts n plays n games with seeds seed, seed+1, … and prints the distribution of outcomes.
--workers n spreads the playouts over n worker threads (default: one per core; 1: no thread); the output is
  the same for any n.
--compare b plays the main line and branch b with the same seed and prints their differences.
--policy greedy (the default) or lookahead: how the AI chooses in a single game or a comparison. greedy
  weighs each order by what it is expected to change; lookahead also plays a few alternatives out over two
  turns and keeps the best future (slower: tens of milliseconds a turn). Playouts always use greedy.`;
