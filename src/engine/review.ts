// Everything the validator says about a scenario whose shape is valid: errors (ids that do not exist, things
// that break the game), which make it invalid, and warnings (legal but likely wrong), which do not.
import { checkConsistency } from './checks';
import { checkPlaceholders, checkTexts } from './placeholders';
import { checkReferences } from './references';
import type { Problem } from './scenario';
import type { ScenarioDef } from './schema';
import { checkLikelyMistakes } from './warnings';

export interface Findings {
  errors: Problem[];
  warnings: Problem[];
}

/** Runs every check on a scenario of valid shape: references, consistency, placeholders, texts, warnings. */
export function reviewScenario(def: ScenarioDef): Findings {
  const out: Findings = { errors: checkReferences(def), warnings: [] };
  checkConsistency(def, out);
  checkPlaceholders(def, out);
  checkTexts(def, out);
  checkLikelyMistakes(def, out);
  return out;
}

/** The warnings alone: what is legal in a scenario but likely wrong. */
export const lintScenario = (def: ScenarioDef): Problem[] => reviewScenario(def).warnings;
