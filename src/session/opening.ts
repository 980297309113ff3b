// Opening a game while another may be in progress: at boot (the autosave, a share link, ?scenario=), and from
// the page (a replay file, a link pasted into the address bar, a kept game). A line of the same game joins its
// tree; anything else opens only after the game in progress has been kept. Nothing opened costs a saved game.
import type { SaveFile, StoredSave } from './autosave';
import { dropKept, keepGame, listKept, quarantine, readSaves, readUnreadable } from './autosave';
import type { Opened, OpenOptions, Session } from './session';
import { checkSeed } from './session';
import { decodeShare } from './share';
import { placeOf } from './tree';
import { m } from '../i18n';

export interface Notice {
  title: string;
  message: string;
  action?: 'export' | 'kept' | 'quarantined'; // a button the page offers with it
}

export type Opening =
  { ok: true; opened: Opened; kept: string | null } | { ok: false; error: string; notKept?: boolean }; // notKept: refused because the game could not be kept

/** Lets the page draw and answer between slices of a long rebuild. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** "Mosul 2016, turn 4": how a game is named in messages and in the kept list. */
export function describeGame(session: Session): string {
  const title = session.def?.title ?? session.def?.id ?? m.opening_a_game();
  const state = session.state;
  const turn = state?.turn ?? 0;
  return state?.branch
    ? m.opening_game_label_branch({ title, branch: state.branch, turn })
    : m.opening_game_label({ title, turn });
}

/** The game in progress as a save, or null when no game is loaded. */
export function snapshot(session: Session, now: number): SaveFile | null {
  const replay = session.exportReplay();
  if (!replay || !session.root) return null;
  return {
    savedAt: now,
    cursor: session.cursor,
    place: placeOf(session.root, session.cursor),
    label: describeGame(session),
    replay,
  };
}

/** A game is worth keeping once a turn has been played or a line named. */
const hasPlay = (session: Session): boolean =>
  !!session.root && (session.root.children.length > 0 || !!session.root.name);

/**
 * Opens a replay (parsed JSON): a line of the game in progress is added beside it; another game opens only
 * once the game in progress is on the kept list (or there is nothing to keep). On failure nothing changes.
 */
export async function openIncoming(
  session: Session,
  storage: Storage | null,
  json: unknown,
  what: string,
  options: OpenOptions & { now: number },
): Promise<Opening> {
  const pause = options.pause ?? nextTask;
  if (session.isSameGame(json)) {
    const merged = await session.openReplay(json, { ...options, pause, merge: true });
    return merged.ok ? { ok: true, opened: merged.value, kept: null } : merged;
  }
  let kept: string | null = null;
  if (storage && hasPlay(session)) {
    const save = snapshot(session, options.now)!;
    const result = keepGame(storage, save);
    if (!result.ok) {
      const words = { game: save.label ?? m.opening_game_in_progress(), reason: result.error };
      return {
        ok: false,
        error:
          what === 'link'
            ? m.opening_not_kept_link(words)
            : what === 'kept game'
              ? m.opening_not_kept_kept(words)
              : m.opening_not_kept_replay(words),
        notKept: true,
      };
    }
    kept = save.label ?? m.opening_game_in_progress();
  }
  const opened = await session.openReplay(json, { ...options, pause });
  if (!opened.ok) {
    if (kept && storage) dropKept(storage, 0); // still the game in progress: not a kept one
    return opened;
  }
  return { ok: true, opened: opened.value, kept };
}

/** Opens the kept game at `index`; the game in progress takes its place on the kept list. */
export async function openKept(
  session: Session,
  storage: Storage,
  index: number,
  now: number,
): Promise<Opening> {
  const save = listKept(storage)[index];
  if (!save) return { ok: false, error: m.opening_kept_gone() };
  const result = await openIncoming(session, storage, save.replay, 'kept game', {
    now,
    place: save.place,
    cursor: save.cursor,
  });
  if (result.ok) dropKept(storage, result.kept ? index + 1 : index);
  return result;
}

/** Restores the autosave, trying the current save then the previous; a save that fails is quarantined. */
async function restore(
  session: Session,
  storage: Storage,
  options: OpenOptions,
  notices: Notice[],
): Promise<boolean> {
  let saves: StoredSave[] = [];
  try {
    saves = readSaves(storage);
    for (const bad of readUnreadable(storage)) {
      quarantine(storage, bad, bad.problem);
      notices.push({
        title: m.opening_unreadable_title(),
        message: saves.length
          ? m.opening_unreadable_restored({ problem: bad.problem })
          : m.opening_unreadable({ problem: bad.problem }),
        action: 'quarantined',
      });
    }
  } catch {
    saves = [];
  }
  for (const save of saves) {
    let problem: string;
    try {
      const opened = await session.openReplay(save.replay, {
        ...options,
        place: save.place,
        cursor: save.cursor,
      });
      if (opened.ok) return true;
      problem = opened.error;
    } catch (err) {
      problem = m.opening_page_failed({ error: (err as Error).message });
    }
    quarantine(storage, save, problem);
    notices.push({
      title: m.opening_unopenable_title(),
      message: m.opening_unopenable({ problem }),
      action: 'quarantined',
    });
  }
  return false;
}

