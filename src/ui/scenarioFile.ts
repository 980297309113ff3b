// Opening a scenario file in the page: reading a .json file picked or dropped (within the engine's limits),
// checking it with the parser and validator the CLI uses (the same path-precise messages), and saying how the
// games of such a scenario travel (replays, share links and the autosave carry it).
import { labelProblems, readScenarioJson, validateScenario } from '../engine/index';
import type { Result } from '../engine/index';
import { MAX_SCENARIO_CHARS } from '../engine/limits';
import type { ScenarioDef } from '../engine/schema';
import type { Replay } from '../session/replay';
import { REPLAY_FORMAT, REPLAY_LIMITS, REPLAY_VERSION } from '../session/replay';
import { decodeShare, encodeShare } from '../session/share';
import { m } from '../i18n';

/** What the page needs of a File (tests pass a plain object). */
export interface PickedFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

// Thousands with commas ("5,000,000"), by hand: the first toLocaleString call loads the locale data (~15 ms).
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "at most 5,000,000 characters": the engine's limit, as the picker states it. */
export const scenarioFileLimit = (): string => m.scenario_file_limit({ chars: count(MAX_SCENARIO_CHARS) });

/** UTF-8 needs at most 3 bytes per UTF-16 code unit, so a larger file is over the text limit for sure. */
const MAX_FILE_BYTES = 3 * MAX_SCENARIO_CHARS;

/** The scenario a file holds, or the problems with it, one per line, as `npm run validate` prints them. */
export async function readPickedScenario(file: PickedFile): Promise<Result<ScenarioDef>> {
  if (file.size > MAX_FILE_BYTES)
    return {
      ok: false,
      error: m.scenario_file_too_large({
        file: file.name,
        bytes: count(file.size),
        limit: scenarioFileLimit(),
      }),
    };
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return {
      ok: false,
      error: m.scenario_file_unreadable({ file: file.name, reason: (err as Error).message }),
    };
  }
  const json = readScenarioJson(text, file.name);
  if (!json.ok) return json;
  if ((json.value as { format?: unknown } | null)?.format === REPLAY_FORMAT)
    return {
      ok: false,
      error: m.scenario_file_is_replay({ file: file.name }),
    };
  const valid = validateScenario(json.value);
  if (!valid.ok)
    return {
      ok: false,
      error: labelProblems(file.name, valid.problems ?? []) || `${file.name}: ${valid.error}`,
    };
  return { ok: true, value: valid.value };
}

/**
 * What happens to the games of a scenario opened from a file: their replays, links and autosave carry it.
 * Measured on a replay of its start (a game adds its orders, a few dozen characters a turn): says when a share
 * link would be too long to open, or a replay file larger than a replay may be.
 */
export async function describeTravel(def: ScenarioDef): Promise<string> {
  const start: Replay = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    scenario: { id: def.id, version: def.version },
    branch: null,
    seed: 1,
    root: { orders: [], held: [], children: [] },
    definition: def,
  };
  const file = JSON.stringify(start, null, 1).length; // as "Export replay" writes it
  if (file > REPLAY_LIMITS.bytes)
    return m.scenario_file_travel_too_large({ chars: count(file), limit: count(REPLAY_LIMITS.bytes) });
  const link = await encodeShare(start);
  if (!(await decodeShare(link)).ok)
    return m.scenario_file_travel_link_too_long({ chars: count(link.length) });
  return m.scenario_file_travel_ok({ chars: count(link.length) });
}

/** True when a drag carries files (not text or a link dragged from the page). */
const carriesFiles = (e: DragEvent): boolean =>
  !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * Takes files dropped anywhere on `target` (the page): the first one goes to `onFile`. Dropping a file never
 * makes the browser leave the game to show it. `onDragging` says when a drag of files is over the page.
 */
export function listenForDrops(
  target: Pick<Document, 'addEventListener'>,
  onFile: (file: File) => void,
  onDragging: (over: boolean) => void = () => {},
): void {
  target.addEventListener('dragover', (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'copy';
    onDragging(true);
  });
  target.addEventListener('dragleave', (e: DragEvent) => {
    if (!e.relatedTarget) onDragging(false); // left the window, not just one element for another
  });
  target.addEventListener('drop', (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    onDragging(false);
    const file = e.dataTransfer!.files[0];
    if (file) onFile(file);
  });
}
