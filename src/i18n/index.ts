// The page's words. Every string of the UI is a message in a catalogue (src/i18n/messages/<locale>/<area>.json),
// compiled by Paraglide into one function per message: `m.topbar_end_turn()`, `m.topbar_turn_of({ turn, turns })`.
// English is the base language and complete; Arabic is the second (right to left). What a scenario or the
// engine writes (names, rules, the articles' quotes, effect texts) is data and stays as written.
import { m } from './paraglide/messages.js';
import { getLocale, getTextDirection, isLocale, locales, setLocale } from './paraglide/runtime.js';

export { m };
export type Locale = (typeof locales)[number];
export const LOCALES: readonly Locale[] = locales;
export { getLocale };

/** Each language's name in itself, as the switch shows it. */
export const languageName = (locale: Locale): string =>
  locale === 'ar' ? m.language_name_ar() : m.language_name_en();

/**
 * Settles the page's language at boot: `?lang=ar` in the address chooses a language (kept for the next visit),
 * then the document gets its `lang` and `dir`, so the panels are laid out right to left for Arabic.
 */
export function applyLocale(doc: Document = document, search: string = location.search): Locale {
  const asked = new URLSearchParams(search).get('lang');
  if (asked !== null && isLocale(asked) && asked !== getLocale()) setLocale(asked, { reload: false });
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
  setLocale(locale, { reload: false });
  reload();
  return true;
}
