import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWorld, parseScenario, validateScenario } from '../../src/engine/index';
import { valleysJson } from '../support/worlds';

const mutate = (fn: (json: any) => void) => {
  const json = valleysJson();
  fn(json);
  return json;
};

describe('scenario validation', () => {
  it('accepts the invented scenario', () => {
    const result = validateScenario(valleysJson());
    expect(result.ok).toBe(true);
  });

  it('names the path of a wrongly typed field', () => {
    const result = validateScenario(mutate((j) => (j.actors[0].objectives[0].vp = 'four')));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^actors\[0\]\.objectives\[0\]\.vp: .*number/m);
  });

  it('names a missing field', () => {
    const result = validateScenario(mutate((j) => delete j.regions[1].theatre));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('regions[1].theatre');
  });

  it('names an unknown actor, region, layer and rule reference with its path', () => {
    const result = validateScenario(
      mutate((j) => {
        j.relations[0].a = 'NOBODY';
        j.regions[0].neighbours.push('atlantis');
        j.orders[3].layer = 'air';
        j.branches[0].suppress = ['R999'];
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('relations[0].a: unknown actor "NOBODY"');
      expect(result.error).toContain('regions[0].neighbours[2]: unknown region "atlantis"');
      expect(result.error).toContain('orders[3].layer: unknown layer "air"');
      expect(result.error).toContain('branches[0].suppress[0]: unknown rule "R999"');
    }
  });

  it('rejects an unknown key in a rule (a typo is not silently ignored)', () => {
    const result = validateScenario(mutate((j) => (j.rules[0].wen = j.rules[0].when)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('rules[0]');
  });

  it('rejects placeholders outside orders', () => {
    const result = validateScenario(mutate((j) => (j.rules[2].effects[0].actor = '$actor')));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toContain(
        'rules[2].effects[0].actor: "$actor" stands for the actor giving an order, so it has a value only inside an order',
      );
  });

  it('reports text that is not JSON with the label', () => {
    const result = parseScenario('{"id": "x",', 'broken.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^broken\.json: not valid JSON at line 1, column 12: /);
  });

  it('prefixes every problem with the file label and caps the list', () => {
    const json = mutate((j) => j.actors.forEach((a: any) => (a.color = 'red')));
    const result = parseScenario(JSON.stringify(json), 'x.json');
    expect(result.ok).toBe(false);
    if (!result.ok) for (const line of result.error.split('\n')) expect(line).toMatch(/^x\.json: /);
  });

  it('refuses an unknown branch with the list of known ones', () => {
    const parsed = validateScenario(valleysJson());
    if (!parsed.ok) throw new Error(parsed.error);
    const result = compileWorld(parsed.value, 'nope');
    expect(result).toEqual({
      ok: false,
      error: 'scenario "three-valleys" has no branch "nope" (branches: friendly)',
    });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateScenario(value);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(parseScenario(text).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the committed JSON Schema', () => {
  it('is the one generated from the validator (run `npm run schema` after changing the format)', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { scenarioJsonSchema } = await import('../../src/engine/jsonSchema');
    const { ROOT } = await import('../support/worlds');
    const committed = fs.readFileSync(path.join(ROOT, 'scenarios/scenario.schema.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });
});
