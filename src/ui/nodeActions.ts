// What can be done to the node shown: name it, comment on it, make its line the main line, delete it (and
// what follows it, after a confirmation), compare it with another node, see its odds. Names and comments are
// people's text: set as text and values, never as markup.
import type { Path, TreeNode } from '../session/tree';
import { countNodes, nodeAt } from '../session/tree';
import type { Ui } from './context';
import { button, el, makeDialog, openDialog, setChildren } from './dom';
import { isMainLine, lineLabel, lineName, nodeWhen } from './lines';

export interface NodeActions {
  render(path: Path): HTMLElement;
  dialog: HTMLDialogElement; // naming, commenting and confirming a deletion share one small dialog
}

export function createNodeActions(
  ui: Ui,
  open: { compare(left: Path): void; odds(path: Path): void },
): NodeActions {
  const { session } = ui;
  const dialog = makeDialog('This turn', { class: 'dialog small', 'data-testid': 'node-dialog' });
  const backToTree = () =>
    document.querySelector<HTMLElement>('[data-testid="tree-node"][data-current="true"]')?.focus();

  /** The name or comment dialog: a text field filled with the current text; Save sets it, empty clears it. */
  function edit(path: Path, what: 'name' | 'comment'): void {
    const node = session.root && nodeAt(session.root, path);
    if (!node || !session.def) return;
    const field =
      what === 'name'
        ? el('input', { type: 'text', maxlength: 200, class: 'text', 'data-testid': 'node-text' })
        : el('textarea', { rows: 6, maxlength: 5000, class: 'text', 'data-testid': 'node-text' });
    field.value = (what === 'name' ? node.name : node.comment) ?? '';
    const save = () => {
      const text = field.value;
      const done = what === 'name' ? session.rename(path, text) : session.annotate(path, text);
      dialog.close();
      if (done)
        ui.announce(
          text.trim()
            ? `${what === 'name' ? 'Name' : 'Comment'} saved.`
            : `${what === 'name' ? 'Name' : 'Comment'} removed.`,
        );
      backToTree();
    };
    field.addEventListener('keydown', (event) => {
      const e = event as KeyboardEvent;
      if (e.key === 'Enter' && (what === 'name' || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        save();
      }
    });
    setChildren(
      dialog,
      el(
        'div',
        { class: 'dialog-body' },
        el('h2', {}, what === 'name' ? 'Name this turn' : 'Comment on this turn'),
        el('p', { class: 'muted' }, `${nodeWhen(node)} — ${lineName(session.def, session.root!, path)}`),
        el(
          'label',
          { class: 'field' },
          what === 'name' ? 'Name (empty: no name)' : 'Comment (Ctrl+Enter saves; empty: no comment)',
          field,
        ),
      ),
      el(
        'div',
        { class: 'dialog-footer' },
        el(
          'div',
          { class: 'buttons' },
          button('Cancel', () => dialog.close(), { 'data-testid': 'node-cancel' }),
          button('Save', save, { class: 'primary', 'data-testid': 'node-save' }),
        ),
      ),
    );
    openDialog(dialog, field);
  }

  function confirmDelete(path: Path): void {
    const node = session.root && nodeAt(session.root, path);
    if (!node || !path || !session.def) return;
    const n = countNodes(node);
    const label = lineLabel(session.def, session.root!, path);
    setChildren(
      dialog,
      el(
        'div',
        { class: 'dialog-body' },
        el('h2', {}, 'Delete this turn?'),
        el(
          'p',
          {},
          `${label} (${nodeWhen(node)})`,
          n > 1 ? ` and the ${n - 1} turn${n === 2 ? '' : 's'} after it` : '',
          ' will be deleted. This cannot be undone.',
        ),
      ),
      el(
        'div',
        { class: 'dialog-footer' },
        el(
          'div',
          { class: 'buttons' },
          button('Keep it', () => dialog.close(), { 'data-testid': 'node-cancel' }),
          button(
            'Delete',
            () => {
              dialog.close();
              if (session.remove(path)) ui.announce(`Deleted: ${label}.`);
              backToTree();
            },
            { class: 'danger', 'data-testid': 'node-delete-confirm' },
          ),
        ),
      ),
    );
    openDialog(dialog, dialog.querySelector<HTMLElement>('[data-testid="node-cancel"]'));
  }

  function render(path: Path): HTMLElement {
    const root = session.root;
    const node: TreeNode | null = root && nodeAt(root, path);
    const def = session.def;
    if (!root || !node || !def) return el('div', {});
    const main = isMainLine(root, path);
    return el(
      'section',
      { class: 'node-actions', 'data-testid': 'node-actions', 'aria-label': 'The turn shown' },
      el('h4', {}, `${nodeWhen(node)} — ${lineName(def, root, path)}`),
      node.comment ? el('p', { class: 'comment', 'data-testid': 'node-comment-text' }, node.comment) : null,
      el(
        'div',
        { class: 'buttons left' },
        button(node.name ? 'Rename…' : 'Name…', () => edit(path, 'name'), {
          'data-testid': 'node-rename',
          'data-key': 'node-rename',
        }),
        button(node.comment ? 'Edit comment…' : 'Comment…', () => edit(path, 'comment'), {
          'data-testid': 'node-comment',
          'data-key': 'node-comment',
        }),
        button(
          'Make main line',
          () => {
            session.promote(path);
            ui.announce('This line is now the main line.');
            backToTree();
          },
          {
            'data-testid': 'node-promote',
            'data-key': 'node-promote',
            disabled: main,
            title: main ? 'Already on the main line' : 'Promote this line to the main line',
          },
        ),
        button('Delete…', () => confirmDelete(path), {
          class: 'danger',
          'data-testid': 'node-delete',
          'data-key': 'node-delete',
          disabled: !path,
          title: path ? 'Delete this turn and the turns after it' : 'The start cannot be deleted',
        }),
        button('Compare with…', () => open.compare(path), {
          'data-testid': 'node-compare',
          'data-key': 'node-compare',
          title: 'Compare with another turn or line (C)',
        }),
        button('Odds…', () => open.odds(path), {
          'data-testid': 'node-odds',
          'data-key': 'node-odds',
          title: 'Play the game out many times from here (O)',
        }),
      ),
    );
  }

  return { render, dialog };
}
