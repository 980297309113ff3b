// A layer of the map drawn into a texture instead of every frame: Phaser 4 rebuilds Graphics geometry each
// frame, so layers that change only on events (cities, markers, relation lines) are baked into a RenderTexture
// the size of the window, at screen resolution, and re-baked when the content or view changes. Below them, the
// sea, land, fills and borders are painted on a 2D canvas instead (PaintedLayer).
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

/** The camera a painted layer was painted for, or follows: zoom and scroll as Phaser's main camera has them. */
export interface CameraView {
  zoom: number;
  scrollX: number;
  scrollY: number;
}

/**
 * The CSS transform (scale `k` about the top left corner, then a shift of tx, ty px) that puts a painting made
 * for camera `painted` where camera `now` shows the same world, in a w × h px window.
 */
export function following(painted: CameraView, now: CameraView, w: number, h: number) {
  const k = now.zoom / painted.zoom;
  return {
    k,
    tx: w / 2 - (w / 2) * k + (painted.scrollX - now.scrollX) * now.zoom,
    ty: h / 2 - (h / 2) * k + (painted.scrollY - now.scrollY) * now.zoom,
  };
}

/**
 * The bottom of the map (sea, land, region fills, borders) painted with a 2D canvas: an HTML canvas under
 * Phaser's transparent one, at screen resolution for the camera it was painted for. Through Graphics every
 * bake triangulated the large polygons again (earcut) and drew thousands of triangles in software WebGL; a
 * 2D canvas fills and strokes them directly (about 10 ms), and as a page element beneath the game it is never
 * uploaded as a texture (uploading a window-sized canvas into WebGL took 30–70 ms here). While the camera
 * moves before the next paint, a CSS transform keeps it under the rest of the map.
 */
export class PaintedLayer {
  readonly canvas: HTMLCanvasElement;
  private painted: CameraView = { zoom: 1, scrollX: 0, scrollY: 0 };
  private shown = '';

  constructor(
    parent: HTMLElement,
    private readonly background: string,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'map-base';
    this.canvas.setAttribute('aria-hidden', 'true');
    parent.prepend(this.canvas);
  }

  /** Paints `draw` (in world coordinates) as `camera` shows the world in a `width` × `height` px window. */
  paint(
    width: number,
    height: number,
    camera: CameraView,
    draw: (ctx: CanvasRenderingContext2D) => void,
  ): void {
    const w = Math.max(1, Math.round(width));
    const h = Math.max(1, Math.round(height));
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${h}px`;
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = this.background;
    ctx.fillRect(0, 0, w, h);
    const { zoom, scrollX, scrollY } = camera;
    // Phaser's camera: a world point p is at (p - scroll - size / 2) · zoom + size / 2 on screen.
    ctx.setTransform(zoom, 0, 0, zoom, w / 2 - (scrollX + w / 2) * zoom, h / 2 - (scrollY + h / 2) * zoom);
    draw(ctx);
    this.painted = { ...camera };
    this.follow(camera);
  }

  /** Moves and scales the painting to where `camera` now shows what it painted (no repaint). */
  follow(camera: CameraView): void {
    const { k, tx, ty } = following(this.painted, camera, this.canvas.width, this.canvas.height);
    const transform = k === 1 && tx === 0 && ty === 0 ? '' : `translate(${tx}px, ${ty}px) scale(${k})`;
    if (transform === this.shown) return;
    this.shown = transform;
    this.canvas.style.transform = transform;
  }

  destroy(): void {
    this.canvas.remove();
  }
}
