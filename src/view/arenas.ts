// Off-map arenas (capitals, blocs, the negotiating table): small labelled boxes at their place when it is in
// view, otherwise on the edge of the view towards it with an arrow, holding a chip for each actor at home there.
import type * as Phaser from 'phaser';
import type { ScenarioDef } from '../engine/schema';
import { FONT, labelStyle } from './basemap';
import type { Rect } from './geometry';
import { centreOf } from './geometry';
import type { ArenaBox, ArenaInput } from './layout';
import type { Pt } from './mapData';
import { shortName } from './regionShapes';
import { textOn } from './palette';
import type { ColourOf } from './regions';
import { recolour, sharpen, textStyle } from './text';
import type { ChipStyle } from './tokens';
import { CHIP_ATLAS, chipKey } from './tokens';

const PAD = 5;
const TITLE_H = 16;

interface ArenaView {
  id: string;
  actors: string[];
  w: number;
  h: number;
  box: Phaser.GameObjects.Container;
  frame: Phaser.GameObjects.Graphics;
  title: Phaser.GameObjects.Text;
  chips: { actor: string; image: Phaser.GameObjects.Image; text: Phaser.GameObjects.Text }[];
}

export class ArenaLayer {
  private views: ArenaView[] = [];
  private placed: ArenaBox[] = [];
  private selected: string | null = null;
  private ui = 1; // world units per design pixel (see MapScene.applyView)

  constructor(
    private scene: Phaser.Scene,
    private depth: number,
    private chip: ChipStyle,
  ) {}

  /** Creates the boxes for a scenario's arenas (sizes known, positions set by `place`). */
  build(def: Pick<ScenarioDef, 'arenas' | 'actors'>, colourOf: ColourOf, resolution: number): void {
    this.destroy();
    for (const arena of def.arenas ?? []) {
      const actors = def.actors.filter((a) => a.home === arena.id).map((a) => a.id);
      const title = this.scene.add
        .text(0, 0, shortName(arena.name), textStyle(labelStyle(12), resolution))
        .setOrigin(0.5, 0);
      const chipW = (actor: string) => this.chip.widths[actor] ?? 40;
      const rowW = actors.reduce((sum, a) => sum + chipW(a), 0) + Math.max(0, actors.length - 1) * 3;
      const w = Math.max(title.width, rowW) + 2 * PAD;
      const h = TITLE_H + (actors.length ? this.chip.h + 3 : 0) + 2 * PAD;
      const frame = this.scene.add.graphics();
      let left = -rowW / 2;
      const chips = actors.map((actor) => {
        const colour = colourOf(actor);
        const x = left + chipW(actor) / 2;
        left += chipW(actor) + 3;
        const y = -h / 2 + PAD + TITLE_H + 3 + this.chip.h / 2;
        const image = this.scene.add
          .image(x, y, CHIP_ATLAS, chipKey(actor))
          .setDisplaySize(chipW(actor), this.chip.h);
        const style = {
          fontFamily: FONT,
          fontSize: `${this.chip.fontSize}px`,
          fontStyle: 'bold',
          color: textOn(colour),
        };
        const text = this.scene.add.text(x, y, actor, textStyle(style, resolution)).setOrigin(0.5);
        return { actor, image, text };
      });
      title.setPosition(0, -h / 2 + PAD);
      const box = this.scene.add.container(0, 0, [frame, title, ...chips.flatMap((c) => [c.image, c.text])]);
      box.setDepth(this.depth);
      this.views.push({ id: arena.id, actors, w, h, box, frame, title, chips });
    }
  }

  /** Sizes for placeArenas; `project` gives each arena's projected point. */
  inputs(project: (id: string) => Pt): ArenaInput[] {
    return this.views.map((v) => ({ id: v.id, point: project(v.id), w: v.w * this.ui, h: v.h * this.ui }));
  }

  /** Moves the boxes to their placed rectangles and draws each frame (with an arrow when off-map). */
  place(boxes: readonly ArenaBox[]): void {
    this.placed = [...boxes];
    for (const b of boxes) {
      const v = this.views.find((x) => x.id === b.id);
      if (!v) continue;
      const [cx, cy] = centreOf(b.box);
      v.box.setPosition(cx, cy);
      const g = v.frame.clear();
      g.fillStyle(0x0b1116, 0.88).fillRoundedRect(-v.w / 2, -v.h / 2, v.w, v.h, 5);
      g.lineStyle(1.5, 0xc9d1d8, 0.9).strokeRoundedRect(-v.w / 2, -v.h / 2, v.w, v.h, 5);
      recolour(v.title, this.selected !== null && v.actors.includes(this.selected) ? '#ffe14d' : '#f4f6f8');
      for (const c of v.chips)
        if (c.actor === this.selected) {
          const [w, h] = [c.image.displayWidth + 6, c.image.displayHeight + 6];
          g.lineStyle(2.5, 0xffffff, 1).strokeRoundedRect(c.image.x - w / 2, c.image.y - h / 2, w, h, 5);
        }
      if (!b.inside) {
        // An arrow on the box edge, pointing to the real place.
        const [dx, dy] = [Math.cos(b.toward), Math.sin(b.toward)];
        const t = Math.min(Math.abs(v.w / 2 / (dx || 1e-9)), Math.abs(v.h / 2 / (dy || 1e-9)));
        const [ex, ey] = [dx * t, dy * t];
        const [px, py] = [-dy, dx];
        g.fillStyle(0xc9d1d8, 1).fillTriangle(
          ex + dx * 9,
          ey + dy * 9,
          ex + px * 6,
          ey + py * 6,
          ex - px * 6,
          ey - py * 6,
        );
      }
    }
  }

  /** Centre of each actor's chip in its arena box: actor → point. */
  chipCentres(): Record<string, Pt> {
    const out: Record<string, Pt> = {};
    for (const v of this.views)
      for (const c of v.chips) out[c.actor] = [v.box.x + c.image.x * this.ui, v.box.y + c.image.y * this.ui];
    return out;
  }

  /** Box and chip rectangles, for picking. */
  rects(): { arenas: { id: string; rect: Rect }[]; chips: { actor: string; region: null; rect: Rect }[] } {
    const arenas = this.placed.map((b) => ({ id: b.id, rect: b.box }));
    const chips = this.views.flatMap((v) =>
      v.chips.map((c) => ({
        actor: c.actor,
        region: null,
        rect: {
          x: v.box.x + (c.image.x - c.image.displayWidth / 2) * this.ui,
          y: v.box.y + (c.image.y - c.image.displayHeight / 2) * this.ui,
          w: c.image.displayWidth * this.ui,
          h: c.image.displayHeight * this.ui,
        },
      })),
    );
    return { arenas, chips };
  }

  /** Rings the chip of the selected actor and lights its arena's title. */
  select(actor: string | null): void {
    this.selected = actor;
    this.place(this.placed);
  }

  /** Sets the size of the boxes in world units, and their text resolution. */
  setScale(ui: number, resolution: number): void {
    this.ui = ui;
    for (const v of this.views) {
      v.box.setScale(ui);
      sharpen(v.title, resolution);
      for (const c of v.chips) sharpen(c.text, resolution);
    }
  }

  destroy(): void {
    for (const v of this.views) v.box.destroy();
    this.views = [];
    this.placed = [];
  }
}
