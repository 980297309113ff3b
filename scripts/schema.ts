// `npm run schema`: writes scenarios/scenario.schema.json from the zod schema that validates scenarios, so
// editors can check scenario files as people type. A test fails if the committed file is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from '../src/engine/jsonSchema';

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../scenarios/scenario.schema.json');
fs.writeFileSync(out, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
