// The History tab: the whole game as a tree after lichess's analysis board — the main line as a row of turn
// chips, each variation indented beneath the main-line turn it is an alternative to, the current node marked —
// with "What if…" forks from the start, the current node's actions, and replay files. Only the current node is
// in the Tab order (roving tabindex); ↑/↓ move between nodes, Enter jumps, ←/→ still step through the line.
import type { Path, TreeNode } from '../session/tree';
import { joinPath, mainlineFrom, nodesAlong, walk } from '../session/tree';
import type { Ui } from './context';
import { button, el, hiddenText, keepFocus, setChildren } from './dom';
import { formatDate } from './format';
import { branchTitle, lineLabel, variationCaption } from './lines';
import type { NodeActions } from './nodeActions';
import type { ReplayFiles } from './replayFiles';
import { m } from '../i18n';

export interface TreePanel {
  render(into: HTMLElement): void;
  /** Opens the History tab (and the info panel if hidden) and puts focus on the node shown. */
  show(): void;
  /** After a history change: remembers the nodes, and after a turn says whether it made a new variation. */
  track(reason: string): string | null;
}

const ids = (root: TreeNode | null): Set<string> => {
  const out = new Set<string>();
  if (root) walk(root, (n) => out.add(n.id));
  return out;
};

export function createTree(ui: Ui, parts: { actions: NodeActions; files: ReplayFiles }): TreePanel {
  const { session } = ui;
  let known = ids(session.root);
  let notice: { path: Path; text: string } | null = null; // after a fork, shown while its node is
  let container: HTMLElement | null = null;

  const nodes = () => [...(container?.querySelectorAll<HTMLElement>('[data-testid="tree-node"]') ?? [])];
  const current = () => nodes().find((n) => n.getAttribute('data-current') === 'true') ?? null;

  /** A node's chip; `startsBranch`: the first node of a branch line with no caption above it names it. */
  function chip(node: TreeNode, path: Path, onLine: boolean, startsBranch: boolean): HTMLElement {
    const def = session.def!;
    const here = path === session.cursor;
    const label = m.tree_node_label({
      line: lineLabel(def, session.root!, path),
      date: formatDate(node.state.date),
    });
    return button(
      [
        el('span', { class: 'turn' }, node.turn ? String(node.turn) : m.tree_start()),
        el('span', { class: 'date' }, formatDate(node.state.date)),
        startsBranch ? el('span', { class: 'node-branch' }, branchTitle(def, node.branch)) : null,
        node.name ? el('span', { class: 'node-name', 'data-testid': 'node-name' }, node.name) : null,
        node.comment ? el('span', { class: 'comment-mark', 'aria-hidden': 'true' }, '✎') : null,
        node.comment ? hiddenText(` ${m.tree_has_comment()}`) : null,
        node.state.over ? hiddenText(` ${m.tree_game_over()}`) : null,
      ],
      () => {
        if (session.goTo(path))
          ui.announce(
            m.tree_showing({ line: lineLabel(def, session.root!, path), date: formatDate(node.state.date) }),
          );
      },
      {
        class: `tree-node${here ? ' current' : onLine ? ' on-line' : ''}${node.state.over ? ' over' : ''}`,
        'data-testid': 'tree-node',
        'data-path': path,
        'data-turn': node.turn,
        'data-current': String(here),
        'data-branch': node.branch ?? '',
        'aria-current': here ? 'step' : null,
        'aria-label': here ? m.tree_shown_now({ label }) : label,
        title: node.comment ? `${label}\n${node.comment.slice(0, 300)}` : label,
        tabindex: here ? 0 : -1,
      },
    );
  }

  /** A line from `first` down its first children; after each node, the alternatives to its successor. */
  function renderLine(first: TreeNode, path: Path, cursorIds: Set<string>): HTMLElement[] {
    const out: HTMLElement[] = [];
    let row = el('div', { class: 'tree-row' });
    out.push(row);
    let at = path;
    const line = mainlineFrom(first);
    line.forEach((node, i) => {
      const parent = i > 0 ? line[i - 1]! : null;
      row.appendChild(chip(node, at, cursorIds.has(node.id), !!parent && parent.branch !== node.branch));
      const siblings = parent && parent.children[0] === node ? parent.children.slice(1) : [];
      if (siblings.length) {
        const parentPath = at.slice(0, Math.max(0, at.lastIndexOf('/')));
        out.push(
          el(
            'div',
            { class: 'variations' },
            siblings.map((v) => {
              const text = variationCaption(session.def!, parent!, v);
              return el(
                'div',
                { class: 'variation', role: 'group', 'aria-label': text },
                el('p', { class: 'caption' }, text),
                renderLine(v, joinPath(parentPath, v.id), cursorIds),
              );
            }),
          ),
        );
        row = el('div', { class: 'tree-row' });
        out.push(row);
      }
      const next = node.children[0];
      if (next) at = joinPath(at, next.id);
    });
    return out.filter((e) => e.childNodes.length > 0);
  }

  function renderWhatIf(): HTMLElement | null {
    const { def, root } = session;
    if (!def || !root) return null;
    const choices = [
      ...(root.branch !== null ? [null] : []),
      ...(def.branches ?? []).map((b) => b.id).filter((b) => b !== root.branch),
    ];
    if (!choices.length) return null;
    return el(
      'div',
      { class: 'what-if' },
      el('h4', {}, m.tree_what_if()),
      el(
        'div',
        { class: 'buttons left' },
        choices.map((b) => {
          const started = root.children.some((c) => c.branch === b && c.turn === 0);
          const title = branchTitle(def, b);
          return button(
            started ? `↪ ${title}` : title,
            () => {
              const result = session.forkBranch(b);
              if (!result.ok) return ui.announce(result.error);
              ui.announce(started ? m.tree_what_if_shown({ title }) : m.tree_what_if_started({ title }));
              focusCurrent();
            },
            {
              'data-testid': 'what-if',
              'data-branch': b ?? '',
              'data-key': `what-if|${b ?? ''}`,
              title: started ? m.tree_what_if_go_title() : m.tree_what_if_start_title(),
            },
          );
        }),
      ),
    );
  }

  function render(into: HTMLElement): void {
    const { root, def } = session;
    container = into;
    if (!root || !def) return setChildren(into, el('p', { class: 'muted' }, m.tree_no_game()));
    const cursorIds = new Set(nodesAlong(root, session.cursor).map((n) => n.id));
    const wasOnNode = document.activeElement?.getAttribute('data-testid') === 'tree-node';
    const tree = el(
      'div',
      { class: 'tree', role: 'group', 'aria-label': m.tree_label() },
      renderLine(root, '', cursorIds),
    );
    tree.addEventListener('keydown', (event) => {
      const e = event as KeyboardEvent;
      const move = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
      if (!move) return;
      e.preventDefault();
      const all = nodes();
      const i = all.indexOf(document.activeElement as HTMLElement);
      all[Math.min(all.length - 1, Math.max(0, i + move))]?.focus();
    });
    keepFocus(
      into,
      () =>
        setChildren(
          into,
          el(
            'section',
            { class: 'tree-panel', 'data-testid': 'tree-panel', 'aria-label': m.tree_label() },
            el('h3', {}, m.tree_heading()),
            el('p', { class: 'legend' }, m.tree_legend()),
            notice?.path === session.cursor
              ? el('p', { class: 'notice', role: 'status', 'data-testid': 'fork-notice' }, notice.text)
              : null,
            tree,
            parts.actions.render(session.cursor),
            renderWhatIf(),
            parts.files.render(),
          ),
        ),
      () => current(),
    );
    if (wasOnNode) current()?.focus();
  }

  function focusCurrent(): void {
    const node = current();
    node?.focus();
    node?.scrollIntoView({ block: 'nearest' });
  }

  function track(reason: string): string | null {
    const { root } = session;
    const before = known;
    known = ids(root);
    if (reason !== 'turn') {
      if (reason !== 'name' && reason !== 'comment') notice = null;
      return null;
    }
    const along = root ? nodesAlong(root, session.cursor) : [];
    const node = along[along.length - 1];
    const parent = along[along.length - 2];
    notice =
      node && parent && !before.has(node.id) && parent.children.length > 1
        ? { path: session.cursor, text: m.tree_new_variation({ turn: parent.turn }) }
        : null;
    return notice?.text ?? null;
  }

  function show(): void {
    if (!ui.view.right) ui.togglePanel('right');
    ui.setTab('history');
    focusCurrent();
  }

  return { render, show, track };
}
