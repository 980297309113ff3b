// A very small stand-in for the browser DOM, enough to render the panels in Node (no jsdom here): elements
// (SVG ones too, with their namespace), text nodes, attributes, listeners, simple selectors, focus that falls
// back to the body when its element is removed. Setting innerHTML (or any other HTML sink) throws, so a panel
// that tried to insert markup fails its test instead of passing silently.

type Listener = (event: FakeEvent) => void;

export interface FakeEvent {
  type: string;
  target?: FakeElement;
  key?: string;
  shiftKey?: boolean;
  defaultPrevented?: boolean;
  preventDefault?: () => void;
  stopPropagation?: () => void;
}

/** A node, then its parent, its parent's parent… */
function* lineage(node: FakeNode): Generator<FakeNode> {
  for (let n: FakeNode | null = node; n; n = n.parentNode) yield n;
}

export class FakeNode {
  parentNode: FakeElement | null = null;
  constructor(readonly ownerDocument: FakeDocument) {}
  get textContent(): string {
    return '';
  }
  get isConnected(): boolean {
    return [...lineage(this)].pop() === this.ownerDocument.documentElement;
  }
  remove(): void {
    if (!this.parentNode) return;
    // As in a browser, focus inside a removed subtree falls back to the body.
    const active = this.ownerDocument.activeElement;
    if (active && [...lineage(active)].includes(this))
      this.ownerDocument.activeElement = this.ownerDocument.body;
    const siblings = this.parentNode.childNodes;
    siblings.splice(siblings.indexOf(this), 1);
    this.parentNode = null;
  }
}

export class FakeText extends FakeNode {
  readonly nodeType = 3;
  constructor(
    doc: FakeDocument,
    public data: string,
  ) {
    super(doc);
  }
  override get textContent(): string {
    return this.data;
  }
}

const HTML_SINK = (name: string) => () => {
  throw new Error(`${name} used: panels must build nodes, never parse HTML`);
};

interface Simple {
  tag?: string;
  classes: string[];
  attrs: { name: string; value?: string; not?: boolean }[];
}

