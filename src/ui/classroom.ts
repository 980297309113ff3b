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
import { fill, restartTimer } from './facilitator';
import { describeOrder, describeTurn } from './format';
import { m } from '../i18n';

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

/** The class link's failure in words: the server's reason, or "no answer" when it gave none. */
const reasonOf = (error: string): string => error || m.classroom_no_answer();

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
    'aria-label': m.classroom_bar(),
    'data-testid': 'class-bar',
  });
  const joinDialog = makeDialog(m.classroom_join_dialog(), { 'data-testid': 'class-join' });
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
        ui.announce(m.classroom_game_not_shown({ error: opened.error }));
        return;
      }
    }
    const state = session.state!;
    verified = { turn: game.turn, hash: game.hash, same: stateHash(state) === game.hash };
    if (!verified.same) ui.announce(m.classroom_state_differs_said({ turn: game.turn }));
    applyHeld();
    applyLock();
    ui.refresh();
    draw();
    // A new turn of the class: said as a turn resolved here would be, the teacher's timer starts again, and
    // the end of the game opens the debrief on every page.
    if (before !== null && game.turn > before && session.world) {
      ui.announce(describeTurn(state, session.world), m.classroom_turn_resolved({ turn: state.turn }));
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
      if (state === 'reconnecting') ui.announce(m.classroom_reconnecting_said());
      draw();
    },
    gone(message: string | null) {
      connection = 'gone';
      goneReason = message === null ? m.classroom_lost_before_setup() : reasonOf(message);
      session.remote = null;
      ui.announce(m.classroom_left_said({ reason: goneReason }));
      draw();
    },
  };

  // Another game opened on this page (a new game, a replay, a file): the page leaves the class, which goes on.
  ui.bus.on('game/loaded', () => {
    if (!link || rebuilding) return;
    link.leave();
    link = null;
    session.remote = null;
    handlers.gone(m.classroom_other_game());
  });

  /** Ends the turn the class's way: a group sends its orders, the teacher has the server resolve the turn. */
  const remote = {
    endTurn(): Result<string> {
      if (!link?.connected || !welcome) return { ok: false, error: m.classroom_not_connected() };
      const root = session.root;
      if (!root || session.cursor !== lineEnd(root, ROOT))
        return { ok: false, error: m.classroom_go_to_latest() };
      if (welcome.role === 'group') {
        if (status?.locked) return { ok: false, error: m.classroom_locked_error() };
        link.send(session.pending);
        const n = session.pending.length;
        ui.announce(
          n === 0
            ? m.classroom_sent_said_none()
            : n === 1
              ? m.classroom_sent_said_one({ count: n })
              : m.classroom_sent_said_other({ count: n }),
          m.classroom_orders_sent(),
        );
        return { ok: true, value: 'sent' };
      }
      link.resolve({
        orders: session.pending,
        injections: session.injections,
        paused: session.aiPaused,
        lookahead: session.lookahead,
      });
      ui.announce(m.classroom_resolving_said(), m.classroom_resolving());
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
    if (!def || !node) return { ok: false, error: m.classroom_no_game() };
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
      return { ok: false, error: m.classroom_no_server({ error: (err as Error).message }) };
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
              message.textContent = m.classroom_joining({ power: p.name });
              const joined = await joinAs(code, { power: p.power });
              if (joined.ok) joinDialog.close();
              else
                void showJoin(
                  code,
                  m.classroom_power_not_taken({ power: p.name, error: reasonOf(joined.error) }),
                );
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
        el('h2', { tabindex: -1 }, m.classroom_join_heading({ code })),
        free.ok
          ? el('p', {}, m.classroom_join_choose({ scenario: free.value.scenario, turn: free.value.turn }))
          : el('p', { class: 'reason' }, m.classroom_join_refused({ error: free.error })),
        free.ok && !choices.length ? el('p', {}, m.classroom_all_taken()) : null,
        el('div', { class: 'buttons class-powers' }, choices),
        message,
      ),
      dialogFooter(
        button(m.classroom_check_again(), () => void showJoin(code), { 'data-testid': 'class-join-refresh' }),
        button(m.classroom_play_alone(), () => joinDialog.close(), { 'data-testid': 'class-join-cancel' }),
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
      ` ${m.classroom_seat({
        connection: s.connected ? m.classroom_seat_connected() : m.classroom_seat_not_connected(),
        orders: !s.sent
          ? m.classroom_seat_no_orders()
          : welcome?.role === 'teacher'
            ? m.classroom_seat_sent_count({ count: orders.length })
            : m.classroom_seat_sent(),
      })}`,
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
        ? m.classroom_left({ reason: goneReason })
        : connection === 'reconnecting'
          ? m.classroom_reconnecting()
          : m.classroom_connected();
    const check = verified
      ? verified.same
        ? m.classroom_verified_same({ turn: verified.turn, hash: verified.hash })
        : m.classroom_verified_differs({ turn: verified.turn })
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
        el(
          'strong',
          {},
          fill(m.classroom_head, {
            code: el('strong', { class: 'class-code', 'data-testid': 'class-code' }, code),
          }),
        ),
        ' · ',
        teacher
          ? m.classroom_teacher_console()
          : el(
              'span',
              { 'data-testid': 'class-power' },
              m.classroom_group_plays({ power: seats.find((s) => s.power === mine)?.name ?? mine }),
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
              `${m.classroom_join_link()} `,
              el('input', {
                type: 'text',
                readonly: true,
                value: joinUrl,
                size: 40,
                'data-testid': 'class-link',
              }),
            ),
            ` ${(seats.length === 1 ? m.classroom_groups_sent_one : m.classroom_groups_sent_other)({
              sent: sentCount,
              groups: seats.length,
            })}`,
            status?.free.length
              ? ` · ${m.classroom_not_taken({ powers: status.free.map((f) => f.name).join(m.classroom_list_separator()) })}`
              : '',
            ' ',
            button(
              status?.locked ? m.classroom_unlock() : m.classroom_lock(),
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
              sent.length === 0
                ? m.classroom_sent_none()
                : sent.length === 1
                  ? m.classroom_sent_one({ count: sent.length })
                  : m.classroom_sent_other({ count: sent.length }),
            ),
            status?.locked ? el('span', { class: 'notice' }, ` ${m.classroom_locked()}`) : null,
            ` · ${m.classroom_groups_have_sent({ sent: sentCount, groups: seats.length })}`,
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
      const body = el('div', {}, el('p', { class: 'muted' }, m.classroom_checking()));
      const render = async () => {
        if (welcome && session.remote) {
          setChildren(body, el('p', {}, m.classroom_running({ code: welcome.code })));
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
            el('p', { class: 'muted' }, m.classroom_no_class_server({ command: 'npm run class' })),
          );
          return;
        }
        const note = el('p', { class: 'reason', role: 'status', 'data-testid': 'class-start-status' });
        setChildren(
          body,
          el('p', {}, m.classroom_start_note()),
          button(
            m.classroom_start(),
            async () => {
              note.textContent = m.classroom_starting();
              const started = await startClass();
              note.textContent = started.ok
                ? ''
                : m.classroom_start_failed({ error: reasonOf(started.error) });
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
        el('h3', {}, m.classroom_section_title()),
        body,
      );
    },
    async atBoot(search) {
      const params = new URLSearchParams(search);
      const group = params.get('join');
      const teacher = params.get('class');
      const code = (group ?? teacher ?? '').toUpperCase();
      if (!code) return;
      if (!CODE.test(code)) return ui.announce(m.classroom_bad_code({ code }));
      if (teacher !== null) {
        const key = read(teacherKeyName(code));
        if (!key) return ui.announce(m.classroom_not_teacher({ code }));
        const joined = await joinAs(code, { teacher: key });
        if (!joined.ok) ui.announce(m.classroom_not_opened({ code, error: reasonOf(joined.error) }));
        return;
      }
      const seat = read(seatKeyName(code));
      if (seat) {
        const joined = await joinAs(code, { seat });
        if (joined.ok) return;
        return showJoin(code, m.classroom_seat_lost({ error: reasonOf(joined.error) }));
      }
      return showJoin(code);
    },
  };
}
