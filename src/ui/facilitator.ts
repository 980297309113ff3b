// The facilitator's controls, for a teacher running a game at one screen: who is played by people (orders can
// be entered for any power), a hand-over screen between hot-seat players, locking the players' orders, pausing
// the computer (the actors nobody holds give no orders while it is paused, and each turn records it so a replay
// gives the same game), hiding or revealing the computer's reasons, a turn timer, and changes injected into the
// turn (a relation or a meter moved with a typed reason, or one of the scenario's events fired), which the
// report, the log and the replay keep as the facilitator's.
import type { Injection } from '../engine/index';
import { injectableEvents } from '../engine/index';
import type { Ui } from './context';
import type { Child } from './dom';
import { button, dialogFooter, el, makeDialog, openDialog, setChildren } from './dom';
import { actorName } from './format';
import { m } from '../i18n';

/** "3:07": minutes and seconds left. */
export const formatClock = (ms: number): string => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Starts the turn timer from now (when one is set), or stops it. */
export function restartTimer(ui: Ui, now = Date.now()): void {
  const t = ui.view.timer;
  t.endsAt = t.minutes > 0 ? now + t.minutes * 60_000 : null;
  t.warned = false;
}

/** What the top bar shows of the timer now ("Time 3:07", "Time is up"), or null when none runs. */
export function timerLabel(ui: Ui, now = Date.now()): string | null {
  const { endsAt } = ui.view.timer;
  if (endsAt === null) return null;
  return endsAt > now
    ? m.facilitator_time_left({ clock: formatClock(endsAt - now) })
    : m.facilitator_time_up();
}

/** Whether the turn's timer has run out. */
export const timerExpired = (ui: Ui, now = Date.now()): boolean =>
  ui.view.timer.endsAt !== null && ui.view.timer.endsAt <= now;

/** Called every second: says once, when the timer runs out, that the turn's time is up. */
export function tickTimer(ui: Ui, now = Date.now()): void {
  const t = ui.view.timer;
  if (t.endsAt === null || t.warned || t.endsAt > now) return;
  t.warned = true;
  ui.announce(m.facilitator_time_up_said(), m.facilitator_time_up());
}

/**
 * A message whose parameters are controls or elements: `fill(m.facilitator_event_row, { event: select })` calls
 * the message with a `{name}` marker for each part and puts each part where its marker stands in the
 * translated sentence, so that each language orders the sentence its own way.
 */
export function fill<K extends string>(
  message: (slots: Record<K, string>) => string,
  parts: Record<K, Child>,
): Child[] {
  const slots = Object.fromEntries(Object.keys(parts).map((k) => [k, `{${k}}`])) as Record<K, string>;
  return message(slots)
    .split(/\{(\w+)\}/)
    .map((piece, i) => (i % 2 ? (parts[piece as K] ?? piece) : piece))
    .filter((piece) => piece !== '');
}

/** A `<select>` of labelled values. */
const choose = (testid: string, options: [string, string][], label: string): HTMLSelectElement =>
  el(
    'select',
    { 'data-testid': testid, 'aria-label': label },
    options.map(([value, label]) => el('option', { value }, label)),
  ) as HTMLSelectElement;

/**
 * "Inject a change into this turn": a relation or a meter moved, or a scenario event fired, each with a reason;
 * the changes queued for the turn, each with Remove. Refused ones say why, and nothing is queued.
 */
