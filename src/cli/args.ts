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
  help: boolean;
}

const FLAGS = new Set(['--scenario', '--branch', '--seed', '--turns', '--playouts', '--compare']);

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
    }
  }
  if (!args.help && !args.scenario)
    return { ok: false, error: '--scenario <id or path> is required (see --help)' };
  return { ok: true, args };
}

export const USAGE = `Usage: npm run sim -- --scenario <id or path> [--branch <id>] [--seed <n>] [--turns <n>] [--json]
       npm run sim -- --scenario <id> [--branch <id>] --playouts <n> [--seed <n>] [--json]
       npm run sim -- --scenario <id> --compare <branch> [--seed <n>] [--turns <n>] [--json]

Plays the scenario with the AI holding every actor and prints a summary (or one JSON object with --json).
--playouts n plays n games with seeds seed, seed+1, … and prints the distribution of outcomes.
--compare b plays the main line and branch b with the same seed and prints their differences.`;
