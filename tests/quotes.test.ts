// Every quote in every scenario must appear word for word in the source article it names. A quote may
// elide text with " … " (or "..."): then each part must appear, in order. Whitespace, typographic quotes
// and apostrophes, and ellipses are normalised on both sides before comparing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { ARTICLE_FILES, articlesAvailable, normalise, readArticle, SOURCES_DIR } from './support/sources';

const here = path.dirname(fileURLToPath(import.meta.url));
const scenarioDir = path.resolve(here, '../scenarios');
const article = (id: string): string | undefined => readArticle(id) ?? undefined;

/** Whether `quote` occurs in `text`; parts separated by an ellipsis must occur in order. */
function quoteOccurs(quote: string, text: string): boolean {
  const parts = normalise(quote)
    .split('...')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return false;
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

interface FoundQuote {
  path: string; // JSON path: "rules[3].source"
  source: unknown;
  quote: unknown;
}

/** Walks a JSON value and collects every object that has both `source` and `quote` keys. */
function collectQuotes(value: unknown, at = '$', out: FoundQuote[] = []): FoundQuote[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectQuotes(v, `${at}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('source' in obj && 'quote' in obj) out.push({ path: at, source: obj.source, quote: obj.quote });
    for (const [k, v] of Object.entries(obj)) collectQuotes(v, `${at}.${k}`, out);
  }
  return out;
}

const scenarioFiles = fs
  .readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort();

describe('every quote names a source of its scenario and says something', () => {
  it.each(scenarioFiles)('%s', (file) => {
    const json = JSON.parse(fs.readFileSync(path.join(scenarioDir, file), 'utf8')) as {
      sources?: { id: string }[];
    };
    const known = new Set((json.sources ?? []).map((s) => s.id));
    const bad = collectQuotes(json).filter(
      (q) =>
        typeof q.source !== 'string' ||
        !known.has(q.source) ||
        typeof q.quote !== 'string' ||
        !q.quote.trim(),
    );
    expect(bad.map((q) => q.path)).toEqual([]);
  });
});

describe.skipIf(!articlesAvailable)(
  `quotes in scenarios are verbatim from their sources (${SOURCES_DIR})`,
  () => {
    it('has scenario files', () => {
      expect(scenarioFiles.length).toBeGreaterThan(0);
    });

    it.each(scenarioFiles)('%s', (file) => {
      const json: unknown = JSON.parse(fs.readFileSync(path.join(scenarioDir, file), 'utf8'));
      const failures: string[] = [];
      for (const q of collectQuotes(json)) {
        if (typeof q.source !== 'string' || typeof q.quote !== 'string') {
          failures.push(`${file} ${q.path}: source and quote must be strings`);
          continue;
        }
        const text = article(q.source);
        if (text === undefined) {
          failures.push(`${file} ${q.path}: unknown source "${q.source}" for quote "${q.quote}"`);
          continue;
        }
        if (!quoteOccurs(q.quote, text))
          failures.push(
            `${file} ${q.path}: quote not found in ${q.source} (${ARTICLE_FILES[q.source]}): "${q.quote}"`,
          );
      }
      expect(failures, failures.join('\n')).toEqual([]);
    });

    it('mosul-2016 has at least 25 quotes', () => {
      const file = 'mosul-2016.json';
      expect(scenarioFiles).toContain(file);
      const json: unknown = JSON.parse(fs.readFileSync(path.join(scenarioDir, file), 'utf8'));
      expect(collectQuotes(json).length).toBeGreaterThanOrEqual(25);
    });

    it('treats an ellipsis as an elision, in order', () => {
      const text = normalise('Some new are formed and some old suffer a set-back.');
      expect(quoteOccurs('Some new are formed … a set-back', text)).toBe(true);
      expect(quoteOccurs('a set-back … Some new', text)).toBe(false);
      expect(quoteOccurs('some old suffers', text)).toBe(false);
    });
  },
);
