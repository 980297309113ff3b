// The scenario picker and briefing dialog: scenario (shipped, or opened from a file: picked or dropped),
// branch and seed, who people hold, then Start. Another scenario is previewed without touching the game in
// progress, which is replaced only by Start and kept if the new one fails to load (the failure is shown here).
import { lintScenario } from '../engine/index';
import type { ScenarioDef } from '../engine/schema';
import type { Ui } from './context';
import { button, el, makeDialog, openDialog, setChildren } from './dom';
import { findBranch, renderBriefing } from './briefing';
import { renderKept } from './kept';
import { dropKept, keepGame } from '../session/autosave';
import { checkSeed, isSameScenario } from '../session/session';
import { snapshot } from '../session/opening';
import type { PickedFile } from './scenarioFile';
import { describeTravel, listenForDrops, readPickedScenario, scenarioFileLimit } from './scenarioFile';
import { createLessonDialog } from './lesson';
import { listJoin } from './format';
import { m } from '../i18n';

export type Mode = 'start' | 'new' | 'review';

export interface Picker {
  dialog: HTMLDialogElement;
  lesson: HTMLDialogElement; // the previewed scenario's lesson materials (lesson.ts)
  open(mode: Mode): void;
  update(): void; // the session loaded a game or failed to: refresh what is shown
  showError(message: string | null, title?: string): void; // title: what failed (a scenario by default)
  addNotice(message: string, title: string): void; // below what is shown already, until the picker closes
}

const heldKey = (scenario: string) => `ui.held.${scenario}`;

