// The shape of assets/map/map.json (written by scripts/build-map.ts) and the run-time projection maths.
// Pure: no Phaser, no d3. The page loads map.json and never needs d3-geo or topojson.
//
// Coordinates are screen pixels in a fixed design space of `width` × `height` (1280 × 720), x to the
// right and y downwards, rounded to 0.1 px. A ring is an array of [x, y] points; it is closed implicitly
// (the first point is NOT repeated at the end). Outer rings are clockwise on screen and holes
// counter-clockwise (positive / negative `ringArea`).

/** One screen point [x, y] in design pixels. */
export type Pt = [number, number];
/** A closed ring; the first point is not repeated at the end. */
export type Ring = Pt[];

/** The d3 projection the build used: geoConicConformal().parallels(p).rotate(r).scale(k).translate(t). */
export interface MapProjection {
  type: 'conicConformal';
  /** Standard parallels in degrees, [30, 40]. */
  parallels: [number, number];
  /** d3 rotate [lambda, phi] in degrees; only lambda (the central meridian, negated) may be non-zero. */
  rotate: [number, number];
  /** d3 scale k produced by fitExtent. */
  scale: number;
  /** d3 translate [tx, ty] produced by fitExtent. */
  translate: [number, number];
}

export interface MapCountry {
  /** ISO 3166-1 numeric as world-atlas spells it ("368" Iraq, "760" Syria, "031" Azerbaijan); null if none (N. Cyprus). */
  id: string | null;
  /** Natural Earth short name (world-atlas `properties.name`), e.g. "Iraq", "Saudi Arabia", "N. Cyprus". */
  name: string;
  /** True for the two playable countries, Iraq and Syria. */
  focus: boolean;
  /** Outer rings (one per island/part), clipped to -100..1380 × -100..820. */
  rings: Ring[];
  /** Holes, if any (none in the current data; kept for completeness). */
  holes?: Ring[];
}

export type GovernorateCountry = 'Iraq' | 'Syria';

export interface MapGovernorate {
  country: GovernorateCountry;
  /** Natural Earth admin-1 `name`, spelled exactly as the data does ("Ninawa", "Al-Anbar", "Homs (Hims)"). */
  name: string;
  /** ISO 3166-2 code from the data ("IQ-NI", "SY-HL"). */
  iso: string;
  /** Natural Earth `name_en` ("Nineveh", "Aleppo"), for display. */
  nameEn: string;
  rings: Ring[];
  /**
   * Holes, where another governorate is an enclave (Rif Dimashq has Damascus inside). Governorates with
   * holes are listed before the others of their country, so filling in list order paints the enclave on top.
   */
  holes?: Ring[];
}

export interface MapCity {
  name: string;
  lon: number;
  lat: number;
  /** Projected position (design pixels, 0.1 px). */
  x: number;
  y: number;
  /** National capital (Baghdad, Damascus, Tehran, Ankara, Beirut, Amman). */
  capital: boolean;
}

export interface MapData {
  /** Format version of this file; bump when the shape changes. */
  version: 1;
  width: number;
  height: number;
  projection: MapProjection;
  /** The lon/lat box fitted into the design space, with `margin` pixels around it. */
  frame: { west: number; east: number; south: number; north: number; margin: number };
  /** Where the data came from (attribution / credits). */
  sources: string[];
  countries: MapCountry[];
  governorates: MapGovernorate[];
  cities: MapCity[];
}

const RAD = Math.PI / 180;
const HALF_PI = Math.PI / 2;
const EPSILON = 1e-6;

/** Forward and inverse screen mapping of a MapProjection (Lambert conformal conic, as d3-geo's). */
export interface Projector {
  project(lon: number, lat: number): { x: number; y: number };
  invert(x: number, y: number): { lon: number; lat: number };
}

function tany(phi: number): number {
  return Math.tan((HALF_PI + phi) / 2);
}

