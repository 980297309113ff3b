// What the headless runner prints: the JSON of DESIGN.md §6.2 for one game, and a plain-text summary.
import type { GameState, World } from '../engine/index';
import { listUnbalancedTriads, netAt } from '../engine/index';

export interface TurnRecord {
  state: GameState; // the state after the turn
}

export interface GameReport {
  scenario: string;
  branch: string | null;
  seed: number;
  turnsPlayed: number;
  final: {
    date: string;
    over: boolean;
    relations: { a: string; b: string; layer: string; value: number }[];
    control: { region: string; controller: string | null }[];
    scores: { actor: string; score: number }[];
    unbalancedTriads: { actors: string[]; layer: string }[];
    meters: { actor: string; meter: string; value: number }[];
  };
  log: {
    turn: number;
    actor: string | null;
    order: string;
    target?: string;
    region?: string;
    outcome?: string;
    reason?: string;
    effects: { text: string; rule?: string; source?: string; quote?: string }[];
  }[];
}

export function finalSummary(w: World, s: GameState): GameReport['final'] {
  const ids = w.actorIds;
  const relations: GameReport['final']['relations'] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      w.def.layers.forEach((l, li) => {
        const value = s.relations[li]![pairOffset(i, j, ids.length)]!;
        if (value) relations.push({ a: ids[i]!, b: ids[j]!, layer: l.id, value });
      });
      relations.push({ a: ids[i]!, b: ids[j]!, layer: 'net', value: netAt(s, w, i, j) });
    }
  return {
    date: s.date,
    over: s.over,
    relations,
    control: s.regions.map((r) => ({ region: r.id, controller: r.controller })),
    scores: ids.map((a) => ({ actor: a, score: s.scores[a] ?? 0 })),
    unbalancedTriads: listUnbalancedTriads(s, w).map((t) => ({ actors: [...t.actors], layer: t.layer })),
    meters: s.actors.flatMap((a) =>
      Object.keys(a.meters)
        .sort()
        .map((m) => ({ actor: a.id, meter: m, value: a.meters[m]! })),
    ),
  };
}

const pairOffset = (i: number, j: number, n: number) => (i * (2 * n - i - 1)) / 2 + (j - i - 1);

export function buildReport(w: World, seed: number, turns: TurnRecord[], last: GameState): GameReport {
  const log: GameReport['log'] = [];
  for (const { state } of turns) {
    state.orders.forEach((o, k) => {
      const entry: GameReport['log'][number] = {
        turn: state.turn,
        actor: o.actor,
        order: o.id,
        effects: state.effects.filter((e) => e.order === k).map(effectEntry),
      };
      if (o.target) entry.target = o.target;
      if (o.region) entry.region = o.region;
      if (o.outcome) entry.outcome = o.outcome;
      if (o.reason) entry.reason = o.reason;
      log.push(entry);
    });
    const rest = state.effects.filter((e) => e.order === undefined);
    if (rest.length)
      log.push({ turn: state.turn, actor: null, order: 'realignment', effects: rest.map(effectEntry) });
  }
  return {
    scenario: w.def.id,
    branch: w.branch,
    seed,
    turnsPlayed: last.turn,
    final: finalSummary(w, last),
    log,
  };
}

const effectEntry = (e: GameState['effects'][number]) => {
  const out: GameReport['log'][number]['effects'][number] = { text: e.text };
  if (e.rule) out.rule = e.rule;
  if (e.source) {
    out.source = e.source.source;
    out.quote = e.source.quote;
  }
  return out;
};

export function formatText(w: World, report: GameReport): string {
  const name = (id: string) => w.def.actors.find((a) => a.id === id)?.name ?? id;
  const lines: string[] = [];
  lines.push(`${w.def.title}${w.branch ? ` — branch ${w.branch}` : ''} (seed ${report.seed})`);
  let turn = 0;
  for (const entry of report.log) {
    if (entry.turn !== turn) {
      turn = entry.turn;
      lines.push('', `Turn ${turn}`);
    }
    if (entry.actor) {
      const params = [entry.target, entry.region].filter(Boolean).join(', ');
      const outcome = entry.outcome ? ` [${entry.outcome}]` : '';
      lines.push(
        `  ${name(entry.actor)}: ${entry.order}${params ? ` (${params})` : ''}${outcome}${entry.reason ? ` — ${entry.reason}` : ''}`,
      );
    }
    for (const e of entry.effects) lines.push(`      ${e.text}`);
  }
  const f = report.final;
  lines.push('', `After ${report.turnsPlayed} turns (${f.date})${f.over ? ', game over' : ''}`, 'Scores:');
  for (const s of [...f.scores].sort((a, b) => b.score - a.score))
    lines.push(`  ${name(s.actor).padEnd(28)} ${s.score}`);
  lines.push('Control:');
  for (const c of f.control)
    lines.push(`  ${c.region.padEnd(20)} ${c.controller ? name(c.controller) : '—'}`);
  const cross = f.unbalancedTriads.filter((t) => t.layer === 'cross');
  lines.push(`Contradictions (unbalanced across layers): ${cross.length}`);
  for (const t of cross.slice(0, 12)) lines.push(`  ${t.actors.join('–')}`);
  return lines.join('\n');
}
