// Odds: N AI playouts from a node to the end of the game (and, to compare, from a second node or a "What if…"
// start), run off the page's thread by the session (a Web Worker in the page), with a progress bar and Cancel.
// The two distributions are drawn on shared axes by oddsResult.ts; a cancelled run ends quietly.
import type { PlayoutSummary } from '../engine/playout';
import type { Path } from '../session/tree';
import type { Ui } from './context';
import { button, el, makeDialog, openDialog, setChildren } from './dom';
import { branchTitle, lineLabel, listChoices, otherLine } from './lines';
import { renderOddsResult } from './oddsResult';
import { m } from '../i18n';

export interface OddsPanel {
  dialog: HTMLDialogElement;
  open(left?: Path, right?: Path | null): void;
  reset(): void; // a new game: runs stop, results go, the dialog closes
}

export const ODDS_DEFAULT = 100;
export const ODDS_MIN = 10;
export const ODDS_MAX = 1000;

const NONE = '-';
const NEW_BRANCH = 'new-branch:'; // a "What if…" line not in the tree yet: started when the odds run

/** The count typed in the field, clamped to the allowed range (null if not a number). */
export function readCount(text: string): number | null {
  const n = Math.round(Number(text));
  return text.trim() && Number.isFinite(n) ? Math.min(ODDS_MAX, Math.max(ODDS_MIN, n)) : null;
}

