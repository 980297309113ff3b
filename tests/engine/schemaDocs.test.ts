// The JSON Schema documents itself: every property has a description, and the defaults it states are the
// ones the engine applies (settings, per-type relation changes, objective weights, forces moved, the scale).
import { describe, expect, it } from 'vitest';
import { advance, compileWorld, createGame, validateScenario } from '../../src/engine/index';
import { scenarioJsonSchema } from '../../src/engine/jsonSchema';
import type { ScenarioDef } from '../../src/engine/schema';
import { FIELD_DEFAULTS, RELATION_SCALE } from '../../src/engine/schema';
import { describeValue } from '../../src/ui/format';
import { valleysJson } from '../support/worlds';

type Json = Record<string, any>;
const schema = scenarioJsonSchema() as Json;

/** Every [path, property schema] of every `properties` map, anywhere in the schema ($defs and variants too). */
function listProperties(node: unknown, path = '#'): [string, Json][] {
  if (Array.isArray(node)) return node.flatMap((x, i) => listProperties(x, `${path}/${i}`));
  if (!node || typeof node !== 'object') return [];
  const own = Object.entries((node as Json).properties ?? {}).map(
    ([k, v]) => [`${path}/properties/${k}`, v as Json] as [string, Json],
  );
  return [...own, ...Object.entries(node).flatMap(([k, v]) => listProperties(v, `${path}/${k}`))];
}

const compiled = (change: (json: any) => void = () => undefined) => {
  const json = valleysJson();
  change(json);
  const valid = validateScenario(json);
  if (!valid.ok) throw new Error(valid.error);
  const world = compileWorld(valid.value as ScenarioDef);
  if (!world.ok) throw new Error(world.error);
  return world.value;
};

describe('the JSON Schema', () => {
  const properties = listProperties(schema);

  it('has a description for every property, in every definition and variant', () => {
    expect(properties.length).toBeGreaterThan(200);
    const missing = properties.filter(
      ([, p]) => typeof p.description !== 'string' || p.description.length < 8,
    );
    expect(missing.map(([path]) => path)).toEqual([]);
  });

  it('describes the top level, the condition and effect definitions, and each of their variants', () => {
    expect(schema.description).toMatch(/scenario/i);
    for (const def of ['Condition', 'Effect']) expect(schema.$defs[def].description).toBeTruthy();
    const variants = listProperties(schema).filter(([path]) => /\/(if|do|kind)$/.test(path));
    expect(variants.length).toBeGreaterThanOrEqual(13 + 12 + 5);
    for (const [path, p] of variants) expect(p.description, path).toBeTruthy();
  });

  it('gives every setting a default, the one compileWorld applies when the setting is left out', () => {
    const settings = schema.properties.settings.properties as Record<string, Json>;
    const applied = compiled((j) => delete j.settings).settings as Record<string, unknown>;
    expect(Object.keys(settings).sort()).toEqual(Object.keys(applied).sort());
    for (const [name, p] of Object.entries(settings)) {
      expect(p.default, name).toEqual(applied[name]);
      expect(p.description, name).toContain(`Default: ${JSON.stringify(applied[name])}.`);
    }
  });

  it('states the per-type relation changes the engine makes when an order sets none', () => {
    const text: string = listProperties(schema).find(([path]) => path.endsWith('/properties/relation'))![1]
      .description;
    const stated = [...text.matchAll(/\b([a-z]+) ([+-]\d+)/g)].map(
      ([, type, n]) => [type!, Number(n)] as const,
    );
    expect(stated.length).toBeGreaterThanOrEqual(8);
    for (const [type, value] of stated) {
      // Blue (gold 70, so the summit gate lets it) gives a probe order of the type to Red, at sea (-40).
      const w = compiled((j) =>
        j.orders.push({ id: 'probe', type, name: 'Probe', actors: ['BLUE'], targets: ['RED'], layer: 'sea' }),
      );
      const s = advance(createGame(w, 1), w, [{ id: 'probe', actor: 'BLUE', target: 'RED' }], w.actorIds);
      const change = s.effects.find((e) => e.kind === 'relation' && e.order === 0 && e.layer === 'sea');
      expect(change && change.after! - change.before!, type).toBe(value);
    }
  });

  it('states the default objective weight and forces moved that the engine uses', () => {
    const w = compiled((j) => delete j.actors[0].objectives[0].weight);
    expect(createGame(w, 1).actors[0]!.weights['red-hill']).toBe(FIELD_DEFAULTS.objectiveWeight);
    const noAmount = compiled((j) => delete j.orders[1].amount); // "deploy", amount 5 in the file
    const s = advance(
      createGame(noAmount, 1),
      noAmount,
      [{ id: 'deploy', actor: 'RED', region: 'marsh' }],
      ['RED'],
    );
    const marsh = s.regions[noAmount.regionIndex['marsh']!]!;
    expect(marsh.presence['RED']).toBe(FIELD_DEFAULTS.amount);
    const amount = listProperties(schema).find(([path]) => path.endsWith('/properties/amount'))![1];
    expect(amount.default).toBe(FIELD_DEFAULTS.amount);
  });

  it('words the relation scale as the page does (±33, ±66)', () => {
    for (const v of [10, 32, 33, 65, 66, 100, -10, -33, -66]) {
      const word = describeValue(v).split(' ')[0]!;
      expect(RELATION_SCALE, `${v} reads "${word}"`).toContain(word);
    }
    expect(describeValue(32).split(' ')[0]).not.toBe(describeValue(33).split(' ')[0]);
    expect(describeValue(65).split(' ')[0]).not.toBe(describeValue(66).split(' ')[0]);
  });
});
