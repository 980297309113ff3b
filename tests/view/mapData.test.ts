// The map asset (assets/map/map.json, built by scripts/build-map.ts) and the run-time projection in
// src/view/mapData.ts: shape, bounds, governorates, d3 agreement and the size budget.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { geoConicConformal } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import type { MapData, Ring } from '../../src/view/mapData';
import {
  pointInShape,
  projectPoint,
  ringArea,
  ringToFlat,
  ringsToPath,
  unprojectPoint,
} from '../../src/view/mapData';

const FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'map', 'map.json');
const raw = readFileSync(FILE);
const map = JSON.parse(raw.toString('utf8')) as MapData;

const d3Projection = () =>
  geoConicConformal()
    .parallels(map.projection.parallels)
    .rotate(map.projection.rotate)
    .scale(map.projection.scale)
    .translate(map.projection.translate);

const allPoints = (rings: Ring[] = []) => rings.flat();
const city = (name: string) => {
  const c = map.cities.find((x) => x.name === name);
  if (!c) throw new Error(`no city ${name}`);
  return c;
};

describe('map.json', () => {
  it('has the design space, projection and frame', () => {
    expect(map.version).toBe(1);
    expect(map.width).toBe(1280);
    expect(map.height).toBe(720);
    expect(map.projection.type).toBe('conicConformal');
    expect(map.projection.parallels).toEqual([30, 40]);
    expect(map.projection.rotate).toEqual([-42, 0]);
    expect(map.frame).toMatchObject({ west: 32, east: 52, south: 28.5, north: 41 });
  });

  it('has Iraq and Syria as focus countries, entirely inside the 1280×720 frame', () => {
    const focus = map.countries.filter((c) => c.focus);
    expect(focus.map((c) => c.id).sort()).toEqual(['368', '760']);
    for (const c of focus) {
      expect(c.rings.length).toBeGreaterThan(0);
      for (const [x, y] of allPoints(c.rings)) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(map.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(map.height);
      }
    }
  });

  it('has the neighbours, clipped to the box around the viewport, with proper rings', () => {
    const ids = new Set(map.countries.map((c) => c.id));
    for (const id of ['792', '364', '400', '682', '422', '376', '414']) expect(ids.has(id)).toBe(true);
    expect(map.countries.some((c) => c.id === '010')).toBe(false); // no Antarctica wrapped around the map
    for (const c of map.countries) {
      for (const [x, y] of allPoints([...c.rings, ...(c.holes ?? [])])) {
        expect(x).toBeGreaterThanOrEqual(-100);
        expect(x).toBeLessThanOrEqual(1380);
        expect(y).toBeGreaterThanOrEqual(-100);
        expect(y).toBeLessThanOrEqual(820);
      }
      for (const r of c.rings) {
        expect(r.length).toBeGreaterThanOrEqual(3);
        expect(ringArea(r)).toBeGreaterThan(0);
      }
    }
    // No land polygon covers the whole design space (the wrong-winding pitfall).
    const total = map.width * map.height;
    for (const c of map.countries) for (const r of c.rings) expect(ringArea(r)).toBeLessThan(total);
  });

  it('has Iraq’s and Syria’s governorates inside the frame', () => {
    const iraq = map.governorates.filter((g) => g.country === 'Iraq');
    const syria = map.governorates.filter((g) => g.country === 'Syria');
    expect(iraq.length).toBeGreaterThanOrEqual(17);
    expect(syria.length).toBeGreaterThanOrEqual(13);
    expect(new Set(map.governorates.map((g) => g.name)).size).toBe(map.governorates.length);
    for (const g of map.governorates) {
      expect(g.rings.length).toBeGreaterThan(0);
      expect(g.iso).toMatch(g.country === 'Iraq' ? /^IQ-/ : /^SY-/);
      for (const [x, y] of allPoints(g.rings)) {
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(map.width);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(map.height);
      }
    }
  });

  it('puts each city in the governorate it belongs to', () => {
    const gov = (iso: string) => map.governorates.find((g) => g.iso === iso);
    const cases: [string, string][] = [
      ['Mosul', 'IQ-NI'],
      ['Baghdad', 'IQ-BG'],
      ['Erbil', 'IQ-AR'],
      ['Basra', 'IQ-BA'],
      ['Aleppo', 'SY-HL'],
      ['Raqqa', 'SY-RA'],
      ['Damascus', 'SY-DI'],
      ['Palmyra', 'SY-HI'],
    ];
    for (const [name, iso] of cases) {
      const g = gov(iso);
      const c = city(name);
      if (!g) continue; // governorates not included in this build
      expect(pointInShape(g, c.x, c.y), `${name} in ${iso}`).toBe(true);
    }
  });
});

