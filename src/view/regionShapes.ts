// Where each scenario region sits on the map: the governorates that draw its area (from its `outline`), or
// a circular marker when it has none or when every governorate it lists is already drawn by an earlier region
// (the first region to name a governorate draws it). Pure: built once per scenario from map.json.
import type { ScenarioDef } from '../engine/schema';
import type { MapData, MapGovernorate, Pt, Ring } from './mapData';
import { labelPoint, ringsBounds } from './geometry';
import { createProjector, pointInShape } from './mapData';

export interface RegionArea {
  governorate: string; // map name: "Ninawa"
  rings: Ring[];
  holes: Ring[];
}

export interface RegionShape {
  id: string; // "mosul"
  name: string; // full name from the scenario
  label: string; // name for the map: the part before a parenthesis
  point: Pt; // its lat/lon projected to design pixels
  areas: RegionArea[]; // empty: drawn as a marker
  roomy: { at: Pt; room: number } | null; // the point of its area farthest from the outline, and that distance
}

export interface RegionShapes {
  shapes: RegionShape[];
  /** Governorates of the focus countries in map order, with the region that draws each (null: none). */
  fills: { governorate: MapGovernorate; region: string | null }[];
  problems: string[]; // outline names the map does not know
}

/** "Erbil (Kurdistan Region)" → "Erbil"; a name that is all parenthesis stays as it is. */
export function shortName(name: string): string {
  const short = name.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return short || name;
}

export function buildRegionShapes(map: MapData, def: Pick<ScenarioDef, 'regions'>): RegionShapes {
  const projector = createProjector(map.projection);
  const claimedBy = new Map<MapGovernorate, string>();
  const problems: string[] = [];
  const shapes = def.regions.map((region): RegionShape => {
    const p = projector.project(region.lon, region.lat);
    const areas: RegionArea[] = [];
    for (const admin of region.outline?.admin ?? []) {
      const gov = map.governorates.find((g) => g.country === region.outline!.country && g.name === admin);
      if (!gov) problems.push(`region ${region.id}: no governorate "${admin}" in ${region.outline!.country}`);
      else if (!claimedBy.has(gov)) {
        claimedBy.set(gov, region.id);
        areas.push({ governorate: gov.name, rings: gov.rings, holes: gov.holes ?? [] });
      }
    }
    const inner = labelPoint(areas.flatMap((a) => [...a.rings, ...a.holes]));
    const roomy = areas.length && inner.d > 0 ? { at: [inner.x, inner.y] as Pt, room: inner.d } : null;
    return {
      id: region.id,
      name: region.name,
      label: shortName(region.name),
      point: [p.x, p.y],
      areas,
      roomy,
    };
  });
  const fills = map.governorates.map((governorate) => ({
    governorate,
    region: claimedBy.get(governorate) ?? null,
  }));
  return { shapes, fills, problems };
}

/**
 * A fast "which region's area is at (x, y)?" for many queries (bounding boxes tested first). With `cell`
 * > 0 answers are remembered per cell of that size (approximate near borders): for layout costs, not picking.
 */
export function areaLocator(
  shapes: readonly RegionShape[],
  cell = 0,
): (x: number, y: number) => string | null {
  const parts = shapes.flatMap((s) => s.areas.map((a) => ({ id: s.id, area: a, box: ringsBounds(a.rings) })));
  const exact = (x: number, y: number): string | null => {
    for (const { id, area, box } of parts)
      if (x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h && pointInShape(area, x, y))
        return id;
    return null;
  };
  if (!(cell > 0)) return exact;
  // Answers per cell, for the cell's centre. Outside the parts' bounding boxes every answer is null; inside
  // them, the answers are kept in a typed grid (the layout asks some ten thousand times per scenario).
  const ids = [...new Set(parts.map((p) => p.id))];
  if (!parts.length) return () => null;
  const x0 = Math.min(...parts.map((p) => p.box.x));
  const y0 = Math.min(...parts.map((p) => p.box.y));
  const x1 = Math.max(...parts.map((p) => p.box.x + p.box.w));
  const y1 = Math.max(...parts.map((p) => p.box.y + p.box.h));
  const [i0, j0] = [Math.floor(x0 / cell), Math.floor(y0 / cell)];
  const [cols, rows] = [Math.floor(x1 / cell) - i0 + 1, Math.floor(y1 / cell) - j0 + 1];
  const memo = new Int16Array(cols * rows).fill(-2); // -2: not asked yet, -1: no region, else index in ids
  return (x, y) => {
    const i = Math.floor(x / cell) - i0;
    const j = Math.floor(y / cell) - j0;
    if (i < 0 || j < 0 || i >= cols || j >= rows) return null;
    const k = i + j * cols;
    let hit = memo[k]!;
    if (hit === -2) {
      const id = exact((i + i0 + 0.5) * cell, (j + j0 + 0.5) * cell);
      memo[k] = hit = id === null ? -1 : ids.indexOf(id);
    }
    return hit < 0 ? null : ids[hit]!;
  };
}
