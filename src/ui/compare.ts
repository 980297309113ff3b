// Two moments side by side, by default the turn shown and the same turn on another line (a variation or a
// "What if…"): two pickers, a swap, and the differences with their causes (differences.ts). Both sides are
// named after their line ("Main line, turn 5"), and from here the odds of both can be run.
import type { Path } from '../session/tree';
import type { Ui } from './context';
import { button, el, hiddenText, makeDialog, openDialog, setChildren } from './dom';
import { renderDiff } from './differences';
import { counterpart, lineLabel, listChoices } from './lines';
import { m } from '../i18n';

export interface ComparePanel {
  dialog: HTMLDialogElement;
  open(left?: Path, right?: Path | null): void;
}

export function createCompare(ui: Ui, openOdds: (left: Path, right: Path | null) => void): ComparePanel {
  const { session } = ui;
  const dialog = makeDialog(m.compare_dialog_title(), {
    class: 'dialog wide compare',
    'data-testid': 'compare-panel',
  });
  const body = el('div', { class: 'dialog-body' });
  const footer = el('div', { class: 'dialog-footer' });
  dialog.append(body, footer);
  let left: Path = '';
  let right: Path = '';

  function picker(which: 'left' | 'right', value: Path): HTMLElement {
    const def = session.def!;
    const select = el(
      'select',
      {
        'data-testid': `compare-${which}`,
        onchange: (e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          if (which === 'left') left = v;
          else right = v;
          render();
          dialog.querySelector<HTMLElement>(`[data-testid="compare-${which}"]`)?.focus();
        },
      },
      listChoices(def, session.root!).map((c) =>
        el('option', { value: c.path, selected: c.path === value }, c.label),
      ),
    );
    select.value = value; // the choice whatever the DOM makes of the selected attribute on a late option
    return el(
      'label',
      { class: `side side-${which}` },
      el('span', { class: 'side-name' }, which === 'left' ? m.compare_left() : m.compare_right()),
      select,
    );
  }

  function render(): void {
    const { def, root } = session;
    if (!def || !root) return setChildren(body, el('p', {}, m.compare_no_game()));
    const result = session.compare(left, right);
    const names = [lineLabel(def, root, left), lineLabel(def, root, right)];
    let content: HTMLElement[];
    if (!result.ok) content = [el('p', { role: 'alert' }, result.error)];
    else {
      const d = result.value.diff;
      type Count = (inputs: { count: number }) => string;
      const count = (n: number, one: Count, other: Count) =>
        n === 1 ? one({ count: n }) : other({ count: n });
      const parts = {
        relations: count(d.relations.length, m.compare_relations_one, m.compare_relations_other),
        regions: count(d.control.length, m.compare_regions_one, m.compare_regions_other),
        meters: count(d.meters.length, m.compare_meters_one, m.compare_meters_other),
        scores: count(d.scores.length, m.compare_scores_one, m.compare_scores_other),
      };
      const diff = renderDiff(def, d);
      content = [
        el(
          'p',
          { class: 'summary-line', 'data-testid': 'compare-summary' },
          left === right
            ? m.compare_same()
            : d.turn[0] === d.turn[1]
              ? m.compare_summary(parts)
              : m.compare_summary_turns({ ...parts, left: d.turn[0], right: d.turn[1] }),
        ),
        el('p', { class: 'legend' }, m.compare_legend()),
        ...(diff.length ? diff : [el('p', { class: 'muted' }, m.compare_nothing())]),
      ];
    }
    setChildren(
      body,
      el('h2', { tabindex: -1 }, m.compare_dialog_title()),
      el(
        'div',
        { class: 'compare-sides' },
        picker('left', left),
        button(
          m.compare_swap(),
          () => {
            [left, right] = [right, left];
            render();
          },
          { 'data-testid': 'compare-swap', 'aria-label': m.compare_swap_label() },
        ),
        picker('right', right),
      ),
      hiddenText(m.compare_sides({ left: names[0]!, right: names[1]! })),
      content,
    );
  }

  setChildren(
    footer,
    el(
      'div',
      { class: 'buttons' },
      button(
        m.compare_odds(),
        () => {
          dialog.close();
          openOdds(left, right);
        },
        { 'data-testid': 'compare-odds' },
      ),
      button(m.compare_close(), () => dialog.close(), { class: 'primary' }),
    ),
  );

  return {
    dialog,
    open(l = session.cursor, r) {
      if (!session.root) return;
      left = l;
      right = r ?? counterpart(session.root, l) ?? l;
      render();
      openDialog(dialog, dialog.querySelector<HTMLElement>('h2'));
    },
  };
}