function parseCompound(text: string): Simple {
  const out: Simple = { classes: [], attrs: [] };
  const re = /^([a-z0-9]+)|\.([\w-]+)|(:not\()?\[([\w-]+)(?:="([^"]*)")?\]\)?/gi;
  for (const m of text.matchAll(re)) {
    if (m[1]) out.tag = m[1].toLowerCase();
    else if (m[2]) out.classes.push(m[2]);
    else out.attrs.push({ name: m[4]!, value: m[5], not: !!m[3] });
  }
  return out;
}

function matchesSimple(e: FakeElement, s: Simple): boolean {
  if (s.tag && e.localName !== s.tag) return false;
  const cls = (e.getAttribute('class') ?? '').split(/\s+/);
  if (!s.classes.every((c) => cls.includes(c))) return false;
  return s.attrs.every((a) => {
    const v = e.getAttribute(a.name);
    const ok = v !== null && (a.value === undefined || v === a.value);
    return a.not ? !ok : ok;
  });
}

export class FakeElement extends FakeNode {
  readonly nodeType = 1;
  readonly localName: string;
  childNodes: FakeNode[] = [];
  private attributes = new Map<string, string>();
  private listeners = new Map<string, Listener[]>();
  private checkedState: boolean | undefined;
  private valueState: string | undefined;

  constructor(
    doc: FakeDocument,
    tag: string,
    readonly namespaceURI = 'http://www.w3.org/1999/xhtml',
  ) {
    super(doc);
    this.localName = namespaceURI.endsWith('/svg') ? tag : tag.toLowerCase();
  }
  get tagName(): string {
    return this.localName.toUpperCase();
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attributes.has(name);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  private flag(name: string, on: boolean): void {
    if (on) this.attributes.set(name, '');
    else this.attributes.delete(name);
  }
  get hidden(): boolean {
    return this.hasAttribute('hidden');
  }
  set hidden(v: boolean) {
    this.flag('hidden', v);
  }
  get open(): boolean {
    return this.hasAttribute('open');
  }
  set open(v: boolean) {
    this.flag('open', v);
  }
  get disabled(): boolean {
    return this.hasAttribute('disabled');
  }
  get checked(): boolean {
    return this.checkedState ?? this.hasAttribute('checked');
  }
  set checked(v: boolean) {
    this.checkedState = v;
  }
  get value(): string {
    if (this.valueState !== undefined) return this.valueState;
    if (this.localName === 'select') {
      const options = this.querySelectorAll('option');
      const chosen = options.find((o) => o.hasAttribute('selected')) ?? options[0];
      return chosen?.getAttribute('value') ?? '';
    }
    return this.getAttribute('value') ?? '';
  }
  set value(v: string) {
    this.valueState = v;
  }
  get type(): string {
    return this.getAttribute('type') ?? '';
  }
  get classList() {
    const read = () => new Set((this.getAttribute('class') ?? '').split(/\s+/).filter(Boolean));
    const write = (s: Set<string>) => this.setAttribute('class', [...s].join(' '));
    return {
      contains: (c: string) => read().has(c),
      add: (c: string) => write(read().add(c)),
      remove: (c: string) => {
        const s = read();
        s.delete(c);
        write(s);
      },
      toggle: (c: string, on?: boolean) => {
        const s = read();
        const want = on ?? !s.has(c);
        if (want) s.add(c);
        else s.delete(c);
        write(s);
        return want;
      },
    };
  }

  appendChild<T extends FakeNode>(child: T): T {
    child.remove();
    child.parentNode = this;
    this.childNodes.push(child);
    return child;
  }
  append(...nodes: (FakeNode | string)[]): void {
    for (const n of nodes) this.appendChild(typeof n === 'string' ? this.ownerDocument.createTextNode(n) : n);
  }
  replaceChildren(...nodes: (FakeNode | string)[]): void {
    for (const c of [...this.childNodes]) c.remove();
    this.append(...nodes);
  }
  get children(): FakeElement[] {
    return this.childNodes.filter((c): c is FakeElement => c instanceof FakeElement);
  }
  get firstChild(): FakeNode | null {
    return this.childNodes[0] ?? null;
  }
  override get textContent(): string {
    return this.childNodes.map((c) => c.textContent).join('');
  }
  override set textContent(text: string) {
    this.replaceChildren(this.ownerDocument.createTextNode(text));
  }

  set innerHTML(_: string) {
    HTML_SINK('innerHTML')();
  }
  set outerHTML(_: string) {
    HTML_SINK('outerHTML')();
  }
  insertAdjacentHTML = HTML_SINK('insertAdjacentHTML');

  addEventListener(type: string, fn: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  removeEventListener(type: string, fn: Listener): void {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((f) => f !== fn),
    );
  }
  dispatchEvent(event: FakeEvent): boolean {
    let stopped = false;
    const e: FakeEvent = {
      ...event,
      type: event.type,
      target: event.target ?? this,
      preventDefault: () => (e.defaultPrevented = true),
      stopPropagation: () => (stopped = true),
    };
    for (const n of lineage(this)) {
      if (stopped) break;
      for (const fn of (n as FakeElement).listeners.get(e.type) ?? []) fn(e);
    }
    return !e.defaultPrevented;
  }
  click(): void {
    if (!this.disabled) this.dispatchEvent({ type: 'click' });
  }
  focus(): void {
    this.ownerDocument.activeElement = this;
  }
  scrollIntoView(): void {}
  select(): void {}
  showModal(): void {
    this.open = true;
  }
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent({ type: 'close' });
  }
  get isContentEditable(): boolean {
    return false;
  }

  contains(node: FakeNode | null): boolean {
    for (let n = node; n; n = n.parentNode) if (n === this) return true;
    return false;
  }
  matches(selector: string): boolean {
    return selector.split(',').some((part) => {
      const chain = part.trim().split(/\s+/).map(parseCompound);
      if (!matchesSimple(this, chain[chain.length - 1]!)) return false;
      let i = chain.length - 2;
      for (let n = this.parentNode; n && i >= 0; n = n.parentNode) if (matchesSimple(n, chain[i]!)) i--;
      return i < 0;
    });
  }
  closest(selector: string): FakeElement | null {
    for (const n of lineage(this)) if ((n as FakeElement).matches(selector)) return n as FakeElement;
    return null;
  }
  querySelectorAll(selector: string): FakeElement[] {
    const out: FakeElement[] = [];
    const walk = (e: FakeElement) => {
      for (const c of e.children) {
        if (c.matches(selector)) out.push(c);
        walk(c);
      }
    };
    walk(this);
    return out;
  }
  querySelector(selector: string): FakeElement | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }
}

export class FakeDocument {
  readonly documentElement: FakeElement;
  readonly body: FakeElement;
  activeElement: FakeElement | null;
  constructor() {
    this.documentElement = new FakeElement(this, 'html');
    this.body = new FakeElement(this, 'body');
    this.documentElement.appendChild(this.body);
    this.activeElement = this.body;
  }
  createElement(tag: string): FakeElement {
    return new FakeElement(this, tag);
  }
  createElementNS(namespace: string, tag: string): FakeElement {
    return new FakeElement(this, tag, namespace);
  }
  createTextNode(text: string): FakeText {
    return new FakeText(this, String(text));
  }
  querySelector(selector: string): FakeElement | null {
    return this.documentElement.querySelector(selector);
  }
  querySelectorAll(selector: string): FakeElement[] {
    return this.documentElement.querySelectorAll(selector);
  }
  addEventListener(): void {}
}

/** Installs a fresh fake document as the global `document`; returns it. */
export function installFakeDom(): FakeDocument {
  const doc = new FakeDocument();
  (globalThis as unknown as { document: FakeDocument }).document = doc;
  return doc;
}

export function removeFakeDom(): void {
  delete (globalThis as unknown as { document?: FakeDocument }).document;
}

/** Every element below (and including) a root, depth first. */
export const allElements = (root: FakeElement): FakeElement[] => [root, ...root.querySelectorAll('*')];
