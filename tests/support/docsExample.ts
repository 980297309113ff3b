// The example scenario of docs/authoring.md, as its reader would copy it: the JSON between its markers.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './worlds';

export function docsExample(): string {
  const text = fs.readFileSync(path.join(ROOT, 'docs/authoring.md'), 'utf8');
  const block = /<!-- example:start -->\s*```json\n([\s\S]*?)```\s*<!-- example:end -->/.exec(text);
  if (!block) throw new Error('docs/authoring.md has no example between its markers');
  return block[1]!;
}
