// The page's words. Every string of the UI is a message in a catalogue (src/i18n/messages/<locale>/<area>.json),
// compiled by Paraglide into one function per message: `m.topbar_end_turn()`, `m.topbar_turn_of({ turn, turns })`.
// English is the base language and complete; Arabic is the second (right to left). What a scenario or the
// engine writes (names, rules, the articles' quotes, effect texts) is data and stays as written.
import { m } from './paraglide/messages.js';
import {
  defineCustomClientStrategy,
  getLocale,
  getTextDirection,
  isLocale,
  locales,
  overwriteGetLocale,
  setLocale,
} from './paraglide/runtime.js';

export { m };
export type Locale = (typeof locales)[number];
export const LOCALES: readonly Locale[] = locales;
export { getLocale };

/** Where a chosen language is kept. */
export const LOCALE_KEY = 'sim.locale';

// The kept choice, read and written with care: storage may be blocked (reading it throws) or full.
defineCustomClientStrategy('custom-stored', {
  getLocale: () => {
    try {
      const stored = window.localStorage.getItem(LOCALE_KEY);
      return stored !== null && isLocale(stored) ? stored : undefined;
    } catch {
      return undefined;
    }
  },
  setLocale: (locale) => {
    try {
      window.localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // Not kept for the next visit; this page still shows it.
    }
  },
});

// Every message asks for the locale. Paraglide's own answer matches the address against its URL patterns and
// reads localStorage and the browser's languages each time (some 790 calls as the panels are first drawn);
// the page's language changes only with a reload, so it is worked out once and kept.
const resolve = getLocale;
let settled: Locale | null = null;
overwriteGetLocale(() => (settled ??= resolve()));

/** Forgets the kept language, so the next message works it out again from storage and the browser (tests). */
export function unsettleLocale(): void {
  settled = null;
}

/** Makes `locale` the page's language now and for the next visit (kept in localStorage). */
export function settleLocale(locale: Locale): void {
  setLocale(locale, { reload: false });
  settled = locale;
}

/** Each language's name in itself, as the switch shows it. */
export const languageName = (locale: Locale): string =>
  locale === 'ar' ? m.language_name_ar() : m.language_name_en();

/**
 * Settles the page's language at boot: `?lang=ar` in the address chooses a language (kept for the next visit),
 * then the document gets its `lang` and `dir`, so the panels are laid out right to left for Arabic.
 */
export function applyLocale(doc: Document = document, search: string = location.search): Locale {
  const asked = new URLSearchParams(search).get('lang');
  if (asked !== null && isLocale(asked) && asked !== getLocale()) settleLocale(asked);
  const locale = getLocale();
  doc.documentElement.lang = locale;
  doc.documentElement.dir = getTextDirection(locale);
  return locale;
}

/**
 * Switches the language: the choice is kept and the page reloads in it (every panel is drawn again in the new
 * language; the game in progress is in the autosave and comes back). `reload` is for tests.
 */
export function chooseLocale(locale: string, reload: () => void = () => location.reload()): boolean {
  if (!isLocale(locale) || locale === getLocale()) return false;
  settleLocale(locale);
  reload();
  return true;
}
