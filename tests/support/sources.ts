// The two articles the scenarios quote, read from SOURCES_DIR (by default ../shared/sources beside the
// repository) when they are there. They are reference material, not part of the project: without them the
// checks that compare quotes with the articles' words are skipped, and say so; every other test runs.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './worlds';

const explicit = process.env.SOURCES_DIR;
export const SOURCES_DIR = explicit ? path.resolve(explicit) : path.resolve(ROOT, '../shared/sources');

export const ARTICLE_FILES: Record<string, string> = {
  A1: '000_b62d9b38dac386d8.txt', // 2016: the Mosul offensive and the realignments around it
  A2: '003_722dc839478519b3.txt', // 2022: Putin in Tehran, "a pact of the isolated"
};

/** Typographic quotes, ellipses and whitespace made plain, on both sides of a comparison. */
export const normalise = (s: string): string =>
  s
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/\s+/g, ' ')
    .trim();

/** True when every article file is there. A SOURCES_DIR given but incomplete is an error, not a skip. */
export const articlesAvailable = (() => {
  const present = Object.values(ARTICLE_FILES).every((f) => fs.existsSync(path.join(SOURCES_DIR, f)));
  if (!present && explicit)
    throw new Error(
      `SOURCES_DIR=${explicit} does not hold the articles (${Object.values(ARTICLE_FILES).join(', ')})`,
    );
  if (!present)
    console.warn(
      `The quote checks against the articles are skipped: no articles at ${SOURCES_DIR} (set SOURCES_DIR to check them).`,
    );
  return present;
})();

const cache = new Map<string, string>();

/** An article's normalised text, or null when the articles are not available (or the id is unknown). */
export function readArticle(id: string): string | null {
  const file = ARTICLE_FILES[id];
  if (!file || !articlesAvailable) return null;
  if (!cache.has(id)) cache.set(id, normalise(fs.readFileSync(path.join(SOURCES_DIR, file), 'utf8')));
  return cache.get(id)!;
}
