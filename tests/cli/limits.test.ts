// The command-line tools on hostile input: too-deep conditions, directories, oversized files and turn counts
// beyond the cap are refused with a message on stderr, nothing on stdout and exit code 2 (validator: 1 for a
// file it could parse but found problems in).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_END_TURNS } from '../../src/engine/schema';
import { sim, validate } from '../support/cli';
import { readScenarioText, ROOT } from '../support/worlds';

const VALLEYS = 'tests/support/valleys.json';
const DEPTH = 10_000;

/** The invented scenario as JSON text, changed by `change`; `@deep@` in it is replaced by `splice` verbatim. */
const valleysText = (change: (json: any) => void, splice = ''): string => {
  const json = JSON.parse(readScenarioText(VALLEYS));
  change(json);
  return JSON.stringify(json).replace('"@deep@"', splice);
};

// Written as text: JSON.stringify itself overflows the stack at this depth.
const deepNot = '{"if":"not","cond":'.repeat(DEPTH) + '{"if":"turn","atLeast":1}' + '}'.repeat(DEPTH);
const deepAllAny =
  '{"if":"all","of":[{"if":"any","of":['.repeat(DEPTH / 2) + '{"if":"turn"}' + ']}]}'.repeat(DEPTH / 2);

let dir = '';
const files: Record<string, string> = {};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-limits-'));
  const write = (name: string, text: string) => {
    files[name] = path.join(dir, `${name}.json`);
    fs.writeFileSync(files[name], text);
  };
  write(
    'deep-not',
    valleysText((j) => (j.rules[0].when = '@deep@'), deepNot),
  );
  write(
    'deep-all-any',
    valleysText((j) => (j.rules[0].when = '@deep@'), deepAllAny),
  );
  write(
    'huge-end',
    valleysText((j) => (j.end.turns = 1e9)),
  );
  write(
    'huge-file',
    valleysText((j) => (j.summary = 'x'.repeat(16_000_000))),
  );
  write('not-json', '{ "id": ');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a condition nested 10,000 deep', () => {
  it.each([
    [
      'sim',
      'deep-not',
      /^sim: deep-not\.json: rules\[0\]\.when\.cond\.cond\.cond…: nested deeper than 64 levels/,
    ],
    [
      'sim',
      'deep-all-any',
      /^sim: deep-all-any\.json: rules\[0\]\.when\.of\[0\]\.of…: nested deeper than 64/,
    ],
    ['validate', 'deep-not', /^deep-not\.json: rules\[0\]\.when\.cond\.cond\.cond…: nested deeper than 64/],
    [
      'validate',
      'deep-all-any',
      /^deep-all-any\.json: rules\[0\]\.when\.of\[0\]\.of…: nested deeper than 64/,
    ],
  ])(
    '%s refuses %s: exit 2, one line naming the path on stderr, nothing on stdout',
    (tool, name, message) => {
      const r = tool === 'sim' ? sim('--scenario', files[name]!) : validate(files[name]!);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    },
  );
});

describe('a directory given as the scenario', () => {
  it('sim refuses a directory path, absolute or relative, with exit 2 and nothing on stdout', () => {
    const a = sim('--scenario', dir);
    expect([a.code, a.out, a.err]).toEqual([2, '', `sim: ${dir} is a directory, not a scenario file\n`]);
    const b = sim('--scenario', 'scenarios/');
    const scenarios = path.join(ROOT, 'scenarios');
    expect([b.code, b.out, b.err]).toEqual([
      2,
      '',
      `sim: ${scenarios} is a directory, not a scenario file\n`,
    ]);
  });

  it('validate refuses a directory with exit 2 on stderr, and still prints the good files on stdout', () => {
    const r = validate(VALLEYS, dir);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^valleys\.json: ok \(\d+ actors/);
    expect(r.err).toBe(`${dir} is a directory, not a scenario file\n`);
  });
});

describe('files the validator cannot read or parse', () => {
  it.each([
    ['not-json', /^not-json\.json: not valid JSON/],
    ['missing', /^no scenario file at .*missing\.json/],
  ])('validate exits 2 for %s, with the problem on stderr and nothing on stdout', (name, message) => {
    const r = validate(files[name] ?? path.join(dir, `${name}.json`));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });

  it('sim and validate refuse a 16 MB file, over the size limit', () => {
    const a = sim('--scenario', files['huge-file']!);
    expect([a.code, a.out]).toEqual([2, '']);
    expect(a.err).toMatch(/huge-file\.json: 16,0\d\d,\d{3} bytes, more than a scenario file may have/);
    const b = validate(files['huge-file']!);
    expect([b.code, b.out]).toEqual([2, '']);
    expect(b.err).toMatch(/more than a scenario file may have \(5,000,000 characters\)/);
  });
});

describe('the turn cap', () => {
  const cap = new RegExp(`end\\.turns: at most ${MAX_END_TURNS} turns`);

  it('sim refuses a scenario whose end.turns is over the cap, and finishes', () => {
    const r = sim('--scenario', files['huge-end']!, '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(cap);
  });

  it('validate reports end.turns over the cap as a problem (exit 1)', () => {
    const r = validate(files['huge-end']!);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(cap);
  });

  it(`sim refuses --turns over ${MAX_END_TURNS}, naming the cap, and accepts it at the cap`, () => {
    const over = sim('--scenario', VALLEYS, '--turns', String(MAX_END_TURNS + 1));
    expect([over.code, over.out]).toEqual([2, '']);
    expect(over.err).toContain(`--turns must be a whole number from 1 to ${MAX_END_TURNS}`);
    const at = sim('--scenario', VALLEYS, '--turns', String(MAX_END_TURNS), '--json');
    expect(at.code).toBe(0);
    expect(JSON.parse(at.out)).toMatchObject({ turnsPlayed: 6, final: { over: true } });
  });
});
