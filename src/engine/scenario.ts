// Loading a scenario: parse (a syntax error gives its line and column), validate (shape, then references and
// consistency, with warnings beside), and compile it with a branch into a World: the scenario plus the
// indexes the rules need. A bad file gives messages, never a throw.
import { findJsonSyntaxError, locateOffset } from './jsonSyntax';
import { checkJsonShape, checkTextSize } from './limits';
import { reviewScenario } from './review';
import type { ScenarioDef } from './schema';
import { Scenario } from './schema';
import type { Result } from './types';

export type { World } from './world';
export { compileWorld, worldCache } from './world';

export interface Problem {
  path: string; // "actors[3].objectives[0].vp"
  message: string;
}

const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );

/** What validation found: the scenario, or its problems; with the warnings whenever its shape was valid. */
export type Validation = Result<ScenarioDef> & { problems?: Problem[]; warnings?: Problem[] };

/**
 * Validates a parsed JSON value as a scenario: size and nesting (limits.ts), shape, then references and
 * consistency (errors: `problems`). Warnings (legal but likely wrong) never make it invalid.
 */
export function validateScenario(input: unknown): Validation {
  const tooBig = checkJsonShape(input);
  if (tooBig) return { ok: false, error: describe([tooBig]), problems: [tooBig] };
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      path: formatPath(i.path) || '(root)',
      message: i.message,
    }));
    return { ok: false, error: describe(problems), problems };
  }
  const { errors, warnings } = reviewScenario(parsed.data);
  if (errors.length) return { ok: false, error: describe(errors), problems: errors, warnings };
  return { ok: true, value: parsed.data, warnings };
}

/**
 * Parses scenario text as JSON within the limits of limits.ts, before any validation of its shape. A leading
 * byte-order mark is ignored; a syntax error is reported with its line and column.
 */
export function readScenarioJson(text: string, label = 'scenario'): Result<unknown> {
  const tooLong = checkTextSize(text);
  if (tooLong) return { ok: false, error: `${label}: ${tooLong}` };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    return { ok: false, error: `${label}: not valid JSON ${describeSyntaxError(body, err)}` };
  }
  const tooBig = checkJsonShape(json);
  if (tooBig) return { ok: false, error: `${label}: ${tooBig.path}: ${tooBig.message}` };
  return { ok: true, value: json };
}

/** "at line 3, column 7: expected ',' or '}' …": from the scanner, else from the position in V8's message. */
function describeSyntaxError(text: string, err: unknown): string {
  const found = findJsonSyntaxError(text);
  if (found) return `at line ${found.line}, column ${found.column}: ${found.message}`;
  const message = err instanceof Error ? err.message : String(err);
  const position = /at position (\d+)/.exec(message);
  if (!position) return `(${message})`;
  const { line, column } = locateOffset(text, Number(position[1]));
  return `at line ${line}, column ${column} (${message})`;
}

/** Parses scenario text (JSON) and validates it; `label` prefixes messages (usually the file name). */
export function parseScenario(text: string, label = 'scenario'): Validation {
  const json = readScenarioJson(text, label);
  if (!json.ok) return json;
  const result = validateScenario(json.value);
  if (!result.ok) return { ...result, error: labelProblems(label, result.problems ?? []) };
  return result;
}

/** One `warning:` line per warning, with the label and the path. */
export function labelWarnings(label: string, warnings: readonly Problem[]): string {
  return warnings.map((w) => `warning: ${label}: ${w.path}: ${w.message}`).join('\n');
}

/** One line per problem, prefixed with the label, at most 12 and a count of the rest. */
export function labelProblems(label: string, problems: readonly Problem[]): string {
  const lines = problems.slice(0, 12).map((p) => `${label}: ${p.path}: ${p.message}`);
  const more = problems.length > 12 ? [`${label}: … and ${problems.length - 12} more`] : [];
  return [...lines, ...more].join('\n');
}

const describe = (problems: Problem[]): string => problems.map((p) => `${p.path}: ${p.message}`).join('\n');
