// Two moments side by side, by default the turn shown and the same turn on another line (a variation or a
// "What if…"): two pickers, a swap, and the differences with their causes (differences.ts). Both sides are
// named after their line ("Main line, turn 5"), and from here the odds of both can be run.
import type { Path } from '../session/tree';
import type { Ui } from './context';
import { button, el, hiddenText, makeDialog, openDialog, setChildren } from './dom';
import { renderDiff } from './differences';
import { counterpart, lineLabel, listChoices } from './lines';

export interface ComparePanel {
  dialog: HTMLDialogElement;
  open(left?: Path, right?: Path | null): void;
}

export function createCompare(ui: Ui, openOdds: (left: Path, right: Path | null) => void): ComparePanel {
  const { session } = ui;
  const dialog = makeDialog('Compare', { class: 'dialog wide compare', 'data-testid': 'compare-panel' });
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
      el('span', { class: 'side-name' }, which === 'left' ? 'Left' : 'Right'),
      select,
    );
  }

  function render(): void {
    const { def, root } = session;
    if (!def || !root) return setChildren(body, el('p', {}, 'No game is loaded.'));
    const result = session.compare(left, right);
    const names = [lineLabel(def, root, left), lineLabel(def, root, right)];
    let content: HTMLElement[];
    if (!result.ok) content = [el('p', { role: 'alert' }, result.error)];
    else {
      const d = result.value.diff;
      const parts = [
        `${d.relations.length} relation value${d.relations.length === 1 ? '' : 's'}`,
        `${d.control.length} region${d.control.length === 1 ? '' : 's'}`,
        `${d.meters.length} meter${d.meters.length === 1 ? '' : 's'}`,
        `${d.scores.length} score${d.scores.length === 1 ? '' : 's'}`,
      ];
      const diff = renderDiff(def, d);
      const turns =
        d.turn[0] === d.turn[1] ? '' : ` (turn ${d.turn[0]} on the left, turn ${d.turn[1]} on the right)`;
      content = [
        el(
          'p',
          { class: 'summary-line', 'data-testid': 'compare-summary' },
          left === right ? 'Both sides are the same turn.' : `${parts.join(', ')} differ${turns}.`,
        ),
        el(
          'p',
          { class: 'legend' },
          'Change = right minus left. Blue ▲ “+”: higher on the right; orange ▼ “−”: lower. “Why?” lists the effects along each line that touched it (those both lines share are folded away).',
        ),
        ...(diff.length ? diff : [el('p', { class: 'muted' }, 'Nothing differs.')]),
      ];
    }
    setChildren(
      body,
      el('h2', { tabindex: -1 }, 'Compare'),
      el(
        'div',
        { class: 'compare-sides' },
        picker('left', left),
        button(
          '⇄ Swap',
          () => {
            [left, right] = [right, left];
            render();
          },
          { 'data-testid': 'compare-swap', 'aria-label': 'Swap left and right' },
        ),
        picker('right', right),
      ),
      hiddenText(`Left: ${names[0]}. Right: ${names[1]}.`),
      content,
    );
  }

  setChildren(
    footer,
    el(
      'div',
      { class: 'buttons' },
      button(
        'Odds for both…',
        () => {
          dialog.close();
          openOdds(left, right);
        },
        { 'data-testid': 'compare-odds' },
      ),
      button('Close', () => dialog.close(), { class: 'primary' }),
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
