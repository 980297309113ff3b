// The JSON Schema of the scenario format, generated from the zod schema (the one source of truth).
import { z } from 'zod';
import { Scenario } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { target: 'draft-2020-12', unrepresentable: 'any', cycles: 'ref' });
  return { ...schema, title: 'Iraq/Syria simulation scenario', $id: 'scenario.schema.json' };
}
