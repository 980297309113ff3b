// @vitest-environment happy-dom
// Lesson materials are made from the scenario itself: plans that fit their periods and the scenario's turns,
// a role sheet per power that says what its data says, every outside fact and doubtful claim in the teacher
// notes, and text from the scenario shown as text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGame, netAt } from '../../src/engine/index';
import type { ScenarioDef } from '../../src/engine/schema';
import {
  createLessonDialog,
  GLOSSARY,
  lessonPlan,
  PERIOD,
  roleSheets,
  teacherNotes,
} from '../../src/ui/lesson';
import { worldFrom } from '../support/worlds';
import type { TestElement } from './testDom';
import { allElements, installTestDom, clearTestDom } from './testDom';

const SCENARIOS = [
  'scenarios/tehran-2022.json',
  'scenarios/mosul-2016.json',
  'scenarios/russia-intervenes-2015.json',
];

describe('lesson materials', () => {
  beforeEach(() => void installTestDom());
  afterEach(() => clearTestDom());

  for (const file of SCENARIOS)
    it(`fit the periods and follow the scenario's data (${file})`, () => {
      const w = worldFrom(file);
      const def = w.def;
      for (const periods of [1, 2] as const) {
        const plan = lessonPlan(def, periods);
        expect(plan).toHaveLength(periods);
        for (const period of plan) expect(period.reduce((m, s) => m + s.minutes, 0)).toBe(PERIOD);
      }
      // Two periods play every turn; one plays what fits and lets the computer finish.
      const two = lessonPlan(def, 2)
        .flat()
        .map((s) => s.title)
        .join(' ');
      expect(two).toContain(`–${def.end.turns}`);

      const sheets = roleSheets(def);
      const playable = def.actors.filter((a) => a.playable);
      expect(sheets.map((r) => r.actor)).toEqual(playable.map((a) => a.id));
      const s = createGame(w, 0);
      for (const r of sheets) {
        const a = def.actors.find((x) => x.id === r.actor)!;
        expect(r.objectives).toEqual(a.objectives.map((o) => ({ text: o.text, vp: o.vp })));
        expect(r.orders.length).toBeGreaterThan(0);
        for (const o of r.orders)
          expect(def.orders.some((d) => d.name === o && d.actors.includes(r.actor))).toBe(true);
        for (const t of [...r.friends, ...r.rivals]) {
          const other = def.actors.find((x) => x.name === t.name)!;
          expect(netAt(s, w, w.actorIndex[r.actor]!, w.actorIndex[other.id]!)).toBe(t.value);
        }
        expect(r.friends.every((t) => t.value > 0) && r.rivals.every((t) => t.value < 0)).toBe(true);
      }

      // Every `ok` string in the scenario is in the notes as an outside fact.
      const oks = new Set<string>();
      JSON.stringify(def, (k, v) => (k === 'ok' && typeof v === 'string' ? (oks.add(v), v) : v));
      const notes = teacherNotes(def);
      expect(new Set(notes.filter((n) => n.kind === 'outside').map((n) => n.text))).toEqual(oks);
    });

  it('cover the words a student needs, and name the model’s theory as such', () => {
    const terms = GLOSSARY.map((g) => g.term);
    for (const t of ['Layer', 'Net', 'Triad', 'Contradiction', 'Tension', 'VP (victory points)'])
      expect(terms).toContain(t);
    expect(GLOSSARY.find((g) => g.term === 'Balance')!.meaning).toMatch(
      /model’s theory.*Heider.*Cartwright and Harary/,
    );
  });

  it('show a scenario’s text as text, never markup', () => {
    const w = worldFrom('scenarios/tehran-2022.json');
    const payload = '<img src=x onerror=alert(1)>';
    const def = structuredClone(w.def) as ScenarioDef;
    def.actors.find((a) => a.playable)!.name = payload;
    def.actors.find((a) => a.playable)!.objectives[0]!.text = payload;
    const lesson = createLessonDialog();
    lesson.open(def);
    const root = lesson.dialog as unknown as TestElement;
    expect(root.textContent).toContain(payload);
    expect(allElements(root).filter((e) => e.localName === 'img')).toEqual([]);
    expect(
      allElements(root).filter((e) => e.getAttribute('data-testid') === 'role-sheet').length,
    ).toBeGreaterThan(0);
  });
});
