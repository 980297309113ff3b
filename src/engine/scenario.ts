// Loading a scenario: parse (a syntax error gives its line and column), validate (shape, then references and
// consistency, with warnings beside), and compile it with a branch into a World: the scenario plus the
// indexes the rules need. A bad file gives messages, never a throw.
import { findJsonSyntaxError, locateOffset } from './jsonSyntax';
import { checkJsonShape, checkTextSize } from './limits';
import { reviewScenario } from './review';
import type { OrderDef, Rule, ScenarioDef } from './schema';
import { Scenario, SETTING_DEFAULTS } from './schema';
import type { Result } from './types';

export interface World {
  def: ScenarioDef; // with the branch's overrides applied
  branch: string | null;
  actorIds: string[];
  actorIndex: Record<string, number>;
  regionIndex: Record<string, number>;
  layerIndex: Record<string, number>;
  netLayers: number[]; // layer indexes that count in the net value
  orders: Record<string, OrderDef>;
  triggers: Extract<Rule, { kind: 'trigger' }>[];
  scheduled: Extract<Rule, { kind: 'scheduled' }>[];
  gates: Extract<Rule, { kind: 'gate' }>[];
  orderRules: Extract<Rule, { kind: 'order' }>[];
  bounds: Extract<Rule, { kind: 'bound' }>[];
  rulesById: Record<string, Rule>;
  settings: Required<NonNullable<ScenarioDef['settings']>>;
}

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

/** Applies a branch to a validated scenario and builds the indexes. */
export function compileWorld(source: ScenarioDef, branchId: string | null = null): Result<World> {
  let def = source;
  const branch = branchId === null ? null : (source.branches ?? []).find((b) => b.id === branchId);
  if (branchId !== null && !branch) {
    const known = (source.branches ?? []).map((b) => b.id).join(', ') || 'none';
    return { ok: false, error: `scenario "${source.id}" has no branch "${branchId}" (branches: ${known})` };
  }
  if (branch) {
    const suppressed = new Set(branch.suppress ?? []);
    const removed = new Set(branch.removeOrders ?? []);
    const overridden = new Set((branch.relations ?? []).map((r) => pairKey(r.a, r.b)));
    def = {
      ...source,
      relations: [
        ...source.relations.map((r) => {
          if (!overridden.has(pairKey(r.a, r.b))) return r;
          const o = branch.relations!.find((x) => pairKey(x.a, x.b) === pairKey(r.a, r.b))!;
          return { ...r, ...o, values: { ...r.values, ...o.values } };
        }),
        ...(branch.relations ?? []).filter(
          (r) => !source.relations.some((s) => pairKey(s.a, s.b) === pairKey(r.a, r.b)),
        ),
      ],
      regions: source.regions.map((r) => {
        const o = branch.regions?.find((x) => x.id === r.id);
        if (!o) return r;
        return {
          ...r,
          controller: o.controller === undefined ? r.controller : o.controller,
          presence: o.presence ?? r.presence,
        };
      }),
      flags: { ...source.flags, ...branch.flags },
      rules: [...source.rules.filter((r) => !suppressed.has(r.id)), ...(branch.rules ?? [])],
      orders: [...source.orders.filter((o) => !removed.has(o.id)), ...(branch.orders ?? [])],
    };
  }
  const index = (ids: string[]) => dict(ids.map((x, i) => [x, i] as const));
  const rules = def.rules;
  const s = def.settings ?? {};
  return {
    ok: true,
    value: {
      def,
      branch: branch ? branch.id : null,
      actorIds: def.actors.map((a) => a.id),
      actorIndex: index(def.actors.map((a) => a.id)),
      regionIndex: index(def.regions.map((r) => r.id)),
      layerIndex: index(def.layers.map((l) => l.id)),
      netLayers: def.layers.flatMap((l, i) => (l.net === false ? [] : [i])),
      orders: dict(def.orders.map((o) => [o.id, o] as const)),
      triggers: rules.filter((r) => r.kind === 'trigger'),
      scheduled: rules.filter((r) => r.kind === 'scheduled'),
      gates: rules.filter((r) => r.kind === 'gate'),
      orderRules: rules.filter((r) => r.kind === 'order'),
      bounds: rules.filter((r) => r.kind === 'bound'),
      rulesById: dict(rules.map((r) => [r.id, r] as const)),
      settings: {
        ordersPerTurn: s.ordersPerTurn ?? SETTING_DEFAULTS.ordersPerTurn,
        realignStep: s.realignStep ?? SETTING_DEFAULTS.realignStep,
        commonEnemy: s.commonEnemy ?? { ...SETTING_DEFAULTS.commonEnemy },
        interestScale: s.interestScale ?? SETTING_DEFAULTS.interestScale,
        defenceBonus: s.defenceBonus ?? SETTING_DEFAULTS.defenceBonus,
        attrition: s.attrition ?? SETTING_DEFAULTS.attrition,
        breakRatio: s.breakRatio ?? SETTING_DEFAULTS.breakRatio,
        garrison: s.garrison ?? SETTING_DEFAULTS.garrison,
        allyCapture: s.allyCapture ?? SETTING_DEFAULTS.allyCapture,
      },
    },
  };
}

/** A lookup table with no prototype, so that an id like "toString" from outside finds nothing. */
function dict<T>(entries: readonly (readonly [string, T])[]): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The compiled worlds of one scenario, one per branch (null: the main line), compiled once each on demand. */
export function worldCache(def: ScenarioDef): (branch: string | null) => World | null {
  const worlds = new Map<string, World | null>();
  return (branch) => {
    const key = branch ?? '';
    if (!worlds.has(key)) {
      const compiled = compileWorld(def, branch);
      worlds.set(key, compiled.ok ? compiled.value : null);
    }
    return worlds.get(key)!;
  };
}
