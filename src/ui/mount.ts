// Mounts the DOM panels over the map: top bar, orders (left), report/log/relations/scores/history tree
// (right), history bar, the card for a picked region or actor, and the dialogs (compare, odds, a node's
// name…). Panels redraw from the session when the bus says something happened; they never import the map
// scene or the audio.
import './style.css';
import type { Bus } from '../events/bus';
import type { Session } from '../session/session';
import type { Notice } from '../session/opening';
import { readQuarantine } from '../session/autosave';
import { createBanner } from './banner';
import { createCard } from './cards';
import { createCompare } from './compare';
import type { Tab, Ui } from './context';
import { currentPlayer, newView } from './context';
import { button, el, setChildren } from './dom';
import { actorName, describeOrder, describeTurn } from './format';
import { createHistoryBar, step } from './history';
import { mountClassroom } from './classroom';
import { createFacilitator, restartTimer, tickTimer } from './facilitator';
import { createKeysDialog, installKeys } from './keys';
import { createMapTable, mapTableButton } from './mapTable';
import { createNodeActions } from './nodeActions';
import { createOdds } from './odds';
import { createOrdersPanel } from './orders';
import { createPicker } from './picker';
import { renderRelations } from './relations';
import { browserEnv, createReplayFiles, listenForShareLinks } from './replayFiles';
import { renderLog, renderReport } from './report';
import { renderScores } from './scores';
import { createSummary } from './summary';
import { createTopBar } from './topbar';
import { createTree } from './tree';
import { m } from '../i18n';

// A tab's label is read when the tabs are drawn, in the language the page settled on at boot.
const TABS: { id: Tab; label: () => string; render: (ui: Ui, into: HTMLElement) => void }[] = [
  { id: 'report', label: m.mount_tab_report, render: renderReport },
  { id: 'log', label: m.mount_tab_log, render: renderLog },
  { id: 'relations', label: m.mount_tab_relations, render: renderRelations },
  { id: 'scores', label: m.mount_tab_scores, render: renderScores },
];

function readFlag(storage: Storage | null, key: string, fallback: boolean): boolean {
  try {
    const v = storage?.getItem(key);
    return v === null || v === undefined ? fallback : v === '1';
  } catch {
    return fallback;
  }
}

function writeFlag(storage: Storage | null, key: string, value: boolean): void {
  try {
    storage?.setItem(key, value ? '1' : '0');
  } catch {
    // blocked storage: the setting lasts until the page closes
  }
}

/** What main.ts tells the page: messages from the boot and from the autosave. */
export interface PageNotices {
  notify(notice: Notice, id?: string): void;
  clear(id: string): void;
  progress(done: number, total: number): void;
  /** Joins the class the address names, if any (?join=CODE, ?class=CODE): see classroom.ts. */
  joinClass(search: string): Promise<void>;
}

/** A click or key that ends a turn within this long of the last one is the same press (a double-click). */
const END_TURN_SETTLE_MS = 400;

