// @vitest-environment happy-dom
// The panels rendered into a test DOM over real sessions: scenario text always shows as text (never markup),
// refused orders keep their reason in view, the report groups effects with their quotes, a relation cell
// explains itself, the picker starts the branch and the players chosen.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { relation } from '../../src/engine/index';
import { renderBriefing } from '../../src/ui/briefing';
import { button, el } from '../../src/ui/dom';
import { createOrdersPanel } from '../../src/ui/orders';
import { createPicker } from '../../src/ui/picker';
import { renderRelations } from '../../src/ui/relations';
import { renderLog, renderReport } from '../../src/ui/report';
import { renderScores } from '../../src/ui/scores';
import { createSummary } from '../../src/ui/summary';
import { createTopBar } from '../../src/ui/topbar';
import { ROOT } from '../support/worlds';
import type { TestDocument, TestElement } from './testDom';
import { allElements, blockedSinks, installTestDom, clearTestDom } from './testDom';
import { byTestId, makeUi, mosulJson, settle } from './support';

const PAYLOAD = '<img src=x onerror=alert(1)>';
let doc: TestDocument;
const box = (): TestElement => {
  const div = doc.createElement('div');
  doc.body.appendChild(div);
  return div as unknown as TestElement;
};
const asElement = (x: unknown) => x as TestElement;

beforeEach(() => {
  doc = installTestDom();
});
afterEach(() => clearTestDom());

describe('dom helpers', () => {
  it('sets strings as text nodes and attributes, skips false ones, and attaches handlers', () => {
    let clicks = 0;
    const node = asElement(
      el('p', { class: 'x', hidden: false, title: PAYLOAD }, PAYLOAD, [1, null, ['two']]),
    );
    expect(node.textContent).toBe(`${PAYLOAD}1two`);
    expect([...node.childNodes].every((c) => c.nodeType === 3)).toBe(true); // text nodes only
    expect(node.getAttribute('title')).toBe(PAYLOAD);
    expect(node.hasAttribute('hidden')).toBe(false);
    const b = asElement(button('Go', () => clicks++));
    b.click();
    expect(clicks).toBe(1);
    expect(b.getAttribute('type')).toBe('button');
  });

  it('runs in a DOM where every HTML sink throws, so a panel that inserted markup would fail its test', () => {
    const node = doc.createElement('div');
    doc.body.appendChild(node);
    expect(() => (node.innerHTML = PAYLOAD)).toThrow(/innerHTML used/);
    expect(() => (node.outerHTML = PAYLOAD)).toThrow(/outerHTML used/);
    expect(() => node.insertAdjacentHTML('beforeend', PAYLOAD)).toThrow(/insertAdjacentHTML used/);
    expect(() => ((doc.createElement('iframe') as HTMLIFrameElement).srcdoc = PAYLOAD)).toThrow(
      /srcdoc used/,
    );
    expect(() => doc.write(PAYLOAD)).toThrow(/write used/);
    expect(() => new DOMParser()).toThrow(/DOMParser used/);
    expect(blockedSinks().sort()).toEqual([
      'innerHTML',
      'insertAdjacentHTML',
      'outerHTML',
      'srcdoc',
      'write',
    ]);
    expect(node.childNodes).toHaveLength(0);
  });

  it('never uses an HTML sink anywhere in src/ui', () => {
    const dir = path.join(ROOT, 'src/ui');
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const code = fs.readFileSync(path.join(dir, f), 'utf8');
      expect(code, f).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|srcdoc/);
    }
  });
});

