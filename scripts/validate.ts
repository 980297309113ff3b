// `npm run validate -- <file> [<file> …]`: checks scenario files as the game loads them, with path-precise
// messages on stderr, `warning:` lines on stderr for what is legal but likely wrong, and one "ok" line per
// good file on stdout. With no file, checks every scenario in scenarios/. Exits 2 if a file cannot be read or
// parsed (or on any unexpected error), else 1 if a file has problems, else 0 (warnings alone do not fail).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstLine, readScenarioFile } from '../src/cli/scenarioFile';
import {
  compileWorld,
  labelProblems,
  labelWarnings,
  readScenarioJson,
  validateScenario,
} from '../src/engine/index';

type Verdict = 'ok' | 'invalid' | 'unreadable';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../scenarios');

function listTargets(args: readonly string[]): string[] {
  if (args.length) return [...args];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => path.join(dir, f));
}

function checkFile(file: string): Verdict {
  const label = path.basename(file);
  const text = readScenarioFile(file);
  if (!text.ok) return report(text.error, 'unreadable');
  const json = readScenarioJson(text.value, label);
  if (!json.ok) return report(json.error, 'unreadable');
  const parsed = validateScenario(json.value);
  const warnings = parsed.warnings ?? [];
  if (!parsed.ok) {
    report(labelProblems(label, parsed.problems ?? []), 'invalid');
    if (warnings.length) report(labelWarnings(label, warnings), 'invalid');
    return 'invalid';
  }
  if (warnings.length) report(labelWarnings(label, warnings), 'ok');
  const branches = [null, ...(parsed.value.branches ?? []).map((b) => b.id)];
  const bad = branches.map((b) => compileWorld(parsed.value, b)).filter((r) => !r.ok);
  for (const r of bad) if (!r.ok) process.stderr.write(`${label}: ${r.error}\n`);
  if (bad.length) return 'invalid';
  const def = parsed.value;
  const noted = warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : '';
  process.stdout.write(
    `${label}: ok (${def.actors.length} actors, ${def.regions.length} regions, ${def.rules.length} rules, ${branches.length - 1} branches${noted})\n`,
  );
  return 'ok';
}

function report(message: string, verdict: Verdict): Verdict {
  process.stderr.write(`${message}\n`);
  return verdict;
}

function main(args: readonly string[]): number {
  const verdicts = listTargets(args).map((file) => {
    try {
      return checkFile(file);
    } catch (err) {
      return report(`${file}: unexpected error: ${firstLine(err)}`, 'unreadable');
    }
  });
  if (verdicts.includes('unreadable')) return 2;
  return verdicts.includes('invalid') ? 1 : 0;
}

try {
  process.exit(main(process.argv.slice(2)));
} catch (err) {
  process.stderr.write(`validate: unexpected error: ${firstLine(err)}\n`);
  process.exit(2);
}
