// Keyboard shortcuts: what each key does, and that keys typed into a field or a dialog are left alone.
import { describe, expect, it } from 'vitest';
import { KEYS, keyAction } from '../../src/ui/keys';

const body = { tag: 'body' };
const button = { tag: 'button' };

describe('keyboard shortcuts', () => {
  it.each([
    ['e', body, 'end-turn'],
    ['E', button, 'end-turn'],
    ['Enter', body, 'end-turn'],
    ['Enter', button, null], // Enter presses the focused button instead
    ['ArrowLeft', body, 'back'],
    ['ArrowRight', button, 'forward'],
    ['Home', body, 'start'],
    ['End', body, 'end'],
    ['?', body, 'help'],
    ['n', body, 'next-player'],
    ['[', body, 'toggle-left'],
    [']', body, 'toggle-right'],
    ['b', body, 'briefing'],
    ['Escape', body, 'close-card'],
    ['t', body, 'tree'],
    ['T', button, 'tree'],
    ['c', body, 'compare'],
    ['o', button, 'odds'],
    ['x', body, null],
  ] as const)('%s with focus on %o → %s', (key, focus, action) => {
    expect(keyAction({ key }, focus, false)).toBe(action);
  });

  it('ends one turn for a held E or Enter, while a held arrow still steps through the history', () => {
    expect(keyAction({ key: 'e', repeat: true }, body, false)).toBeNull();
    expect(keyAction({ key: 'E', repeat: true }, body, false)).toBeNull();
    expect(keyAction({ key: 'Enter', repeat: true }, body, false)).toBeNull();
    expect(keyAction({ key: 'e', repeat: false }, body, false)).toBe('end-turn');
    expect(keyAction({ key: 'ArrowLeft', repeat: true }, body, false)).toBe('back');
  });

  it('leaves keys typed into fields alone, but not those on a checkbox', () => {
    expect(keyAction({ key: 'e' }, { tag: 'input', type: 'number' }, false)).toBeNull();
    expect(keyAction({ key: 'ArrowLeft' }, { tag: 'select' }, false)).toBeNull();
    expect(keyAction({ key: 'e' }, { tag: 'textarea' }, false)).toBeNull();
    expect(keyAction({ key: 'c' }, { tag: 'textarea' }, false)).toBeNull(); // a comment being typed
    expect(keyAction({ key: 'e' }, { tag: 'div', editable: true }, false)).toBeNull();
    expect(keyAction({ key: 'e' }, { tag: 'input', type: 'checkbox' }, false)).toBe('end-turn');
  });

  it('does nothing while a dialog is open or with a modifier held', () => {
    expect(keyAction({ key: 'e' }, body, true)).toBeNull();
    expect(keyAction({ key: 'ArrowLeft', altKey: true }, body, false)).toBeNull();
    expect(keyAction({ key: 'e', ctrlKey: true }, body, false)).toBeNull();
  });

  it('documents every shortcut it handles in the Keys dialog', () => {
    const text = KEYS.map((k) => k.keys).join(' ');
    for (const k of ['E', 'Enter', 'N', '←', '→', 'Home', 'End', '[', ']', 'B', '?', 'Escape', 'T', 'C', 'O'])
      expect(text).toContain(k);
  });
});
