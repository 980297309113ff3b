// The seeded random generator (mulberry32). Its whole state is one uint32 kept inside the game state, so
// resolving a turn stays a pure function of (state, orders). Integer arithmetic only: same in Node and browsers.

/** Advances `holder.rng` and returns an integer in [0, n). */
export function nextInt(holder: { rng: number }, n: number): number {
  const t0 = (holder.rng + 0x6d2b79f5) >>> 0;
  holder.rng = t0;
  let t = Math.imul(t0 ^ (t0 >>> 15), t0 | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const r = (t ^ (t >>> 14)) >>> 0;
  return n <= 1 ? 0 : r % n;
}

/** A generator state derived from a seed and salts, without advancing anything (for side computations). */
export function deriveSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p & 0xffff), 0x01000193) >>> 0;
    h = Math.imul(h ^ (p >>> 16), 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const seedState = (seed: number): number => deriveSeed(seed >>> 0, 0x9e3779b9 >>> 0);