describe('scenario text with markup in it', () => {
  const tampered = () => {
    const json = mosulJson();
    json.title = PAYLOAD;
    json.summary = PAYLOAD;
    json.briefing.situation[0] = PAYLOAD;
    json.briefing.questions[0] = PAYLOAD;
    json.sources[0].title = PAYLOAD;
    json.sources[0].kind = PAYLOAD;
    for (const a of json.actors) {
      a.name = `${a.name} ${PAYLOAD}`;
      for (const o of a.objectives) o.text = PAYLOAD;
    }
    for (const o of json.orders) {
      o.name = `${o.name} ${PAYLOAD}`;
      if (o.source) o.source.note = PAYLOAD;
    }
    return json;
  };

  it('shows literally in every panel and creates no element from it', () => {
    const { ui, session } = makeUi(tampered());
    const def = session.def!;
    const briefing = box();
    briefing.append(...(renderBriefing(def, null, new Set(), () => {}) as unknown as TestElement[]));
    const orders = createOrdersPanel(ui);
    box().appendChild(asElement(orders.element));
    orders.update();
    session.endTurn();
    const report = box();
    renderReport(ui, report as unknown as HTMLElement);
    const scores = box();
    renderScores(ui, scores as unknown as HTMLElement);
    const top = createTopBar(ui);
    top.update();
    const summary = createSummary(ui);
    box().appendChild(asElement(summary.dialog));
    summary.open();

    for (const [name, root] of [
      ['briefing', briefing],
      ['orders', asElement(orders.element)],
      ['report', report],
      ['scores', scores],
      ['top bar', asElement(top.element)],
      ['summary', asElement(summary.dialog)],
    ] as const)
      expect(root.textContent, name).toContain(PAYLOAD);
    expect(allElements(doc.documentElement).filter((e) => e.localName === 'img')).toEqual([]);
    expect(byTestId(report, 'log-quote').some((q) => q.textContent.includes(`Note: ${PAYLOAD}`))).toBe(true);
  });

  it('shows a load error literally, in the page', () => {
    const { ui } = makeUi();
    const picker = createPicker(ui);
    box().appendChild(asElement(picker.dialog));
    picker.open('new');
    picker.showError(`scenario.json: title: ${PAYLOAD}`);
    const [alert] = byTestId(asElement(picker.dialog), 'load-error');
    expect(alert!.getAttribute('role')).toBe('alert');
    expect(alert!.textContent).toContain(PAYLOAD);
    expect(alert!.textContent).toContain('The game in progress is kept.');
  });
});

describe('the orders panel', () => {
  it('lists every option, refused ones greyed with their reason as text, and takes an order back', () => {
    const { ui, session, playable } = makeUi();
    const actor = playable[0]!;
    const panel = createOrdersPanel(ui);
    const root = asElement(panel.element);
    box().appendChild(root);
    panel.update();
    const shown = byTestId(root, 'order-option');
    expect(shown.length).toBe(session.options(actor).filter((o) => !o.order.covert).length);
    const first = shown.find((o) => o.getAttribute('data-ok') === 'true')!;
    const id = first.getAttribute('data-order-id')!;
    byTestId(first, 'give-order')[0]!.click();
    expect(session.pending).toHaveLength(1);
    expect(session.pending[0]!.id).toBe(id);

    panel.update();
    expect(byTestId(root, 'pending-order')).toHaveLength(1);
    const refused = byTestId(root, 'order-option').filter((o) => o.getAttribute('data-ok') === 'false');
    expect(refused.length).toBeGreaterThan(0);
    for (const o of refused) {
      const reason = byTestId(o, 'refusal-reason')[0]!;
      expect(reason.textContent.length).toBeGreaterThan(5);
      expect(byTestId(o, 'give-order')).toHaveLength(0);
      const option = session
        .options(actor)
        .find(
          (x) =>
            x.order.id === o.getAttribute('data-order-id') &&
            (x.order.target ?? null) === o.getAttribute('data-target') &&
            (x.order.region ?? null) === o.getAttribute('data-region') &&
            !x.order.covert,
        )!;
      expect(option.verdict.ok).toBe(false);
      expect(reason.textContent).toBe(option.verdict.ok ? '' : option.verdict.reason);
    }

    byTestId(root, 'cancel-order')[0]!.click();
    expect(session.pending).toHaveLength(0);
  });

  it('shows one hot-seat player at a time, with the others’ orders hidden', () => {
    const { ui, session, playable } = makeUi(undefined, null);
    const [p0, p1] = playable as [string, string];
    session.setHeld([p0, p1]);
    const panel = createOrdersPanel(ui);
    const root = asElement(panel.element);
    panel.update();
    const give = byTestId(root, 'give-order')[0]!;
    give.click();
    expect(session.pending[0]!.actor).toBe(p0);
    ui.nextPlayer();
    panel.update();
    expect(root.querySelector('h3')!.textContent).toContain(
      session.def!.actors.find((a) => a.id === p1)!.name,
    );
    expect(byTestId(root, 'pending-order')).toHaveLength(0);
    expect(byTestId(root, 'next-player')).toHaveLength(1);
    expect(
      byTestId(root, 'order-option').every((o) =>
        session.options(p1).some((x) => x.order.id === o.getAttribute('data-order-id')),
      ),
    ).toBe(true);
  });
});

