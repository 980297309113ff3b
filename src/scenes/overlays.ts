// What the map draws over the regions on request: relation lines for the chosen layer (and the highlighted
// triad), leader lines from displaced callouts, hover and selection outlines, and the flash when a region
// changes hands. Relation lines go into the scene's baked layer; the rest are a few live shapes.
import type * as Phaser from 'phaser';
import type { GameState } from '../engine/index';
import { relation } from '../engine/index';
import { homePoints, relationEdges } from '../view/layout';
import { drawHighlight } from '../view/regions';
import { drawRelations } from '../view/relationsOverlay';
import type { MapScene } from './MapScene';

export class Overlays {
  private plates: Phaser.GameObjects.Graphics; // dark backing behind each callout, and its leader line
  private leaders: Phaser.GameObjects.Graphics;
  private highlight: Phaser.GameObjects.Graphics;
  private relationLayer = 'net'; // a layer id or "net"; anything else hides the lines
  private triad: string[] | null = null;
  private actor: string | null = null; // the selected actor: only its relation lines are drawn
  private allLines = false; // with nothing selected: every strong tie (else none)
  private selected: string | null = null;
  private hovered: string | null = null;

  /** `relations` is drawn into the scene's baked layer; the rest are live objects from `depth` up. */
  constructor(
    private scene: MapScene,
    depth: number,
    private relations: Phaser.GameObjects.Graphics,
  ) {
    this.plates = scene.add.graphics().setDepth(depth + 0.5);
    this.leaders = scene.add.graphics().setDepth(depth + 1);
    this.highlight = scene.add.graphics().setDepth(depth + 2);
  }

  setLayer(layer: string): void {
    this.relationLayer = layer;
    this.drawRelations();
  }

  /** Whether the map draws every strong tie when no actor or triad is selected (by default it draws none). */
  showAllLines(all: boolean): void {
    if (all === this.allLines) return;
    this.allLines = all;
    this.drawRelations();
  }

  setTriad(actors: string[] | null): void {
    this.triad = actors && actors.length ? [...actors] : null;
    this.drawRelations();
  }

  selectActor(actor: string | null): void {
    if (actor === this.actor) return;
    this.actor = actor;
    this.drawRelations();
  }

  selectRegion(region: string | null): void {
    this.selected = region;
    this.drawHighlights();
  }

  hoverRegion(region: string | null): void {
    if (region === this.hovered) return;
    this.hovered = region;
    this.drawHighlights();
  }

  /** A new scenario: forget what pointed into the old one (the layer choice stays). */
  reset(): void {
    this.triad = null;
    this.selected = null;
    this.hovered = null;
  }

  /** Redraws everything for the current layout; plates and leaders fade in once tokens have moved. */
  redraw(duration = 0): void {
    this.drawRelations();
    this.drawLeaders();
    this.drawHighlights();
    const tweens = this.scene.tweens;
    tweens.killTweensOf([this.plates, this.leaders]);
    if (duration > 0) {
      this.plates.setAlpha(0);
      this.leaders.setAlpha(0);
      tweens.add({
        targets: [this.plates, this.leaders],
        alpha: 1,
        delay: duration * 0.8,
        duration: duration / 2,
      });
    } else {
      this.plates.setAlpha(1);
      this.leaders.setAlpha(1);
    }
  }

  private drawRelations(): void {
    const { state, world, tokens, arenas, shapes } = this.scene;
    this.relations.clear();
    if (state && world && tokens && arenas && shapes) {
      const known = this.relationLayer === 'net' || world.layerIndex[this.relationLayer] !== undefined;
      if ((known || this.triad) && (this.triad || this.actor || this.allLines)) {
        const homes = homePoints(world.def.actors, {
          arenaChips: arenas.chipCentres(),
          regionChips: tokens.centres(),
          regionPoints: Object.fromEntries(shapes.shapes.map((s) => [s.id, s.point])),
          project: this.scene.project,
        });
        const layer = known ? this.relationLayer : 'net';
        const value = (a: string, b: string) => relation(state, world, a, b, layer);
        let edges = relationEdges(world.actorIds, value, homes, this.triad, undefined, this.actor);
        if (!known) edges = edges.filter((e) => e.emphasis === 'triad');
        drawRelations(this.relations, edges, this.scene.ui);
      }
    }
    this.scene.bake();
  }

  private drawLeaders(): void {
    const g = this.leaders.clear();
    const plates = this.plates.clear();
    for (const c of Object.values(this.scene.callouts)) {
      const { x, y, w, h } = c.box;
      plates.fillStyle(0x0b1116, 0.5).fillRoundedRect(x - 2, y - 1, w + 4, h + 2, 5);
      if (!c.leader) continue;
      const [[x1, y1], [x2, y2]] = c.leader;
      const u = this.scene.ui;
      g.lineStyle(3.5 * u, 0x0b1116, 0.8).lineBetween(x1, y1, x2, y2);
      g.lineStyle(1.5 * u, 0xf4f6f8, 0.95).lineBetween(x1, y1, x2, y2);
      g.fillStyle(0xf4f6f8, 1).fillCircle(x2, y2, 2.5 * u);
    }
  }

  private drawHighlights(): void {
    const g = this.highlight.clear();
    const shapes = this.scene.shapes?.shapes ?? [];
    for (const [region, strong] of [
      [this.hovered, false],
      [this.selected, true],
    ] as const) {
      if (!region || (!strong && region === this.selected)) continue;
      const shape = shapes.find((s) => s.id === region);
      if (shape) drawHighlight(g, shape, this.scene.callouts[region]?.box ?? null, strong, this.scene.marks);
    }
  }

  /** An expanding ring in the new controller's colour on each region that changed hands. */
  flashControl(previous: GameState, state: GameState): void {
    for (const region of state.regions) {
      const before = previous.regions.find((r) => r.id === region.id);
      if (!before || before.controller === region.controller) continue;
      const shape = this.scene.shapes?.shapes.find((s) => s.id === region.id);
      if (!shape) continue;
      const colour = region.controller ? this.scene.colourOf(region.controller) : 0xffffff;
      // A white ring outside the coloured one keeps a dark controller's flash visible on a dark map.
      const rings = [
        this.scene.add.circle(shape.point[0], shape.point[1], 16).setStrokeStyle(2, 0xffffff, 0.9),
        this.scene.add.circle(shape.point[0], shape.point[1], 14).setStrokeStyle(4, colour, 1),
      ];
      for (const ring of rings) ring.setDepth(9);
      this.scene.tweens.add({
        targets: rings,
        scale: 3.2,
        alpha: 0,
        duration: 1100,
        ease: 'Cubic.easeOut',
        onComplete: () => rings.forEach((r) => r.destroy()),
      });
    }
  }
}