/** Builds the projector once (n and F are computed here) — use it when projecting many points. */
export function createProjector(p: MapProjection): Projector {
  const phi0 = p.parallels[0] * RAD;
  const phi1 = p.parallels[1] * RAD;
  const cy0 = Math.cos(phi0);
  const n =
    phi0 === phi1 ? Math.sin(phi0) : Math.log(cy0 / Math.cos(phi1)) / Math.log(tany(phi1) / tany(phi0));
  const f = (cy0 * Math.pow(tany(phi0), n)) / n;
  const [k, [tx, ty]] = [p.scale, p.translate];
  const dLambda = p.rotate[0] * RAD;
  return {
    project(lon, lat) {
      let lambda = lon * RAD + dLambda;
      if (lambda > Math.PI) lambda -= 2 * Math.PI;
      else if (lambda < -Math.PI) lambda += 2 * Math.PI;
      let phi = lat * RAD;
      if (f > 0) {
        if (phi < -HALF_PI + EPSILON) phi = -HALF_PI + EPSILON;
      } else if (phi > HALF_PI - EPSILON) phi = HALF_PI - EPSILON;
      const r = f / Math.pow(tany(phi), n);
      return { x: tx + k * r * Math.sin(n * lambda), y: ty - k * (f - r * Math.cos(n * lambda)) };
    },
    invert(x, y) {
      const px = (x - tx) / k;
      const fy = f - (ty - y) / k;
      const r = Math.sign(n) * Math.sqrt(px * px + fy * fy);
      let l = Math.atan2(px, Math.abs(fy)) * Math.sign(fy);
      if (fy * n < 0) l -= Math.PI * Math.sign(px) * Math.sign(fy);
      let lon = (l / n - dLambda) / RAD;
      if (lon > 180) lon -= 360;
      else if (lon < -180) lon += 360;
      return { lon, lat: (2 * Math.atan(Math.pow(f / r, 1 / n)) - HALF_PI) / RAD };
    },
  };
}

/** Projects lon/lat (degrees) to design pixels exactly as the build's d3 projection did. */
export function projectPoint(map: MapData, lon: number, lat: number): { x: number; y: number } {
  return createProjector(map.projection).project(lon, lat);
}

/** Inverse of projectPoint: design pixels to lon/lat (degrees), e.g. for a pointer position. */
export function unprojectPoint(map: MapData, x: number, y: number): { lon: number; lat: number } {
  return createProjector(map.projection).invert(x, y);
}

/** A ring as a flat [x0, y0, x1, y1, ...] array (the form Phaser.Geom.Polygon accepts). */
export function ringToFlat(ring: Ring): number[] {
  const out: number[] = [];
  for (const [x, y] of ring) out.push(x, y);
  return out;
}

/** Rings as one SVG path string ("M x y L ... Z" per ring), for SVG previews or Path2D. */
export function ringsToPath(rings: readonly Ring[]): string {
  return rings
    .filter((r) => r.length > 0)
    .map((r) => 'M' + r.map(([x, y]) => `${x} ${y}`).join('L') + 'Z')
    .join('');
}

/** Signed area in px² (shoelace, screen y down): positive for clockwise rings on screen. */
export function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Pt;
    const [xj, yj] = ring[j] as Pt;
    a += xj * yi - xi * yj;
  }
  return a / 2;
}

/** Even-odd point-in-ring test, e.g. to find the governorate under the pointer. */
export function pointInRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  // Indexed reads, not destructuring: the layout calls this a great many times while the code is cold.
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const pi = ring[i] as Pt;
    const pj = ring[j] as Pt;
    const xi = pi[0];
    const yi = pi[1];
    const xj = pj[0];
    const yj = pj[1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True if (x, y) lies in one of the outer rings and in none of the holes. */
export function pointInShape(shape: { rings: Ring[]; holes?: Ring[] }, x: number, y: number): boolean {
  if (!shape.rings.some((r) => pointInRing(r, x, y))) return false;
  return !(shape.holes ?? []).some((h) => pointInRing(h, x, y));
}
