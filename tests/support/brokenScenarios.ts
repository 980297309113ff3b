// Small broken scenarios for the validator's tests: the invented scenario (valleys.json) changed by a
// function, its findings, the one finding at a path, and the same written to a file for the CLI.
import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../src/engine/index';
import { validateScenario } from '../../src/engine/index';
import { valleysJson } from './worlds';

/** The invented scenario's parsed JSON, changed by `change`. */
export function brokenValleys(change: (json: any) => void): any {
  const json = valleysJson();
  change(json);
  return json;
}

/** The errors and warnings validation gives for a scenario value. */
export function findingsOf(json: unknown): { ok: boolean; errors: Problem[]; warnings: Problem[] } {
  const result = validateScenario(json);
  return { ok: result.ok, errors: result.ok ? [] : (result.problems ?? []), warnings: result.warnings ?? [] };
}

/** The one problem at `path`; fails with every path found when there is none, or more than one. */
export function problemAt(problems: readonly Problem[], at: string): Problem {
  const found = problems.filter((p) => p.path === at);
  if (found.length !== 1)
    throw new Error(
      `expected one problem at ${at}, found ${found.length}; all: ${problems.map((p) => `${p.path}: ${p.message}`).join(' | ')}`,
    );
  return found[0]!;
}

/** Writes a scenario (a value, as JSON, or text as it is) to `dir/name.json` and returns its path. */
export function writeScenario(dir: string, name: string, content: unknown): string {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}
