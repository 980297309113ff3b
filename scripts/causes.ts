// Prints the with/without table of the articles' causal claims (tests/fidelity/claims.ts): for each claim the
// mean and p10/p90 of its measure with the cause and without it, over the same seeds, and whether it holds.
// Usage: npm run causes [-- --seeds 100 --only R3,R6 --policy greedy|lookahead]
import { CLAIMS } from '../tests/fidelity/claims';
import type { Policy } from '../tests/support/experiment';
import { compare, holds, playArm, spread } from '../tests/support/experiment';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const seeds = Number(arg('seeds') ?? 100);
const only = arg('only')?.split(',');
const policy = (arg('policy') ?? 'greedy') as Policy;
if (policy !== 'greedy' && policy !== 'lookahead')
  throw new Error(`--policy is greedy or lookahead, not "${policy}"`);
const f = (x: number) => (Math.abs(x) < 10 ? x.toFixed(2) : x.toFixed(1));
const show = (s: { mean: number; p10: number; p90: number }) => `${f(s.mean)} [${f(s.p10)}, ${f(s.p90)}]`;

for (const c of CLAIMS) {
  if (only && !only.includes(c.id)) continue;
  const t0 = performance.now();
  const a = playArm(c.scenario, null, c.with, 1, seeds, policy).map(c.value);
  if (!c.without) {
    const s = spread(a);
    const ok = s.mean >= (c.atLeast ?? 0);
    console.log(
      `${c.id.padEnd(10)} ${ok ? 'holds ' : 'FAILS '} ${show(s)} (at least ${c.atLeast})  — ${c.measure}`,
    );
    continue;
  }
  const b = playArm(c.scenario, null, c.without, 1, seeds, policy).map(c.value);
  const r = compare(a, b);
  const ok = holds(r, c.direction);
  const ms = Math.round(performance.now() - t0);
  console.log(
    `${c.id.padEnd(10)} ${ok ? 'holds ' : 'FAILS '} with ${show(r.with)}  without ${show(r.without)}  Δ ${f(r.difference)} ± ${f(2 * r.error)} (${c.direction})  — ${c.measure} [${ms} ms]`,
  );
}
