// Wires the game together: bus, session, map scene, panels, audio and window.simulation. Nothing else does.
import { mountAudio } from './audio/mount';
import { createBus } from './events/bus';
import type { Automation } from './session/automation';
import { createAutomation } from './session/automation';
import type { ScenarioEntry } from './session/session';
import { Session } from './session/session';
import { mountMap } from './scenes/mount';
import { mountUi } from './ui/mount';
import type { Bus } from './events/bus';
import { SLOT_KEYS, writeSave } from './session/autosave';
import { openAtBoot, snapshot } from './session/opening';
import type { PageNotices } from './ui/mount';
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

const SAVE_NOTICE = 'autosave';

async function boot(): Promise<void> {
  const bus = createBus();
  const session = new Session(bus, catalog, workerOdds);
  const automation = createAutomation(session);
  window.simulation = automation;
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
    storage.getItem(SLOT_KEYS[0]); // blocked storage throws here, not when it is first written
  } catch {
    storage = null;
  }
  const page = mountUi(document.getElementById('ui')!, session, bus, storage);
  const sound = mountAudio(bus, storage);
  automation.sounds = () => [...sound.played];
  await mountMap(document.getElementById('map')!, session, bus);
  let ok = false;
  try {
    const opened = await openAtBoot(session, storage, {
      hash: window.location.hash,
      search: window.location.search,
      defaultScenario: DEFAULT_SCENARIO,
      now: Date.now(),
      onProgress: (done, total) => {
        page.progress(done, total);
        const loading = document.getElementById('loading');
        if (loading) loading.textContent = `Loading… rebuilding the game: ${done} of ${total} turns`;
      },
    });
    page.progress(0, 0);
    ok = opened.ok;
    for (const n of opened.notices) page.notify(n);
  } catch (err) {
    // Nothing a link or a save holds may stop the page: say what happened and start the default scenario.
    page.notify({ title: 'The page could not open what it was given.', message: (err as Error).message });
    ok = (await session.load(DEFAULT_SCENARIO, null, 1)).ok;
  }
  // The link has done its work once opened: from now on a reload restores the autosave of this game.
  if (window.location.hash.startsWith('#r='))
    history.replaceState(null, '', window.location.pathname + window.location.search);
  if (storage) watchSaves(bus, session, storage, page);
  else
    page.notify({
      title: 'This game will not be saved.',
      message:
        'The browser does not let this page store anything, so a reload starts again. Export the game as a replay file to keep it.',
      action: 'export',
    });
  document.getElementById('loading')?.remove();
  automation.ready = ok;
  document.body.dataset.ready = String(ok);
  performance.mark('sim-ready'); // read by scripts/measure-load.ts
}

/** Autosaves after every change; a failed save is said in the page, with the time of the last good one. */
function watchSaves(bus: Bus, session: Session, storage: Storage, page: PageNotices): void {
  let lastGood: string | null = null;
  let failing = false;
  const save = () => {
    const file = snapshot(session, Date.now());
    if (!file) return;
    const result = writeSave(storage, file);
    if (result.ok) {
      lastGood = `${file.label}, saved at ${new Date(file.savedAt).toLocaleTimeString()}`;
      if (failing) page.clear(SAVE_NOTICE);
      failing = false;
      return;
    }
    failing = true;
    page.notify(
      {
        title: 'The game could not be saved.',
        message: `${result.error[0]!.toUpperCase()}${result.error.slice(1)}. ${lastGood ? `The last good save is kept: ${lastGood}.` : 'The last good save, if any, is kept.'} A reload would go back to it: export the game as a replay file to keep what you have now.`,
        action: 'export',
      },
      SAVE_NOTICE,
    );
  };
  bus.on('history/changed', save);
  bus.on('state/shown', save);
  save();
}

void boot();
