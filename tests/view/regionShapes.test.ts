// Scenario regions on the real map: areas from their governorate outlines (the first region to name a
// governorate draws it, later ones become markers), short names, hit testing, and the tooltip's words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/engine/index';
import { describeActor, describeArena, describeRegion } from '../../src/view/describe';
import type { MapData } from '../../src/view/mapData';
import { areaLocator, buildRegionShapes, shortName } from '../../src/view/regionShapes';
import { ROOT, valleys, worldFrom } from '../support/worlds';

const map = JSON.parse(readFileSync(path.join(ROOT, 'assets/map/map.json'), 'utf8')) as MapData;

describe('region shapes', () => {
  const world = worldFrom('scenarios/mosul-2016.json');
  const { shapes, problems, fills } = buildRegionShapes(map, world.def);

  it('draws every outlined region of the shipped scenario as an area and the others as markers', () => {
    expect(problems).toEqual([]);
    for (const region of world.def.regions) {
      const shape = shapes.find((s) => s.id === region.id)!;
      expect(
        shape.areas.map((a) => a.governorate),
        region.id,
      ).toEqual(region.outline?.admin ?? []);
      expect(shape.roomy !== null, region.id).toBe(!!region.outline);
    }
    expect(fills.filter((f) => f.region).length).toBe(shapes.flatMap((s) => s.areas).length);
  });

  it('lets only the first region that names a governorate draw it', () => {
    const def = {
      regions: [
        { ...world.def.regions[0]!, id: 'one', outline: { country: 'Iraq', admin: ['Ninawa'] } },
        { ...world.def.regions[0]!, id: 'two', outline: { country: 'Iraq', admin: ['Ninawa', 'Nowhere'] } },
      ],
    };
    const built = buildRegionShapes(map, def);
    expect(built.shapes.map((s) => s.areas.length)).toEqual([1, 0]);
    expect(built.problems).toEqual(['region two: no governorate "Nowhere" in Iraq']);
  });

  it('finds the region under a point, enclaves included', () => {
    const locate = areaLocator(shapes);
    const cached = areaLocator(shapes, 4);
    for (const s of shapes.filter((x) => x.roomy)) {
      expect(locate(s.roomy!.at[0], s.roomy!.at[1]), s.id).toBe(s.id);
      expect(cached(s.roomy!.at[0], s.roomy!.at[1]), s.id).toBe(s.id);
    }
    expect(locate(-50, -50)).toBeNull();
  });

  it('shortens names to the part before a parenthesis', () => {
    expect(shortName('Erbil (Kurdistan Region)')).toBe('Erbil');
    expect(shortName('(Geneva)')).toBe('(Geneva)');
    expect(shortName('Palmyra')).toBe('Palmyra');
  });
});

describe('tooltip lines', () => {
  const world = valleys();
  const state = createGame(world, 1);

  it('say who holds a region, whether it is contested and who is there', () => {
    const lines = describeRegion(state, world.def, 'hill');
    expect(lines[0]).toBe('The Hill');
    expect(lines[1]).toBe('Held by Raiders');
    expect(lines.slice(-3)).toEqual(['RAID 20 · Raiders', 'RED 10 · Red Kingdom', 'BLUE 5 · Blue League']);
    expect(describeRegion(state, world.def, 'marsh')).toEqual([
      'The Marsh',
      'Uncontrolled',
      'No forces present',
    ]);
  });

  it('name an arena’s actors and an actor’s strength', () => {
    expect(describeArena(world.def, 'redhold')).toEqual(['Redhold', 'RED · Red Kingdom']);
    const actor = describeActor(state, world.def, 'RED', 'hill');
    expect(actor[0]).toBe('Red Kingdom (RED)');
    expect(actor[1]).toBe('Strength 10 in The Hill');
  });
});
