// `$actor`, `$target` and `$region` stand for an order's giver and parameters: they only have a value inside
// an order (or a gate or order rule), `$target` only for orders with targets, `$region` only for orders with
// regions. And the engine never fills them in texts, so a text a player sees must not contain one.
import type { Findings } from './review';
import type { OrderDef, ScenarioDef } from './schema';
import type { Ref, Scope } from './scenarioWalk';
import { listConditionRefs, listEffectRefs, walkScenario } from './scenarioWalk';

const PARAMETER = { $target: 'targets', $region: 'regions' } as const;

/** Checks every placeholder: errors where it can have no value, warnings where it may have none. */
export function checkPlaceholders(def: ScenarioDef, out: Findings): void {
  const check = (refs: Ref[], scope: Scope) => {
    for (const r of refs) if (r.value.startsWith('$')) checkOne(r, scope, out);
  };
  walkScenario(def, {
    condition: (c, path, scope) => check(listConditionRefs(c, path), scope),
    effect: (e, path, scope) => check(listEffectRefs(e, path), scope),
  });
}

function checkOne(r: Ref, scope: Scope, out: Findings): void {
  const p = r.value as '$actor' | '$target' | '$region';
  const meaning =
    p === '$actor'
      ? 'stands for the actor giving an order'
      : p === '$target'
        ? "stands for an order's target"
        : "stands for an order's region";
  if (!scope.orders) {
    const instead = r.kind === 'actor' ? 'an actor id' : 'a region id';
    out.errors.push({
      path: r.path,
      message:
        `"${p}" ${meaning}, so it has a value only inside an order (its requires, effects, exposure) or a ` +
        `gate or order rule; in ${scope.where} there is no order: write ${instead} here`,
    });
    return;
  }
  if (p === '$actor') return;
  const field = PARAMETER[p];
  const lacking = scope.orders.filter((o: OrderDef) => !o[field]?.length);
  if (!lacking.length) return;
  const names = lacking.map((o) => o.id).join(', ');
  if (scope.own)
    out.errors.push({
      path: r.path,
      message:
        `"${p}" ${meaning}, but ${scope.where} lists no ${field}, so it never has a value: add "${field}" ` +
        `to the order, or write ${field === 'targets' ? 'an actor' : 'a region'} id here`,
    });
  else if (lacking.length === scope.orders.length)
    out.errors.push({
      path: r.path,
      message:
        `"${p}" ${meaning}, but none of the orders ${scope.where} applies to (${names}) lists ${field}, so ` +
        `it never has a value: write ${field === 'targets' ? 'an actor' : 'a region'} id here, or apply the ` +
        `rule to orders with ${field}`,
    });
  else
    out.warnings.push({
      path: r.path,
      message:
        `"${p}" ${meaning}, but some orders ${scope.where} applies to list no ${field} (${names}): for them ` +
        `it has no value and the effect or test does nothing; name only orders with ${field} in the rule's ` +
        '"orders", or split the rule',
    });
}

/** The keys whose strings the player reads (as written: the engine fills in no placeholder). */
const SHOWN_KEYS = new Set([
  'title',
  'summary',
  'name',
  'text',
  'refusal',
  'description',
  'situation',
  'questions',
  'note',
  'ok',
]);
const PLACEHOLDER = /\$(actor|target|region)\b/;
const CONDITION_SYNTAX = /"(if|do)"\s*:|\b(atLeast|atMost)\b/;

/** Texts a player sees contain no placeholder (error) and no condition syntax (warning). */
export function checkTexts(def: ScenarioDef, out: Findings): void {
  const visit = (value: unknown, path: string, shown: boolean): void => {
    if (typeof value === 'string') {
      if (!shown) return;
      const p = PLACEHOLDER.exec(value);
      if (p)
        out.errors.push({
          path,
          message:
            `this text is shown to the player as written and contains "${p[0]}", which the engine does not ` +
            'fill in here: write the name out (or "the target", "the region")',
        });
      const s = CONDITION_SYNTAX.exec(value);
      if (s)
        out.warnings.push({
          path,
          message: `this text is shown to the player and contains rule syntax ("${s[0]}"): say it in plain words`,
        });
      return;
    }
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${path}[${i}]`, shown));
    if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value))
        if (k !== 'quote' && k !== 'intended')
          visit(v, path ? `${path}.${k}` : k, shown || SHOWN_KEYS.has(k));
  };
  visit(def, '', false);
}
