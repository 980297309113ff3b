// limits.ts: the iterative walk that refuses too-deep or too-large JSON before the (recursive) schema parse,
// the text-length cap, and the turn cap of the schema.
import { describe, expect, it } from 'vitest';
import {
  checkJsonShape,
  checkTextSize,
  MAX_SCENARIO_CHARS,
  MAX_SCENARIO_DEPTH,
  MAX_SCENARIO_VALUES,
} from '../../src/engine/limits';
import { MAX_END_TURNS } from '../../src/engine/schema';
import { parseScenario, validateScenario } from '../../src/engine/index';
import { valleysJson } from '../support/worlds';

/** `depth` arrays, one inside the other: `[[[]]]` is 3 levels. */
const nestedArrays = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

/** A `not` condition chain whose innermost object is at `levels` levels below the condition itself. */
const notChain = (levels: number): unknown => {
  let cond: unknown = { if: 'turn', atLeast: 1 };
  for (let i = 1; i < levels; i++) cond = { if: 'not', cond };
  return cond;
};

describe('checkJsonShape', () => {
  it('accepts nesting exactly at the limit and refuses one level more, with the path', () => {
    expect(checkJsonShape(nestedArrays(MAX_SCENARIO_DEPTH))).toBeNull();
    expect(checkJsonShape(nestedArrays(MAX_SCENARIO_DEPTH + 1))).toEqual({
      path: '[0][0][0][0][0][0]…',
      message: `nested deeper than ${MAX_SCENARIO_DEPTH} levels (the limit for a scenario file)`,
    });
  });

  it('names the path of the first too-deep value, abbreviated after six keys', () => {
    // root (1) → rules (2) → rules[1] (3) → when: the condition's innermost object is at 3 + levels.
    const at = (levels: number) => ({ rules: [{}, { when: notChain(levels) }] });
    expect(checkJsonShape(at(MAX_SCENARIO_DEPTH - 3))).toBeNull();
    expect(checkJsonShape(at(MAX_SCENARIO_DEPTH - 2))?.path).toBe('rules[1].when.cond.cond.cond…');
    expect(checkJsonShape({ a: { b: { c: {} } } }, { depth: 3, values: 100 })).toEqual({
      path: 'a.b.c',
      message: 'nested deeper than 3 levels (the limit for a scenario file)',
    });
  });

  it('walks JSON 100,000 levels deep without recursion', () => {
    const deep = nestedArrays(100_000);
    expect(() => checkJsonShape(deep)).not.toThrow();
    expect(checkJsonShape(deep)?.message).toMatch(/nested deeper than 64 levels/);
    expect(checkJsonShape(deep, { depth: 100_000, values: 200_000 })).toBeNull();
    expect(checkJsonShape(deep, { depth: 99_999, values: 200_000 })?.path).toMatch(/…$/);
  });

  it('counts every value and refuses one over the limit', () => {
    const values = (n: number) => new Array(n - 1).fill(0); // the array itself is one value
    expect(checkJsonShape(values(MAX_SCENARIO_VALUES))).toBeNull();
    expect(checkJsonShape(values(MAX_SCENARIO_VALUES + 1))).toEqual({
      path: '(root)',
      message: 'more than 200,000 values (the limit for a scenario file)',
    });
  });
});

describe('checkTextSize', () => {
  it('accepts text at the limit and refuses one character more', () => {
    expect(checkTextSize('x'.repeat(MAX_SCENARIO_CHARS))).toBeNull();
    expect(checkTextSize('x'.repeat(MAX_SCENARIO_CHARS + 1))).toBe(
      '5,000,001 characters, more than the 5,000,000 a scenario file may have',
    );
  });
});

describe('scenario loading within the limits', () => {
  it('validateScenario refuses a 10,000-deep condition with its path instead of overflowing the stack', () => {
    const json: any = valleysJson();
    json.rules[0].when = notChain(10_000);
    const result = validateScenario(json);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatch(/^rules\[0\]\.when\.cond\.cond\.cond…: nested deeper than 64/);
  });

  it('parseScenario refuses text over the length limit, with the label', () => {
    const json: any = valleysJson();
    json.summary = 'x'.repeat(MAX_SCENARIO_CHARS);
    const result = parseScenario(JSON.stringify(json), 'big.json');
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^big\.json: [\d,]+ characters, more than/),
    });
  });

  it(`caps end.turns at ${MAX_END_TURNS}, saying so`, () => {
    const at: any = valleysJson();
    at.end.turns = MAX_END_TURNS;
    expect(validateScenario(at).ok).toBe(true);
    const over: any = valleysJson();
    over.end.turns = MAX_END_TURNS + 1;
    const result = validateScenario(over);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toBe(`end.turns: at most ${MAX_END_TURNS} turns (the limit for a scenario)`);
  });
});
