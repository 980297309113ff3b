// A class on several devices, in the page: the teacher starts a class from the facilitator's dialog (when the
// page was served by the class server, `npm run class`), gets a code and a join link; each group opens the link
// in its own browser, takes a power, gives its orders and sends them; the teacher's console sees every group's
// orders and resolves the turn. The server resolves it with the engine and sends the game back as a replay,
// which this page rebuilds with the same engine and checks against the server's fingerprint. The connection
// code (colyseus.js) is loaded only when a class is started or joined.
import type * as ClassClient from '../class/client';
import type { ClassLink, Connection } from '../class/client';
import type { ClassStatus, GameMessage, JoinOptions, ServerMessages, Welcome } from '../class/protocol';
import { stateHash } from '../class/protocol';
import type { Order, Result } from '../engine/index';
import { nextTask } from '../session/opening';
import { lineEnd, ROOT } from '../session/tree';
import type { Ui } from './context';
import { button, dialogFooter, el, makeDialog, openDialog, setChildren } from './dom';
import { restartTimer } from './facilitator';
import { describeOrder, describeTurn } from './format';

export type ClassRole = 'teacher' | 'group';

export interface Classroom {
  bar: HTMLElement; // the class's line under the top bar (hidden outside a class)
  joinDialog: HTMLDialogElement;
  readonly role: ClassRole | null;
  /** The facilitator dialog's part: start a class, or the class's code and link. */
  section(redraw: () => void): HTMLElement;
  /** The teacher's page tells the class what it shows (reasons, the timer) and whether orders are locked. */
  shareDisplay(): void;
  /** Joins the class the address names (?join=CODE for a group, ?class=CODE for its teacher), if any. */
  atBoot(search: string): Promise<void>;
}

const teacherKeyName = (code: string) => `class.teacher.${code}`;
const seatKeyName = (code: string) => `class.seat.${code}`;
const CODE = /^[A-Z0-9]{6}$/;

interface Free {
  code: string;
  scenario: string;
  turn: number;
  free: { power: string; name: string }[];
}

