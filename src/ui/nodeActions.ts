// What can be done to the node shown: name it, comment on it, make its line the main line, delete it (and
// what follows it, after a confirmation), compare it with another node, see its odds. Names and comments are
// people's text: set as text and values, never as markup.
import type { Path, TreeNode } from '../session/tree';
import { countNodes, nodeAt } from '../session/tree';
import type { Ui } from './context';
import { button, el, makeDialog, openDialog, setChildren } from './dom';
import { isMainLine, lineLabel, lineName, nodeWhen } from './lines';
import { m } from '../i18n';

export interface NodeActions {
  render(path: Path): HTMLElement;
  dialog: HTMLDialogElement; // naming, commenting and confirming a deletion share one small dialog
}

export function createNodeActions(
  ui: Ui,
  open: { compare(left: Path): void; odds(path: Path): void },
): NodeActions {
  const { session } = ui;
  const dialog = makeDialog(m.node_actions_dialog_title(), {
    class: 'dialog small',
    'data-testid': 'node-dialog',
  });
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
          what === 'name'
            ? text.trim()
              ? m.node_actions_name_saved()
              : m.node_actions_name_removed()
            : text.trim()
              ? m.node_actions_comment_saved()
              : m.node_actions_comment_removed(),
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
        el('h2', {}, what === 'name' ? m.node_actions_name_heading() : m.node_actions_comment_heading()),
        el(
          'p',
          { class: 'muted' },
          m.node_actions_where({ when: nodeWhen(node), line: lineName(session.def, session.root!, path) }),
        ),
        el(
          'label',
          { class: 'field' },
          what === 'name' ? m.node_actions_name_label() : m.node_actions_comment_label(),
          field,
        ),
      ),
      el(
        'div',
        { class: 'dialog-footer' },
        el(
          'div',
          { class: 'buttons' },
          button(m.node_actions_cancel(), () => dialog.close(), { 'data-testid': 'node-cancel' }),
          button(m.node_actions_save(), save, { class: 'primary', 'data-testid': 'node-save' }),
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
        el('h2', {}, m.node_actions_delete_heading()),
        el(
          'p',
          {},
          n <= 1
            ? m.node_actions_delete_text({ label, when: nodeWhen(node) })
            : n === 2
              ? m.node_actions_delete_text_one({ label, when: nodeWhen(node), count: n - 1 })
              : m.node_actions_delete_text_other({ label, when: nodeWhen(node), count: n - 1 }),
        ),
      ),
      el(
        'div',
        { class: 'dialog-footer' },
        el(
          'div',
          { class: 'buttons' },
          button(m.node_actions_keep(), () => dialog.close(), { 'data-testid': 'node-cancel' }),
          button(
            m.node_actions_delete(),
            () => {
              dialog.close();
              if (session.remove(path)) ui.announce(m.node_actions_deleted({ label }));
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
      { class: 'node-actions', 'data-testid': 'node-actions', 'aria-label': m.node_actions_section() },
      el('h4', {}, m.node_actions_where({ when: nodeWhen(node), line: lineName(def, root, path) })),
      node.comment ? el('p', { class: 'comment', 'data-testid': 'node-comment-text' }, node.comment) : null,
      el(
        'div',
        { class: 'buttons left' },
        button(node.name ? m.node_actions_rename() : m.node_actions_name(), () => edit(path, 'name'), {
          'data-testid': 'node-rename',
          'data-key': 'node-rename',
        }),
        button(
          node.comment ? m.node_actions_edit_comment() : m.node_actions_comment(),
          () => edit(path, 'comment'),
          {
            'data-testid': 'node-comment',
            'data-key': 'node-comment',
          },
        ),
        button(
          m.node_actions_promote(),
          () => {
            session.promote(path);
            ui.announce(m.node_actions_promoted());
            backToTree();
          },
          {
            'data-testid': 'node-promote',
            'data-key': 'node-promote',
            disabled: main,
            title: main ? m.node_actions_promote_already() : m.node_actions_promote_title(),
          },
        ),
        button(m.node_actions_delete_button(), () => confirmDelete(path), {
          class: 'danger',
          'data-testid': 'node-delete',
          'data-key': 'node-delete',
          disabled: !path,
          title: path ? m.node_actions_delete_title() : m.node_actions_delete_start(),
        }),
        button(m.node_actions_compare(), () => open.compare(path), {
          'data-testid': 'node-compare',
          'data-key': 'node-compare',
          title: m.node_actions_compare_title(),
        }),
        button(m.node_actions_odds(), () => open.odds(path), {
          'data-testid': 'node-odds',
          'data-key': 'node-odds',
          title: m.node_actions_odds_title(),
        }),
      ),
    );
  }

  return { render, dialog };
}
