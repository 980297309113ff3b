// One worker thread of the CLI's playout pool (pool.ts, tinypool): it compiles the scenario it was started with
// once, on its first task, then plays each contiguous range of seeds it is given and sends back their results.
// The scenario arrives validated (the main thread parsed it), so the thread loads no validator (zod): only
// what plays.
import Tinypool from 'tinypool';
import type { PlayoutResult } from '../engine/playout';
import { playSeeds } from '../engine/playout';
import type { ScenarioDef } from '../engine/schema';
import type { World } from '../engine/world';
import { compileWorld } from '../engine/world';

/** What every worker of a pool is started with: the validated scenario, as the main thread parsed it, and the branch. */
export interface PoolScenario {
  def: ScenarioDef;
  branch: string | null;
}

/** One task: seeds from … from + count - 1 (uint32, wrapping). */
export interface SeedRange {
  from: number;
  count: number;
}

let world: World | null = null;

export default function playRange(range: SeedRange): PlayoutResult[] {
  if (!world) {
    const scenario = Tinypool.workerData as PoolScenario;
    const compiled = compileWorld(scenario.def, scenario.branch);
    if (!compiled.ok) throw new Error(compiled.error);
    world = compiled.value;
  }
  return playSeeds(world, range.from, range.count);
}
