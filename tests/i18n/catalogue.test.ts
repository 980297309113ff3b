// The message catalogues (src/i18n/messages/<locale>/<area>.json): every language has every message of the
// base language with the same parameters, nothing is empty or markup, a key lives in one area only, and the
// second language is a translation (a message with English words in it has Arabic words in its Arabic).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/worlds';

const settings = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.inlang/settings.json'), 'utf8')) as {
  baseLocale: string;
  locales: string[];
  'plugin.inlang.messageFormat': { pathPattern: string[] };
};
const patterns = settings['plugin.inlang.messageFormat'].pathPattern;
const read = (pattern: string, locale: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(ROOT, pattern.replace('{locale}', locale)), 'utf8'));
const params = (text: string): string[] => [...text.matchAll(/(?<!\\)\{(\w+)\}/g)].map((m) => m[1]!).sort();
const words = (text: string): string => text.replace(/(?<!\\)\{\w+\}/g, '');

describe('the message catalogues', () => {
  it('list English and Arabic, and every area file exists in both', () => {
    expect(settings.baseLocale).toBe('en');
    expect(settings.locales).toEqual(['en', 'ar']);
    for (const pattern of patterns)
      for (const locale of settings.locales)
        expect(fs.existsSync(path.join(ROOT, pattern.replace('{locale}', locale))), pattern).toBe(true);
  });

  it('give every language the same keys with the same parameters, none empty and none markup', () => {
    let total = 0;
    for (const pattern of patterns) {
      const base = read(pattern, 'en');
      for (const locale of settings.locales) {
        const other = read(pattern, locale);
        expect(Object.keys(other).sort(), `${pattern} in ${locale}`).toEqual(Object.keys(base).sort());
        for (const [key, text] of Object.entries(other)) {
          expect(text.trim(), `${locale} ${key}`).not.toBe('');
          expect(params(text), `${locale} ${key}`).toEqual(params(base[key]!));
          expect(text, `${locale} ${key}`).not.toMatch(/<[a-z/!]/i);
        }
      }
      total += Object.keys(base).length;
    }
    expect(total).toBeGreaterThan(700); // the whole UI: the top bar, panels, dialogs, class, history, map
  });

  it('keep each key in one area only (keys are prefixed by the file that uses them)', () => {
    const seen = new Map<string, string>();
    for (const pattern of patterns)
      for (const key of Object.keys(read(pattern, 'en'))) {
        expect(seen.get(key), `${key} in ${pattern} and ${seen.get(key)}`).toBeUndefined();
        expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
        seen.set(key, pattern);
      }
  });

  it('translate into Arabic every message that has English words (only a language’s own name is kept)', () => {
    const untranslated: string[] = [];
    for (const pattern of patterns) {
      const en = read(pattern, 'en');
      const ar = read(pattern, 'ar');
      for (const [key, text] of Object.entries(en))
        if (/[A-Za-z]{3,}/.test(words(text)) && !/[\u0600-\u06ff]/.test(words(ar[key]!)))
          untranslated.push(key);
    }
    expect(untranslated).toEqual(['language_name_en']);
  });
});
