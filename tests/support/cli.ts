// Runs the command-line tools as npm does (the CLI from its bundle, scripts/sim.mjs; the others through tsx),
// with a timeout so a tool that hangs fails its test instead of the run; returns exit code (null if killed), stdout and stderr.
import { spawnSync } from 'node:child_process';
import { ROOT } from './worlds';

const TIMEOUT_MS = 30_000;

function runTool(script: string, args: readonly string[]) {
  const runner = script.endsWith('.mjs') ? [script] : ['--import', 'tsx', script];
  const r = spawnSync(process.execPath, [...runner, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `npm run sim -- …` */
export const sim = (...args: string[]) => runTool('scripts/sim.mjs', args);

/** `npm run validate -- …` */
export const validate = (...args: string[]) => runTool('scripts/validate.ts', args);
