// Small DOM builders for the panels. Every string becomes a text node or an attribute value, never markup:
// scenario files are data, and nothing from them may be parsed as HTML (DESIGN.md §8).
export type Child = Node | string | number | null | undefined | false | Child[];
type Handler = (event: Event) => void;
export type Props = Record<string, string | number | boolean | null | undefined | Handler>;

/** Appends children; strings and numbers become text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, ...c);
    else parent.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
}

/**
 * `el('button', { class: 'x', 'data-testid': 'end-turn', onclick: fn }, 'End turn')`: attributes are set with
 * setAttribute (true → present, false/null/undefined → absent), functions under `on…` become listeners.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') node.addEventListener(key.replace(/^on/, ''), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

/** A dialog's footer: its row of buttons. */
export const dialogFooter = (...buttons: Child[]): HTMLElement =>
  el('div', { class: 'dialog-footer' }, el('div', { class: 'buttons' }, ...buttons));

/** A `<button type="button">`. */
export const button = (label: Child, onclick: Handler, props: Props = {}): HTMLButtonElement =>
  el('button', { type: 'button', ...props, onclick }, label);

/** Replaces an element's children. */
export function setChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Text only screen readers get. */
export const hiddenText = (text: string): HTMLSpanElement => el('span', { class: 'sr-only' }, text);

/**
 * Re-renders a container and puts focus back on the element with the same `data-key` (or on `fallback`),
 * so a keyboard user is not thrown to the top of the page each time a panel redraws.
 */
export function keepFocus(container: Element, render: () => void, fallback?: () => HTMLElement | null): void {
  const active = document.activeElement;
  const inside = !!active && container.contains(active);
  const key = inside ? active.getAttribute('data-key') : null;
  render();
  if (!inside) return;
  const same = key
    ? [...container.querySelectorAll<HTMLElement>('[data-key]')].find(
        (e) => e.getAttribute('data-key') === key,
      )
    : undefined;
  (same ?? fallback?.())?.focus();
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The elements Tab can reach inside a container, in order. */
export const focusables = (root: Element): HTMLElement[] =>
  [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => !e.closest('[hidden]'));

/**
 * A modal dialog: `showModal` makes the page behind it inert and Escape closes it; Tab and Shift+Tab also wrap
 * inside it, and focus goes back where it was when it closes.
 */
export function makeDialog(label: string, props: Props = {}): HTMLDialogElement {
  const dialog = el('dialog', { class: 'dialog', 'aria-label': label, ...props });
  let opener: HTMLElement | null = null;
  dialog.addEventListener('keydown', (event) => {
    const e = event as KeyboardEvent;
    if (e.key !== 'Tab') return;
    const items = focusables(dialog);
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      last.focus();
      e.preventDefault();
    } else if (!e.shiftKey && document.activeElement === last) {
      first.focus();
      e.preventDefault();
    }
  });
  dialog.addEventListener('close', () => {
    if (opener?.isConnected) opener.focus();
    opener = null;
  });
  dialog.addEventListener('ui-open', () => {
    opener = document.activeElement as HTMLElement | null;
  });
  return dialog;
}

/** Opens a dialog made by makeDialog and focuses `focus` (or its first control). */
export function openDialog(dialog: HTMLDialogElement, focus?: HTMLElement | null): void {
  if (!dialog.open) {
    dialog.dispatchEvent(new Event('ui-open'));
    dialog.showModal();
  }
  (focus ?? focusables(dialog)[0])?.focus();
}
