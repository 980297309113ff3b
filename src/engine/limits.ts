// How big and how deeply nested a scenario file may be, checked before the schema parse (which recurses) so
// that a broken or hostile file is refused with a path-precise message, never a stack overflow or a hang.

/** Nesting of objects and arrays (the root is level 1); the shipped scenarios reach 10. */
export const MAX_SCENARIO_DEPTH = 64;
/** JSON values (objects, arrays, strings, numbers, …) in one file; the shipped scenarios have under 4,000. */
export const MAX_SCENARIO_VALUES = 200_000;
/** Length of a scenario's text (UTF-16 code units); the shipped scenarios are under 120,000. */
export const MAX_SCENARIO_CHARS = 5_000_000;

export interface Limits {
  depth: number;
  values: number;
}

export interface LimitProblem {
  path: string; // "rules[3].when.cond.cond…"
  message: string;
}

const SHOWN_KEYS = 6; // keys of a too-deep path shown before "…"

/** 5000000 → "5,000,000". */
const withCommas = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The problem with a scenario text longer than the limit, or null. */
export function checkTextSize(text: string, maxChars = MAX_SCENARIO_CHARS): string | null {
  return text.length > maxChars
    ? `${withCommas(text.length)} characters, more than the ${withCommas(maxChars)} a scenario file may have`
    : null;
}

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | null;
  key: string | number;
}

/** Walks parsed JSON with an explicit stack (no recursion) and returns the first limit it breaks, or null. */
export function checkJsonShape(
  json: unknown,
  limits: Limits = { depth: MAX_SCENARIO_DEPTH, values: MAX_SCENARIO_VALUES },
): LimitProblem | null {
  const stack: Frame[] = [{ value: json, depth: 1, parent: null, key: '' }];
  let values = 1;
  while (stack.length) {
    const frame = stack.pop()!;
    const value = frame.value;
    if (typeof value !== 'object' || value === null) continue;
    if (frame.depth > limits.depth)
      return {
        path: describePath(frame),
        message: `nested deeper than ${limits.depth} levels (the limit for a scenario file)`,
      };
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((child, i) => [i, child])
      : Object.entries(value);
    values += entries.length;
    if (values > limits.values)
      return {
        path: '(root)',
        message: `more than ${withCommas(limits.values)} values (the limit for a scenario file)`,
      };
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
    }
  }
  return null;
}

/** The path of a frame from the root, its first keys only: "rules[3].when.cond.cond.cond…". */
function describePath(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | null = frame; f?.parent; f = f.parent) keys.push(f.key);
  keys.reverse();
  const shown = keys
    .slice(0, SHOWN_KEYS)
    .reduce<string>(
      (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
      '',
    );
  return keys.length > SHOWN_KEYS ? `${shown}…` : shown || '(root)';
}
