// Boundaries that are checked, not hoped for: the engine is pure and names no actor, region or scenario;
// scenes, panels and audio do not import each other; only main.ts wires everything.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/worlds';

const files = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? files(p) : /\.ts$/.test(e.name) ? [p] : [];
      })
    : [];

const imports = (file: string): string[] =>
  [
    ...fs.readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g),
  ].map((m) => m[1]!);

const layerOf = (file: string) => path.relative(path.join(ROOT, 'src'), file).split(path.sep)[0]!;

describe('architecture', () => {
  const engine = files(path.join(ROOT, 'src/engine'));

  it('keeps the engine free of the DOM, Phaser, howler, mitt, clocks and Math.random', () => {
    expect(engine.length).toBeGreaterThan(5);
    for (const f of engine) {
      for (const spec of imports(f))
        expect(spec.startsWith('./') || ['immer', 'zod'].includes(spec), `${f} imports ${spec}`).toBe(true);
      const code = fs.readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '');
      expect(code, f).not.toMatch(
        /Math\.random|Date\.now|new Date\(|performance\.|\bwindow\b|\bdocument\b|localStorage/,
      );
    }
  });

  it('names no actor, region or scenario of the shipped scenarios in src/', () => {
    const dir = path.join(ROOT, 'scenarios');
    const ids = new Set<string>();
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json') && !x.endsWith('.schema.json'))) {
      const json = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      ids.add(json.id);
      for (const a of json.actors ?? []) ids.add(a.id);
      for (const r of json.regions ?? []) ids.add(r.id);
      for (const b of json.branches ?? []) ids.add(b.id);
    }
    expect(ids.size).toBeGreaterThan(10);
    const checked = ['engine', 'session', 'events', 'scenes', 'view', 'ui', 'audio', 'cli', 'class'].flatMap(
      (d) => files(path.join(ROOT, 'src', d)),
    );
    for (const f of checked) {
      // Comments may give example values (STYLE.md); code may not name them.
      const code = fs
        .readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const literals = [...code.matchAll(/(['"`])([A-Za-z0-9_.-]+)\1/g)].map((m) => m[2]!);
      const named = literals.filter((l) => ids.has(l));
      expect(named, `${path.relative(ROOT, f)} names ${named.join(', ')}`).toEqual([]);
    }
  });

  it('keeps the dependency direction engine ← session ← events ← scenes/view/ui/audio ← main', () => {
    const allowed: Record<string, string[]> = {
      engine: ['engine'],
      session: ['engine', 'session', 'events', 'i18n'],
      events: ['engine', 'events'],
      view: ['engine', 'view', 'events', 'i18n'],
      scenes: ['engine', 'events', 'view', 'scenes', 'session', 'i18n'],
      ui: ['engine', 'events', 'session', 'view', 'ui', 'class', 'i18n'],
      audio: ['engine', 'events', 'audio', 'i18n'],
      cli: ['engine', 'cli'],
      worker: ['engine', 'worker', 'session'],
      class: ['engine', 'session', 'events', 'class', 'i18n'],
      // The page's words (message catalogues): a leaf the page's layers read; the engine, CLI and workers never do.
      i18n: ['i18n'],
    };
    for (const f of files(path.join(ROOT, 'src'))) {
      const from = layerOf(f);
      if (from === 'main.ts' || from.endsWith('.ts')) continue;
      for (const spec of imports(f).filter((s) => s.startsWith('.'))) {
        const target = path.resolve(path.dirname(f), spec.replace(/\?.*$/, ''));
        // Assets (map data, sounds, scenario files) are data, not layers.
        if (!target.startsWith(path.join(ROOT, 'src') + path.sep)) continue;
        const to = layerOf(target);
        expect(allowed[from] ?? [], `${path.relative(ROOT, f)} may not import ${spec} (${to})`).toContain(to);
      }
    }
  });
});
