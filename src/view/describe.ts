// The lines of the map's hover tooltip, in plain words. Pure: names come from the scenario, numbers from
// the shown state; the scene puts them into a Phaser Text (never HTML).
import type { GameState } from '../engine/index';
import type { ScenarioDef } from '../engine/schema';
import { m } from '../i18n';

type Def = Pick<ScenarioDef, 'actors' | 'regions' | 'arenas'>;

const actorName = (def: Def, id: string): string => def.actors.find((a) => a.id === id)?.name ?? id;

/** Region name, who holds it, whether it is contested, then the forces present, strongest first. */
export function describeRegion(state: GameState, def: Def, regionId: string): string[] {
  const region = state.regions.find((r) => r.id === regionId);
  const name = def.regions.find((r) => r.id === regionId)?.name ?? regionId;
  if (!region) return [name];
  const lines = [name];
  lines.push(
    region.controller ? m.map_held_by({ actor: actorName(def, region.controller) }) : m.map_uncontrolled(),
  );
  if (region.contested) lines.push(m.map_contested());
  const forces = Object.entries(region.presence)
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (forces.length === 0) lines.push(m.map_no_forces());
  for (const [actor, n] of forces) lines.push(`${actor} ${n} · ${actorName(def, actor)}`);
  return lines;
}

/** Arena name and the actors at home there. */
export function describeArena(def: Def, arenaId: string): string[] {
  const arena = (def.arenas ?? []).find((a) => a.id === arenaId);
  const homed = def.actors.filter((a) => a.home === arenaId).map((a) => `${a.id} · ${a.name}`);
  return [arena?.name ?? arenaId, ...(homed.length ? homed : [m.map_off_the_map()])];
}

/** An actor's name, and its strength in a region or its reserve. */
export function describeActor(
  state: GameState,
  def: Def,
  actorId: string,
  regionId: string | null,
): string[] {
  const lines = [`${actorName(def, actorId)} (${actorId})`];
  const region = regionId ? state.regions.find((r) => r.id === regionId) : undefined;
  if (region) {
    const regionName = def.regions.find((r) => r.id === regionId)?.name ?? regionId;
    lines.push(m.map_strength_in({ strength: region.presence[actorId] ?? 0, region: regionName ?? '' }));
    if (region.controller === actorId) lines.push(m.map_holds_it());
  }
  const reserve = state.actors.find((a) => a.id === actorId)?.reserve;
  if (reserve !== undefined) lines.push(m.map_reserve({ reserve }));
  return lines;
}
