// What the pointer does on the map: hovering shows a small tooltip (and outlines a region); a click or tap
// on a token or an arena box emits `view/actor`, on a region `view/region` (on nothing: no region). The
// canvas never takes keyboard focus; the DOM panels own the keyboard.
import type * as Phaser from 'phaser';
import type { Bus } from '../events/bus';
import { describeActor, describeArena, describeRegion } from '../view/describe';
import type { Hit } from '../view/layout';
import { pickAt } from '../view/layout';
import type { Pt } from '../view/mapData';
import { MARKER_RADIUS } from '../view/regions';
import type { Tooltip } from '../view/tooltip';
import type { MapScene } from './MapScene';

const CLICK_SLOP = 10; // px a press may move and still count as a click or tap

export class PointerInput {
  private hover: Hit | null = null;
  private at: Pt = [0, 0]; // world point of the last hover
  private down: Pt | null = null; // screen point of the press

  constructor(
    private scene: MapScene,
    private bus: Bus,
    private tooltip: Tooltip,
  ) {
    const input = scene.input;
    input.on('pointermove', (p: Phaser.Input.Pointer) => this.hoverAt(p.worldX, p.worldY));
    input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      this.down = [p.x, p.y];
      this.hoverAt(p.worldX, p.worldY); // a tap has no hover before it
    });
    input.on('pointerup', (p: Phaser.Input.Pointer) => {
      if (this.down && Math.hypot(p.x - this.down[0], p.y - this.down[1]) < CLICK_SLOP)
        this.clickAt(p.worldX, p.worldY);
      this.down = null;
    });
    input.on('gameout', () => this.setHover(null));
  }

  private hitAt(x: number, y: number): Hit | null {
    const { shapes, tokens, arenas, callouts, areaAt } = this.scene;
    if (!shapes || !tokens || !arenas) return null;
    const arenaRects = arenas.rects();
    const markers = shapes.shapes
      .filter((s) => !s.areas.length)
      .map((s) => ({ region: s.id, point: s.point, radius: MARKER_RADIUS }));
    const boxes = Object.values(callouts).map((c) => ({ region: c.id, rect: c.box }));
    return pickAt(
      {
        chips: [...tokens.rects(), ...arenaRects.chips],
        arenas: arenaRects.arenas,
        markers,
        callouts: boxes,
        areaAt,
      },
      x,
      y,
    );
  }

  private hoverAt(x: number, y: number): void {
    this.at = [x, y];
    this.setHover(this.hitAt(x, y));
  }

  private setHover(hit: Hit | null): void {
    this.hover = hit;
    this.scene.game.canvas.style.cursor = hit ? 'pointer' : 'default';
    this.scene.overlays.hoverRegion(hit?.kind === 'region' ? hit.region : null);
    this.refresh();
  }

  /** Shows the tooltip for what is hovered, with the shown state's numbers (they change with the state). */
  refresh(): void {
    const { hover } = this;
    const { state, world, view, ui } = this.scene;
    if (!hover || !state || !world) return this.tooltip.hide();
    const lines =
      hover.kind === 'region'
        ? describeRegion(state, world.def, hover.region)
        : hover.kind === 'arena'
          ? describeArena(world.def, hover.arena)
          : describeActor(state, world.def, hover.actor, hover.region);
    this.tooltip.show(lines, this.at[0], this.at[1], view.free, ui);
  }

  setResolution(resolution: number): void {
    this.tooltip.setResolution(resolution);
  }

  private clickAt(x: number, y: number): void {
    const hit = this.hitAt(x, y);
    if (hit?.kind === 'actor') this.bus.emit('view/actor', { actor: hit.actor });
    else if (hit?.kind === 'arena') {
      const actor = this.scene.world?.def.actors.find((a) => a.home === hit.arena)?.id;
      if (actor) this.bus.emit('view/actor', { actor });
    } else this.bus.emit('view/region', { region: hit?.region ?? null });
  }
}
