// Wires the game together: bus, session, map scene, panels, audio and window.simulation. Nothing else does.
import { mountAudio } from './audio/mount';
import { createBus } from './events/bus';
import type { Automation } from './session/automation';
import { createAutomation } from './session/automation';
import type { ScenarioEntry } from './session/session';
import { Session } from './session/session';
import { mountMap } from './scenes/mount';
import { mountUi } from './ui/mount';

declare global {
  interface Window {
    simulation: Automation;
  }
}

// Scenario files are shipped as separate assets and fetched on demand, not bundled into the JavaScript.
const urls = import.meta.glob(['../scenarios/*.json', '!../scenarios/*.schema.json'], {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const catalog: ScenarioEntry[] = Object.entries(urls)
  .filter(([path]) => !path.endsWith('.schema.json'))
  .map(([path, url]) => {
    const id = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
    return {
      id,
      title: id,
      load: async () => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      },
    };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

async function boot(): Promise<void> {
  const bus = createBus();
  const session = new Session(bus, catalog);
  const automation = createAutomation(session);
  window.simulation = automation;
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null; // private mode or blocked storage: settings are simply not remembered
  }
  mountUi(document.getElementById('ui')!, session, bus, storage);
  mountAudio(bus, storage);
  await mountMap(document.getElementById('map')!, session, bus);
  const params = new URLSearchParams(window.location.search);
  const scenario = params.get('scenario') ?? 'mosul-2016';
  const seed = Number(params.get('seed') ?? '1');
  const result = await session.load(scenario, params.get('branch'), Number.isInteger(seed) ? seed : 1);
  document.getElementById('loading')?.remove();
  automation.ready = result.ok;
  document.body.dataset.ready = String(result.ok);
}

void boot();
