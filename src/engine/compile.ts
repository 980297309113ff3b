// Conditions compiled once per World into closures over resolved indexes: a condition's ids and placeholders
// become numbers when the World is first used, so testing it in a turn or in the AI's scoring reads arrays
// through a Reader (reader.ts) instead of looking ids up. Same meaning as the rule language in schema.ts.
import type { Reader, Bound } from './reader';
import { NOBODY, UNKNOWN } from './reader';
import type { Condition } from './schema';
import type { World } from './scenario';

/** A compiled condition: whether it holds, and how far it is from holding (the AI's sense of progress). */
export interface Compiled {
  test(L: Reader, b: Bound): boolean;
  distance(L: Reader, b: Bound): number;
  /** What it reads that an order's overlay can change; 'any' when that cannot be known without a binding. */
  reads: Footprint | 'any';
}

/**
 * What a condition reads: actor pairs (lower·n + higher, any layer or net), meters (actor·meters + meter),
 * flags, regions' holders, and forces (actor·regions + region). Turn, totals of forces, redefinition and
 * changes of control are not listed: an overlay never changes what they read.
 */
export interface Footprint {
  pairs: number[];
  meters: number[];
  flags: string[];
  holders: number[];
  forces: number[];
}

const EMPTY: Footprint = Object.freeze({ pairs: [], meters: [], flags: [], holders: [], forces: [] });

/** The union of footprints ('any' if one is). */
function union(parts: Compiled[]): Footprint | 'any' {
  const out: Footprint = { pairs: [], meters: [], flags: [], holders: [], forces: [] };
  for (const p of parts) {
    if (p.reads === 'any') return 'any';
    out.pairs.push(...p.reads.pairs);
    out.meters.push(...p.reads.meters);
    out.flags.push(...p.reads.flags);
    out.holders.push(...p.reads.holders);
    out.forces.push(...p.reads.forces);
  }
  return out;
}

/**
 * For a list of compiled conditions, which of them read each thing an overlay can change: an overlay then finds
 * the conditions it may change from its own few changes (Overlay.touches), without asking each condition.
 */
export class ReadIndex {
  readonly size: number;
  readonly always: number[] = []; // those whose footprint is 'any'
  readonly pairs = new Map<number, number[]>();
  readonly meters = new Map<number, number[]>();
  readonly flags = new Map<string, number[]>();
  readonly holders = new Map<number, number[]>();
  readonly forces = new Map<number, number[]>();

  constructor(reads: readonly (Footprint | 'any')[]) {
    this.size = reads.length;
    const add = <K>(map: Map<K, number[]>, keys: readonly K[], k: number) => {
      for (const key of keys) {
        const list = map.get(key);
        if (!list) map.set(key, [k]);
        else if (list[list.length - 1] !== k) list.push(k);
      }
    };
    reads.forEach((r, k) => {
      if (r === 'any') return void this.always.push(k);
      add(this.pairs, r.pairs, k);
      add(this.meters, r.meters, k);
      add(this.flags, r.flags, k);
      add(this.holders, r.holders, k);
      add(this.forces, r.forces, k);
    });
  }
}

// Placeholders become slots of the binding; ids become indexes (UNKNOWN when they name nothing).
const SLOT_ACTOR = -10;
const SLOT_TARGET = -11;
const SLOT_REGION = -12;
const NET = -1;

function at(k: number, b: Bound): number {
  if (k > SLOT_ACTOR) return k;
  return k === SLOT_ACTOR ? b.actor : k === SLOT_TARGET ? b.target : b.region;
}

const gap = (v: number, lo: number, hi: number): number => Math.max(0, lo - v, v - hi);

const compiledByWorld = new WeakMap<World, Map<Condition, Compiled>>();

/** The compiled form of a condition of this World (compiled on first use, then kept). */
export function compiled(w: World, c: Condition): Compiled {
  let known = compiledByWorld.get(w);
  if (!known) compiledByWorld.set(w, (known = new Map()));
  let out = known.get(c);
  if (!out) known.set(c, (out = compile(w, c)));
  return out;
}

