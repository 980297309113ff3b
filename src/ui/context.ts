// What every panel receives: the session it drives, the bus it listens to, and the panels' shared view state
// (which player is giving orders, which tab and layer are shown). View state is the UI's own, never the game's.
import type { Bus } from '../events/bus';
import type { Session } from '../session/session';
import type { Classroom } from './classroom';
import type { Scope } from './format';

export type Tab = 'report' | 'log' | 'relations' | 'scores' | 'history';

export interface View {
  player: number; // index into session.held of the actor giving orders now (hot seat): 0
  tab: Tab;
  layer: string; // relations layer id or "net"
  scope: Scope; // relations matrix: "main" (players and states) or "all"
  why: { a: string; b: string } | null; // the pair whose history is open
  triad: string[] | null; // the contradiction highlighted on the map
  allLines: boolean; // the map draws every strong tie, not only the selected actor's or triad's
  triadsShown: number; // how many contradictions the list shows before "Show more"
  covert: Record<string, boolean>; // order id -> show its covert variant
  large: boolean; // large text
  left: boolean; // orders panel open
  right: boolean; // info panel open
  allEffects: boolean; // the report's "All effects" unfolded
  // The facilitator's controls (facilitator.ts):
  showReasons: boolean; // the computer's reasons shown in the report
  handOver: boolean; // hot seat: a hand-over screen before each player's orders
  revealed: boolean; // the current player has taken over the screen (hand-over on)
  locked: boolean; // the players' orders are locked: none given or cancelled until unlocked
  timer: { minutes: number; endsAt: number | null; warned: boolean }; // a turn timer (0 minutes: off)
}

export interface Ui {
  session: Session;
  bus: Bus;
  storage: Storage | null;
  view: View;
  classroom?: Classroom; // a class on several devices (classroom.ts), set once the page is mounted
  /** Says something to screen readers (the aria-live region) and shows it, or `short`, for a moment. */
  announce(text: string, short?: string): void;
  progress(done: number, total: number): void; // a long rebuild (a replay, a link); 0 of 0 ends it
  /** Redraws every panel from the session. */
  refresh(): void;
  /** Redraws the orders panel and the top bar only (pending orders changed). */
  refreshOrders(): void;
  /** Ends the turn; `at` is when the press happened (its event's timeStamp), now if not given. */
  endTurn(at?: number): void;
  openBriefing(mode: 'start' | 'new' | 'review'): void;
  openSummary(): void;
  openKeys(): void;
  openFacilitator(): void;
  setTab(tab: Tab): void;
  togglePanel(side: 'left' | 'right'): void;
  toggleLarge(): void;
  nextPlayer(): void;
}

export const newView = (): View => ({
  player: 0,
  tab: 'report',
  layer: 'net',
  scope: 'main',
  why: null,
  triad: null,
  allLines: false,
  triadsShown: 12,
  covert: {},
  large: false,
  left: true,
  right: true,
  allEffects: false,
  showReasons: true,
  handOver: false,
  revealed: false,
  locked: false,
  timer: { minutes: 0, endsAt: null, warned: false },
});

/** The actor whose orders are being given now, or null when nobody is held. */
export function currentPlayer(ui: Ui): string | null {
  const { held } = ui.session;
  if (!held.length) return null;
  return held[((ui.view.player % held.length) + held.length) % held.length] ?? null;
}
