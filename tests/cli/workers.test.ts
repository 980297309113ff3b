// `--playouts` on several worker threads: the same bytes as one thread, whatever the number of threads, and
// a failing thread rejects with its message instead of leaving the run waiting.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playInPool, splitSeeds } from '../../src/cli/pool';
import { sim } from '../support/cli';
import { ROOT, worldFrom } from '../support/worlds';

const playouts = (...extra: string[]) =>
  sim('--scenario', 'mosul-2016', '--playouts', '40', '--seed', '3', ...extra, '--json');

describe('npm run sim --playouts --workers', { timeout: 120_000 }, () => {
  it.each([[null], ['turkey-joins-mosul']])(
    'prints the same bytes with 1, 2 and 3 workers and the default (branch %s)',
    (branch) => {
      const b = branch ? ['--branch', branch] : [];
      const one = playouts(...b, '--workers', '1');
      expect(one.code, one.err).toBe(0);
      expect(JSON.parse(one.out)).toMatchObject({ branch, playouts: 40, seeds: [3, 42] });
      for (const w of [['--workers', '2'], ['--workers', '3'], []]) {
        const r = playouts(...b, ...w);
        expect(r.code, r.err).toBe(0);
        expect(r.err).toBe('');
        expect(r.out, `${w.join(' ') || 'default'} workers`).toBe(one.out);
      }
    },
  );

  it('wraps the seeds past 4294967295 the same on several threads', () => {
    const args = ['--scenario', 'tests/support/valleys.json', '--seed', '4294967290', '--playouts', '12'];
    const one = sim(...args, '--workers', '1', '--json');
    expect(one.code, one.err).toBe(0);
    expect(sim(...args, '--workers', '3', '--json').out).toBe(one.out);
  });

  it.each([
    [['--workers', '0'], /--workers must be a whole number from 1 to 256 .*got "0"/],
    [['--workers', 'abc'], /--workers must be a whole number from 1 to 256 .*got "abc"/],
    [['--workers', '1.5'], /--workers must be a whole number from 1 to 256 .*got "1\.5"/],
    [['--workers', '257'], /--workers must be a whole number from 1 to 256 .*got "257"/],
    [['--workers'], /--workers needs a value/],
  ])('refuses a bad --workers value with its message: %j', (bad, message) => {
    const r = sim('--scenario', 'mosul-2016', '--playouts', '4', ...bad);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^sim: /);
    expect(r.err).toMatch(message);
  });

  it('refuses --workers without --playouts', () => {
    const r = sim('--scenario', 'mosul-2016', '--workers', '2');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/--workers goes with --playouts/);
  });

  it('lists --workers in --help', () => {
    expect(sim('--help').out).toMatch(/--workers n spreads the playouts over n worker threads/);
  });
});

describe('the playout pool', { timeout: 60_000 }, () => {
  it('cuts the seeds into contiguous ranges of near-equal size, in order, wrapping at 2^32', () => {
    expect(splitSeeds(3, 10, 4)).toEqual([
      { from: 3, count: 3 },
      { from: 6, count: 3 },
      { from: 9, count: 2 },
      { from: 11, count: 2 },
    ]);
    expect(splitSeeds(1, 2, 8)).toEqual([
      { from: 1, count: 1 },
      { from: 2, count: 1 },
    ]);
    expect(splitSeeds(0xfffffffe, 4, 2)).toEqual([
      { from: 0xfffffffe, count: 2 },
      { from: 0, count: 2 },
    ]);
  });

  const valleys = { def: worldFrom('tests/support/valleys.json').def, branch: null };
  const ranges = splitSeeds(1, 6, 4);
  const fixture = (name: string) => pathToFileURL(path.join(ROOT, 'tests/support/workers', name)).href;

  it('gives each range its results in seed order', async () => {
    const results = await playInPool(valleys, ranges, 2);
    expect(results).toHaveLength(6);
    const again = await playInPool(valleys, splitSeeds(1, 6, 1), 2);
    expect(JSON.stringify(results)).toBe(JSON.stringify(again));
  });

  it.each([
    [
      'a branch the worker cannot compile',
      () => playInPool({ ...valleys, branch: 'nope' }, ranges, 2),
      /has no branch "nope"/,
    ],
    [
      'a range that throws',
      () => playInPool(valleys, ranges, 2, fixture('range-throws.mjs')),
      /range from \d+ failed/,
    ],
    [
      'a thread that cannot start',
      () => playInPool(valleys, ranges, 2, fixture('fails-at-start.mjs')),
      /the worker module failed to load/,
    ],
    [
      'a thread that stops itself',
      () => playInPool(valleys, ranges, 2, fixture('exits.mjs')),
      /a worker thread stopped before its playouts were done \(exit code 3\)/,
    ],
  ])('rejects with the message of %s, never waits for ever', async (_, run, message) => {
    await expect(run()).rejects.toThrow(message);
  });
});
