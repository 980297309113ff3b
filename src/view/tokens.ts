// Force tokens and region names: one chip per actor present in a region (actor colour, id and strength),
// grouped in the region's callout. Changes between two states are tweened (move, count, fade in or out);
// every tween ends on the exact target values, so what is shown never depends on the frame rate.
import type * as Phaser from 'phaser';
import { labelStyle, FONT } from './basemap';
import type { Rect } from './geometry';
import type { Callout } from './callouts';
import type { Pt } from './mapData';
import { hexToNumber, luminance, textOn, toCss } from './palette';
import type { ColourOf } from './regions';
import { sharpen, textStyle } from './text';

export interface ChipStyle {
  h: number; // design px
  fontSize: number;
  widths: Record<string, number>; // actor → token width (fits "ID 88")
}

interface Chip {
  actor: string;
  region: string;
  box: Phaser.GameObjects.Container;
  ring: Phaser.GameObjects.Image;
  text: Phaser.GameObjects.BitmapText;
  count: { n: number }; // the number shown, tweened
  target: number;
  at: Pt; // where it is going (or is)
}

export const REGION_LABEL_FONT = 12; // region names, design px
const SUPERSAMPLE = 3; // chip textures are drawn larger than shown so they stay crisp when zoomed
export const chipKey = (actor: string): string => `map-chip:${actor}`;
export const ringKey = (actor: string): string => `map-ring:${actor}`;

/** The texture that holds every token and selection ring, one frame each (named by chipKey and ringKey). */
export const CHIP_ATLAS = 'map-chips';
/** The tokens' text ("TUR 12") as a bitmap font whose glyphs are drawn into the same texture. */
export const CHIP_FONT = 'map-chip-font';
const GUTTER = 2; // transparent px between frames (the drawings keep a transparent margin of their own too)

/** A glyph of the tokens' font: where it is in the atlas (px) and how far it moves the pen. */
interface Glyph {
  char: string;
  x: number;
  y: number;
  w: number;
  advance: number;
}

/**
 * Lays out the glyphs the tokens need (the actors' ids, digits, a space and a minus) in rows `width` px wide
 * from `top`, measured with the canvas's own text metrics at `size` px.
 */
function layoutGlyphs(
  ctx: CanvasRenderingContext2D,
  chars: string[],
  width: number,
  top: number,
  cellH: number,
) {
  const glyphs: Glyph[] = [];
  let x = GUTTER;
  let y = top;
  for (const char of chars) {
    const advance = ctx.measureText(char).width;
    const w = Math.ceil(advance) + 2; // a pixel either side for antialiasing
    if (x + w + GUTTER > width) {
      x = GUTTER;
      y += cellH + GUTTER;
    }
    glyphs.push({ char, x, y, w, advance });
    x += w + GUTTER;
  }
  return { glyphs, bottom: y + cellH + GUTTER };
}

/**
 * Draws each actor's token (its colour, dark edge) and selection ring into one canvas texture, a frame each,
 * and below them the glyphs of the tokens' text as a bitmap font (white, tinted per token): one texture to
 * create and upload, tokens and their numbers that batch together when drawn, and a number that changes
 * without drawing and uploading a text texture of its own (a Text object per token did, every frame a count
 * was tweened).
 */
