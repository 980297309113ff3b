// Autosave: the game in progress survives a reload. A save is written to a fresh key, read back and checked,
// and only then made current, so a failed or corrupt write never destroys the previous save.
export const SAVE_KEY = 'sim.autosave';
const PENDING_KEY = 'sim.autosave.pending';
const PREVIOUS_KEY = 'sim.autosave.previous';

export interface SaveFile {
  savedAt: number; // when, in ms since 1970 (set by the caller: the session has no clock)
  cursor: string; // the path the game was showing
  replay: unknown; // the replay JSON
}

export function writeSave(storage: Storage, save: SaveFile): { ok: true } | { ok: false; error: string } {
  let text: string;
  try {
    text = JSON.stringify(save);
    storage.setItem(PENDING_KEY, text);
    if (storage.getItem(PENDING_KEY) !== text) throw new Error('the stored copy differs');
    const current = storage.getItem(SAVE_KEY);
    if (current !== null) storage.setItem(PREVIOUS_KEY, current);
    storage.setItem(SAVE_KEY, text);
    storage.removeItem(PENDING_KEY);
    return { ok: true };
  } catch (err) {
    try {
      storage.removeItem(PENDING_KEY);
    } catch {
      // storage unusable: the previous save, if any, is untouched
    }
    return { ok: false, error: `the game could not be saved (${(err as Error).message})` };
  }
}

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

/** The saves that can be read, the current one first, then the one before it. */
export function readSaves(storage: Storage): SaveFile[] {
  try {
    return [parse(storage.getItem(SAVE_KEY)), parse(storage.getItem(PREVIOUS_KEY))].filter(
      (x): x is SaveFile => !!x,
    );
  } catch {
    return [];
  }
}
