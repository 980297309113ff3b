// `npm run class`: the class server. It serves the built page (dist/) and runs the classes over WebSockets
// (Colyseus): the teacher opens the address it prints and starts a class; each group joins from its own browser
// with the code. Every class is saved in the data folder after each change and reopened when the server starts.
//
//   tsx src/class/server.ts [--port 2567] [--host 0.0.0.0] [--data .class-data] [--dist dist]
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import sirv from 'sirv';
import { ROOM } from './protocol';
import type { ClassGame } from './game';
import { classRoom } from './room';
import { ClassStore, shippedCatalog } from './store';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  if (at >= 0 && (value === undefined || value.startsWith('--'))) fail(`--${name} needs a value`);
  return value ?? fallback;
}

function fail(message: string): never {
  process.stderr.write(`class: ${message}\n`);
  process.exit(2);
}

async function main() {
  const port = Number(option('port', '2567'));
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail('--port must be a port number (0: any free one)');
  const host = option('host', '0.0.0.0');
  const dist = path.resolve(option('dist', path.join(repo, 'dist')));
  const data = path.resolve(option('data', path.join(repo, '.class-data')));
  if (!fs.existsSync(path.join(dist, 'index.html')))
    fail(`no built page in ${dist}: build it first (npm run build), or use npm run class, which does`);

  const store = new ClassStore(data);
  const deps = {
    catalog: shippedCatalog(path.join(repo, 'scenarios')),
    store,
    restores: new Map<string, unknown>(),
    games: new Map<string, ClassGame>(),
  };
  const files = sirv(dist, { etag: true });
  const server = http.createServer((req, res) => {
    const json = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/class/info') return json(200, { server: 'iraq-syria-sim/class' });
    const asked = /^\/class\/rooms\/([A-Za-z0-9]{1,12})$/.exec(req.url ?? '');
    if (asked) {
      const code = asked[1]!.toUpperCase();
      const game = deps.games.get(code);
      if (!game) return json(404, { error: `there is no class with the code ${code} on this server` });
      const state = game.session.state!;
      return json(200, { code, scenario: game.session.def!.title, turn: state.turn, free: game.free() });
    }
    files(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    });
  });
  const classes = new Server({ transport: new WebSocketTransport({ server }), greet: false });
  classes.define(ROOM, classRoom(deps));
  await classes.listen(port, host);

  let reopened = 0;
  for (const saved of store.list()) {
    if (!saved.json) {
      process.stderr.write(`class: ${saved.code}.json cannot be read (${saved.error}); left as it is\n`);
      continue;
    }
    deps.restores.set(saved.code, saved.json);
    try {
      await matchMaker.createRoom(ROOM, { restore: saved.code });
      reopened++;
    } catch (err) {
      process.stderr.write(`class: ${saved.code}.json cannot be reopened: ${(err as Error).message}\n`);
    }
  }
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' ? 'localhost' : host;
  process.stdout.write(
    `Class server listening on http://${shown}:${actual}/ (classes saved in ${data}; ${reopened} reopened)\n` +
      'The teacher opens that address, then Class → Start a class; the groups open the join link it shows.\n',
  );
}

main().catch((err: unknown) => fail((err as Error).message));