export function createChipTextures(scene: Phaser.Scene, style: ChipStyle, colourOf: ColourOf): void {
  const s = SUPERSAMPLE;
  const pad = 3 * s; // the ring's room around the token
  const h = style.h * s;
  const actors = Object.entries(style.widths);
  const widest = Math.max(1, ...actors.map(([, width]) => width * s));
  const rowH = h + 2 * pad + GUTTER;
  if (scene.textures.exists(CHIP_ATLAS)) scene.textures.remove(CHIP_ATLAS);
  const atlasW = GUTTER + widest + GUTTER + widest + 2 * pad + GUTTER;
  // The font at the atlas's scale: its glyphs, measured first, decide the texture's height.
  const fontSize = style.fontSize * s;
  const font = `bold ${fontSize}px ${FONT}`;
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = font;
  const line = measure.measureText('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  const ascent = Math.ceil(line.fontBoundingBoxAscent || fontSize * 0.8);
  const cellH = ascent + Math.ceil(line.fontBoundingBoxDescent || fontSize * 0.25) + 2;
  const chars = [...new Set([...actors.map(([id]) => id).join(''), ...'0123456789 -'])];
  const fontTop = GUTTER + Math.max(1, actors.length) * rowH;
  const { glyphs, bottom } = layoutGlyphs(measure, chars, atlasW, fontTop, cellH);
  const texture = scene.textures.createCanvas(CHIP_ATLAS, atlasW, bottom)!;
  const ctx = texture.getContext();
  actors.forEach(([actor, width], row) => {
    const w = width * s;
    const y = GUTTER + row * rowH;
    for (const ring of [false, true]) {
      const [x, p] = ring ? [GUTTER + widest + GUTTER, pad] : [GUTTER, 0];
      texture.add(ring ? ringKey(actor) : chipKey(actor), 0, x, y, w + 2 * p, h + 2 * p);
      ctx.save();
      ctx.translate(x, y);
      ctx.beginPath();
      ctx.roundRect(p + s, p + s, w - 2 * s, h - 2 * s, 4 * s);
      if (ring) {
        ctx.lineWidth = 2.5 * s;
        ctx.strokeStyle = '#ffffff';
      } else {
        const colour = colourOf(actor);
        ctx.fillStyle = toCss(colour);
        ctx.fill();
        ctx.lineWidth = 1.5 * s;
        // A dark token gets a light edge so it stays visible on a dark fill (and a light one a dark edge).
        ctx.strokeStyle = luminance(colour) < 0.05 ? '#aeb8c2' : '#0b1116';
      }
      ctx.stroke();
      ctx.restore();
    }
  });
  ctx.font = font;
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'alphabetic';
  for (const g of glyphs) ctx.fillText(g.char, g.x + 1, g.y + 1 + ascent);
  texture.refresh();
  // The font's data as Phaser's parsers make it (texture coordinates with v from the bottom).
  const glyphData: Record<number, object> = {};
  for (const g of glyphs) {
    const [u0, u1] = [g.x / atlasW, (g.x + g.w) / atlasW];
    const [v0, v1] = [1 - g.y / bottom, 1 - (g.y + cellH) / bottom];
    glyphData[g.char.charCodeAt(0)] = {
      x: g.x,
      y: g.y,
      width: g.w,
      height: cellH,
      centerX: Math.floor(g.w / 2),
      centerY: Math.floor(cellH / 2),
      xOffset: -1,
      yOffset: 0,
      xAdvance: g.advance,
      data: {},
      kerning: {},
      u0,
      v0,
      u1,
      v1,
    };
  }
  const data = { font: CHIP_FONT, size: fontSize, lineHeight: cellH, chars: glyphData };
  scene.cache.bitmapFont.add(CHIP_FONT, { data, texture: CHIP_ATLAS, frame: null });
}

export class TokenLayer {
  private chips = new Map<string, Chip>(); // "region|actor"
  private labels = new Map<string, Phaser.GameObjects.Text>();
  private dying: Phaser.GameObjects.Container[] = [];
  private resolution = 1;
  private ui = 1; // world units per design pixel of text and tokens (see MapScene.applyView)
  private selected: string | null = null;

  constructor(
    private scene: Phaser.Scene,
    private depth: number,
    private style: ChipStyle,
    private colourOf: ColourOf,
  ) {}

  /**
   * Shows `presence` (region → actors in callout order) at the callout positions. With `duration` > 0 the
   * change from what is on screen is tweened; a token that appears starts from where the same actor lost
   * strength, if it did anywhere, so forces are seen to move.
   */
  show(
    presence: Readonly<Record<string, readonly { actor: string; strength: number }[]>>,
    callouts: Readonly<Record<string, Callout>>,
    names: Readonly<Record<string, string>>,
    duration: number,
  ): void {
    const tweens = this.scene.tweens;
    for (const d of this.dying) d.destroy();
    this.dying = [];
    const wanted = new Map<string, { actor: string; region: string; strength: number; at: Pt }>();
    for (const [region, list] of Object.entries(presence))
      list.forEach((p, i) => {
        const at = callouts[region]?.chips[i];
        if (at) wanted.set(`${region}|${p.actor}`, { ...p, region, at });
      });
    const sources = new Map<string, Pt[]>(); // actor → where it lost strength
    for (const [key, chip] of this.chips) {
      const next = wanted.get(key);
      if (!next || next.strength < chip.target)
        sources.set(chip.actor, [...(sources.get(chip.actor) ?? []), [chip.box.x, chip.box.y]]);
    }
    for (const [key, chip] of this.chips) {
      tweens.killTweensOf([chip.box, chip.count]);
      if (wanted.has(key)) continue;
      this.chips.delete(key);
      if (duration > 0) {
        this.dying.push(chip.box);
        tweens.add({
          targets: chip.box,
          alpha: 0,
          scale: 0.5 * this.ui,
          duration: duration * 0.6,
          onComplete: () => chip.box.destroy(),
        });
      } else chip.box.destroy();
    }
    for (const [key, w] of wanted) {
      let chip = this.chips.get(key);
      const fresh = !chip;
      if (!chip) {
        const from = duration > 0 ? sources.get(w.actor)?.shift() : undefined;
        chip = this.createChip(w.actor, w.region, from ?? w.at, w.strength);
        this.chips.set(key, chip);
        chip.box.setAlpha(duration > 0 ? 0 : 1).setScale(duration > 0 && !from ? 0.5 * this.ui : this.ui);
      }
      chip.box.setDepth(this.depth);
      const changed = chip.target !== w.strength;
      chip.target = w.strength;
      chip.at = w.at;
      if (duration <= 0) {
        chip.box.setPosition(w.at[0], w.at[1]).setAlpha(1).setScale(this.ui);
        this.setCount(chip, w.strength);
        continue;
      }
      if (!fresh) chip.box.setAlpha(1).setScale(this.ui);
      tweens.add({
        targets: chip.box,
        x: w.at[0],
        y: w.at[1],
        alpha: 1,
        scale: this.ui,
        duration,
        ease: 'Cubic.easeInOut',
      });
      if (changed && !fresh) {
        const c = chip;
        tweens.add({
          targets: c.count,
          n: w.strength,
          duration,
          onUpdate: () => this.setCount(c, Math.round(c.count.n), false),
          onComplete: () => this.setCount(c, w.strength),
        });
        tweens.add({ targets: c.text, scale: 1.25, duration: duration / 3, yoyo: true, delay: duration / 3 });
      } else this.setCount(chip, w.strength);
    }
    for (const [region, label] of this.labels)
      if (!callouts[region]) {
        label.destroy();
        this.labels.delete(region);
      }
    for (const [region, c] of Object.entries(callouts)) {
      let label = this.labels.get(region);
      if (!label) {
        label = this.scene.add.text(
          c.label[0],
          c.label[1],
          names[region] ?? region,
          textStyle(labelStyle(REGION_LABEL_FONT), this.resolution),
        );
        label
          .setOrigin(0.5)
          .setDepth(this.depth - 1)
          .setScale(this.ui);
        this.labels.set(region, label);
      }
      tweens.killTweensOf(label);
      if (duration > 0)
        tweens.add({ targets: label, x: c.label[0], y: c.label[1], duration, ease: 'Cubic.easeInOut' });
      else label.setPosition(c.label[0], c.label[1]);
    }
  }

  private createChip(actor: string, region: string, at: Pt, strength: number): Chip {
    const { h, fontSize } = this.style;
    const w = this.style.widths[actor] ?? 40;
    const colour = this.colourOf(actor);
    const bg = this.scene.add.image(0, 0, CHIP_ATLAS, chipKey(actor)).setDisplaySize(w, h);
    const ring = this.scene.add.image(0, 0, CHIP_ATLAS, ringKey(actor)).setDisplaySize(w + 6, h + 6);
    ring.setVisible(this.selected === actor);
    const text = this.scene.add
      .bitmapText(0, 0, CHIP_FONT, `${actor} ${strength}`, fontSize)
      .setOrigin(0.5)
      .setTint(hexToNumber(textOn(colour)));
    const box = this.scene.add.container(at[0], at[1], [ring, bg, text]);
    const chip: Chip = { actor, region, box, ring, text, count: { n: strength }, target: strength, at };
    this.setCount(chip, strength);
    return chip;
  }

  private setCount(chip: Chip, n: number, final = true): void {
    if (!chip.text.scene) return; // destroyed (a new game replaced the tokens while a count was tweening)
    if (final) chip.count.n = n;
    chip.text.setText(`${chip.actor} ${n}`);
  }

  /** Rings every token of the selected actor. */
  select(actor: string | null): void {
    this.selected = actor;
    for (const chip of this.chips.values()) chip.ring.setVisible(chip.actor === actor);
  }

  /** Token rectangles at their target positions, for picking and tooltips. */
  rects(): { actor: string; region: string; rect: Rect }[] {
    const h = this.style.h * this.ui;
    return [...this.chips.values()].map((c) => {
      const w = (this.style.widths[c.actor] ?? 40) * this.ui;
      return { actor: c.actor, region: c.region, rect: { x: c.at[0] - w / 2, y: c.at[1] - h / 2, w, h } };
    });
  }

  /** Target centre of each token: region → actor → point (relation lines end there). */
  centres(): Record<string, Record<string, Pt>> {
    const out: Record<string, Record<string, Pt>> = {};
    for (const c of this.chips.values()) (out[c.region] ??= {})[c.actor] = c.at;
    return out;
  }

  /** Sets the size of tokens and names in world units, and their text resolution. */
  setScale(ui: number, resolution: number): void {
    this.ui = ui;
    this.resolution = resolution;
    for (const chip of this.chips.values()) {
      this.scene.tweens.killTweensOf(chip.box);
      chip.box.setScale(ui).setAlpha(1); // its number is a bitmap font drawn at three times its size
    }
    for (const label of this.labels.values()) sharpen(label.setScale(ui), resolution);
  }

  destroy(): void {
    for (const chip of this.chips.values()) {
      this.scene.tweens.killTweensOf([chip.box, chip.count, chip.text]);
      chip.box.destroy();
    }
    for (const d of this.dying) d.destroy();
    for (const label of this.labels.values()) label.destroy();
    this.chips.clear();
    this.labels.clear();
    this.dying = [];
  }
}
