// Scenario text that is not JSON: the error gives the line and column of the problem and what was expected
// there, the same in every JavaScript engine (the scanner agrees with JSON.parse on what is JSON).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, parseScenario, readScenarioJson } from '../../src/engine/index';
import { readScenarioText } from '../support/worlds';

const VALLEYS = readScenarioText('tests/support/valleys.json');

/** The valleys text with the first occurrence of `from` replaced by `to`. */
const edited = (from: string, to: string): string => {
  expect(VALLEYS).toContain(from);
  return VALLEYS.replace(from, to);
};

/** 1-based line and column of the first occurrence of `needle` in `text`, plus `shift` characters. */
const positionOf = (text: string, needle: string, shift = 0) => {
  const at = text.indexOf(needle) + shift;
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
};

describe('a JSON syntax error', () => {
  it('is reported with the label, the line and the column, and what was expected', () => {
    const text = edited('"version": 1,', '"version": 1');
    const { line, column } = positionOf(text, '"title"');
    const result = parseScenario(text, 'broken.json');
    expect(result).toEqual({
      ok: false,
      error: `broken.json: not valid JSON at line ${line}, column ${column}: expected ',' or '}' after a property value, found '"'`,
    });
    expect(line).toBe(4);
  });

  it.each([
    [
      'a trailing comma',
      '"turnDays": 30,',
      '"turnDays": 30,,',
      "expected a property name in double quotes, found ','",
    ],
    [
      'a trailing comma before }',
      '"end": { "turns": 6 }',
      '"end": { "turns": 6, }',
      "a comma before '}' (trailing comma): remove the comma",
    ],
    ['single quotes', '"version": 1', "'version': 1", 'property names need double quotes, not single quotes'],
    [
      'a bare word',
      '"turnDays": 30',
      '"turnDays": thirty',
      "unexpected word 'thirty': a string needs double quotes (true, false, null are bare)",
    ],
    [
      'a line break in a string',
      '"Three valleys, four powers."',
      '"Three valleys,\nfour powers."',
      'a line break inside a string',
    ],
    [
      'a leading zero',
      '"turnDays": 30',
      '"turnDays": 030',
      'a number cannot start with 0 (no leading zeros)',
    ],
    ['a missing colon', '"turnDays": 30', '"turnDays" 30', "expected ':' after the property name, found '3'"],
  ])('names %s', (_name, from, to, message) => {
    const result = readScenarioJson(edited(from, to), 'x.json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^x\.json: not valid JSON at line \d+, column \d+: /);
      expect(result.error).toContain(message);
    }
  });

  it('points at the line break in a string left open, or at its opening quote when the text ends', () => {
    const text = '{\n  "id": "three-valleys\n}';
    expect(findJsonSyntaxError(text)).toMatchObject({
      line: 2,
      column: 23,
      message: expect.stringContaining('line break'),
    });
    expect(findJsonSyntaxError('{"id": "abc')).toEqual({
      line: 1,
      column: 8,
      offset: 7,
      message: 'this string is never closed: add the closing double quote',
    });
  });

  it('counts \\r\\n and \\r as one line break each', () => {
    expect(findJsonSyntaxError('{\r\n"a": 1,\r\n"b" 2}')).toMatchObject({ line: 3, column: 5 });
    expect(findJsonSyntaxError('{\r"a": x}')).toMatchObject({ line: 2, column: 6 });
  });

  it('says where the text ends too early', () => {
    expect(findJsonSyntaxError('{"a": [1, 2')).toMatchObject({
      line: 1,
      column: 12,
      message: "the text ends inside an array: expected ',' or ']' after an array item",
    });
    expect(findJsonSyntaxError('')).toMatchObject({
      line: 1,
      column: 1,
      message: 'the text ends where a value was expected',
    });
    expect(findJsonSyntaxError('{} x')).toMatchObject({
      column: 4,
      message: "unexpected 'x' after the end of the JSON value",
    });
  });

  it('accepts a file that starts with a byte-order mark', () => {
    expect(parseScenario(`\uFEFF${VALLEYS}`, 'bom.json').ok).toBe(true);
  });

  it('handles 100,000 nested brackets without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(findJsonSyntaxError(deep)).toBeNull();
    expect(findJsonSyntaxError(`${deep}]`)).toMatchObject({ column: 200_001 });
  });
});

describe('the JSON scanner', () => {
  // Texts near JSON: valid JSON with one character inserted, deleted or replaced.
  const nearJson = fc
    .tuple(
      fc.json({ depthSize: 'small' }),
      fc.nat(),
      fc.constantFrom(
        '',
        ',',
        '"',
        '}',
        ']',
        '{',
        '[',
        ':',
        '0',
        '-',
        '.',
        'e',
        ' ',
        '\n',
        '\\',
        'x',
        "'",
        't',
      ),
      fc.boolean(),
    )
    .map(([json, at, ch, replace]) => {
      const i = json.length ? at % (json.length + 1) : 0;
      return json.slice(0, i) + ch + json.slice(replace ? i + 1 : i);
    });

  it('finds an error exactly when JSON.parse refuses the text', () => {
    fc.assert(
      fc.property(fc.oneof(nearJson, fc.json(), fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const found = findJsonSyntaxError(text);
        expect(found === null).toBe(valid);
        if (found) expect(found.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 3000 },
    );
  });
});
