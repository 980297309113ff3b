// What the odds panel plots, chosen from the data (never from named actors): the relation pairs that matter
// most (the pairs of playable actors, then those involving one, by how far the two runs' means differ), every
// region's controllers, and the playable actors' scores. Pure: tested in Node.
import type { PlayoutSummary, Spread } from '../engine/playout';
import type { ScenarioDef } from '../engine/schema';
import { actorColor, actorName, regionName } from './format';
import type { RangeRow, StackRow } from './plots';
import { m } from '../i18n';

const spreadOf = (s: Spread): Spread => ({ mean: s.mean, p10: s.p10, p90: s.p90 });

export interface PairRow extends RangeRow {
  a: string;
  b: string;
  difference: number; // |mean of run 2 − mean of run 1|, 0 with one run
}

/**
 * The relation pairs to plot, at most `max`: every pair of two playable actors first (so the rivalries the
 * players steer always show), then pairs with one playable actor; within each, the largest difference between
 * the runs first (with one run: the widest spread, the least settled).
 */
export function keyPairs(def: ScenarioDef, runs: PlayoutSummary[], max = 12): PairRow[] {
  const playable = new Set(def.actors.filter((a) => a.playable).map((a) => a.id));
  const [first, second] = runs;
  if (!first) return [];
  const rows: (PairRow & { tier: number })[] = first.relations
    .map((r) => {
      const other = second?.relations.find((x) => x.a === r.a && x.b === r.b) ?? null;
      const tier = (playable.has(r.a) ? 1 : 0) + (playable.has(r.b) ? 1 : 0);
      return {
        a: r.a,
        b: r.b,
        tier,
        label: `${r.a}\u2013${r.b}`,
        runs: second ? [spreadOf(r), other && spreadOf(other)] : [spreadOf(r)],
        difference: other ? Math.abs(other.mean - r.mean) : 0,
      };
    })
    .filter((r) => r.tier > 0 || playable.size === 0);
  const width = (r: PairRow) => (r.runs[0] ? r.runs[0].p90 - r.runs[0].p10 : 0);
  rows.sort(
    (x, y) =>
      y.tier - x.tier || y.difference - x.difference || width(y) - width(x) || x.label.localeCompare(y.label),
  );
  return rows.slice(0, max).map(({ tier: _tier, ...row }) => row);
}

/** Each region's controllers in each run, largest share first (by the first run), sorted by how much they differ. */
export function controlRows(def: ScenarioDef, runs: PlayoutSummary[]): (StackRow & { region: string })[] {
  const [first] = runs;
  if (!first) return [];
  const part = (key: string, fraction: number) => ({
    key,
    fraction,
    colour: key === 'none' ? '#8a94a8' : actorColor(def, key),
    name: key === 'none' ? m.odds_rows_nobody() : actorName(def, key),
  });
  const rows = first.control.map((c) => {
    const all = runs.map((r) => r.control.find((x) => x.region === c.region)?.controllers ?? {});
    const keys = [...new Set(all.flatMap((c) => Object.keys(c)))].sort(
      (x, y) => (all[0]![y] ?? 0) - (all[0]![x] ?? 0) || x.localeCompare(y),
    );
    // Total variation distance between the runs: 0 when they agree, 1 when they never do.
    const change =
      all.length > 1 ? keys.reduce((s, k) => s + Math.abs((all[1]![k] ?? 0) - (all[0]![k] ?? 0)), 0) / 2 : 0;
    return {
      region: c.region,
      label: regionName(def, c.region),
      change,
      bars: all.map((c) => ({ parts: keys.map((k) => part(k, c[k] ?? 0)) })),
    };
  });
  rows.sort((x, y) => y.change - x.change);
  return rows.map(({ change: _change, ...row }) => row);
}

/** The playable actors' score ranges in each run (every actor when none is playable). */
export function scoreRows(def: ScenarioDef, runs: PlayoutSummary[]): (RangeRow & { actor: string })[] {
  const playable = def.actors.filter((a) => a.playable).map((a) => a.id);
  const actors = playable.length ? playable : def.actors.map((a) => a.id);
  return actors.map((actor) => ({
    actor,
    label: actorName(def, actor),
    runs: runs.map((r) => {
      const s = r.scores.find((x) => x.actor === actor);
      return s ? spreadOf(s) : null;
    }),
  }));
}

/** The smallest and largest value any run reaches on these rows. */
export function extent(rows: RangeRow[]): [number, number] {
  const values = rows.flatMap((r) => r.runs.flatMap((x) => (x ? [x.p10, x.p90, x.mean] : [])));
  return values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
}

/** "+12.5", "−3" for a mean; percentages for fractions. */
export const formatMean = (n: number): string => {
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `+${r}` : r < 0 ? `\u2212${-r}` : '0';
};
export const percent = (f: number): string => `${Math.round(f * 100)}%`;