export interface BootRequest {
  hash: string; // location.hash: "#r=…" carries a shared line
  search: string; // location.search: ?scenario=…&branch=…&seed=…
  defaultScenario: string;
  now: number;
  onProgress?: (done: number, total: number) => void;
}

/** What the page opens with. Never throws, and never replaces the autosave without keeping it. */
export async function openAtBoot(
  session: Session,
  storage: Storage | null,
  request: BootRequest,
): Promise<{ ok: boolean; notices: Notice[] }> {
  const notices: Notice[] = [];
  const options: OpenOptions = { pause: nextTask, onProgress: request.onProgress };
  const params = new URLSearchParams(request.search);
  const shared = /^#r=(.*)$/.exec(request.hash)?.[1];
  const restored = storage ? await restore(session, storage, options, notices) : false;
  if (shared !== undefined) {
    const decoded = await decodeShare(shared);
    if (!decoded.ok) {
      notices.push({
        title: m.opening_link_failed(),
        message: restored
          ? m.opening_link_error_restored({ error: decoded.error, game: describeGame(session) })
          : m.opening_link_error({ error: decoded.error }),
      });
    } else {
      const result = await openIncoming(session, storage, decoded.json, 'link', {
        ...options,
        now: request.now,
      });
      // Any other failure the session has shown already (load/failed).
      if (!result.ok && result.notKept)
        notices.push({ title: m.opening_link_not_opened(), message: result.error, action: 'export' });
      else if (!result.ok) {
        // the session has shown why (load/failed); the saved game, if any, is open as it was
      } else if (result.opened.merged)
        notices.push({
          title: m.opening_link_merged_title(),
          message: m.opening_link_merged(),
        });
      else if (result.kept)
        notices.push({
          title: m.opening_link_other_title(),
          message: m.opening_saved_kept({ game: result.kept }),
          action: 'kept',
        });
    }
    if (session.root) return { ok: true, notices };
  }
  if (restored && !params.has('scenario')) return { ok: true, notices };
  const ok = await openFromQuery(session, storage, params, request, notices);
  return { ok, notices };
}

/** Starts the scenario the URL asks for (a misspelt branch or seed falls back, and says so). */
async function openFromQuery(
  session: Session,
  storage: Storage | null,
  params: URLSearchParams,
  request: BootRequest,
  notices: Notice[],
): Promise<boolean> {
  const rawSeed = params.get('seed');
  let seed = 1;
  if (rawSeed !== null) {
    const n = /^\d+$/.test(rawSeed) ? Number(rawSeed) : NaN;
    if (checkSeed(n))
      notices.push({
        title: m.opening_seed_title(),
        message: m.opening_seed({ problem: checkSeed(rawSeed) ?? '' }),
      });
    else seed = n;
  }
  if (storage && session.root && hasPlay(session)) {
    const save = snapshot(session, request.now)!;
    const kept = keepGame(storage, save);
    if (!kept.ok) {
      notices.push({
        title: m.opening_scenario_not_opened_title(),
        message: m.opening_scenario_not_kept({
          game: save.label ?? m.opening_game_in_progress(),
          reason: kept.error,
        }),
        action: 'export',
      });
      return true;
    }
    notices.push({
      title: m.opening_new_game_title(),
      message: m.opening_saved_kept({ game: save.label ?? m.opening_game_in_progress() }),
      action: 'kept',
    });
  }
  const scenario = params.get('scenario') ?? request.defaultScenario;
  const branch = params.get('branch');
  const asked = await session.load(scenario, branch, seed);
  if (asked.ok) return true;
  if (branch !== null && (await session.load(scenario, null, seed)).ok) {
    notices.push({
      title: m.opening_branch_title(),
      message: m.opening_branch({ error: asked.error, scenario }),
    });
    return true;
  }
  if (scenario !== request.defaultScenario && (await session.load(request.defaultScenario, null, seed)).ok) {
    notices.push({
      title: m.opening_scenario_failed_title(),
      message: m.opening_scenario_failed({ error: asked.error, scenario: request.defaultScenario }),
    });
    return true;
  }
  return !!session.root;
}
