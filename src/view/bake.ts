// A layer of the map drawn into a texture instead of every frame: Phaser 4 rebuilds Graphics geometry each
// frame, so layers that change only on events (borders, labels, region fills, relation lines) are baked into
// a RenderTexture the size of the window, at screen resolution, and re-baked when the content or view changes.
import type * as Phaser from 'phaser';
import type { Rect } from './geometry';

export class BakedLayer {
  readonly image: Phaser.GameObjects.RenderTexture;
  /** What gets baked; not on the display list, so it costs nothing per frame. */
  readonly root: Phaser.GameObjects.Container;
  private view: Rect = { x: 0, y: 0, w: 2, h: 2 };
  private zoom = 1;

  constructor(scene: Phaser.Scene, depth: number) {
    this.image = scene.add.renderTexture(0, 0, 2, 2).setOrigin(0, 0).setDepth(depth);
    this.root = scene.make.container({}, false);
  }

  /** Sets the world rectangle the texture covers and the camera zoom (texture pixels = screen pixels). */
  setView(visible: Rect, zoom: number): void {
    this.view = visible;
    this.zoom = zoom;
    const w = Math.max(2, Math.ceil(visible.w * zoom));
    const h = Math.max(2, Math.ceil(visible.h * zoom));
    this.image.resize(w, h);
    this.image.setPosition(visible.x, visible.y).setScale(1 / zoom);
  }

  /** Draws the root's children (in world coordinates) into the texture, replacing what was there. */
  redraw(): void {
    this.root.setPosition(-this.view.x * this.zoom, -this.view.y * this.zoom).setScale(this.zoom);
    this.image.clear();
    this.image.draw(this.root);
    this.image.render();
  }

  destroy(): void {
    this.root.destroy();
    this.image.destroy();
  }
}
