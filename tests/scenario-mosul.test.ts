// The Mosul 2016 scenario validates, and compiles with no branch and with each of its branches.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { compileWorld, validateScenario } from '../src/engine/scenario';
import type { ScenarioDef } from '../src/engine/schema';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = path.resolve(here, '../scenarios/mosul-2016.json');
const json: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));

describe('scenario mosul-2016', () => {
  const result = validateScenario(json);

  it('passes validateScenario', () => {
    if (!result.ok) console.error(result.error);
    expect(result.ok, result.ok ? '' : result.error).toBe(true);
  });

  const def = result.ok ? result.value : (json as ScenarioDef);
  const branchIds: (string | null)[] = [null, ...(def.branches ?? []).map((b) => b.id)];

  it('has the two Turkey-joins-Mosul branches', () => {
    expect(branchIds).toEqual(
      expect.arrayContaining(['turkey-joins-mosul', 'turkey-joins-mosul-unilateral']),
    );
  });

  it.each(branchIds)('compiles with branch %s', (branchId) => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const world = compileWorld(result.value, branchId);
    if (!world.ok) console.error(world.error);
    expect(world.ok, world.ok ? '' : world.error).toBe(true);
  });

  it('has symmetric neighbours', () => {
    const byId = new Map(def.regions.map((r) => [r.id, r]));
    const problems: string[] = [];
    for (const r of def.regions)
      for (const n of r.neighbours)
        if (!byId.get(n)?.neighbours.includes(r.id)) problems.push(`${r.id} -> ${n} has no way back`);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
