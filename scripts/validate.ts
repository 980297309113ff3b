// `npm run validate -- <file> [<file> …]`: checks scenario files as the game loads them, with path-precise
// messages. Exits non-zero if any file has a problem. With no file, checks every scenario in scenarios/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileWorld, parseScenario } from '../src/engine/index';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../scenarios');
const args = process.argv.slice(2);
const targets = args.length
  ? args
  : fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
      .map((f) => path.join(dir, f));

let failed = 0;
for (const file of targets) {
  const label = path.basename(file);
  if (!fs.existsSync(file)) {
    process.stderr.write(`${file}: no such file\n`);
    failed++;
    continue;
  }
  const parsed = parseScenario(fs.readFileSync(file, 'utf8'), label);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    failed++;
    continue;
  }
  const branches = [null, ...(parsed.value.branches ?? []).map((b) => b.id)];
  const bad = branches.map((b) => compileWorld(parsed.value, b)).filter((r) => !r.ok);
  for (const r of bad) if (!r.ok) process.stderr.write(`${label}: ${r.error}\n`);
  if (bad.length) failed++;
  else
    process.stdout.write(
      `${label}: ok (${parsed.value.actors.length} actors, ${parsed.value.regions.length} regions, ${parsed.value.rules.length} rules, ${branches.length - 1} branches)\n`,
    );
}
process.exit(failed ? 1 : 0);
