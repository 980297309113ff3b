// Starts the class server as `npm run class` runs it (tsx src/class/server.ts), as a real process serving the
// page the global setup built, and stops it (gently, or killed outright to show a class survives that).
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './worlds';

export interface ClassServer {
  url: string; // "http://127.0.0.1:41234/"
  port: number;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function startClassServer(data: string, port = 0, timeout = 60_000): Promise<ClassServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/class/server.ts',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data',
      data,
      '--dist',
      path.join(ROOT, 'dist'),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the class server did not start in ${timeout} ms:\n${out}`));
    }, timeout);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/[^\s/]+:(\d+)\/)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout?.off('data', read);
      resolve({
        url: m[1]!,
        port: Number(m[2]),
        output: () => out,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the class server exited (${code}) before it listened:\n${out}`));
    });
  });
}