export function mountUi(root: HTMLElement, session: Session, bus: Bus, storage: Storage | null): PageNotices {
  const view = newView();
  view.large = readFlag(storage, 'ui.large', false);
  view.left = readFlag(storage, 'ui.left', true);
  view.right = readFlag(storage, 'ui.right', true);

  const live = el('div', {
    class: 'sr-only',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'announcer',
  });
  const toast = el('div', { class: 'toast', hidden: true, 'aria-hidden': 'true' });
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  const progress = el('div', { class: 'toast progress', hidden: true, 'data-testid': 'rebuild-progress' });
  let lastEndTurn = -Infinity;

  const ui: Ui = {
    session,
    bus,
    storage,
    view,
    announce(text, short) {
      live.textContent = text;
      toast.textContent = short ?? text;
      toast.hidden = false;
      clearTimeout(toastTimer);
      toastTimer = setTimeout(() => (toast.hidden = true), 6000);
    },
    progress(done, total) {
      progress.hidden = total === 0;
      progress.textContent = total ? m.mount_rebuilding({ done, total }) : '';
    },
    refresh,
    refreshOrders() {
      topbar.update();
      orders.update();
      card.update(); // its orders
    },
    endTurn(at = performance.now()) {
      // A double-click, or a press while the last turn is still being drawn, ends one turn, not two.
      // The settling time counts from when the last turn had been resolved to when this press happened (its
      // event's time, not when it is handled): on a slow machine the second click of a double-click waits in the
      // queue while the first turn is resolved and the map drawn, and is handled long after it was made.
      if (at - lastEndTurn < END_TURN_SETTLE_MS) return;
      lastEndTurn = Infinity;
      try {
        const result = session.endTurn();
        if (!result.ok) ui.announce(result.error);
      } finally {
        lastEndTurn = performance.now();
      }
    },
    openBriefing: (mode) => picker.open(mode),
    openSummary: () => summary.open(),
    openKeys: () => keys.open(),
    openFacilitator: () => facilitator.open(),
    setTab(tab) {
      view.tab = tab;
      drawTabs();
    },
    togglePanel(side) {
      view[side] = !view[side];
      writeFlag(storage, `ui.${side}`, view[side]);
      layout();
    },
    toggleLarge() {
      view.large = !view.large;
      writeFlag(storage, 'ui.large', view.large);
      layout();
    },
    nextPlayer() {
      if (session.held.length < 2) return;
      view.player = (view.player + 1) % session.held.length;
      view.revealed = false;
      ui.refreshOrders();
      const now = currentPlayer(ui);
      if (now && session.def) ui.announce(m.mount_orders_for({ actor: actorName(session.def, now) }));
      left.querySelector<HTMLElement>('h3')?.focus();
    },
  };

  const classroom = mountClassroom(ui);
  ui.classroom = classroom;
  const topbar = createTopBar(ui);
  const orders = createOrdersPanel(ui);
  const card = createCard(ui);
  const picker = createPicker(ui);
  const summary = createSummary(ui);
  const keys = createKeysDialog();
  const mapTable = createMapTable(ui);
  const facilitator = createFacilitator(ui);
  // The turn timer ticks once a second while one runs (its clock in the top bar; a notice when it runs out).
  setInterval(() => {
    if (view.timer.endsAt === null) return;
    topbar.tick();
    tickTimer(ui);
  }, 1000);
  const banner = createBanner(session, () => picker.open('new'));
  const odds = createOdds(ui);
  const compare = createCompare(ui, (l, r) => odds.open(l, r));
  const actions = createNodeActions(ui, { compare: (p) => compare.open(p), odds: (p) => odds.open(p) });
  const files = createReplayFiles(ui, (message, title) => showLoadError(message, title));
  const tree = createTree(ui, { actions, files });
  const history = createHistoryBar(ui, () => tree.show());
  const tabs = [
    ...TABS,
    {
      id: 'history' as const,
      label: m.mount_tab_history,
      render: (_: Ui, into: HTMLElement) => tree.render(into),
    },
  ];

  const left = el(
    'aside',
    { id: 'ui-left', class: 'panel left', 'aria-label': m.mount_orders() },
    el('h2', { class: 'sr-only' }, m.mount_orders()),
    el('div', { class: 'panel-body' }, orders.element),
  );
  const tablist = el('div', { class: 'tabs', role: 'tablist', 'aria-label': m.mount_information() });
  const tabpanel = el('div', { class: 'panel-body', role: 'tabpanel', id: 'ui-tabpanel', tabindex: -1 });
  const right = el(
    'aside',
    { id: 'ui-right', class: 'panel right', 'aria-label': m.mount_information() },
    tablist,
    tabpanel,
  );

  tablist.addEventListener('keydown', (e) => {
    const i = tabs.findIndex((t) => t.id === view.tab);
    const move = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!move) return;
    e.preventDefault();
    e.stopPropagation(); // arrows here switch tabs, not turns
    ui.setTab(tabs[(i + move + tabs.length) % tabs.length]!.id);
    tablist.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  });

  let drawn: Tab | null = null; // the tab whose content the panel holds

  function drawTabs(): void {
    // Read before redrawing: a focused node that is removed hands focus to the body.
    const focused = document.activeElement?.closest('[role="tablist"]') === tablist;
    setChildren(
      tablist,
      tabs.map((t) =>
        button(t.label(), () => ui.setTab(t.id), {
          role: 'tab',
          id: `tab-${t.id}`,
          'aria-selected': String(view.tab === t.id),
          'aria-controls': 'ui-tabpanel',
          tabindex: view.tab === t.id ? 0 : -1,
          'data-testid': `tab-${t.id}`,
        }),
      ),
    );
    tabpanel.setAttribute('aria-labelledby', `tab-${view.tab}`);
    // Only the shown tab is in the page. The same tab redraws over itself, so its focus can be kept.
    if (drawn !== view.tab) tabpanel.replaceChildren();
    drawn = view.tab;
    tabs.find((t) => t.id === view.tab)!.render(ui, tabpanel);
    if (focused) tablist.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }

  function layout(): void {
    root.classList.add('ui-root');
    root.classList.toggle('large', view.large);
    root.classList.toggle('no-left', !view.left);
    root.classList.toggle('no-right', !view.right);
    left.hidden = !view.left;
    right.hidden = !view.right;
    topbar.update();
  }

  function refresh(): void {
    layout();
    orders.update();
    history.update();
    card.update();
    mapTable.update();
    drawTabs();
  }

  bus.on('game/loaded', () => {
    odds.reset(); // odds of the previous game never show over this one
    Object.assign(view, { player: 0, why: null, triad: null, triadsShown: 12, covert: {} });
    if (view.layer !== 'net' && !session.def?.layers.some((l) => l.id === view.layer)) view.layer = 'net';
    banner.hide();
    if (summary.dialog.open) summary.dialog.close();
    picker.update();
    refresh();
  });
  /** A failure in the page: in the picker when it is open, else in the banner over the map. */
  function showLoadError(message: string, title?: string): void {
    if (picker.dialog.open) picker.showError(message, title);
    else banner.show(message, title);
  }
  bus.on('load/failed', ({ message }) => showLoadError(message));
  bus.on('turn/resolved', ({ state }) => {
    const fork = tree.track('turn'); // before refresh, so the tree shows the notice
    view.player = 0;
    view.revealed = false;
    if (view.timer.minutes > 0) restartTimer(ui);
    refresh();
    if (session.world)
      ui.announce(
        fork ? `${fork} ${describeTurn(state, session.world)}` : describeTurn(state, session.world),
        fork ? `${fork} ${m.mount_see_history()}` : m.mount_turn_resolved({ turn: state.turn }),
      );
  });
  bus.on('state/shown', () => {
    view.player = 0;
    refresh();
  });
  bus.on('game/over', () => summary.open());
  bus.on('pending/changed', () => ui.refreshOrders());
  bus.on('orders/setAside', ({ count, turn }) => {
    const note =
      count === 1 ? m.mount_set_aside_one({ count, turn }) : m.mount_set_aside_other({ count, turn });
    // After the move has announced where it went, so neither message hides the other.
    queueMicrotask(() => ui.announce(`${live.textContent ?? ''} ${note}`.trim(), note));
  });
  bus.on('history/changed', ({ reason }) => {
    if (reason === 'turn') return history.update(); // turn/resolved has redrawn everything
    tree.track(reason);
    history.update();
    if (view.tab === 'history') drawTabs();
  });
  bus.on('order/accepted', ({ order }) => {
    if (session.world) ui.announce(m.mount_order_given({ order: describeOrder(session.world, order) }));
  });
  bus.on('order/refused', ({ reason }) => ui.announce(m.mount_order_refused({ reason })));
  bus.on('view/region', ({ region }) => card.showRegion(region));
  bus.on('view/actor', ({ actor }) => card.showActor(actor));
  bus.on('view/layer', ({ layer }) => {
    if (layer === view.layer) return;
    view.layer = layer;
    if (view.tab === 'relations') drawTabs();
  });
  bus.on('view/triad', ({ actors }) => {
    if ((actors ?? []).join('|') === (view.triad ?? []).join('|')) return;
    view.triad = actors;
    if (view.tab === 'relations') drawTabs();
  });

  installKeys((action, at) => {
    if (action === 'end-turn') ui.endTurn(at);
    else if (action === 'back' || action === 'forward' || action === 'start' || action === 'end')
      step(ui, action);
    else if (action === 'help') ui.openKeys();
    else if (action === 'next-player') ui.nextPlayer();
    else if (action === 'toggle-left') ui.togglePanel('left');
    else if (action === 'toggle-right') ui.togglePanel('right');
    else if (action === 'briefing') ui.openBriefing('review');
    else if (action === 'close-card') card.close();
    else if (action === 'tree') tree.show();
    else if (action === 'compare') compare.open();
    else if (action === 'odds') odds.open();
    else if (action === 'zoom-in') bus.emit('view/zoom', { by: 'in' });
    else if (action === 'zoom-out') bus.emit('view/zoom', { by: 'out' });
    else if (action === 'zoom-fit') bus.emit('view/zoom', { by: 'fit' });
    else if (action === 'map-table') mapTable.open();
  });
  if (typeof window !== 'undefined') listenForShareLinks(ui, showLoadError);

  root.replaceChildren(
    topbar.element,
    classroom.bar,
    left,
    right,
    card.element,
    zoomControls(
      bus,
      mapTableButton(() => mapTable.open()),
    ),
    el('div', { class: 'bottom' }, toast, progress, history.element),
    banner.element,
    live,
    picker.dialog,
    picker.lesson,
    summary.dialog,
    keys.dialog,
    mapTable.dialog,
    facilitator.dialog,
    classroom.joinDialog,
    compare.dialog,
    odds.dialog,
    actions.dialog,
  );
  refresh();
  picker.open(session.def ? 'review' : 'start');

  const actionFor = (action: Notice['action']) =>
    action === 'export'
      ? [{ label: m.mount_export_replay(), run: () => files.exportReplay(), testid: 'notice-export' }]
      : action === 'kept'
        ? [{ label: m.mount_kept_games(), run: () => picker.open('new'), testid: 'notice-kept' }]
        : action === 'quarantined' && storage
          ? [
              {
                label: m.mount_download_bad_save(),
                run: () => browserEnv().download('unreadable-save.json', readQuarantine(storage) ?? '{}'),
                testid: 'notice-quarantined',
              },
            ]
          : [];
  const deferred: [Notice, string | undefined][] = [];
  picker.dialog.addEventListener('close', () => {
    for (const [n, id] of deferred.splice(0)) banner.show(n.message, n.title, actionFor(n.action), id);
  });
  return {
    notify(notice, id) {
      // The briefing is modal: while it is open, the message goes there (the banner would be behind it);
      // one that offers a button comes to the banner once the briefing closes.
      if (!picker.dialog.open) return banner.show(notice.message, notice.title, actionFor(notice.action), id);
      picker.addNotice(notice.message, notice.title);
      if (notice.action) deferred.push([notice, id]);
      ui.announce(`${notice.title} ${notice.message}`, notice.title);
    },
    clear: (id) => banner.hide(id),
    progress: (done, total) => ui.progress(done, total),
    joinClass: (search) => classroom.atBoot(search),
  };
}

/** Buttons that zoom the map in and out and fit it again (the same as +, − and 0), and `more` below them. */
function zoomControls(bus: Bus, more: HTMLElement): HTMLElement {
  const zoom = (by: 'in' | 'out' | 'fit', text: string, label: string) =>
    button(text, () => bus.emit('view/zoom', { by }), {
      'aria-label': label,
      title: m.mount_zoom_title({ label, key: by === 'in' ? '+' : by === 'out' ? '−' : '0' }),
      'data-testid': `zoom-${by}`,
    });
  return el(
    'section',
    { class: 'zoom', 'aria-label': m.mount_map_view(), 'data-map-obstacle': '' },
    zoom('in', '+', m.mount_zoom_in()),
    zoom('out', '−', m.mount_zoom_out()),
    zoom('fit', '⤢', m.mount_zoom_fit()),
    more,
  );
}