export function mountClassroom(ui: Ui): Classroom {
  const { session } = ui;
  const bar = el('section', {
    class: 'class-bar',
    hidden: true,
    'aria-label': 'Class',
    'data-testid': 'class-bar',
  });
  const joinDialog = makeDialog('Join a class', { 'data-testid': 'class-join' });
  let link: ClassLink | null = null;
  let welcome: Welcome | null = null;
  let status: ClassStatus | null = null;
  let connection: Connection | 'gone' = 'connected';
  let goneReason = '';
  let groupOrders: ServerMessages['orders'] = [];
  let sent: Order[] = [];
  let verified: { turn: number; hash: string; same: boolean } | null = null;
  let lastGame: GameMessage | null = null;
  let opening: Promise<void> = Promise.resolve();
  let rebuilding = false; // the class's game is being opened (any other game opened leaves the class)

  const store = (key: string, value: string) => {
    try {
      ui.storage?.setItem(key, value);
    } catch {
      // storage full or blocked: the page keeps its seat until it closes
    }
  };
  const read = (key: string) => {
    try {
      return ui.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };

  const seated = () => new Set(status?.seats.map((s) => s.power) ?? []);

  /** Who gives orders on this page: the group its power; the teacher the powers no group holds, as chosen. */
  function applyHeld(): void {
    if (!welcome || !session.def) return;
    if (welcome.role === 'group') session.setHeld([welcome.power]);
    else session.setHeld(session.held.filter((p) => !seated().has(p)));
  }

  function applyLock(): void {
    if (status) ui.view.locked = status.locked;
  }

  /** A group's page shows what the teacher chose: the computer's reasons or not, and the teacher's timer. */
  let shown = '';
  function applyDisplay(): void {
    if (welcome?.role !== 'group' || !status) return;
    const d = status.display;
    const key = JSON.stringify(d);
    if (key === shown) return;
    shown = key;
    ui.view.showReasons = d.showReasons;
    ui.view.timer = {
      minutes: d.minutes,
      endsAt: d.remainingMs === null ? null : Date.now() + d.remainingMs,
      warned: false,
    };
  }

  function shareDisplay(): void {
    if (welcome?.role !== 'teacher' || !link) return;
    const { showReasons, timer, locked } = ui.view;
    link.display({
      showReasons,
      minutes: timer.minutes,
      remainingMs: timer.endsAt === null ? null : Math.max(0, timer.endsAt - Date.now()),
    });
    if (status && status.locked !== locked) link.lock(locked);
  }

  /** The server's game: rebuilt here (unless this page has it already) and checked against its fingerprint. */
  async function openGame(game: GameMessage): Promise<void> {
    lastGame = game;
    const here = session.state;
    const before = here && session.def?.id === game.replay.scenario.id ? here.turn : null;
    const same = here && here.turn === game.turn && stateHash(here) === game.hash;
    if (!same) {
      rebuilding = true;
      const opened = await session
        .openReplay(game.replay, { pause: nextTask })
        .finally(() => (rebuilding = false));
      if (lastGame !== game) return; // a newer game came meanwhile
      if (!opened.ok) {
        ui.announce(`The class's game cannot be shown: ${opened.error}`);
        return;
      }
    }
    const state = session.state!;
    verified = { turn: game.turn, hash: game.hash, same: stateHash(state) === game.hash };
    if (!verified.same)
      ui.announce(
        `This page's engine rebuilt another state than the class server's for turn ${game.turn}: tell the teacher.`,
      );
    applyHeld();
    applyLock();
    ui.refresh();
    draw();
    // A new turn of the class: said as a turn resolved here would be, the teacher's timer starts again, and
    // the end of the game opens the debrief on every page.
    if (before !== null && game.turn > before && session.world) {
      ui.announce(describeTurn(state, session.world), `Turn ${state.turn} resolved: see the Report tab.`);
      if (welcome?.role === 'teacher' && ui.view.timer.minutes > 0) {
        restartTimer(ui);
        shareDisplay();
      }
      if (state.over) ui.openSummary();
    }
  }

  function onMessage<K extends keyof ServerMessages>(type: K, message: ServerMessages[K]): void {
    if (type === 'welcome') {
      welcome = message as Welcome;
      store(
        welcome.role === 'teacher' ? teacherKeyName(welcome.code) : seatKeyName(welcome.code),
        welcome.key,
      );
      const param = welcome.role === 'teacher' ? 'class' : 'join';
      if (typeof history !== 'undefined')
        history.replaceState(null, '', `${location.pathname}?${param}=${welcome.code}`);
    } else if (type === 'game') {
      opening = opening.then(() => openGame(message as GameMessage));
      return;
    } else if (type === 'status') {
      const before = status;
      status = message as ClassStatus;
      applyLock();
      applyDisplay();
      if (welcome?.role === 'teacher' && before?.seats.length !== status.seats.length) applyHeld();
      ui.refresh();
    } else if (type === 'orders') groupOrders = message as ServerMessages['orders'];
    else if (type === 'sent') sent = (message as ServerMessages['sent']).orders;
    else if (type === 'refused') ui.announce((message as ServerMessages['refused']).message);
    draw();
  }

  const handlers = {
    message: onMessage,
    connection(state: Connection) {
      connection = state;
      if (state === 'reconnecting') ui.announce('The connection to the class was lost: reconnecting…');
      draw();
    },
    gone(message: string) {
      connection = 'gone';
      goneReason = message;
      session.remote = null;
      ui.announce(`This page has left the class: ${message}`);
      draw();
    },
  };

  // Another game opened on this page (a new game, a replay, a file): the page leaves the class, which goes on.
  ui.bus.on('game/loaded', () => {
    if (!link || rebuilding) return;
    link.leave();
    link = null;
    session.remote = null;
    handlers.gone('another game was opened on this page; open the join link again to come back.');
  });

  /** Ends the turn the class's way: a group sends its orders, the teacher has the server resolve the turn. */
  const remote = {
    endTurn(): Result<string> {
      if (!link?.connected || !welcome)
        return { ok: false, error: 'Not connected to the class: wait a moment.' };
      const root = session.root;
      if (!root || session.cursor !== lineEnd(root, ROOT))
        return { ok: false, error: 'Go to the latest turn (End) to give this turn’s orders.' };
      if (welcome.role === 'group') {
        if (status?.locked) return { ok: false, error: 'The teacher has locked the orders for this turn.' };
        link.send(session.pending);
        const n = session.pending.length;
        ui.announce(
          `${n ? `Your ${n} order${n === 1 ? '' : 's'}` : 'No orders'} sent to the teacher: you can change them until the turn is resolved.`,
          'Orders sent',
        );
        return { ok: true, value: 'sent' };
      }
      link.resolve({
        orders: session.pending,
        injections: session.injections,
        paused: session.aiPaused,
        lookahead: session.lookahead,
      });
      ui.announce('The turn goes to the class server to be resolved…', 'Resolving…');
      return { ok: true, value: 'resolving' };
    },
  };

  async function connect(run: (client: typeof ClassClient) => Promise<Result<ClassLink>>) {
    const client = await import('../class/client');
    const joined = await run(client);
    if (!joined.ok) return joined;
    link?.leave();
    link = joined.value;
    session.remote = remote;
    connection = 'connected';
    draw();
    return joined;
  }

  const address = async () => (await import('../class/client')).serverAddress(location);

  async function startClass(): Promise<Result<ClassLink>> {
    const def = session.def;
    const node = session.node;
    if (!def || !node) return { ok: false, error: 'No game is loaded.' };
    const where = await address();
    return connect((c) =>
      c.ClassLink.create(where, { scenario: def.id, branch: node.branch, seed: session.seed }, handlers),
    );
  }

  async function joinAs(code: string, options: JoinOptions) {
    const where = await address();
    return connect((c) => c.ClassLink.join(where, code, options, handlers));
  }

  /** The class's free powers, from the server (before joining). */
  async function freePowers(code: string): Promise<Result<Free>> {
    try {
      const response = await fetch(new URL(`class/rooms/${code}`, location.href), { cache: 'no-store' });
      const body = (await response.json()) as Free & { error?: string };
      return response.ok
        ? { ok: true, value: body }
        : { ok: false, error: body.error ?? `HTTP ${response.status}` };
    } catch (err) {
      return { ok: false, error: `the class server does not answer (${(err as Error).message})` };
    }
  }

  async function showJoin(code: string, note = ''): Promise<void> {
    const free = await freePowers(code);
    const message = el('p', { class: 'reason', role: 'status', 'data-testid': 'class-join-status' }, note);
    const choices = free.ok
      ? free.value.free.map((p) =>
          button(
            p.name,
            async () => {
              message.textContent = `Joining as ${p.name}…`;
              const joined = await joinAs(code, { power: p.power });
              if (joined.ok) joinDialog.close();
              else void showJoin(code, `${p.name} could not be taken: ${joined.error}`);
            },
            { class: 'primary', 'data-testid': 'class-join-power', 'data-actor': p.power },
          ),
        )
      : [];
    setChildren(
      joinDialog,
      el(
        'div',
        { class: 'dialog-body' },
        el('h2', { tabindex: -1 }, `Join class ${code}`),
        free.ok
          ? el(
              'p',
              {},
              `Scenario ${free.value.scenario}, turn ${free.value.turn}. Choose the power your group plays: the others' orders stay hidden until the teacher resolves the turn.`,
            )
          : el('p', { class: 'reason' }, `This class cannot be joined: ${free.error}.`),
        free.ok && !choices.length ? el('p', {}, 'Every power of this class is taken.') : null,
        el('div', { class: 'buttons class-powers' }, choices),
        message,
      ),
      dialogFooter(
        button('Check again', () => void showJoin(code), { 'data-testid': 'class-join-refresh' }),
        button('Play alone instead', () => joinDialog.close(), { 'data-testid': 'class-join-cancel' }),
      ),
    );
    openDialog(joinDialog, joinDialog.querySelector<HTMLElement>('h2'));
  }

  function seatLine(s: ClassStatus['seats'][number]): HTMLElement {
    const orders = groupOrders.find((g) => g.power === s.power)?.orders ?? [];
    const world = session.world;
    return el(
      'li',
      { 'data-testid': 'class-seat', 'data-actor': s.power, 'data-sent': String(s.sent) },
      el('strong', {}, s.name),
      ` — ${s.connected ? 'connected' : 'not connected'}, ${s.sent ? `orders sent${welcome?.role === 'teacher' ? ` (${orders.length})` : ''}` : 'no orders yet'}`,
      welcome?.role === 'teacher' && orders.length && world
        ? el(
            'ul',
            { class: 'class-orders' },
            orders.map((o) => el('li', { 'data-testid': 'class-seat-order' }, describeOrder(world, o))),
          )
        : null,
    );
  }

  function draw(): void {
    bar.hidden = !welcome;
    if (!welcome) return;
    const code = welcome.code;
    const state =
      connection === 'gone'
        ? `Left the class: ${goneReason}`
        : connection === 'reconnecting'
          ? 'Connection lost: reconnecting…'
          : 'Connected';
    const check = verified
      ? verified.same
        ? `Turn ${verified.turn}: the same state as the server's (${verified.hash})`
        : `Turn ${verified.turn}: this page's state differs from the server's!`
      : '';
    // The scenario in the link lets a group's page open the class's scenario as it loads, not once it joins.
    const joinUrl = `${location.origin}${location.pathname}?scenario=${encodeURIComponent(status?.scenario ?? '')}&join=${code}`;
    const teacher = welcome.role === 'teacher';
    const seats = status?.seats ?? [];
    const sentCount = seats.filter((s) => s.sent).length;
    const mine = welcome.role === 'group' ? welcome.power : '';
    setChildren(
      bar,
      el(
        'div',
        { class: 'class-head' },
        el('strong', {}, 'Class '),
        el('strong', { class: 'class-code', 'data-testid': 'class-code' }, code),
        ' · ',
        teacher
          ? 'Teacher’s console'
          : el(
              'span',
              { 'data-testid': 'class-power' },
              `Your group plays ${seats.find((s) => s.power === mine)?.name ?? mine}`,
            ),
        ' · ',
        el('span', { 'data-testid': 'class-connection', 'data-state': connection }, state),
        check ? el('span', { class: 'muted', 'data-testid': 'class-verified' }, ` · ${check}`) : null,
      ),
      teacher
        ? el(
            'div',
            { class: 'class-teacher' },
            el(
              'label',
              {},
              'Join link for the groups: ',
              el('input', {
                type: 'text',
                readonly: true,
                value: joinUrl,
                size: 40,
                'data-testid': 'class-link',
              }),
            ),
            ` ${sentCount} of ${seats.length} group${seats.length === 1 ? '' : 's'} sent orders`,
            status?.free.length ? ` · not taken: ${status.free.map((f) => f.name).join(', ')}` : '',
            ' ',
            button(
              status?.locked ? 'Unlock the orders' : 'Lock the orders',
              () => link?.lock(!status?.locked),
              {
                'aria-pressed': String(!!status?.locked),
                'data-testid': 'class-lock',
              },
            ),
            el('ul', { class: 'class-seats' }, seats.map(seatLine)),
          )
        : el(
            'div',
            { class: 'class-group' },
            el(
              'span',
              { 'data-testid': 'class-sent' },
              sent.length
                ? `Sent: ${sent.length} order${sent.length === 1 ? '' : 's'} (change them and send again until the turn resolves)`
                : 'No orders sent yet this turn: give them, then Send orders.',
            ),
            status?.locked ? el('span', { class: 'notice' }, ' The teacher has locked the orders.') : null,
            ` · ${sentCount} of ${seats.length} groups have sent orders`,
            el('ul', { class: 'class-seats' }, seats.map(seatLine)),
          ),
    );
  }

  return {
    bar,
    joinDialog,
    get role() {
      return session.remote && welcome ? welcome.role : null;
    },
    shareDisplay,
    section(redraw) {
      const body = el('div', {}, el('p', { class: 'muted' }, 'Checking for a class server…'));
      const render = async () => {
        if (welcome && session.remote) {
          setChildren(
            body,
            el(
              'p',
              {},
              `Class ${welcome.code} is running: its line under the top bar shows the groups and the join link.`,
            ),
          );
          return;
        }
        const served =
          typeof location !== 'undefined' &&
          (await import('../class/client').then(
            (c) => c.isClassServer(location.href),
            () => false,
          ));
        if (!served) {
          setChildren(
            body,
            el(
              'p',
              { class: 'muted' },
              'To play with groups at their own computers, start the class server on the teacher’s computer (npm run class) and open the address it prints; then start the class here.',
            ),
          );
          return;
        }
        const note = el('p', { class: 'reason', role: 'status', 'data-testid': 'class-start-status' });
        setChildren(
          body,
          el(
            'p',
            {},
            'Start a class of this scenario and branch, from its first turn, with this seed. Each group joins with the link from its own browser and plays one power; you see every group’s orders and resolve the turns.',
          ),
          button(
            'Start a class',
            async () => {
              note.textContent = 'Starting…';
              const started = await startClass();
              note.textContent = started.ok ? '' : `The class could not start: ${started.error}`;
              if (started.ok) redraw();
            },
            { class: 'primary', 'data-testid': 'class-start' },
          ),
          note,
        );
      };
      void render();
      return el(
        'section',
        { 'data-testid': 'class-section' },
        el('h3', {}, 'A class on several devices'),
        body,
      );
    },
    async atBoot(search) {
      const params = new URLSearchParams(search);
      const group = params.get('join');
      const teacher = params.get('class');
      const code = (group ?? teacher ?? '').toUpperCase();
      if (!code) return;
      if (!CODE.test(code)) return ui.announce(`"${code}" is not a class code (six letters and digits).`);
      if (teacher !== null) {
        const key = read(teacherKeyName(code));
        if (!key)
          return ui.announce(
            `This browser is not the teacher of class ${code}: open the join link to play in it.`,
          );
        const joined = await joinAs(code, { teacher: key });
        if (!joined.ok) ui.announce(`Class ${code} cannot be opened: ${joined.error}`);
        return;
      }
      const seat = read(seatKeyName(code));
      if (seat) {
        const joined = await joinAs(code, { seat });
        if (joined.ok) return;
        return showJoin(code, `Your group's seat could not be taken back: ${joined.error}`);
      }
      return showJoin(code);
    },
  };
}