function compile(w: World, c: Condition): Compiled {
  const actor = (ref: string): number =>
    ref === '$actor'
      ? SLOT_ACTOR
      : ref === '$target'
        ? SLOT_TARGET
        : ref.startsWith('$')
          ? UNKNOWN
          : (w.actorIndex[ref] ?? UNKNOWN);
  const region = (ref: string): number =>
    ref === '$region' ? SLOT_REGION : ref.startsWith('$') ? UNKNOWN : (w.regionIndex[ref] ?? UNKNOWN);
  const n = w.actorIds.length;
  const R = w.def.regions.length;
  const M = w.def.meters.length;
  const fixed = (...ks: number[]) => ks.every((k) => k > SLOT_ACTOR);
  const some = (part: Partial<Footprint>): Footprint => ({ ...EMPTY, ...part });
  const bounds = (x: { atLeast?: number; atMost?: number }): [number, number] => [
    x.atLeast ?? -Infinity,
    x.atMost ?? Infinity,
  ];
  /** A numeric reading with bounds: holds within them; distance is the gap, scaled and capped as given. */
  const ranged = (
    reads: Footprint | 'any',
    read: (L: Reader, b: Bound) => number,
    x: { atLeast?: number; atMost?: number },
    scale = 1,
    cap = Infinity,
  ): Compiled => {
    const [lo, hi] = bounds(x);
    return {
      reads,
      test: (L, b) => {
        const v = read(L, b);
        return v >= lo && v <= hi;
      },
      distance: (L, b) => Math.min(cap, gap(read(L, b), lo, hi) * scale),
    };
  };
  /** A yes/no reading: distance 0 when it holds, else 100. */
  const flat = (reads: Footprint | 'any', test: (L: Reader, b: Bound) => boolean): Compiled => ({
    reads,
    test,
    distance: (L, b) => (test(L, b) ? 0 : 100),
  });

  switch (c.if) {
    case 'relation': {
      const ka = actor(c.a);
      const kb = actor(c.b);
      const l = c.layer === 'net' ? NET : (w.layerIndex[c.layer] ?? UNKNOWN);
      const reads = !fixed(ka, kb)
        ? 'any'
        : ka < 0 || kb < 0
          ? EMPTY
          : some({ pairs: [Math.min(ka, kb) * n + Math.max(ka, kb)] });
      return ranged(
        reads,
        (L, b) => {
          const i = at(ka, b);
          const j = at(kb, b);
          if (i < 0 || j < 0 || i === j || l === UNKNOWN) return 0;
          return l === NET ? L.net(i, j) : L.rel(i, j, l);
        },
        c,
      );
    }
    case 'meter': {
      const ka = actor(c.actor);
      const m = w.def.meters.findIndex((x) => x.id === c.meter);
      const reads = !fixed(ka) ? 'any' : ka < 0 || m < 0 ? EMPTY : some({ meters: [ka * M + m] });
      return ranged(
        reads,
        (L, b) => {
          const a = at(ka, b);
          return a < 0 || m < 0 ? 0 : L.meter(a, m);
        },
        c,
      );
    }
    case 'flag': {
      const f = c.flag;
      return ranged(some({ flags: [f] }), (L) => L.flag(f), c, 20, 100);
    }
    case 'presence': {
      const ka = actor(c.actor);
      const kr = c.region ? region(c.region) : null;
      const theatre = c.theatre;
      const reads =
        !fixed(ka) || (kr !== null && !fixed(kr))
          ? 'any'
          : ka < 0 || kr === null || kr < 0
            ? EMPTY
            : some({ forces: [ka * R + kr] });
      return ranged(
        reads,
        (L, b) => {
          const a = at(ka, b);
          if (a < 0) return 0;
          if (kr === null) return L.presenceSum(a, theatre);
          const r = at(kr, b);
          return r < 0 ? 0 : L.presence(a, r);
        },
        c,
        1,
        100,
      );
    }
    case 'control': {
      const kr = region(c.region);
      const who = c.actor;
      const reads = !fixed(kr) ? 'any' : kr < 0 ? EMPTY : some({ holders: [kr] });
      if (who === null)
        return flat(reads, (L, b) => {
          const r = at(kr, b);
          return r >= 0 && L.holder(r) === NOBODY;
        });
      const ks = (Array.isArray(who) ? who : [who]).map(actor);
      const holds = (L: Reader, b: Bound): boolean => {
        const r = at(kr, b);
        if (r < 0) return false;
        const h = L.holder(r);
        if (h < 0) return false;
        for (const k of ks) if (at(k, b) === h) return true;
        return false;
      };
      // Not held yet: the closer the wanted side's share of the forces there, the nearer (100 with none of
      // them there, 40 with all the forces theirs), so that bringing forces up is progress toward taking it.
      const n = w.actorIds.length;
      const forces = (r: number) => Array.from({ length: n }, (_, a) => a * R + r);
      const graded = reads === 'any' || !fixed(...ks) || kr < 0 ? 'any' : { ...reads, forces: forces(kr) };
      return {
        reads: graded,
        test: holds,
        distance: (L, b) => {
          if (holds(L, b)) return 0;
          const r = at(kr, b);
          if (r < 0) return 100;
          let mine = 0;
          let all = 0;
          for (let a = 0; a < n; a++) {
            const f = L.presence(a, r);
            all += f;
            for (const k of ks) if (at(k, b) === a) mine += f;
          }
          return all > 0 ? 100 - Math.round((60 * mine) / all) : 100;
        },
      };
    }
    case 'turn': {
      const [lo, hi] = bounds(c);
      return flat(EMPTY, (L) => {
        const t = L.turn();
        return t >= lo && t <= hi;
      });
    }
    case 'ordered':
      return flat('any', (L, b) => L.ordered(c, b));
    case 'controlChanged': {
      const kr = region(c.region);
      const kf = c.from ? actor(c.from) : NOBODY;
      const kt = c.to ? actor(c.to) : NOBODY;
      return flat(EMPTY, (L, b) => {
        const r = at(kr, b);
        const from = kf === NOBODY ? NOBODY : at(kf, b);
        const to = kt === NOBODY ? NOBODY : at(kt, b);
        // A placeholder with no value, or an unknown id, matches no change.
        if (r < 0 || from === UNKNOWN || to === UNKNOWN) return false;
        return L.controlChanged(r, from, to);
      });
    }
    case 'redefined': {
      const ka = actor(c.actor);
      return flat(EMPTY, (L, b) => {
        const a = at(ka, b);
        return a >= 0 && L.redefined(a);
      });
    }
    case 'chance': {
      const p = c.percent;
      return flat(EMPTY, (L) => L.chance(p));
    }
    case 'all': {
      const parts = c.of.map((x) => compiled(w, x));
      return {
        reads: union(parts),
        test: (L, b) => {
          for (const x of parts) if (!x.test(L, b)) return false;
          return true;
        },
        distance: (L, b) => {
          let sum = 0;
          for (const x of parts) sum += x.distance(L, b);
          return sum;
        },
      };
    }
    case 'any': {
      const parts = c.of.map((x) => compiled(w, x));
      return {
        reads: union(parts),
        test: (L, b) => {
          for (const x of parts) if (x.test(L, b)) return true;
          return false;
        },
        distance: (L, b) => {
          let min = Infinity;
          for (const x of parts) min = Math.min(min, x.distance(L, b));
          return min === Infinity ? 0 : min;
        },
      };
    }
    case 'not': {
      const inner = compiled(w, c.cond);
      return flat(inner.reads, (L, b) => !inner.test(L, b));
    }
  }
}