describe('the report and the log', () => {
  it('shows every effect of the turn, grouped by order, with quotes and their sources', () => {
    const { ui, session } = makeUi();
    const playerOrder = session.options(session.held[0]!).find((o) => o.verdict.ok && o.def.source)!;
    session.order(playerOrder.order);
    session.endTurn();
    const s = session.state!;
    const report = box();
    renderReport(ui, report as unknown as HTMLElement);
    // The key changes first, each with its cause; every effect folded below, drawn when opened.
    const keys = byTestId(report, 'key-change');
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBeLessThanOrEqual(8);
    for (const k of keys) expect(k.textContent).toMatch(/Cause: \S/);
    const all = byTestId(report, 'all-effects')[0]!;
    expect(all.open).toBe(false);
    expect(byTestId(report, 'log-effect')).toHaveLength(0);
    all.open = true;
    all.dispatchEvent(new Event('toggle'));
    expect(ui.view.allEffects).toBe(true);
    expect(byTestId(report, 'log-effect')).toHaveLength(s.effects.length);
    expect(byTestId(report, 'log-order')).toHaveLength(s.orders.length);
    expect(report.textContent).toContain('The players’ orders');
    const quotes = byTestId(report, 'log-quote');
    expect(quotes.length).toBeGreaterThan(0);
    const src = session.def!.sources.find((x) => x.id === playerOrder.def.source!.source)!;
    expect(quotes.some((q) => q.textContent.includes(`“${playerOrder.def.source!.quote}”`))).toBe(true);
    expect(quotes.some((q) => q.textContent.includes(`— ${src.id}, ${src.outlet}`))).toBe(true);
    const ruled = s.effects.find((e) => e.rule);
    if (ruled)
      expect(
        [...report.querySelectorAll<TestElement>('.rule')].some((r) => r.textContent === ruled.rule),
      ).toBe(true);

    session.endTurn();
    const log = box();
    renderLog(ui, log as unknown as HTMLElement);
    const turns = byTestId(log, 'log-turn');
    expect(turns).toHaveLength(2);
    expect(turns[0]!.open).toBe(true); // newest first, drawn
    expect(byTestId(turns[1]!, 'log-effect')).toHaveLength(0); // drawn when opened
    turns[1]!.open = true;
    turns[1]!.dispatchEvent(new Event('toggle'));
    expect(byTestId(turns[1]!, 'log-effect').length).toBeGreaterThan(0);
  });
});

describe('the relations tab', () => {
  it('shows signed values with their change, explains a pair, and tells the map what was picked', () => {
    const { ui, session, events } = makeUi();
    session.endTurn();
    const s = session.state!;
    const w = session.world!;
    const into = box();
    renderRelations(ui, into as unknown as HTMLElement);
    const cells = byTestId(into, 'relation-cell');
    const n = Math.round(Math.sqrt(cells.length)) + 1;
    expect(cells).toHaveLength(n * (n - 1));
    for (const c of cells) {
      const v = relation(s, w, c.getAttribute('data-a')!, c.getAttribute('data-b')!, 'net');
      expect(Number(c.getAttribute('data-value'))).toBe(v);
      expect(c.textContent.startsWith(v > 0 ? '+' : v < 0 ? '\u2212' : '0')).toBe(true);
      expect(c.getAttribute('class')).toContain(v > 0 ? 'pos' : v < 0 ? 'neg' : 'zero');
    }
    const changed = cells.find((c) => Number(c.getAttribute('data-delta')) !== 0)!;
    changed.click();
    expect(ui.view.why).toEqual({ a: changed.getAttribute('data-a'), b: changed.getAttribute('data-b') });
    renderRelations(ui, into as unknown as HTMLElement);
    const why = byTestId(into, 'why-panel')[0]!;
    expect(why.textContent).toContain('Why did');
    expect(byTestId(why, 'log-effect').length).toBeGreaterThan(0);

    const select = byTestId(into, 'layer-select')[0]!;
    select.value = w.def.layers[0]!.id;
    select.dispatchEvent(new Event('change'));
    expect(events.some((e) => e.type === 'view/layer' && e.payload.layer === w.def.layers[0]!.id)).toBe(true);

    renderRelations(ui, into as unknown as HTMLElement);
    const triads = byTestId(into, 'triad');
    expect(triads.length).toBeGreaterThan(0);
    expect(triads[0]!.getAttribute('data-layer')).toBe('cross');
    triads[0]!.click();
    const picked = events.filter((e) => e.type === 'view/triad').pop()!;
    expect(picked.payload.actors.join(',')).toBe(triads[0]!.getAttribute('data-actors'));
  });
});

