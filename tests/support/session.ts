// A session over the shipped scenarios and the invented one, with a bus that records what it published.
import { createBus } from '../../src/events/bus';
import type { AppEvents } from '../../src/events/bus';
import { Session } from '../../src/session/session';
import type { TreeNode } from '../../src/session/tree';
import { readScenarioText } from './worlds';

export function testSession() {
  const bus = createBus();
  const events: { type: keyof AppEvents; payload: unknown }[] = [];
  bus.on('*', (type, payload) => events.push({ type, payload }));
  const catalog = [
    {
      id: 'three-valleys',
      title: 'Three Valleys',
      load: async () => JSON.parse(readScenarioText('tests/support/valleys.json')),
    },
    {
      id: 'mosul-2016',
      title: 'Mosul 2016',
      load: async () => JSON.parse(readScenarioText('scenarios/mosul-2016.json')),
    },
    {
      id: 'broken',
      title: 'Broken',
      load: async () => ({
        ...JSON.parse(readScenarioText('tests/support/valleys.json')),
        turnDays: 'monthly',
      }),
    },
  ];
  return { bus, events, session: new Session(bus, catalog) };
}

/** Every node's place (child indexes), turn, branch, name and state bytes: equal lists mean the same game tree. */
export function fingerprint(root: TreeNode): string[] {
  const out: string[] = [];
  const visit = (n: TreeNode, place: string) => {
    out.push(`${place}|${n.turn}|${n.branch}|${n.name ?? ''}|${JSON.stringify(n.state)}`);
    n.children.forEach((c, i) => visit(c, `${place}.${i}`));
  };
  visit(root, '0');
  return out;
}
