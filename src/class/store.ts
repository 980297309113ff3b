// Where the class server keeps its classes: one JSON file per class in a folder, written whole to a temporary
// file and renamed over the old one, so a server stopped at any moment leaves the last complete save.
import fs from 'node:fs';
import path from 'node:path';
import type { ScenarioEntry } from '../session/session';
import type { ClassRecord } from './game';

const CODE = /^[A-Z0-9]{6}$/;

export class ClassStore {
  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  private file(code: string): string {
    if (!CODE.test(code)) throw new Error(`not a class code: ${code}`);
    return path.join(this.dir, `${code}.json`);
  }

  has(code: string): boolean {
    return fs.existsSync(this.file(code));
  }

  save(record: ClassRecord): void {
    const file = this.file(record.code);
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(record));
    fs.renameSync(temporary, file);
  }

  /** Every saved class, parsed; a file that cannot be read is listed with the reason. */
  list(): { code: string; json?: unknown; error?: string }[] {
    return fs
      .readdirSync(this.dir)
      .filter((name) => name.endsWith('.json') && CODE.test(name.slice(0, -5)))
      .sort()
      .map((name) => {
        const code = name.slice(0, -5);
        try {
          return { code, json: JSON.parse(fs.readFileSync(path.join(this.dir, name), 'utf8')) as unknown };
        } catch (err) {
          return { code, error: (err as Error).message };
        }
      });
  }
}

/** The shipped scenarios, read from the scenarios folder as the page ships them. */
export function shippedCatalog(dir: string): ScenarioEntry[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .map((f) => ({
      id: f.slice(0, -'.json'.length),
      title: f.slice(0, -'.json'.length),
      load: async () => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown,
    }));
}
