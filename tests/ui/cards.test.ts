// @vitest-environment happy-dom
// The card for a region or an actor picked on the map lists the orders the current player has there (for the
// region, or aimed at the actor), each given from the card as from the orders panel, or with its refusal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCard } from '../../src/ui/cards';
import type { TestElement } from './testDom';
import { installTestDom, clearTestDom } from './testDom';
import { byTestId, makeUi } from './support';

beforeEach(() => void installTestDom());
afterEach(() => clearTestDom());

const card = (held: string[]) => {
  const made = makeUi(undefined, held);
  const c = createCard(made.ui);
  return { ...made, card: c, element: c.element as unknown as TestElement };
};

describe('the orders a card offers', () => {
  it('lists the player’s options for the region, and gives one from the card', () => {
    const { card: c, element, session } = card(['TUR']);
    c.showRegion('bashiqa');
    const here = session.options('TUR').filter((o) => o.order.region === 'bashiqa' && !o.order.covert);
    expect(here.length).toBeGreaterThan(0);
    const items = [...element.querySelectorAll<TestElement>('[data-testid="card-orders"] li')];
    expect(items.map((li) => li.getAttribute('data-order-id'))).toEqual(here.map((o) => o.order.id));
    expect(element.textContent).toContain('Orders here (Turkey)');
    const give = byTestId(element, 'card-give-order')[0]!;
    give.click();
    expect(session.pending).toHaveLength(1);
    expect(session.pending[0]!.region).toBe('bashiqa');
  });

  it('shows a refused option with its reason instead of a button', () => {
    const { card: c, element, session } = card(['TUR']);
    c.showRegion('mosul');
    const refused = session.options('TUR').filter((o) => o.order.region === 'mosul' && !o.verdict.ok);
    expect(refused.length).toBeGreaterThan(0);
    const reason = refused[0]!.verdict.ok ? '' : refused[0]!.verdict.reason;
    expect(element.textContent).toContain(reason);
  });

  it('lists the orders aimed at an actor on its card', () => {
    const { card: c, element, session } = card(['TUR']);
    c.showActor('RUS');
    const aimed = session.options('TUR').filter((o) => o.order.target === 'RUS' && !o.order.covert);
    expect(aimed.length).toBeGreaterThan(0);
    const items = [...element.querySelectorAll<TestElement>('[data-testid="card-orders"] li')];
    expect(items).toHaveLength(aimed.length);
    expect(element.textContent).toContain('Orders aimed at Russia (Turkey)');
  });

  it('offers no orders when nobody is held', () => {
    const { card: c, element } = card([]);
    c.showRegion('bashiqa');
    expect(byTestId(element, 'card-orders')).toHaveLength(0);
    expect(element.getAttribute('data-region')).toBe('bashiqa');
  });
});

describe('the map as a table', () => {
  it('has a row per region with its holder, forces (largest first) and contest, and follows the state', async () => {
    const { createMapTable } = await import('../../src/ui/mapTable');
    const { ui, session } = makeUi(undefined, ['TUR']);
    const table = createMapTable(ui);
    const dialog = table.dialog as unknown as TestElement & { open: boolean; showModal(): void };
    table.open();
    const rows = [...dialog.querySelectorAll<TestElement>('tbody tr[data-region]')];
    expect(rows.map((r) => r.getAttribute('data-region'))).toEqual(session.def!.regions.map((r) => r.id));
    const mosul = rows.find((r) => r.getAttribute('data-region') === 'mosul')!;
    const state = session.state!.regions.find((r) => r.id === 'mosul')!;
    const holder = session.def!.actors.find((a) => a.id === state.controller)!.name;
    const cells = [...mosul.querySelectorAll<TestElement>('td')].map((td) => td.textContent);
    expect(cells[1]).toBe(holder);
    const [first] = Object.entries(state.presence).sort((a, b) => b[1] - a[1]);
    const firstName = session.def!.actors.find((a) => a.id === first![0])!.name;
    expect(cells[2]!.startsWith(`${firstName} ${first![1]}`)).toBe(true);
    expect(cells[3]).toBe(state.contested ? 'contested' : '—');
    session.endTurn();
    table.update();
    expect(dialog.textContent).toContain(`Turn 2 of ${session.def!.end.turns}`);
  });
});
