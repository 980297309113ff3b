// The shipped scenarios under the full validator: no errors, every branch compiles, and only the warnings
// listed here (each one reviewed). And what players read never shows a placeholder or rule syntax.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { World } from '../../src/engine/index';
import { advance, compileWorld, createGame, listOrderOptions, parseScenario } from '../../src/engine/index';
import { readScenarioText, ROOT } from '../support/worlds';

const SHIPPED = fs
  .readdirSync(path.join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

/**
 * Warnings the shipped scenarios give, reviewed: the triggers repeat on purpose (a per-turn drift while a
 * situation lasts; they would say so with "once": false), IS relocates
 * across the map, and R28 names "summit", both an order and a type.
 */
const KNOWN: Record<string, string[]> = {
  'mosul-2016.json': [
    'rules[1]', // R2
    'rules[9]', // R8b
    'rules[12]', // R10
    'rules[13]', // R11
    'rules[16]', // R14
    'rules[17]', // R14b
    'rules[33]', // R26b, the end countdown
    'rules[5].effects[0].to', // R6: IS relocates from Mosul to Raqqa and Deir ez-Zor
    'rules[6].effects[0].to', // R6b: from Tal Afar
  ],
  'russia-intervenes-2015.json': ['rules[5]', 'rules[8]', 'rules[17]'], // R36-airpower, R37, S2-sanctions
  'tehran-2022.json': [
    'rules[0].orders[0]', // R28 applies to every summit order
    'rules[0].effects[2].actor', // R28's $target, which us-reassess (no targets) does not have
    'rules[1]', // R29
    'rules[11]', // R40-objections
    'rules[18]', // R42
  ],
};

describe.each(SHIPPED)('the shipped scenario %s', (file) => {
  const parsed = parseScenario(readScenarioText(`scenarios/${file}`), file);

  it('validates with no errors, and every branch compiles', () => {
    if (!parsed.ok) throw new Error(parsed.error);
    for (const b of [null, ...(parsed.value.branches ?? []).map((x) => x.id)])
      expect(compileWorld(parsed.value, b).ok).toBe(true);
  });

  it('gives only the warnings reviewed in this test', () => {
    const unknown = (parsed.warnings ?? []).filter((w) => !(KNOWN[file] ?? []).includes(w.path));
    expect(unknown.map((w) => `${w.path}: ${w.message}`)).toEqual([]);
  });
});

const PLACEHOLDER = /\$(actor|target|region)\b/;
const RULE_SYNTAX = /"(if|do)"\s*:|\b(atLeast|atMost)\b/;

/** Every effect text and every refusal a player can meet in a few AI games of each scenario and branch. */
function collectTexts(): { effects: Set<string>; refusals: Map<string, string> } {
  const effects = new Set<string>();
  const refusals = new Map<string, string>(); // "file: reason" -> file
  for (const file of SHIPPED) {
    const parsed = parseScenario(readScenarioText(`scenarios/${file}`), file);
    if (!parsed.ok) throw new Error(parsed.error);
    for (const branch of [null, ...(parsed.value.branches ?? []).map((b) => b.id)]) {
      const compiled = compileWorld(parsed.value, branch);
      if (!compiled.ok) throw new Error(compiled.error);
      const w: World = compiled.value;
      for (let seed = 1; seed <= 3; seed++) {
        let s = createGame(w, seed);
        while (!s.over) {
          for (const actor of w.actorIds)
            for (const o of listOrderOptions(s, w, actor))
              if (!o.verdict.ok) refusals.set(`${file}: ${o.verdict.reason}`, file);
          s = advance(s, w);
          for (const e of s.effects) effects.add(e.text);
        }
      }
    }
  }
  return { effects, refusals };
}

describe('what players read in the shipped scenarios', () => {
  let effects = new Set<string>();
  let refusals = new Map<string, string>();
  beforeAll(() => ({ effects, refusals } = collectTexts()));

  it('effect texts (the turn report) never show a placeholder or rule syntax', () => {
    expect(effects.size).toBeGreaterThan(100);
    expect([...effects].filter((t) => PLACEHOLDER.test(t) || RULE_SYNTAX.test(t))).toEqual([]);
  });

  it('refusals never show a placeholder: conditions are bound and named before they are shown', () => {
    const leaking = [...refusals.keys()]
      .filter((r) => PLACEHOLDER.test(r))
      .map((r) => /^(\S+: [^:]+):/.exec(r)?.[1] ?? r);
    expect(refusals.size).toBeGreaterThan(5);
    expect([...new Set(leaking)].sort()).toEqual([]);
  });
});
