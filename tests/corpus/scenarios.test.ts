// The corpus of malformed scenarios (tests/corpus/scenarios/, with what each must be refused for in
// scenarios.manifest.json), after Diplomacy's DATC: a shared set of tricky cases that every way into the game
// must refuse with a message naming the problem. Here the engine's loader and the CLI (`npm run validate`, all
// files at once, and `npm run sim`, one at a time: exit code 2, nothing on stdout, no hang); the page's "Open a
// scenario file" is tested in tests/browser/corpus.test.ts. Two cases too large to keep as files (a 6 MB title,
// 250,000 values) are written at run time.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorld } from '../../src/engine/index';
import { validate } from '../support/cli';
import { ROOT, valleysJson } from '../support/worlds';

const DIR = path.join(ROOT, 'tests/corpus/scenarios');
const manifest = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'tests/corpus/scenarios.manifest.json'), 'utf8'),
) as Record<string, string>;

const generated = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
const GENERATED: Record<string, [string, string]> = {
  'title-6mb.json': [JSON.stringify({ ...valleysJson(), title: 'x'.repeat(6_000_000) }), 'characters'],
  'values-250000.json': [
    JSON.stringify({ ...valleysJson(), sources: Array.from({ length: 250_000 }, (_, i) => i) }),
    'values',
  ],
};
for (const [name, [text]] of Object.entries(GENERATED)) fs.writeFileSync(path.join(generated, name), text);
afterAll(() => fs.rmSync(generated, { recursive: true, force: true }));

const cases: [string, string, string][] = [
  ...Object.entries(manifest).map(
    ([name, expected]) => [name, path.join(DIR, name), expected] as [string, string, string],
  ),
  ...Object.entries(GENERATED).map(
    ([name, [, expected]]) => [name, path.join(generated, name), expected] as [string, string, string],
  ),
];

/** Runs `npm run sim` on a file (as npm does: scripts/sim.mjs) with a time limit; several may run side by side. */
function sim(file: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/sim.mjs', '--scenario', file, '--json'], {
      cwd: ROOT,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe('the corpus of malformed scenarios', () => {
  it('holds at least 40 cases, each with what it must be refused for', () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(manifest).sort());
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it('is refused by the engine’s loader, each with a message naming its problem, and pollutes nothing', () => {
    for (const [name, file, expected] of cases) {
      const loaded = loadWorld(fs.readFileSync(file, 'utf8'), null, name);
      expect(loaded.ok, name).toBe(false);
      if (!loaded.ok) expect(loaded.error, name).toContain(expected);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('is refused by npm run validate, all files at once: every file named with its problem, nothing on stdout', () => {
    const r = validate(...cases.map(([, file]) => file));
    expect(r.code).toBe(2); // some files cannot even be parsed; the others have problems (1)
    expect(r.out).toBe('');
    const lines = r.err.split('\n');
    for (const [name, , expected] of cases)
      expect(
        lines.some((l) => l.startsWith(`${name}: `) && l.includes(expected)),
        `${name}: ${expected}`,
      ).toBe(true);
  }, 60_000);

  it('is refused by npm run sim: exit code 2, nothing on stdout, the problem on stderr, in time', async () => {
    const results: { name: string; code: number | null; out: string; err: string; expected: string }[] = [];
    const queue = [...cases];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const [name, file, expected] = c;
        results.push({ name, expected, ...(await sim(file)) });
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    for (const r of results) {
      expect(r.code, `${r.name}: ${r.err}`).toBe(2);
      expect(r.out, r.name).toBe('');
      expect(r.err, r.name).toContain(r.expected);
    }
  }, 300_000);
});
