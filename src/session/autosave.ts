// Autosave and kept games in localStorage. The game in progress is written to the older of two slots, read
// back and checked, so a failed write never touches the last good save; a game the page puts aside to open
// another (a link, a replay) goes to the kept list; a save that cannot be opened is quarantined, not retried.
import { m } from '../i18n';

export const SLOT_KEYS = ['sim.save.a', 'sim.save.b'] as const;
const LEGACY_KEYS = ['sim.autosave', 'sim.autosave.previous']; // the first format's current and previous
export const KEPT_KEY = 'sim.kept';
export const QUARANTINE_KEY = 'sim.quarantine';
const MAX_KEPT = 8;

export interface SaveFile {
  savedAt: number; // when, in ms since 1970 (set by the caller: the session has no clock)
  seq?: number; // counts writes: the highest is the current save
  cursor: string; // the path the game was showing
  place?: string; // the same node as child indexes ("0.0.1"), which survive the rebuild
  label?: string; // "mosul-2016, turn 4"
  replay: unknown; // the replay JSON
}

export interface StoredSave extends SaveFile {
  key: string; // where it is stored
}

export type SaveResult = { ok: true } | { ok: false; error: string };

const parse = (text: string | null): SaveFile | null => {
  if (!text) return null;
  try {
    const json = JSON.parse(text) as Partial<SaveFile>;
    return typeof json === 'object' && json && typeof json.cursor === 'string' && 'replay' in json
      ? (json as SaveFile)
      : null;
  } catch {
    return null;
  }
};

const read = (storage: Storage, key: string): string | null => {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
};

/** The saves that can be read, the current one first. */
export function readSaves(storage: Storage): StoredSave[] {
  const slots = SLOT_KEYS.map((key) => ({ key, save: parse(read(storage, key)) }))
    .filter((s): s is { key: (typeof SLOT_KEYS)[number]; save: SaveFile } => !!s.save)
    .sort((a, b) => (b.save.seq ?? 0) - (a.save.seq ?? 0));
  const legacy = LEGACY_KEYS.map((key) => ({ key, save: parse(read(storage, key)) })).filter(
    (s): s is { key: string; save: SaveFile } => !!s.save,
  );
  return [...slots, ...legacy].map(({ key, save }) => ({ ...save, key }));
}

/**
 * The save slots that hold something that is not a save at all (garbage, cut-off JSON, another shape): each
 * with its key and what is wrong, so that the page can set it aside and say so rather than skip it silently.
 */
export function readUnreadable(storage: Storage): { key: string; problem: string }[] {
  const out: { key: string; problem: string }[] = [];
  for (const key of [...SLOT_KEYS, ...LEGACY_KEYS]) {
    const text = read(storage, key);
    if (!text || parse(text)) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      out.push({ key, problem: m.autosave_not_json({ count: text.length.toLocaleString('en') }) });
      continue;
    }
    const what =
      json === null
        ? 'null'
        : Array.isArray(json)
          ? m.autosave_json_list()
          : typeof json === 'object'
            ? m.autosave_json_no_position()
            : m.autosave_json_type({ type: typeof json });
    out.push({ key, problem: m.autosave_json_not_save({ what }) });
  }
  return out;
}

/** Whether a failed write failed because the site's storage is full. */
const isFull = (err: unknown): boolean => {
  const e = err as { name?: string; message?: string };
  return e?.name === 'QuotaExceededError' || /quota/i.test(e?.message ?? '');
};

/** Why a write failed, in words for the page. */
const why = (err: unknown): string => {
  const e = err as { name?: string; message?: string };
  if (isFull(err)) return m.autosave_storage_full();
  if (e?.name === 'SecurityError') return m.autosave_storage_denied();
  return e?.message ?? String(err);
};

/** A slot's sequence number from the start of its text (-1 for an empty slot, 0 when it has none). */
const seqOf = (text: string | null): number =>
  text === null ? -1 : Number(/^\{"seq":(\d+)/.exec(text)?.[1] ?? 0);

/**
 * Writes the game in progress to the slot that does not hold the current save. If storage is full, the
 * older slot is emptied and the write tried once more; the current save is never touched by a failure.
 */
export function writeSave(storage: Storage, save: SaveFile): SaveResult {
  let text: string;
  try {
    // The sequence number is written first, so each save reads only it, not the whole of both slots.
    const [a, b] = SLOT_KEYS.map((k) => seqOf(read(storage, k)));
    const key = a! > b! ? SLOT_KEYS[1] : SLOT_KEYS[0];
    const { seq: _old, ...rest } = save;
    text = JSON.stringify({ seq: Math.max(a!, b!, 0) + 1, ...rest });
    try {
      storage.setItem(key, text);
    } catch (err) {
      if (!isFull(err)) throw err;
      storage.removeItem(key);
      storage.setItem(key, text);
    }
    if (storage.getItem(key) !== text) throw new Error(m.autosave_copy_differs());
    return { ok: true };
  } catch (err) {
    return { ok: false, error: why(err) };
  }
}

/** Moves a save that cannot be opened out of the way, so the page boots clean; it can still be downloaded. */
export function quarantine(storage: Storage, save: { key: string }, reason: string): void {
  try {
    const text = storage.getItem(save.key); // as stored: the parsed save may be too deep to write again
    storage.removeItem(save.key);
    storage.setItem(QUARANTINE_KEY, JSON.stringify({ reason, text }));
  } catch {
    // storage unusable: the bad save stays, and the next boot quarantines it again
  }
}

/** The quarantined save's text, if any (for "download it"). */
export const readQuarantine = (storage: Storage): string | null => read(storage, QUARANTINE_KEY);

const readKept = (storage: Storage): SaveFile[] => {
  try {
    const list = JSON.parse(read(storage, KEPT_KEY) ?? '[]') as unknown;
    return Array.isArray(list)
      ? list.map((x) => parse(JSON.stringify(x))).filter((x): x is SaveFile => !!x)
      : [];
  } catch {
    return [];
  }
};

/** The games put aside, newest first. */
export const listKept = (storage: Storage): SaveFile[] => readKept(storage);

/** Puts a game aside (newest first). Refuses rather than dropping an older kept game when the list is full. */
export function keepGame(storage: Storage, save: SaveFile): SaveResult {
  const kept = readKept(storage);
  if (kept.length >= MAX_KEPT) return { ok: false, error: m.autosave_kept_full({ count: MAX_KEPT }) };
  try {
    storage.setItem(KEPT_KEY, JSON.stringify([save, ...kept]));
    return { ok: true };
  } catch (err) {
    return { ok: false, error: why(err) };
  }
}

/** Deletes a kept game from the list (once it is open again, or when a person deletes it). */
export function dropKept(storage: Storage, index: number): boolean {
  const kept = readKept(storage);
  if (!kept[index]) return false;
  kept.splice(index, 1);
  try {
    storage.setItem(KEPT_KEY, JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}
