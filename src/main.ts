// Wires the game together: bus, session, map scene, panels, audio and window.simulation. Nothing else does.
import { mountAudio } from './audio/mount';
import { createBus } from './events/bus';
import type { Automation } from './session/automation';
import { createAutomation } from './session/automation';
import type { ScenarioEntry } from './session/session';
import { Session } from './session/session';
import { mountMap } from './scenes/mount';
import { mountUi } from './ui/mount';
import { readSaves, writeSave } from './session/autosave';
import { workerOdds } from './worker/odds';

const DEFAULT_SCENARIO = 'mosul-2016';

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

/** What the page opens with: a shared line in the URL, else the autosaved game, else the scenario asked for. */
async function open(session: Session, storage: Storage | null): Promise<boolean> {
  const shared = /^#r=(.*)$/.exec(window.location.hash)?.[1];
  if (shared !== undefined) {
    // The link has done its work once opened: from now on a reload restores the autosave of this game.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    if ((await session.openShare(shared)).ok) return true;
  }
  const params = new URLSearchParams(window.location.search);
  if (shared === undefined && !params.has('scenario') && storage)
    for (const save of readSaves(storage))
      if ((await session.openReplay(save.replay, save.cursor)).ok) return true;
  const seed = Number(params.get('seed') ?? '1');
  const scenario = params.get('scenario') ?? DEFAULT_SCENARIO;
  const result = await session.load(
    scenario,
    params.get('branch'),
    Number.isInteger(seed) && seed >= 0 ? seed : 1,
  );
  return result.ok || (scenario !== DEFAULT_SCENARIO && (await session.load(DEFAULT_SCENARIO)).ok);
}

async function boot(): Promise<void> {
  const bus = createBus();
  const session = new Session(bus, catalog, workerOdds);
  const automation = createAutomation(session);
  window.simulation = automation;
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null; // private mode or blocked storage: nothing is remembered
  }
  mountUi(document.getElementById('ui')!, session, bus, storage);
  const sound = mountAudio(bus, storage);
  automation.sounds = () => [...sound.played];
  await mountMap(document.getElementById('map')!, session, bus);
  const ok = await open(session, storage);
  if (storage) {
    const save = () => {
      const replay = session.exportReplay();
      if (replay) writeSave(storage, { savedAt: Date.now(), cursor: session.cursor, replay });
    };
    bus.on('history/changed', save);
    bus.on('state/shown', save);
    save();
  }
  document.getElementById('loading')?.remove();
  automation.ready = ok;
  document.body.dataset.ready = String(ok);
  performance.mark('sim-ready'); // read by scripts/measure-load.ts
}

void boot();
