// @vitest-environment happy-dom
// The page's language: `?lang=ar` or a kept choice gives Arabic with the document laid out right to left,
// the panels are drawn in it (here the top bar, with its language switch), a choice is kept for the next
// visit, and a tampered stored value or blocked storage falls back to English instead of breaking the page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyLocale, chooseLocale, getLocale, m, settleLocale, unsettleLocale } from '../../src/i18n';
import { createTopBar } from '../../src/ui/topbar';
import { byTestId, makeUi } from '../ui/support';
import { clearTestDom, installTestDom } from '../ui/testDom';

beforeEach(() => {
  installTestDom();
  localStorage.clear();
  unsettleLocale(); // each test starts as a new page does: nothing settled, nothing stored
});
afterEach(() => {
  settleLocale('en');
  localStorage.clear();
  clearTestDom();
});

describe('the page language', () => {
  it('is English by default, left to right', () => {
    expect(applyLocale(document, '')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('follows ?lang=ar: Arabic, right to left, kept for the next visit, and the top bar speaks it', async () => {
    expect(applyLocale(document, '?lang=ar&scenario=mosul-2016')).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(localStorage.getItem('sim.locale')).toBe('ar');
    const { ui } = await makeUi();
    const top = createTopBar(ui);
    top.update();
    document.body.appendChild(top.element);
    expect(byTestId(top.element, 'end-turn')[0]!.textContent).toBe('إنهاء الدور');
    expect(byTestId(top.element, 'open-briefing')[0]!.textContent).toBe('الإحاطة');
    const language = byTestId(top.element, 'language')[0]!;
    expect(language.value).toBe('ar');
    expect([...language.options].map((o) => o.textContent)).toEqual(['English', 'العربية']);
  });

  it('ignores a ?lang= it does not have', () => {
    expect(applyLocale(document, '?lang=xx')).toBe('en');
    expect(localStorage.getItem('sim.locale')).toBeNull();
  });

  it('switches with the top bar: the choice is kept and the page reloads once in it', async () => {
    const { ui } = await makeUi();
    const top = createTopBar(ui);
    top.update();
    const reloads: string[] = [];
    expect(chooseLocale('ar', () => reloads.push(getLocale()))).toBe(true);
    expect(reloads).toEqual(['ar']);
    expect(localStorage.getItem('sim.locale')).toBe('ar');
    expect(chooseLocale('ar', () => reloads.push('again'))).toBe(false); // already in it: no reload
    expect(chooseLocale('<script>', () => reloads.push('bad'))).toBe(false);
    expect(reloads).toEqual(['ar']);
  });

  it('works in a browser that blocks storage: English, no error, and a choice still applies to the page', () => {
    const real = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    try {
      expect(applyLocale(document, '')).toBe('en');
      expect(m.topbar_end_turn()).toBe('End turn');
      expect(applyLocale(document, '?lang=ar')).toBe('ar'); // not kept, but shown
      expect(m.topbar_end_turn()).toBe('إنهاء الدور');
    } finally {
      Object.defineProperty(window, 'localStorage', real);
    }
  });

  it('falls back to English when the stored choice is garbage', () => {
    localStorage.setItem('sim.locale', '{"__proto__":1}');
    expect(applyLocale(document, '')).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
    localStorage.setItem('sim.locale', 'ar');
    unsettleLocale();
    expect(applyLocale(document, '')).toBe('ar'); // a good stored choice is read the same way
    expect(document.documentElement.dir).toBe('rtl');
  });
});
