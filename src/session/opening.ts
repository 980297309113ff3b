// Opening a game while another may be in progress: at boot (the autosave, a share link, ?scenario=), and from
// the page (a replay file, a link pasted into the address bar, a kept game). A line of the same game joins its
// tree; anything else opens only after the game in progress has been kept. Nothing opened costs a saved game.
import type { SaveFile, StoredSave } from './autosave';
import { dropKept, keepGame, listKept, quarantine, readSaves, readUnreadable } from './autosave';
import type { Opened, OpenOptions, Session } from './session';
import { checkSeed } from './session';
import { decodeShare } from './share';
import { placeOf } from './tree';

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
  const title = session.def?.title ?? session.def?.id ?? 'a game';
  const state = session.state;
  const branch = state?.branch ? ` (${state.branch})` : '';
  return `${title}${branch}, turn ${state?.turn ?? 0}`;
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
    if (!result.ok)
      return {
        ok: false,
        error: `The ${what} was not opened, so as not to lose the game in progress (${save.label}): it could not be kept, because ${result.error}. Export it as a replay file, then open the ${what} again.`,
        notKept: true,
      };
    kept = save.label ?? 'the game in progress';
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
  if (!save) return { ok: false, error: 'That kept game is no longer there.' };
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
        title: 'A saved game could not be read.',
        message: `The browser's storage held something that is not a saved game: ${bad.problem}. It was set aside${saves.length ? '; the last good save is open' : ' so that the page starts cleanly'}; you can still download it.`,
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
      problem = `it made the page fail (${(err as Error).message})`;
    }
    quarantine(storage, save, problem);
    notices.push({
      title: 'A saved game could not be opened.',
      message: `${problem}\nIt was set aside so that the page starts cleanly; you can still download it.`,
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
      const kept = restored ? ` Your saved game (${describeGame(session)}) is open as it was.` : '';
      notices.push({ title: 'The link could not be opened.', message: `${decoded.error}.${kept}` });
    } else {
      const result = await openIncoming(session, storage, decoded.json, 'link', {
        ...options,
        now: request.now,
      });
      // Any other failure the session has shown already (load/failed).
      if (!result.ok && result.notKept)
        notices.push({ title: 'The link was not opened.', message: result.error, action: 'export' });
      else if (!result.ok) {
        // the session has shown why (load/failed); the saved game, if any, is open as it was
      } else if (result.opened.merged)
        notices.push({
          title: 'The link was added to your game.',
          message: `It is a line of your saved game: it now sits beside your own lines (see the History tab), and the page shows its last turn.`,
        });
      else if (result.kept)
        notices.push({
          title: 'The link opened a different game.',
          message: `Your saved game (${result.kept}) was kept: open it again from "Kept games".`,
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
        title: 'The seed in the address was not used.',
        message: `${checkSeed(rawSeed)}: the game uses seed 1.`,
      });
    else seed = n;
  }
  if (storage && session.root && hasPlay(session)) {
    const save = snapshot(session, request.now)!;
    const kept = keepGame(storage, save);
    if (!kept.ok) {
      notices.push({
        title: 'The scenario in the address was not opened.',
        message: `Your saved game (${save.label}) could not be kept, because ${kept.error}. Export it as a replay file first.`,
        action: 'export',
      });
      return true;
    }
    notices.push({
      title: 'A new game was started.',
      message: `Your saved game (${save.label}) was kept: open it again from "Kept games".`,
      action: 'kept',
    });
  }
  const scenario = params.get('scenario') ?? request.defaultScenario;
  const branch = params.get('branch');
  const asked = await session.load(scenario, branch, seed);
  if (asked.ok) return true;
  if (branch !== null && (await session.load(scenario, null, seed)).ok) {
    notices.push({
      title: 'The branch in the address was not found.',
      message: `${asked.error}\nThe main line of ${scenario} was opened instead.`,
    });
    return true;
  }
  if (scenario !== request.defaultScenario && (await session.load(request.defaultScenario, null, seed)).ok) {
    notices.push({
      title: 'The scenario in the address could not be opened.',
      message: `${asked.error}\n${request.defaultScenario} was opened instead.`,
    });
    return true;
  }
  return !!session.root;
}