describe('scores, summary and picker', () => {
  it('shows each playable actor’s score and objectives with ✓ or ✗', () => {
    const { ui, session, playable } = makeUi();
    const into = box();
    renderScores(ui, into as unknown as HTMLElement);
    for (const a of playable) {
      const [score] = [...into.querySelectorAll<TestElement>(`[data-testid="score"][data-actor="${a}"]`)];
      expect(score!.textContent).toBe(String(session.state!.scores[a]));
    }
    const marks = [...into.querySelectorAll<TestElement>('.objective .mark')].map((m) => m.textContent);
    expect(marks.every((m) => m === '✓' || m === '✗')).toBe(true);
  });

  it('ends with scores ranked, contradictions left and the questions', () => {
    const { ui, session } = makeUi();
    while (!session.state!.over) session.endTurn();
    const summary = createSummary(ui);
    summary.open();
    const d = asElement(summary.dialog);
    expect(d.open).toBe(true);
    expect([...d.querySelectorAll<TestElement>('.ranking')].length).toBeGreaterThan(0);
    expect(d.textContent).toContain('Contradictions left');
    expect([...byTestId(d, 'questions')[0]!.querySelectorAll<TestElement>('li')]).toHaveLength(
      session.def!.briefing.questions.length,
    );
  });

  it('starts the chosen branch with the chosen players, and shows the branch’s own questions', async () => {
    const { ui, session, playable } = makeUi();
    const picker = createPicker(ui);
    const d = asElement(picker.dialog);
    box().appendChild(d);
    picker.open('review');
    const branch = session.def!.branches![0]!;
    const select = byTestId(d, 'branch-select')[0]!;
    select.value = branch.id;
    select.dispatchEvent(new Event('change'));
    expect(byTestId(d, 'questions')[0]!.textContent).toContain(branch.questions![0]!);
    const boxes = byTestId(d, 'held-actor');
    expect(boxes.map((b) => b.getAttribute('data-actor'))).toEqual(playable);
    for (const b of boxes.slice(0, 2)) {
      b.checked = !b.checked;
      b.dispatchEvent(new Event('change'));
    }
    byTestId(d, 'start-game')[0]!.click();
    await settle();
    expect(session.state!.branch).toBe(branch.id);
    expect(session.held).toEqual([playable[1]!]);
    expect(d.open).toBe(false);
  });

  it('lets the player have the computer look ahead, for the game it starts', async () => {
    const { ui, session } = makeUi();
    const picker = createPicker(ui);
    const d = asElement(picker.dialog);
    box().appendChild(d);
    picker.open('review');
    const ahead = byTestId(d, 'lookahead')[0]!;
    expect(ahead.checked).toBe(false);
    expect(ahead.parentNode!.textContent).toMatch(/looks two turns ahead/);
    ahead.checked = true;
    ahead.dispatchEvent(new Event('change'));
    byTestId(d, 'start-game')[0]!.click();
    await settle();
    expect(session.lookahead).toBe(true);
    session.endTurn();
    const node = session.root!.children[0]!;
    expect(node.ahead).toBe(true);
  });
});

describe('every shipped scenario', () => {
  const files = fs
    .readdirSync(path.join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

  it.each(files)('%s renders every panel, turn after turn', (file) => {
    const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'scenarios', file), 'utf8'));
    const { ui, session } = makeUi(json);
    const orders = createOrdersPanel(ui);
    const top = createTopBar(ui);
    for (let turn = 0; turn < 2 && !session.state!.over; turn++) {
      orders.update();
      top.update();
      expect(byTestId(asElement(orders.element), 'order-option').length).toBeGreaterThan(0);
      session.endTurn();
      for (const render of [renderReport, renderLog, renderRelations, renderScores]) {
        const into = box();
        render(ui, into as unknown as HTMLElement);
        expect(into.textContent.length).toBeGreaterThan(20);
      }
    }
    const briefing = box();
    briefing.append(...(renderBriefing(session.def!, null, new Set(), () => {}) as unknown as TestElement[]));
    expect(byTestId(briefing, 'held-actor').length).toBe(
      session.def!.actors.filter((a) => a.playable).length,
    );
    expect(byTestId(briefing, 'sources')[0]!.textContent).toContain(session.def!.sources[0]!.outlet);
  });
});
