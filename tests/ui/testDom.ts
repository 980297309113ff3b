// The DOM the panel tests render into: happy-dom's (each test file under tests/ui runs in vitest's happy-dom
// environment, `// @vitest-environment happy-dom`). `installTestDom` gives a clean document and turns every
// HTML sink into an error — innerHTML, outerHTML, insertAdjacentHTML, document.write, DOMParser, srcdoc — so
// a panel that tried to insert markup fails its test instead of passing silently.

/** An element as the tests handle it: any of the controls the panels make (inputs, selects, dialogs). */
export type TestElement = HTMLInputElement & HTMLSelectElement & HTMLDialogElement;
export type TestDocument = Document;

const SINKS: [object, string][] = [];

function block(proto: object, name: string): void {
  const message = `${name} used: panels must build nodes, never parse HTML`;
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  if (descriptor?.set)
    Object.defineProperty(proto, name, {
      ...descriptor,
      set() {
        throw new Error(message);
      },
    });
  else if (typeof descriptor?.value === 'function')
    Object.defineProperty(proto, name, {
      ...descriptor,
      value() {
        throw new Error(message);
      },
    });
  else return;
  SINKS.push([proto, name]);
}

/** Walks up the prototype chain to where a property is defined. */
function owner(start: object, name: string): object | null {
  for (let p: object | null = start; p; p = Object.getPrototypeOf(p) as object | null)
    if (Object.getOwnPropertyDescriptor(p, name)) return p;
  return null;
}

let blocked = false;

export function installTestDom(): TestDocument {
  if (typeof document === 'undefined')
    throw new Error('tests/ui need the happy-dom environment: // @vitest-environment happy-dom');
  document.body.replaceChildren();
  if (!blocked) {
    const el = document.createElement('div');
    for (const name of ['innerHTML', 'outerHTML', 'insertAdjacentHTML']) {
      const proto = owner(el, name);
      if (proto) block(proto, name);
    }
    const frame = owner(document.createElement('iframe'), 'srcdoc');
    if (frame) block(frame, 'srcdoc');
    const doc = owner(document, 'write');
    if (doc) block(doc, 'write');
    (globalThis as unknown as { DOMParser: unknown }).DOMParser = class {
      constructor() {
        throw new Error('DOMParser used: panels must build nodes, never parse HTML');
      }
    };
    blocked = true;
  }
  return document;
}

export function clearTestDom(): void {
  document.body.replaceChildren();
  (document.activeElement as HTMLElement | null)?.blur?.();
}

export const allElements = (root: Element): TestElement[] =>
  [root, ...root.querySelectorAll('*')] as TestElement[];

/** The sinks that installTestDom turned into errors (for the test that checks they throw). */
export const blockedSinks = (): string[] => SINKS.map(([, name]) => name);
