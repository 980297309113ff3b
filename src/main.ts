// Wires the game together: bus, session, map scene, panels, audio and window.simulation. Nothing else does.
import { mountAudio } from './audio/mount';
import { createBus } from './events/bus';
import type { Automation } from './session/automation';
import { createAutomation } from './session/automation';
import type { ScenarioEntry } from './session/session';
import { Session } from './session/session';
import { fetchMap, mountMap } from './scenes/mount';
import { mountUi } from './ui/mount';
import type { Bus } from './events/bus';
import { SLOT_KEYS, writeSave } from './session/autosave';
import { openAtBoot, snapshot } from './session/opening';
import type { PageNotices } from './ui/mount';
import { workerOdds } from './worker/odds';
import { z } from 'zod';
import { applyLocale, getLocale, m } from './i18n';

// zod compiles a parser for each object schema (new Function) the first time it parses one: for the one
// scenario a page load validates, that costs more than it saves, so the page parses without it.
z.config({ jitless: true });

const DEFAULT_SCENARIO = 'mosul-2016';

declare global {
  interface Window {
    simulation: Automation;
  }
}

/** A performance mark for scripts/measure-load.ts's breakdown of the cold load; each name is marked once. */
const marked = new Set<string>();
const mark = (name: string) => {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(`load:${name}`);
};
mark('main');
// The page's language (a `?lang=` in the address, a choice kept from before, the browser's) and direction.
applyLocale();
{
  // The page's own words before the script ran (index.html) are English: put them in the page's language.
  const loading = document.querySelector('#loading p');
  if (loading) loading.textContent = m.main_loading_map();
  document.getElementById('map')?.setAttribute('aria-label', m.main_map_label());
  document.title = m.main_title();
}

// The map and the scenario the page will most likely open are fetched first thing, side by side, so that
// they have arrived by the time the panels are up and Phaser has booted.
const map = fetchMap();

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const json: unknown = await response.json();
  mark('scenario-fetched');
  return json;
}

// Scenario files are shipped as separate assets and fetched on demand, not bundled into the JavaScript.
const urls = import.meta.glob(['../scenarios/*.json', '!../scenarios/*.schema.json'], {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const early = new Map<string, Promise<unknown>>(); // scenario id → its fetch started at boot, used once
const catalog: ScenarioEntry[] = Object.entries(urls)
  .filter(([path]) => !path.endsWith('.schema.json'))
  .map(([path, url]) => {
    const id = path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
    return {
      id,
      title: id,
      load: () => {
        const started = early.get(id);
        early.delete(id);
        return started ?? fetchJson(url);
      },
    };
  })
  .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); // not localeCompare: its first call loads the collator (~10 ms)
{
  const wanted = new URLSearchParams(window.location.search).get('scenario') ?? DEFAULT_SCENARIO;
  const url = Object.entries(urls).find(([path]) => path.endsWith(`/${wanted}.json`))?.[1];
  if (url) {
    const started = fetchJson(url);
    started.catch(() => undefined); // a failure is reported when (if) the session reads it
    early.set(wanted, started);
  }
}

const SAVE_NOTICE = 'autosave';

async function boot(): Promise<void> {
  const bus = createBus();
  bus.on('game/loaded', () => mark('game-loaded'));
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
  mark('ui');
  bus.on('game/loaded', () => mark('ui-drawn'));
  const sound = mountAudio(bus, storage);
  automation.sounds = () => [...sound.played];
  mark('audio');
  // Phaser boots once the game is open, or as soon as a long rebuild starts (so the map shows while it
  // runs): from its boot on, every frame draws the canvas, which is slow without a GPU, so the game is
  // opened first and the scene draws it at once, in its first frame. (The files are fetched already.)
  let startMap = () => {};
  const mapStarted = new Promise<void>((resolve) => (startMap = resolve));
  const mapView = mapStarted.then(() => {
    const mounted = mountMap(document.getElementById('map')!, session, bus, map);
    mark('phaser');
    return mounted;
  });
  void mapView.then((m) => {
    automation.mapView = () => m.describe();
    mark('map-ready');
  });
  let ok = false;
  try {
    const opened = await openAtBoot(session, storage, {
      hash: window.location.hash,
      search: window.location.search,
      defaultScenario: DEFAULT_SCENARIO,
      now: Date.now(),
      onProgress: (done, total) => {
        startMap();
        page.progress(done, total);
        const loading = document.getElementById('loading');
        if (loading) loading.textContent = m.main_rebuilding({ done, total });
      },
    });
    page.progress(0, 0);
    ok = opened.ok;
    for (const n of opened.notices) page.notify(n);
  } catch (err) {
    // Nothing a link or a save holds may stop the page: say what happened and start the default scenario.
    page.notify({ title: m.main_could_not_open(), message: (err as Error).message });
    ok = (await session.load(DEFAULT_SCENARIO, null, 1)).ok;
  }
  startMap();
  // The link has done its work once opened: from now on a reload restores the autosave of this game.
  if (window.location.hash.startsWith('#r='))
    history.replaceState(null, '', window.location.pathname + window.location.search);
  if (storage) watchSaves(bus, session, storage, page);
  else
    page.notify({
      title: m.main_not_saved_title(),
      message: m.main_not_saved_message(),
      action: 'export',
    });
  // Ready means the map is drawn (with the game, or bare when none could be opened) and orders are taken.
  (await mapView).drawBare();
  document.getElementById('loading')?.remove();
  automation.ready = ok;
  document.body.dataset.ready = String(ok);
  // A class's join link or teacher's address: joined once the page is ready (the class's game then replaces it).
  void page.joinClass(window.location.search);
  performance.mark('sim-ready'); // read by scripts/measure-load.ts
  registerOffline();
}

/**
 * Offline play: the service worker (vite-plugin-pwa's, built into dist/) is registered a moment after the
 * game is playable. Registered at the page's load event it precached the whole game (2.5 MB)
 * while the map was still being drawn, slowing the first load on a small machine.
 */
function registerOffline(): void {
  // Not gated on import.meta.env.PROD: a build made under Vitest (NODE_ENV=test) is not "production" but ships
  // the worker all the same. The dev server has none: its registration fails, quietly.
  if (!('serviceWorker' in navigator)) return;
  const register = () =>
    void navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
  // A timer, not requestIdleCallback: the map's frames in software WebGL may leave the page no idle time.
  setTimeout(register, 1500);
}

/** Autosaves after every change; a failed save is said in the page, with the time of the last good one. */
function watchSaves(bus: Bus, session: Session, storage: Storage, page: PageNotices): void {
  let lastGood: { label?: string; savedAt: number } | null = null; // put in words only when a save fails
  let failing = false;
  const save = () => {
    const file = snapshot(session, Date.now());
    if (!file) return;
    const result = writeSave(storage, file);
    if (result.ok) {
      lastGood = { label: file.label, savedAt: file.savedAt };
      if (failing) page.clear(SAVE_NOTICE);
      failing = false;
      return;
    }
    failing = true;
    const kept =
      lastGood &&
      m.main_save_kept_at({
        label: lastGood.label ?? '',
        time: new Date(lastGood.savedAt).toLocaleTimeString(getLocale()),
      });
    page.notify(
      {
        title: m.main_save_failed_title(),
        message: m.main_save_failed_message({
          error: `${result.error[0]!.toUpperCase()}${result.error.slice(1)}`,
          kept: kept ? m.main_save_kept({ kept }) : m.main_save_kept_any(),
        }),
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
