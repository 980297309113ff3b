// Where JSON text breaks, as line and column with what was expected there: a small scanner (no recursion, no
// values built) run only after JSON.parse has refused the text, so every JavaScript engine gives the same
// message (their own messages differ, and V8's does not always give a position).

export interface SyntaxProblem {
  line: number; // 1-based
  column: number; // 1-based, in UTF-16 code units (as editors count)
  offset: number; // 0-based index into the text
  message: string; // "expected ',' or '}' after a property value"
}

type Where = { offset: number; message: string };

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/** Line and column (both 1-based) of an offset; a line ends at \n, \r\n or \r. */
export function locateOffset(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** The first syntax error of JSON text, or null if it is valid JSON. */
export function findJsonSyntaxError(text: string): SyntaxProblem | null {
  const where = scan(text);
  return where && { ...locateOffset(text, where.offset), ...where };
}

/** Describes the character at `i` for a message: `'x'`, "the end of the text", "a line break". */
function describeAt(text: string, i: number): string {
  if (i >= text.length) return 'the end of the text';
  const ch = text[i]!;
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (ch === '\uFEFF') return 'a byte-order mark';
  return `'${ch}'`;
}

function scan(text: string): Where | null {
  const stack: ('{' | '[')[] = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && isWhitespace(text[i]!)) i++;
  };
  const fail = (message: string, at = i): Where => ({ offset: at, message });

  // After a value: close the containers it ends, then a comma (what comes next) or the end of the text.
  const afterValue = (): Where | 'value' | 'key' | 'done' => {
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      const ch = text[i];
      if (!top)
        return i >= text.length
          ? 'done'
          : fail(`unexpected ${describeAt(text, i)} after the end of the JSON value`);
      if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
        i++;
        stack.pop();
        continue;
      }
      if (ch === ',') {
        const comma = i++;
        skip();
        const close = top === '{' ? '}' : ']';
        if (text[i] === close)
          return fail(`a comma before '${close}' (trailing comma): remove the comma`, comma);
        return top === '{' ? 'key' : 'value';
      }
      const expected = top === '{' ? "',' or '}' after a property value" : "',' or ']' after an array item";
      if (i >= text.length)
        return fail(`the text ends inside ${top === '{' ? 'an object' : 'an array'}: expected ${expected}`);
      return fail(`expected ${expected}, found ${describeAt(text, i)}`);
    }
  };

  const string = (): Where | null => {
    const start = i;
    i++; // opening quote
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return null;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return fail('\\u must be followed by four hex digits');
          i += 6;
        } else return fail(`bad escape '\\${next ?? ''}' in a string: write \\\\ for a backslash`);
        continue;
      }
      if (ch < ' ')
        return fail(
          `${ch === '\n' || ch === '\r' ? 'a line break' : 'a control character'} inside a string: a string ` +
            'stays on one line (write \\n for a line break, \\t for a tab), or a closing quote is missing',
        );
      i++;
    }
    return fail('this string is never closed: add the closing double quote', start);
  };

  const number = (): Where | null => {
    if (text[i] === '-') i++;
    if (text[i] === '0') {
      i++;
      if (isDigit(text[i])) return fail('a number cannot start with 0 (no leading zeros)');
    } else if (isDigit(text[i])) while (isDigit(text[i])) i++;
    else return fail(`expected a digit after '-', found ${describeAt(text, i)}`);
    if (text[i] === '.') {
      i++;
      if (!isDigit(text[i]))
        return fail(`expected a digit after the decimal point, found ${describeAt(text, i)}`);
      while (isDigit(text[i])) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text[i])) return fail(`expected a digit in the exponent, found ${describeAt(text, i)}`);
      while (isDigit(text[i])) i++;
    }
    return null;
  };

  const value = (): Where | 'open' | null => {
    skip();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      stack.push(ch);
      i++;
      return 'open';
    }
    if (ch === '"') return string();
    if (ch === '-' || isDigit(ch)) return number();
    for (const word of ['true', 'false', 'null'])
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    if (ch === "'") return fail('strings and names need double quotes, not single quotes');
    if (ch === '\uFEFF') return fail('a byte-order mark (BOM): save the file as UTF-8 without BOM');
    if (i >= text.length) return fail('the text ends where a value was expected');
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40));
    if (word)
      return fail(`unexpected word '${word[0]}': a string needs double quotes (true, false, null are bare)`);
    return fail(
      `expected a value (string, number, object, array, true, false or null), found ${describeAt(text, i)}`,
    );
  };

  const key = (): Where | null => {
    skip();
    if (text[i] !== '"') {
      if (text[i] === "'") return fail('property names need double quotes, not single quotes');
      return fail(`expected a property name in double quotes, found ${describeAt(text, i)}`);
    }
    const bad = string();
    if (bad) return bad;
    skip();
    if (text[i] !== ':') return fail(`expected ':' after the property name, found ${describeAt(text, i)}`);
    i++;
    return null;
  };

  let next: 'value' | 'key' = 'value';
  for (;;) {
    if (next === 'key') {
      const bad = key();
      if (bad) return bad;
    }
    const v = value();
    if (v === 'open') {
      skip();
      const top = stack[stack.length - 1]!;
      if (text[i] === (top === '{' ? '}' : ']')) {
        i++;
        stack.pop();
      } else {
        next = top === '{' ? 'key' : 'value';
        continue;
      }
    } else if (v) return v;
    const after = afterValue();
    if (after === 'done') return null;
    if (typeof after === 'object') return after;
    next = after;
  }
}