function renderInjections(ui: Ui, redraw: () => void): HTMLElement {
  const { session } = ui;
  const w = session.world!;
  const def = w.def;
  const actors = def.actors.map((a): [string, string] => [a.id, a.name]);
  const reasonInput = () =>
    el('input', {
      type: 'text',
      maxlength: 300,
      placeholder: m.facilitator_reason(),
      'aria-label': m.facilitator_reason(),
      'data-testid': 'inject-reason',
    }) as HTMLInputElement;
  const amountInput = () =>
    el('input', {
      type: 'number',
      min: -100,
      max: 100,
      step: 1,
      value: 10,
      'aria-label': m.facilitator_change(),
      'data-testid': 'inject-delta',
    }) as HTMLInputElement;
  const status = el('p', { class: 'reason', role: 'status', 'data-testid': 'inject-status' });
  const add = (x: Injection) => {
    const r = session.inject(x);
    status.textContent = r.ok ? m.facilitator_queued() : m.facilitator_not_queued({ error: r.error });
    if (r.ok) redraw();
  };
  const a = choose('inject-a', actors, m.facilitator_first_actor());
  const b = choose('inject-b', actors, m.facilitator_second_actor());
  if (actors[1]) b.value = actors[1][0];
  const layer = choose(
    'inject-layer',
    def.layers.map((l) => [l.id, l.name]),
    m.facilitator_layer(),
  );
  const relDelta = amountInput();
  const relReason = reasonInput();
  const actor = choose('inject-actor', actors, m.facilitator_meter_actor());
  const meter = choose(
    'inject-meter',
    def.meters.map((mt) => [mt.id, mt.name]),
    m.facilitator_meter(),
  );
  const meterDelta = amountInput();
  const meterReason = reasonInput();
  const events = injectableEvents(w);
  const event = choose(
    'inject-event',
    events.map((r) => [r.id, `${r.id}: ${r.text}`]),
    m.facilitator_event(),
  );
  const eventReason = reasonInput();
  const queued = session.injections;
  return el(
    'section',
    { 'data-testid': 'injections' },
    el('h3', {}, m.facilitator_inject_title()),
    el('p', { class: 'muted' }, m.facilitator_inject_note()),
    el(
      'div',
      { class: 'inject-row' },
      fill(m.facilitator_relation_row, { a, b, layer, delta: relDelta }),
      relReason,
      button(
        m.facilitator_add(),
        () =>
          add({
            kind: 'relation',
            a: a.value,
            b: b.value,
            layer: layer.value,
            delta: Number(relDelta.value),
            reason: relReason.value,
          }),
        { 'data-testid': 'inject-relation' },
      ),
    ),
    el(
      'div',
      { class: 'inject-row' },
      fill(m.facilitator_meter_row, { actor, meter, delta: meterDelta }),
      meterReason,
      button(
        m.facilitator_add(),
        () =>
          add({
            kind: 'meter',
            actor: actor.value,
            meter: meter.value,
            delta: Number(meterDelta.value),
            reason: meterReason.value,
          }),
        { 'data-testid': 'inject-meter' },
      ),
    ),
    events.length
      ? el(
          'div',
          { class: 'inject-row' },
          fill(m.facilitator_event_row, { event }),
          eventReason,
          button(
            m.facilitator_add(),
            () => add({ kind: 'event', rule: event.value, reason: eventReason.value }),
            {
              'data-testid': 'inject-event-add',
            },
          ),
        )
      : null,
    status,
    queued.length
      ? el(
          'ul',
          { class: 'injected' },
          queued.map((x, i) =>
            el(
              'li',
              { 'data-testid': 'injected' },
              describeInjection(ui, x),
              ' ',
              button(
                m.facilitator_remove(),
                () => {
                  session.uninject(i);
                  redraw();
                },
                { class: 'link', 'data-testid': 'uninject' },
              ),
            ),
          ),
        )
      : el('p', { class: 'muted' }, m.facilitator_nothing_queued()),
  );
}

/** "Russia–Iran (global) +10: a summit is announced". */
export function describeInjection(ui: Ui, x: Injection): string {
  const def = ui.session.def!;
  const name = (id: string) => def.actors.find((a) => a.id === id)?.name ?? id;
  const signed = (n: number) => (n > 0 ? `+${n}` : `−${-n}`);
  if (x.kind === 'relation')
    return m.facilitator_injected_relation({
      a: name(x.a),
      b: name(x.b),
      layer: def.layers.find((l) => l.id === x.layer)?.name ?? x.layer,
      delta: signed(x.delta),
      reason: x.reason,
    });
  if (x.kind === 'meter')
    return m.facilitator_injected_meter({
      actor: name(x.actor),
      meter: def.meters.find((mt) => mt.id === x.meter)?.name ?? x.meter,
      delta: signed(x.delta),
      reason: x.reason,
    });
  return m.facilitator_injected_event({ rule: x.rule, reason: x.reason });
}

