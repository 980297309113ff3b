// Shared builders for tests: the invented scenario (proof that the engine names no real actor or region) and
// the shipped scenarios, compiled with a branch.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { World } from '../../src/engine/index';
import { loadWorld } from '../../src/engine/index';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function readScenarioText(file: string): string {
  return fs.readFileSync(path.isAbsolute(file) ? file : path.join(ROOT, file), 'utf8');
}

export function worldFrom(file: string, branch: string | null = null): World {
  const result = loadWorld(readScenarioText(file), branch, path.basename(file));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export const valleys = (branch: string | null = null): World =>
  worldFrom('tests/support/valleys.json', branch);
export const valleysJson = (): Record<string, unknown> =>
  JSON.parse(readScenarioText('tests/support/valleys.json'));
