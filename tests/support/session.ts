// A session over the shipped scenarios and the invented one, with a bus that records what it published.
import { createBus } from '../../src/events/bus';
import type { AppEvents } from '../../src/events/bus';
import { Session } from '../../src/session/session';
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