describe('projectPoint', () => {
  const names = [
    'Mosul',
    'Baghdad',
    'Erbil',
    'Kirkuk',
    'Aleppo',
    'Raqqa',
    'Damascus',
    'Idlib',
    'Tehran',
    'Ankara',
  ];

  it('matches d3-geo within 0.5 px for ten cities, and the stored city positions', () => {
    const d3 = d3Projection();
    for (const name of names) {
      const c = city(name);
      const p = projectPoint(map, c.lon, c.lat);
      const q = d3([c.lon, c.lat]) as [number, number];
      expect(Math.hypot(p.x - q[0], p.y - q[1]), name).toBeLessThan(0.5);
      expect(Math.hypot(p.x - c.x, p.y - c.y), name).toBeLessThan(0.1);
    }
  });

  it('matches d3-geo over the whole frame, and unprojectPoint inverts it', () => {
    const d3 = d3Projection();
    for (let lon = 28; lon <= 56; lon += 2) {
      for (let lat = 26; lat <= 43; lat += 1.5) {
        const p = projectPoint(map, lon, lat);
        const q = d3([lon, lat]) as [number, number];
        expect(Math.hypot(p.x - q[0], p.y - q[1])).toBeLessThan(1e-6);
        const back = unprojectPoint(map, p.x, p.y);
        expect(back.lon).toBeCloseTo(lon, 9);
        expect(back.lat).toBeCloseTo(lat, 9);
      }
    }
  });

  it('keeps geography: Mosul north-west of Baghdad, Damascus south-west of Aleppo', () => {
    const mosul = city('Mosul');
    const baghdad = city('Baghdad');
    expect(mosul.x).toBeLessThan(baghdad.x);
    expect(mosul.y).toBeLessThan(baghdad.y);
    const damascus = city('Damascus');
    const aleppo = city('Aleppo');
    expect(damascus.x).toBeLessThan(aleppo.x);
    expect(damascus.y).toBeGreaterThan(aleppo.y);
  });

  it('has Tehran and Ankara on screen', () => {
    for (const name of ['Tehran', 'Ankara']) {
      const c = city(name);
      expect(c.x).toBeGreaterThan(0);
      expect(c.x).toBeLessThan(map.width);
      expect(c.y).toBeGreaterThan(0);
      expect(c.y).toBeLessThan(map.height);
    }
  });
});

describe('helpers', () => {
  const square: Ring = [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ];
  it('flattens rings and writes SVG paths', () => {
    expect(ringToFlat(square)).toEqual([0, 0, 10, 0, 10, 10, 0, 10]);
    expect(ringsToPath([square])).toBe('M0 0L10 0L10 10L0 10Z');
  });
  it('measures area with clockwise-on-screen positive, and tests points against holes', () => {
    expect(ringArea(square)).toBe(100);
    expect(ringArea(square.slice().reverse())).toBe(-100);
    const hole: Ring = [
      [4, 4],
      [4, 6],
      [6, 6],
      [6, 4],
    ];
    expect(pointInShape({ rings: [square] }, 5, 5)).toBe(true);
    expect(pointInShape({ rings: [square], holes: [hole] }, 5, 5)).toBe(false);
    expect(pointInShape({ rings: [square], holes: [hole] }, 2, 2)).toBe(true);
    expect(pointInShape({ rings: [square] }, 11, 5)).toBe(false);
  });
});

describe('size budget', () => {
  it('map.json is at most 60 KB gzipped', () => {
    expect(gzipSync(raw).length).toBeLessThanOrEqual(60 * 1024);
  });
});
