// A panel context over a real session (the shipped scenario, or a tampered copy of it), for rendering the
// panels into the test DOM. Redraw requests are counted, not performed: each test redraws what it looks at.
import { createBus } from '../../src/events/bus';
import type { AppEvents } from '../../src/events/bus';
import { Session } from '../../src/session/session';
import type { Ui } from '../../src/ui/context';
import { newView } from '../../src/ui/context';
import { readScenarioText } from '../support/worlds';
import type { TestElement } from './testDom';

export const mosulJson = (): Record<string, any> => JSON.parse(readScenarioText('scenarios/mosul-2016.json'));

export function makeUi(json: Record<string, any> = mosulJson(), held: string[] | null = null, seed = 7) {
  const bus = createBus();
  const events: { type: keyof AppEvents; payload: any }[] = [];
  bus.on('*', (type, payload) => events.push({ type, payload }));
  const session = new Session(bus, [{ id: json.id, title: json.title, load: async () => json }]);
  const started = session.start(json, null, seed, `${json.id}.json`);
  if (!started.ok) throw new Error(started.error);
  const playable = session.def!.actors.filter((a) => a.playable).map((a) => a.id);
  session.setHeld(held ?? playable.slice(0, 1));
  const calls = { refresh: 0, orders: 0, announced: [] as string[], briefing: [] as string[] };
  const ui: Ui = {
    session,
    bus,
    storage: null,
    view: newView(),
    announce: (text) => void calls.announced.push(text),
    refresh: () => void calls.refresh++,
    progress: () => {},
    refreshOrders: () => void calls.orders++,
    endTurn: () => void session.endTurn(),
    openBriefing: (mode) => void calls.briefing.push(mode),
    openSummary: () => {},
    openKeys: () => {},
    openFacilitator: () => {},
    setTab: (tab) => void (ui.view.tab = tab),
    togglePanel: () => {},
    toggleLarge: () => {},
    nextPlayer: () => void ui.view.player++,
  };
  return { ui, bus, session, events, calls, playable };
}

/** The elements with a data-testid below a root. */
export const byTestId = (root: ParentNode, id: string): TestElement[] => [
  ...root.querySelectorAll<TestElement>(`[data-testid="${id}"]`),
];

/** Lets pending promises (a scenario load) settle. */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