export function createFacilitator(ui: Ui): { dialog: HTMLDialogElement; open(): void } {
  const { session, view } = ui;
  const dialog = makeDialog(m.facilitator_title(), {
    class: 'dialog facilitator',
    'data-testid': 'facilitator',
  });
  const toggle = (label: string, testid: string, on: boolean, set: (on: boolean) => void, note: string) =>
    el(
      'label',
      { class: 'toggle facilitator-choice' },
      el('input', {
        type: 'checkbox',
        checked: on,
        'data-testid': testid,
        onchange: (e: Event) => {
          set((e.target as HTMLInputElement).checked);
          ui.classroom?.shareDisplay(); // in a class, what the teacher chose shows on every group's page
          ui.refresh();
          render();
        },
      }),
      ` ${label}`,
      el('span', { class: 'reason' }, note),
    );

  const render = () => {
    const def = session.def;
    if (!def) return setChildren(dialog, el('p', {}, m.facilitator_no_game()));
    const playable = def.actors.filter((a) => a.playable);
    setChildren(
      dialog,
      el(
        'div',
        { class: 'dialog-body' },
        el('h2', { tabindex: -1 }, m.facilitator_title()),
        el(
          'section',
          {},
          el('h3', {}, m.facilitator_who_title()),
          el('p', { class: 'muted' }, m.facilitator_who_note()),
          el(
            'div',
            { class: 'held-choice' },
            playable.map((a) =>
              el(
                'label',
                { class: 'toggle' },
                el('input', {
                  type: 'checkbox',
                  checked: session.held.includes(a.id),
                  'data-testid': 'facilitator-hold',
                  'data-actor': a.id,
                  onchange: (e: Event) => {
                    const on = (e.target as HTMLInputElement).checked;
                    session.setHeld(on ? [...session.held, a.id] : session.held.filter((x) => x !== a.id));
                    view.player = 0;
                    view.revealed = false;
                    ui.refresh();
                    render();
                  },
                }),
                ` ${actorName(def, a.id)}`,
              ),
            ),
          ),
        ),
        el(
          'section',
          {},
          el('h3', {}, m.facilitator_during_title()),
          toggle(
            m.facilitator_handover(),
            'facilitator-handover',
            view.handOver,
            (on) => {
              view.handOver = on;
              view.revealed = false;
            },
            m.facilitator_handover_note(),
          ),
          toggle(
            m.facilitator_lock(),
            'facilitator-lock',
            view.locked,
            (on) => {
              view.locked = on;
            },
            m.facilitator_lock_note(),
          ),
          toggle(
            m.facilitator_pause(),
            'facilitator-pause',
            session.aiPaused,
            (on) => {
              session.aiPaused = on;
            },
            m.facilitator_pause_note(),
          ),
          toggle(
            m.facilitator_reasons(),
            'facilitator-reasons',
            view.showReasons,
            (on) => {
              view.showReasons = on;
            },
            m.facilitator_reasons_note(),
          ),
        ),
        renderInjections(ui, render),
        ui.classroom?.section(render) ?? null,
        el(
          'section',
          {},
          el('h3', {}, m.facilitator_timer_title()),
          el(
            'label',
            {},
            `${m.facilitator_minutes()} `,
            el('input', {
              type: 'number',
              min: 0,
              max: 60,
              step: 1,
              value: view.timer.minutes,
              'data-testid': 'facilitator-minutes',
              onchange: (e: Event) => {
                const n = Number((e.target as HTMLInputElement).value);
                view.timer.minutes = Number.isInteger(n) && n >= 0 && n <= 60 ? n : 0;
                restartTimer(ui);
                ui.classroom?.shareDisplay();
                ui.refresh();
                render();
              },
            }),
          ),
          el('p', { class: 'muted' }, m.facilitator_timer_note()),
        ),
      ),
      dialogFooter(
        button(m.facilitator_close(), () => dialog.close(), {
          class: 'primary',
          'data-testid': 'facilitator-close',
        }),
      ),
    );
  };
  return {
    dialog,
    open() {
      render();
      openDialog(dialog, dialog.querySelector<HTMLElement>('h2'));
    },
  };
}
