import { describe, expect, it } from 'vitest';
import { sim } from '../support/cli';

const VALLEYS = 'tests/support/valleys.json';

describe('npm run sim', () => {
  it('prints one JSON object with the contract fields, the same twice for the same seed', () => {
    const a = sim('--scenario', VALLEYS, '--seed', '7', '--json');
    const b = sim('--scenario', VALLEYS, '--seed', '7', '--json');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(a.out);
    expect(json).toMatchObject({ scenario: 'three-valleys', branch: null, seed: 7, turnsPlayed: 6 });
    expect(Object.keys(json.final)).toEqual(
      expect.arrayContaining(['relations', 'control', 'scores', 'unbalancedTriads', 'meters']),
    );
    for (const r of json.final.relations) {
      expect(Number.isInteger(r.value)).toBe(true);
      expect(Math.abs(r.value)).toBeLessThanOrEqual(100);
      expect(['land', 'sea', 'net']).toContain(r.layer);
    }
    expect(json.final.control).toContainEqual({ region: 'coast', controller: expect.any(String) });
    expect(json.log[0]).toMatchObject({
      turn: 1,
      actor: expect.any(String),
      order: expect.any(String),
      effects: expect.any(Array),
    });
  });

  it.each([
    ['mosul-2016', null],
    ['mosul-2016', 'turkey-joins-mosul'],
    ['mosul-2016', 'turkey-joins-mosul-unilateral'],
    ['russia-intervenes-2015', null],
    ['tehran-2022', null],
  ])('plays the shipped scenario %s (%s) to its end', (id, branch) => {
    const r = sim('--scenario', id, ...(branch ? ['--branch', branch] : []), '--seed', '5', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ scenario: id, branch, final: { over: true } });
    expect(json.log.some((e: any) => e.effects.some((x: any) => x.quote))).toBe(true);
  });

  it('plays with the AI looking ahead (--policy lookahead): the same game twice, and its reasons say so', () => {
    const args = [
      '--scenario',
      'mosul-2016',
      '--seed',
      '4',
      '--turns',
      '3',
      '--policy',
      'lookahead',
      '--json',
    ];
    const a = sim(...args);
    expect(a.code).toBe(0);
    expect(sim(...args).out).toBe(a.out);
    const greedy = sim('--scenario', 'mosul-2016', '--seed', '4', '--turns', '3', '--json');
    expect(JSON.parse(a.out).turnsPlayed).toBe(3);
    expect(a.out).not.toBe(greedy.out);
    expect(a.out).toMatch(/looking 2 turns ahead/);
  });

  it('refuses a policy it does not know, and the look-ahead AI for playouts', () => {
    const bad = sim('--scenario', VALLEYS, '--policy', 'clever');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--policy must be "greedy" or "lookahead", got "clever"/);
    const playouts = sim('--scenario', VALLEYS, '--policy', 'lookahead', '--playouts', '5');
    expect(playouts.code).toBe(2);
    expect(playouts.err).toMatch(/--playouts uses the greedy AI/);
  });

  it('plays a branch and stops after --turns', () => {
    const r = sim('--scenario', VALLEYS, '--branch', 'friendly', '--turns', '2', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ branch: 'friendly', turnsPlayed: 2 });
  });

  it('prints the distribution of n playouts', () => {
    const r = sim('--scenario', VALLEYS, '--playouts', '20', '--seed', '3', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ playouts: 20, seeds: [3, 22] });
    const rel = json.relations[0];
    expect(Object.keys(rel)).toEqual(['a', 'b', 'layer', 'mean', 'p10', 'p90']);
    expect(rel.p10).toBeLessThanOrEqual(rel.p90);
    const fractions = Object.values(json.control[0].controllers) as number[];
    expect(fractions.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 2);
  });

  it('compares the main line with a branch, with the effects that caused each difference', () => {
    const r = sim('--scenario', VALLEYS, '--compare', 'friendly', '--seed', '4', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ base: null, branch: 'friendly', seed: 4 });
    const sea = json.relations.find((x: any) => x.a === 'RED' && x.b === 'BLUE' && x.layer === 'sea');
    expect(sea.right - sea.left).toBe(sea.delta);
    expect(sea.delta).not.toBe(0);
    const causes = json.causes.find((c: any) => c.key === 'relation:RED|BLUE|sea');
    expect(causes.left.length + causes.right.length).toBeGreaterThan(0);
    expect(r.out).toBe(sim('--scenario', VALLEYS, '--compare', 'friendly', '--seed', '4', '--json').out);
  });

  it.each([
    [['--scenario', VALLEYS, '--compare', 'nope'], /has no branch "nope"/],
    [['--scenario', 'no-such-scenario'], /unknown scenario "no-such-scenario"/],
    [['--scenario', VALLEYS, '--branch', 'nope'], /has no branch "nope"/],
    [['--scenario', 'tests/support/missing.json'], /no scenario file/],
    [['--scenario', 'package.json'], /package\.json: /],
    [['--scenario', VALLEYS, '--seed', 'abc'], /--seed must be a whole number/],
    [['--scenario', VALLEYS, '--frobnicate'], /unknown argument "--frobnicate"/],
    [[], /--scenario <id or path> is required/],
  ])('fails with a message on stderr, nothing on stdout, non-zero exit: %j', (args, message) => {
    const r = sim(...(args as string[]));
    expect(r.code).not.toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });
});
