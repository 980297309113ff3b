// `npm run validate` on warnings and the new checks: warnings alone print `warning:` lines on stderr and
// exit 0; an error exits 1 with its path; a JSON syntax error exits 2 with its line and column.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenValleys, writeScenario } from '../support/brokenScenarios';
import { validate } from '../support/cli';
import { readScenarioText } from '../support/worlds';

let dir = '';
const files: Record<string, string> = {};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-'));
  files.warned = writeScenario(
    dir,
    'warned',
    brokenValleys((j) => {
      j.flags.fog = 0;
      j.rules[2].effects[0].to = ['coast'];
    }),
  );
  files.broken = writeScenario(
    dir,
    'broken',
    brokenValleys((j) => {
      j.rules[5].turn = 9;
      j.flags.fog = 0;
    }),
  );
  files.syntax = writeScenario(
    dir,
    'syntax',
    readScenarioText('tests/support/valleys.json').replace('"version": 1,', '"version": 1'),
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('npm run validate', () => {
  it('prints warnings as `warning:` lines on stderr and exits 0 when there are only warnings', () => {
    const r = validate(files.warned!);
    expect(r.code).toBe(0);
    expect(r.out).toBe('warned.json: ok (4 actors, 4 regions, 6 rules, 1 branches, 2 warnings)\n');
    expect(r.err.trim().split('\n')).toEqual([
      'warning: warned.json: flags.fog: flag "fog" is declared but no condition or effect uses it: remove it, or use it',
      expect.stringMatching(
        /^warning: warned\.json: rules\[2\]\.effects\[0\]\.to: "coast" is not a neighbour of "hill"/,
      ),
    ]);
  });

  it('exits 1 for a new check, with the path and the fix on stderr, and the warnings after it', () => {
    const r = validate(files.broken!);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'broken.json: rules[5].turn: scheduled rule "S1" is for turn 9, after the last turn (end.turns is 6), so ' +
        'it never happens: schedule it for turn 6 or earlier, or raise end.turns',
    );
    expect(lines[1]).toMatch(/^warning: broken\.json: flags\.fog: /);
  });

  it('exits 2 for a JSON syntax error, naming its line and column', () => {
    const r = validate(files.syntax!);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      "syntax.json: not valid JSON at line 4, column 3: expected ',' or '}' after a property value, found '\"'\n",
    );
  });

  it('passes the shipped scenarios (exit 0), with only warning lines on stderr', () => {
    const r = validate();
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toEqual([
      expect.stringMatching(/^mosul-2016\.json: ok \(/),
      expect.stringMatching(/^russia-intervenes-2015\.json: ok \(/),
      expect.stringMatching(/^tehran-2022\.json: ok \(/),
    ]);
    for (const line of r.err.trim().split('\n')) expect(line).toMatch(/^warning: [a-z0-9-]+\.json: \S+: /);
  });
});
