// The small in-canvas hover tooltip: a title line and a few detail lines in a dark box near the pointer,
// kept inside the visible part of the map. Text only (scenario strings never become HTML).
import type * as Phaser from 'phaser';
import { FONT } from './basemap';
import type { Rect } from './geometry';
import { sharpen, textStyle } from './text';

const PAD = 7;

export class Tooltip {
  private box: Phaser.GameObjects.Container;
  private bg: Phaser.GameObjects.Graphics;
  private texts: { title: Phaser.GameObjects.Text; body: Phaser.GameObjects.Text } | null = null; // at first use
  private resolution = 1;
  private lines: string[] = [];

  constructor(
    private scene: Phaser.Scene,
    depth: number,
  ) {
    this.bg = scene.add.graphics();
    this.box = scene.add.container(0, 0, [this.bg]).setDepth(depth).setVisible(false);
  }

  /** The two texts, made when the tooltip is first shown (not while the page loads). */
  private ensureTexts(): { title: Phaser.GameObjects.Text; body: Phaser.GameObjects.Text } {
    if (this.texts) return this.texts;
    const style = { fontFamily: FONT, color: '#f4f6f8' };
    const { scene, resolution } = this;
    const title = scene.add.text(
      PAD,
      PAD,
      '',
      textStyle({ ...style, fontSize: '14px', fontStyle: 'bold' }, resolution),
    );
    const body = scene.add.text(
      PAD,
      PAD + 20,
      '',
      textStyle({ ...style, fontSize: '12px', lineSpacing: 3 }, resolution),
    );
    this.box.add([title, body]);
    return (this.texts = { title, body });
  }

  /** Shows `lines` (the first as the title) beside the world point (x, y), inside `visible`. */
  show(lines: readonly string[], x: number, y: number, visible: Rect, scale: number): void {
    if (lines.length === 0) return this.hide();
    if (lines.join('\n') !== this.lines.join('\n')) {
      this.lines = [...lines];
      const { title, body } = this.ensureTexts();
      title.setText(lines[0]!);
      body.setText(lines.slice(1).join('\n')).setVisible(lines.length > 1);
      const w = Math.max(title.width, lines.length > 1 ? body.width : 0) + 2 * PAD;
      const h = PAD + title.height + (lines.length > 1 ? 4 + body.height : 0) + PAD;
      this.bg.clear().fillStyle(0x0b1116, 0.94).fillRoundedRect(0, 0, w, h, 6);
      this.bg.lineStyle(1.5, 0xc9d1d8, 0.9).strokeRoundedRect(0, 0, w, h, 6);
      this.box.setSize(w, h);
    }
    // The tooltip keeps its on-screen size whatever the camera zoom.
    this.box.setScale(scale);
    const [w, h] = [this.box.width * scale, this.box.height * scale];
    let [tx, ty] = [x + 16 * scale, y + 18 * scale];
    if (tx + w > visible.x + visible.w - 4 * scale) tx = x - w - 12 * scale;
    if (ty + h > visible.y + visible.h - 4 * scale) ty = y - h - 12 * scale;
    this.box
      .setPosition(Math.max(visible.x + 4 * scale, tx), Math.max(visible.y + 4 * scale, ty))
      .setVisible(true);
  }

  hide(): void {
    this.box.setVisible(false);
  }

  get visible(): boolean {
    return this.box.visible;
  }

  setResolution(resolution: number): void {
    this.resolution = resolution;
    if (!this.texts) return;
    sharpen(this.texts.title, resolution);
    sharpen(this.texts.body, resolution);
  }
}