export function createOdds(ui: Ui): OddsPanel {
  const { session } = ui;
  const dialog = makeDialog(m.odds_dialog_title(), {
    class: 'dialog wide odds',
    'data-testid': 'odds-panel',
  });
  const body = el('div', { class: 'dialog-body' });
  const status = el('div', { class: 'odds-status', role: 'status', 'aria-live': 'polite' });
  const result = el('div', { class: 'odds-result-wrap' });
  const footer = el('div', { class: 'dialog-footer' });
  dialog.append(body, footer);
  let left: Path = '';
  let right: string = NONE;
  let count = ODDS_DEFAULT;
  let running: { cancel(): void }[] = [];
  let token = 0;

  const cancelAll = () => {
    token++;
    for (const r of running) r.cancel();
    running = [];
  };
  dialog.addEventListener('close', () => {
    cancelAll();
    ui.bus.emit('view/odds', { open: false });
  });
  dialog.addEventListener('ui-open', () => ui.bus.emit('view/odds', { open: true }));

  function choices(which: 'left' | 'right'): HTMLElement[] {
    const { def, root } = session;
    if (!def || !root) return [];
    const value = which === 'left' ? left : right;
    const opts = listChoices(def, root).map((c) =>
      el('option', { value: c.path, selected: c.path === value }, c.label),
    );
    if (which === 'left') return opts;
    const started = new Set(root.children.filter((c) => c.turn === 0).map((c) => c.branch));
    const fresh = [...(root.branch !== null ? [null] : []), ...(def.branches ?? []).map((b) => b.id)].filter(
      (b) => b !== root.branch && !started.has(b),
    );
    return [
      el('option', { value: NONE, selected: right === NONE }, m.odds_nothing()),
      ...opts,
      ...fresh.map((b) => {
        const value = `${NEW_BRANCH}${b ?? ''}`;
        return el(
          'option',
          { value, selected: right === value },
          m.odds_new_line({ branch: branchTitle(def, b) }),
        );
      }),
    ];
  }

  const select = (which: 'left' | 'right', label: string) =>
    el(
      'label',
      { class: `side side-${which}` },
      el('span', { class: 'side-name' }, label),
      el(
        'select',
        {
          'data-testid': `odds-${which}`,
          onchange: (e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            if (which === 'left') left = v;
            else right = v;
          },
        },
        choices(which),
      ),
    );

  /** The node path for the second run, starting a "What if…" line if it is not in the tree yet. */
  function secondPath(): Path | null {
    if (right === NONE) return null;
    if (!right.startsWith(NEW_BRANCH)) return right;
    const branch = right.slice(NEW_BRANCH.length) || null;
    const shown = session.cursor;
    const made = session.forkBranch(branch);
    session.goTo(shown);
    return made.ok ? made.value : null;
  }

  function run(): void {
    const { def, root } = session;
    const field = dialog.querySelector<HTMLInputElement>('[data-testid="odds-count"]');
    const n = readCount(field?.value ?? String(count));
    if (!def || !root) return;
    if (n === null)
      return setChildren(
        status,
        el('p', { role: 'alert' }, m.odds_count_error({ min: ODDS_MIN, max: ODDS_MAX })),
      );
    count = n;
    if (field) field.value = String(n);
    cancelAll();
    setChildren(result); // the last result goes: what follows is for the new choice
    const mine = token;
    const second = secondPath();
    right = second ?? NONE;
    const paths = second === null ? [left] : [left, second];
    const names = paths.map((p) => lineLabel(def, root, p));
    const done = paths.map(() => 0);
    const total = n * paths.length;
    const bar = el('progress', { max: total, value: 0, 'data-testid': 'odds-progress' });
    const words = el('span', {}, m.odds_runs({ done: 0, total }));
    const promises: Promise<PlayoutSummary>[] = [];
    for (const [i, path] of paths.entries()) {
      const started = session.runOdds(
        path,
        n,
        (d) => {
          if (mine !== token) return;
          done[i] = d;
          const sum = done.reduce((a, b) => a + b, 0);
          bar.value = sum;
          words.textContent = m.odds_runs({ done: sum, total });
        },
        session.seed,
      );
      if (!started.ok) {
        cancelAll();
        render();
        return setChildren(
          status,
          el(
            'p',
            { role: 'alert', 'data-testid': 'odds-error' },
            m.odds_error({ name: names[i]!, error: started.error }),
          ),
        );
      }
      running.push(started.value);
      promises.push(started.value.promise);
    }
    render();
    setChildren(
      status,
      el(
        'div',
        { class: 'progress-line' },
        bar,
        words,
        button(
          m.odds_cancel(),
          () => {
            cancelAll();
            render();
            setChildren(status, el('p', { 'data-testid': 'odds-cancelled' }, m.odds_cancelled()));
            dialog.querySelector<HTMLElement>('[data-testid="odds-run"]')?.focus();
          },
          { 'data-testid': 'odds-cancel' },
        ),
      ),
    );
    dialog.querySelector<HTMLElement>('[data-testid="odds-cancel"]')?.focus();
    Promise.all(promises).then(
      (summaries) => {
        if (mine !== token) return;
        running = [];
        render();
        setChildren(
          status,
          el('p', {}, paths.length > 1 ? m.odds_done_both({ count: n }) : m.odds_done({ count: n })),
        );
        setChildren(result, renderOddsResult(def, summaries, names));
        dialog.querySelector<HTMLElement>('[data-testid="odds-run"]')?.focus();
      },
      (err: Error) => {
        if (mine !== token || err.message === 'cancelled') return;
        cancelAll();
        render();
        setChildren(
          status,
          el('p', { role: 'alert', 'data-testid': 'odds-error' }, m.odds_failed({ error: err.message })),
        );
      },
    );
  }

  function render(): void {
    const busy = running.length > 0;
    setChildren(
      body,
      el('h2', { tabindex: -1 }, m.odds_dialog_title()),
      el('p', { class: 'legend' }, m.odds_legend()),
      el(
        'div',
        { class: 'compare-sides' },
        select('left', m.odds_first()),
        select('right', m.odds_second()),
        el(
          'label',
          { class: 'count' },
          `${m.odds_count_label()} `,
          el('input', {
            type: 'number',
            min: ODDS_MIN,
            max: ODDS_MAX,
            step: 10,
            value: count,
            'data-testid': 'odds-count',
            onkeydown: (e: Event) => {
              if ((e as KeyboardEvent).key === 'Enter' && !running.length) run();
            },
          }),
        ),
        button(m.odds_run(), run, { class: 'primary', 'data-testid': 'odds-run', disabled: busy }),
      ),
      status,
      result,
    );
  }

  setChildren(
    footer,
    el(
      'div',
      { class: 'buttons' },
      button(m.odds_close(), () => dialog.close(), { 'data-testid': 'odds-close' }),
    ),
  );

  return {
    dialog,
    reset() {
      cancelAll();
      setChildren(status);
      setChildren(result);
      if (dialog.open) dialog.close();
    },
    open(l = session.cursor, r) {
      const root = session.root;
      if (!root) return;
      if (!dialog.open) {
        left = l;
        // By default the same turn on another line; a "What if…" not yet played is only started when picked.
        const other = r === undefined ? otherLine(root, l) : r;
        right = other !== null && other !== l ? other : NONE;
        setChildren(status);
        setChildren(result);
      }
      render();
      openDialog(dialog, dialog.querySelector<HTMLElement>('h2'));
    },
  };
}
