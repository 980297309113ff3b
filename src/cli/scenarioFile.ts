// Reading a scenario file for the command-line tools (sim, validate): a missing path, a directory, a device,
// an unreadable or oversized file gives a one-line message instead of an exception.
import fs from 'node:fs';
import { MAX_SCENARIO_CHARS } from '../engine/limits';
import type { Result } from '../engine/types';

/** UTF-8 needs at most 3 bytes per UTF-16 code unit, so a larger file is over the text limit for sure. */
const MAX_FILE_BYTES = 3 * MAX_SCENARIO_CHARS;

/** The text of the scenario file at `file`, or why it cannot be read. */
export function readScenarioFile(file: string): Result<string> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    return { ok: false, error: describeReadError(file, err) };
  }
  if (stat.isDirectory()) return { ok: false, error: `${file} is a directory, not a scenario file` };
  if (!stat.isFile()) return { ok: false, error: `${file} is not a regular file, not a scenario file` };
  if (stat.size > MAX_FILE_BYTES)
    return {
      ok: false,
      error: `${file}: ${stat.size.toLocaleString('en-US')} bytes, more than a scenario file may have (${MAX_SCENARIO_CHARS.toLocaleString('en-US')} characters)`,
    };
  try {
    return { ok: true, value: fs.readFileSync(file, 'utf8') };
  } catch (err) {
    return { ok: false, error: describeReadError(file, err) };
  }
}

function describeReadError(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `no scenario file at ${file}`;
  return `${file}: cannot be read (${code ?? firstLine(err)})`;
}

/** The first line of an error's message: what the tools print for an error nobody expected. */
export function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.trim() || 'unknown error';
}
