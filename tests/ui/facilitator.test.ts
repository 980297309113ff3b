// @vitest-environment happy-dom
// The facilitator's controls: the hand-over screen hides a player's options until they take the screen, a lock
// stops orders being given or cancelled, hidden reasons are not shown in the report, the turn timer counts down
// and says once when the time is up, and the dialog changes who is played.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFacilitator,
  formatClock,
  restartTimer,
  tickTimer,
  timerLabel,
} from '../../src/ui/facilitator';
import { createOrdersPanel } from '../../src/ui/orders';
import { renderReport } from '../../src/ui/report';
import type { TestDocument, TestElement } from './testDom';
import { installTestDom, clearTestDom } from './testDom';
import { byTestId, makeUi } from './support';

let doc: TestDocument;
beforeEach(() => {
  doc = installTestDom();
});
afterEach(() => clearTestDom());

const panel = (ui: Parameters<typeof createOrdersPanel>[0]) => {
  const orders = createOrdersPanel(ui);
  doc.body.appendChild(orders.element as unknown as TestElement);
  orders.update();
  return { orders, root: orders.element as unknown as TestElement };
};

describe('the facilitator', () => {
  it('hands the screen over between hot-seat players before their orders show', () => {
    const { ui, playable } = makeUi(undefined, null);
    ui.session.setHeld(playable.slice(0, 2));
    ui.view.handOver = true;
    const { orders, root } = panel(ui);
    expect(byTestId(root, 'order-option')).toHaveLength(0);
    expect(root.textContent).toContain('Pass the screen to');
    byTestId(root, 'reveal-orders')[0]!.click();
    expect(ui.view.revealed).toBe(true);
    orders.update();
    expect(byTestId(root, 'order-option').length).toBeGreaterThan(0);
    // One player alone needs no hand-over.
    ui.session.setHeld(playable.slice(0, 1));
    ui.view.revealed = false;
    orders.update();
    expect(byTestId(root, 'order-option').length).toBeGreaterThan(0);
  });

  it('locks the orders: nothing can be given or cancelled until unlocked', () => {
    const { ui, session } = makeUi();
    const option = session.options(session.held[0]!).find((o) => o.verdict.ok)!;
    session.order(option.order);
    ui.view.locked = true;
    const { orders, root } = panel(ui);
    expect(byTestId(root, 'orders-locked')).toHaveLength(1);
    const give = byTestId(root, 'give-order');
    expect(give.length).toBeGreaterThan(0);
    expect(give.every((b) => b.disabled)).toBe(true);
    expect(byTestId(root, 'cancel-order').every((b) => b.disabled)).toBe(true);
    ui.view.locked = false;
    orders.update();
    expect(byTestId(root, 'give-order').some((b) => !b.disabled)).toBe(true);
  });

  it('hides the computer’s reasons in the report, and shows them again', () => {
    const { ui, session } = makeUi();
    session.endTurn();
    ui.view.allEffects = true;
    const report = doc.createElement('div');
    ui.view.showReasons = false;
    renderReport(ui, report as unknown as HTMLElement);
    expect(report.textContent).not.toContain('Why (AI)');
    expect(report.textContent).toContain('its reasons are hidden by the facilitator');
    ui.view.showReasons = true;
    renderReport(ui, report as unknown as HTMLElement);
    expect(report.textContent).toContain('Why (AI)');
  });

  it('times a turn and says once when the time is up', () => {
    const { ui, calls } = makeUi();
    expect(timerLabel(ui, 0)).toBeNull();
    ui.view.timer.minutes = 3;
    restartTimer(ui, 1_000);
    expect(timerLabel(ui, 1_000)).toBe('Time 3:00');
    expect(timerLabel(ui, 1_000 + 53_500)).toBe('Time 2:07');
    tickTimer(ui, 1_000 + 179_000);
    expect(calls.announced).toEqual([]);
    tickTimer(ui, 1_000 + 180_000);
    tickTimer(ui, 1_000 + 181_000);
    expect(calls.announced).toHaveLength(1);
    expect(timerLabel(ui, 1_000 + 181_000)).toBe('Time is up');
    ui.view.timer.minutes = 0;
    restartTimer(ui, 2_000);
    expect(timerLabel(ui, 2_000)).toBeNull();
    expect(formatClock(59_001)).toBe('1:00');
  });

  it('changes who is played from its dialog, and pauses the computer for the session', () => {
    const { ui, session, playable } = makeUi(undefined, []);
    const f = createFacilitator(ui);
    doc.body.appendChild(f.dialog as unknown as TestElement);
    f.open();
    const root = f.dialog as unknown as TestElement;
    const holds = byTestId(root, 'facilitator-hold');
    expect(holds.map((h) => h.getAttribute('data-actor'))).toEqual(playable);
    holds[1]!.checked = true;
    holds[1]!.dispatchEvent(new Event('change'));
    expect(session.held).toEqual([playable[1]]);
    const pause = byTestId(root, 'facilitator-pause')[0]!;
    pause.checked = true;
    pause.dispatchEvent(new Event('change'));
    expect(session.aiPaused).toBe(true);
  });

  it('queues a change for the turn with its reason, says why one is refused, and the report shows it as the facilitator’s', () => {
    const { ui, session } = makeUi();
    const f = createFacilitator(ui);
    doc.body.appendChild(f.dialog as unknown as TestElement);
    f.open();
    const root = () => f.dialog as unknown as TestElement;
    const field = (id: string) => byTestId(root(), id)[0]!;
    field('inject-reason').value = '';
    field('inject-relation').click();
    expect(session.injections).toEqual([]);
    expect(field('inject-status').textContent).toMatch(/Not queued: .*needs a reason/);
    field('inject-a').value = 'US';
    field('inject-b').value = 'IRN';
    field('inject-layer').value = 'IQ';
    field('inject-delta').value = '-20';
    field('inject-reason').value = 'Congress finds out';
    field('inject-relation').click();
    expect(session.injections).toEqual([
      { kind: 'relation', a: 'US', b: 'IRN', layer: 'IQ', delta: -20, reason: 'Congress finds out' },
    ]);
    expect(byTestId(root(), 'injected')).toHaveLength(1);
    session.endTurn();
    ui.view.allEffects = true;
    const report = doc.createElement('div');
    renderReport(ui, report as unknown as HTMLElement);
    expect(report.textContent).toContain('the facilitator: Congress finds out');
    // It is among the turn's key changes, whatever else happened.
    const keys = byTestId(report, 'key-change').map((k) => k.textContent);
    expect(keys.some((k) => k.includes('Congress finds out'))).toBe(true);
  });
});
