// What the pointer does on the map: hovering shows a small tooltip (and outlines a region); a click or tap
// on a token or an arena box emits `view/actor`, on a region `view/region` (on nothing: no region); a drag
// pans the map, the wheel zooms about the cursor and two touches pinch. The canvas never takes keyboard
// focus; the DOM panels own the keyboard (+, − and 0 zoom: keys.ts).
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
  private last: Pt | null = null; // screen point of the press as it moves
  private dragging = false; // the press moved past CLICK_SLOP: it pans the map, and is not a click
  private pinch = 0; // the distance between two touches, while they pinch

  constructor(
    private scene: MapScene,
    private bus: Bus,
    private tooltip: Tooltip,
  ) {
    const input = scene.input;
    input.addPointer(1); // a second touch, for pinching
    input.on('pointermove', (p: Phaser.Input.Pointer) => {
      if (this.pinchMove()) return;
      if (this.down && this.last && p.isDown) {
        if (!this.dragging && Math.hypot(p.x - this.down[0], p.y - this.down[1]) >= CLICK_SLOP) {
          this.dragging = true;
          this.setHover(null);
        }
        if (this.dragging) {
          scene.panBy(p.x - this.last[0], p.y - this.last[1]);
          this.last = [p.x, p.y];
          return;
        }
      }
      this.hoverAt(p.worldX, p.worldY);
    });
    input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      const { pointer1: a, pointer2: b } = input;
      if (a.isDown && b.isDown) this.pinch = Math.hypot(a.x - b.x, a.y - b.y); // a pinch starts here
      this.down = [p.x, p.y];
      this.last = [p.x, p.y];
      this.dragging = false;
      this.hoverAt(p.worldX, p.worldY); // a tap has no hover before it
    });
    input.on('pointerup', (p: Phaser.Input.Pointer) => {
      const click =
        !this.dragging &&
        !this.pinch &&
        this.down &&
        Math.hypot(p.x - this.down[0], p.y - this.down[1]) < CLICK_SLOP;
      if (click) this.clickAt(p.worldX, p.worldY);
      if (!input.pointer1.isDown && !input.pointer2.isDown)
        [this.down, this.last, this.pinch] = [null, null, 0];
      this.dragging = false;
    });
    // The wheel zooms about the point under the cursor (a notch of 100 is about 14 %).
    input.on('wheel', (p: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number) => {
      if (dy) scene.zoomBy(Math.pow(1.0015, -dy), p.x, p.y);
    });
    input.on('gameout', () => this.setHover(null));
  }

  /** Two touches down: zoom by the change of their distance, about their midpoint. True while pinching. */
  private pinchMove(): boolean {
    const { pointer1: a, pointer2: b } = this.scene.input;
    if (!a.isDown || !b.isDown) return false;
    const d = Math.hypot(a.x - b.x, a.y - b.y);
    if (this.pinch && d > 0) this.scene.zoomBy(d / this.pinch, (a.x + b.x) / 2, (a.y + b.y) / 2);
    this.pinch = d;
    this.dragging = true; // a pinch is never a tap
    this.setHover(null);
    return true;
  }

  private hitAt(x: number, y: number): Hit | null {
    const { shapes, tokens, arenas, callouts, areaAt } = this.scene;
    if (!shapes || !tokens || !arenas) return null;
    const arenaRects = arenas.rects();
    const markers = shapes.shapes
      .filter((s) => !s.areas.length)
      .map((s) => ({ region: s.id, point: s.point, radius: MARKER_RADIUS * this.scene.marks }));
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

  /** Forgets what is hovered and hides the tooltip (the map moved under the pointer). */
  clear(): void {
    if (this.hover) this.setHover(null);
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