/**
 * What a condition reads with its placeholders bound (for conditions of an order, such as the gates the AI
 * works toward): its footprint, or 'any' when it reads the order itself (`ordered`).
 */
export function readsWith(w: World, c: Condition, b: Bound): Footprint | 'any' {
  const n = w.actorIds.length;
  const R = w.def.regions.length;
  const M = w.def.meters.length;
  const actor = (ref: string): number =>
    ref === '$actor'
      ? b.actor
      : ref === '$target'
        ? b.target
        : ref.startsWith('$')
          ? UNKNOWN
          : (w.actorIndex[ref] ?? UNKNOWN);
  const region = (ref: string): number =>
    ref === '$region' ? b.region : ref.startsWith('$') ? UNKNOWN : (w.regionIndex[ref] ?? UNKNOWN);
  const out: Footprint = { pairs: [], meters: [], flags: [], holders: [], forces: [] };
  const walk = (x: Condition): boolean => {
    switch (x.if) {
      case 'relation': {
        const i = actor(x.a);
        const j = actor(x.b);
        if (i >= 0 && j >= 0) out.pairs.push(Math.min(i, j) * n + Math.max(i, j));
        return true;
      }
      case 'meter': {
        const a = actor(x.actor);
        const m = w.def.meters.findIndex((d) => d.id === x.meter);
        if (a >= 0 && m >= 0) out.meters.push(a * M + m);
        return true;
      }
      case 'flag':
        out.flags.push(x.flag);
        return true;
      case 'presence': {
        const a = actor(x.actor);
        const r = x.region ? region(x.region) : UNKNOWN;
        if (a >= 0 && r >= 0) out.forces.push(a * R + r);
        return true;
      }
      case 'control': {
        const r = region(x.region);
        if (r >= 0) {
          out.holders.push(r);
          for (let a = 0; a < n; a++) out.forces.push(a * R + r); // its distance weighs the forces there
        }
        return true;
      }
      case 'ordered':
        return false;
      case 'all':
      case 'any':
        return x.of.every(walk);
      case 'not':
        return walk(x.cond);
      default:
        return true; // turn, controlChanged, redefined, chance: an overlay does not change them
    }
  };
  return walk(c) ? out : 'any';
}