export function createPicker(ui: Ui): Picker {
  const { session } = ui;
  const dialog = makeDialog(m.picker_dialog_label(), { class: 'dialog briefing', 'data-testid': 'briefing' });
  const lesson = createLessonDialog();
  const body = el('div', { class: 'dialog-body' });
  const footer = el('div', { class: 'dialog-footer' });
  dialog.append(body, footer);
  let mode: Mode = 'start';
  let scenario = session.catalog[0]?.id ?? '';
  let branch: string | null = null;
  let seed = session.seed;
  let held = new Set<string>();
  let lookahead = session.lookahead;
  let preview: ScenarioDef | null = null;
  let error: string | null = null;
  let errorTitle: string = m.picker_scenario_failed();
  let fileFailed = false; // the error is a scenario file that was not opened (the game in progress is kept)
  let busy = false;
  let request = 0;
  let followed: ScenarioDef | null = null; // the game's scenario when the briefing last followed it
  const titles = new Map<string, string>(); // scenario id -> title, once read
  const travel = new Map<string, string>(); // id of a scenario from a file -> how its games travel
  const warned = new Map<string, string[]>(); // id of a scenario from a file -> the validator's warnings

  const remembered = (def: ScenarioDef): Set<string> => {
    if (session.def?.id === def.id && session.held.length) return new Set(session.held);
    try {
      const saved = JSON.parse(ui.storage?.getItem(heldKey(def.id)) ?? 'null') as unknown;
      if (Array.isArray(saved)) return new Set(saved.filter((x): x is string => typeof x === 'string'));
    } catch {
      // a corrupt setting is simply forgotten
    }
    const first = def.actors.find((a) => a.playable);
    return new Set(first ? [first.id] : []);
  };

  /** Shows a scenario; the held choice is recomputed only for another scenario (or when asked). */
  const usePreview = (def: ScenarioDef, resetHeld = preview?.id !== def.id) => {
    if (resetHeld) held = remembered(def);
    preview = def;
    titles.set(def.id, def.title);
    if (branch && !findBranch(def, branch)) branch = null;
    if (!session.isShipped(def.id) && !travel.has(def.id)) {
      travel.set(def.id, ''); // measured once per scenario opened from a file (it compresses a replay)
      void describeTravel(def)
        .catch(() => '') // a browser without compression streams: nothing to say
        .then((note) => {
          travel.set(def.id, note);
          if (dialog.open && preview?.id === def.id) render();
        });
    }
  };

  const fetchPreview = async (id: string) => {
    const mine = ++request;
    preview = null;
    // The game's own scenario, unless a file of its id was opened since (a new draft: that one is shown).
    if (session.def?.id === id && session.isShipped(id)) {
      usePreview(session.def);
      return render();
    }
    render();
    const result = await session.fetchScenario(id);
    if (mine !== request) return;
    if (result.ok)
      usePreview(session.def && isSameScenario(result.value, session.def) ? session.def : result.value);
    else error = result.error;
    render();
  };

  const start = () => {
    if (!preview || busy) return;
    // In a class the game is the class's: the briefing only closes (another game would leave the class).
    if (ui.classroom?.role) return dialog.close();
    // The game already open (a restored autosave, a shared line) goes on unless another one is asked for.
    let kept = '';
    if (!isOpen() || mode === 'new') {
      busy = true; // the game/loaded that starting publishes must not redraw the briefing under us
      // The game being replaced goes to the kept list (when there is room), so a misclick costs nothing.
      const save = played() && ui.storage ? snapshot(session, Date.now()) : null;
      const keep = save && ui.storage ? keepGame(ui.storage, save) : null;
      // What the briefing shows is what starts (a file opened again may hold another draft of the same id).
      const result = session.start(preview, branch, seed, `${preview.id}.json`);
      busy = false;
      if (!result.ok) {
        if (keep?.ok && ui.storage) dropKept(ui.storage, 0);
        return render();
      }
      if (keep?.ok) kept = m.picker_previous_kept({ label: String(save!.label) });
    }
    error = null;
    session.setHeld([...held]);
    session.setLookahead(lookahead);
    try {
      ui.storage?.setItem(heldKey(preview.id), JSON.stringify([...held]));
    } catch {
      // storage full or blocked: the choice is just not remembered
    }
    ui.view.player = 0;
    dialog.close();
    ui.refresh();
    document.querySelector<HTMLElement>('[data-testid="orders-panel"] h3')?.focus(); // keyboard: on to the orders
    const names = preview.actors.filter((a) => held.has(a.id)).map((a) => a.name);
    const on = names.length ? m.picker_game_on({ names: listJoin(names) }) : m.picker_game_on_computer();
    ui.announce(kept ? `${on} ${kept}` : on);
  };

  /** Reads a scenario file, registers it with the session and previews it; a refused one changes nothing. */
  const openFile = async (file: PickedFile) => {
    if (busy) return;
    busy = true;
    render();
    const read = await readPickedScenario(file);
    const added = read.ok ? await session.addScenario(read.value, file.name) : read;
    busy = false;
    if (!read.ok || !added.ok) {
      error = added.ok ? null : added.error;
      errorTitle = m.picker_file_failed();
      fileFailed = true;
      return render();
    }
    const def = read.value;
    ++request; // a preview still being fetched is not wanted any more
    travel.delete(def.id); // the file may be a new draft: measured again
    warned.set(
      def.id,
      lintScenario(def).map((w) => `${w.path}: ${w.message}`),
    );
    scenario = def.id;
    branch = null;
    error = null;
    usePreview(def, true);
    render();
    dialog.querySelector<HTMLElement>('h2')?.focus();
    ui.announce(
      session.isShipped(def.id)
        ? m.picker_file_is_shipped({ file: file.name, title: def.title })
        : m.picker_file_opened({ file: file.name, title: def.title }),
    );
  };

  // The game shown is this very scenario (not only one of the same id: a file opened again may differ).
  const isOpen = () =>
    !!preview &&
    session.def === preview &&
    (session.state?.branch ?? null) === branch &&
    session.seed === seed;
  const played = () => (session.root?.children.length ?? 0) > 0;

  const picker = () =>
    el(
      'div',
      { class: 'picker' },
      el(
        'label',
        {},
        `${m.picker_scenario()} `,
        el(
          'select',
          {
            'data-testid': 'scenario-select',
            onchange: (e: Event) => {
              scenario = (e.target as HTMLSelectElement).value;
              branch = null;
              error = null;
              void fetchPreview(scenario);
            },
          },
          session.catalog.map((c) =>
            el(
              'option',
              { value: c.id, selected: c.id === scenario },
              c.origin === 'file'
                ? m.picker_from_file({ title: titles.get(c.id) ?? c.title })
                : (titles.get(c.id) ?? c.title),
            ),
          ),
        ),
      ),
      el(
        'label',
        {},
        `${m.picker_branch()} `,
        el(
          'select',
          {
            'data-testid': 'branch-select',
            disabled: !preview,
            onchange: (e: Event) => {
              branch = (e.target as HTMLSelectElement).value || null;
              render();
              dialog.querySelector<HTMLElement>('[data-testid="branch-select"]')?.focus();
            },
          },
          el('option', { value: '', selected: !branch }, m.picker_main_line()),
          (preview?.branches ?? []).map((b) =>
            el('option', { value: b.id, selected: b.id === branch }, b.title),
          ),
        ),
      ),
      el(
        'label',
        {},
        `${m.picker_seed()} `,
        el('input', {
          type: 'number',
          min: 0,
          step: 1,
          value: seed,
          class: 'seed',
          'data-testid': 'seed-input',
          onchange: (e: Event) => {
            const text = (e.target as HTMLInputElement).value.trim();
            const n = /^\d+$/.test(text) ? Number(text) : NaN;
            const bad = checkSeed(n);
            if (!bad) seed = n;
            error = bad
              ? m.picker_seed_refused({ problem: bad.replace(/ \(got .*\)$/, ''), text, seed })
              : null;
            errorTitle = m.picker_seed_failed();
            fileFailed = false;
            render();
          },
        }),
      ),
      button(
        m.picker_new_seed(),
        () => {
          seed = Math.floor(Math.random() * 1_000_000); // the UI may roll dice; the engine never does
          render();
        },
        { 'data-testid': 'new-seed' },
      ),
    );

  /** "Open a scenario file…" (or drop one on the dialog), with the limit, and how an opened one travels. */
  const fileRow = () => {
    const input = el('input', {
      type: 'file',
      accept: '.json,application/json',
      class: 'file-input',
      'data-testid': 'open-scenario-file',
      disabled: busy,
      onchange: (e: Event) => {
        const target = e.target as HTMLInputElement;
        const file = target.files?.[0];
        if (file) void openFile(file).finally(() => (target.value = ''));
      },
    });
    const note = preview && !session.isShipped(preview.id) ? travel.get(preview.id) : undefined;
    const warnings = (preview && warned.get(preview.id)) ?? [];
    return el(
      'div',
      { class: 'scenario-file' },
      el('label', { class: 'file-button' }, m.picker_open_file(), input),
      el('span', { class: 'muted' }, ` ${m.picker_drop_file({ limit: scenarioFileLimit() })}`),
      note ? el('p', { class: 'file-note', 'data-testid': 'scenario-file-note' }, note) : null,
      warnings.length
        ? el(
            'details',
            { class: 'file-note', 'data-testid': 'scenario-file-warnings' },
            el(
              'summary',
              {},
              warnings.length === 1
                ? m.picker_warnings_one({ count: warnings.length })
                : m.picker_warnings_other({ count: warnings.length }),
            ),
            el(
              'ul',
              {},
              warnings.slice(0, 20).map((w) => el('li', {}, w)),
            ),
          )
        : null,
    );
  };

  const render = () => {
    const title = preview?.title ?? m.picker_choose();
    setChildren(
      body,
      el('h2', { tabindex: -1, 'data-testid': 'briefing-title' }, title),
      renderKept(ui, render, () => dialog.close()),
      picker(),
      fileRow(),
      preview
        ? [
            ...renderBriefing(preview, branch, held, (id, on) => (on ? held.add(id) : held.delete(id))),
            el(
              'label',
              { class: 'lookahead-choice' },
              el('input', {
                type: 'checkbox',
                'data-testid': 'lookahead',
                checked: lookahead,
                onchange: (e: Event) => (lookahead = (e.target as HTMLInputElement).checked),
              }),
              ` ${m.picker_lookahead()}`,
            ),
          ]
        : el(
            'p',
            { class: 'muted', role: 'status' },
            session.catalog.length ? m.picker_loading_scenario() : m.picker_no_scenario(),
          ),
    );
    setChildren(
      footer,
      error
        ? el(
            'div',
            { class: 'load-error', role: 'alert', 'data-testid': 'load-error' },
            el('strong', {}, `${errorTitle} `),
            el('pre', {}, error),
            session.def && (mode !== 'start' || fileFailed) ? el('p', {}, m.picker_game_kept()) : null,
          )
        : null,
      el(
        'div',
        { class: 'buttons' },
        session.def && mode !== 'start'
          ? button(m.picker_back_to_game(), () => dialog.close(), { 'data-testid': 'briefing-close' })
          : null,
        button(m.picker_lesson(), () => preview && lesson.open(preview), {
          'data-testid': 'open-lesson',
          disabled: !preview,
        }),
        button(
          busy
            ? m.picker_loading()
            : ui.classroom?.role
              ? m.picker_back_to_class()
              : mode === 'new'
                ? m.picker_start_new()
                : isOpen() && (mode === 'review' || played())
                  ? m.picker_continue()
                  : m.picker_start(),
          () => start(),
          { class: 'primary', 'data-testid': 'start-game', disabled: !preview || busy },
        ),
      ),
    );
  };

  if (typeof document !== 'undefined')
    listenForDrops(
      document,
      (file) => {
        if (!dialog.open) api.open(session.def ? 'review' : 'start');
        void openFile(file);
      },
      (over) => dialog.classList.toggle('dropping', over),
    );

  const api: Picker = {
    dialog,
    lesson: lesson.dialog,
    open(next) {
      mode = next;
      error = null;
      scenario = session.def?.id ?? scenario;
      branch = session.state?.branch ?? null;
      seed = session.seed;
      followed = session.def;
      if (session.def) usePreview(session.def, true);
      render();
      openDialog(dialog, dialog.querySelector<HTMLElement>('h2'));
    },
    update() {
      if (!dialog.open || busy) return;
      // A new game (the autosave, then a link or the address) is what the briefing shows, whatever it showed.
      const fresh = session.def !== followed;
      followed = session.def;
      if (session.def && (fresh || session.def.id === scenario || !preview)) {
        scenario = session.def.id;
        branch = session.state?.branch ?? null;
        seed = session.seed;
        usePreview(session.def);
      }
      render();
    },
    addNotice(message, title) {
      if (!error) return this.showError(message, title);
      error = `${error}\n\n${title} ${message}`;
      render();
    },
    showError(message, title = m.picker_scenario_failed()) {
      error = message;
      errorTitle = title;
      fileFailed = false;
      busy = false;
      if (message && !preview && scenario) void fetchPreview(scenario);
      else render();
    },
  };
  return api;
}
