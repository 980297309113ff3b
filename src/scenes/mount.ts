// Mounts the Phaser map scene into the page; resolves once the scene is created and able to draw. The map
// data is fetched (not bundled) by `fetchMap` as soon as the script runs, beside the scenario, so it has
// arrived by the time Phaser has booted; the #loading-progress bar fills when it has.
import * as Phaser from 'phaser';
import mapUrl from '../../assets/map/map.json?url';
import type { Bus } from '../events/bus';
import type { MapViewInfo } from '../session/automation';
import type { Session } from '../session/session';
import type { Insets } from '../view/viewport';
import type { MapData } from '../view/mapData';
import type { MapSource } from './MapScene';
import { MapScene } from './MapScene';
import './map.css';

const DEFAULT_INSETS: Insets = { left: 320, right: 368, top: 48, bottom: 56 };

/** The panel insets from the CSS custom properties `--map-inset-*` on the map element (px). */
function readInsets(element: HTMLElement): Insets {
  const style = getComputedStyle(element);
  const read = (side: keyof Insets) => {
    const value = parseFloat(style.getPropertyValue(`--map-inset-${side}`));
    return Number.isFinite(value) && value >= 0 ? value : DEFAULT_INSETS[side];
  };
  return { left: read('left'), right: read('right'), top: read('top'), bottom: read('bottom') };
}

/** Calls `changed` when the panel insets change (panels shown, hidden or resized by a class or style). */
function watchInsets(element: HTMLElement, changed: () => void): void {
  let last = JSON.stringify(readInsets(element));
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      const now = JSON.stringify(readInsets(element));
      if (now === last) return;
      last = now;
      changed();
    });
  }).observe(document.body, {
    attributes: true,
    subtree: true,
    attributeFilter: ['class', 'style', 'hidden'],
  });
}

/** Starts fetching map.json; a failure gives null (the scene then says the map could not be loaded). */
export function fetchMap(): MapSource {
  const source: MapSource = {
    value: undefined,
    promise: fetch(mapUrl)
      .then((response) => (response.ok ? (response.json() as Promise<MapData>) : null))
      .catch(() => null)
      .then((data) => (source.value = data)),
  };
  return source;
}

/** The mounted map, for main.ts. */
export interface MapView {
  /** Draws the map without a game if none has been shown (no scenario could be opened). */
  drawBare(): void;
  /** The zoom and where each region is on screen (window.simulation.mapView). */
  describe(): MapViewInfo;
}

export function mountMap(parent: HTMLElement, session: Session, bus: Bus, map: MapSource): Promise<MapView> {
  const progress = document.getElementById('loading-progress') as HTMLProgressElement | null;
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  return new Promise<MapView>((resolve) => {
    const scene = new MapScene({
      session,
      bus,
      map,
      insets: () => readInsets(parent),
      obstacles: () => {
        const box = parent.getBoundingClientRect();
        return [...document.querySelectorAll('[data-map-obstacle]')].map((e) => {
          const r = e.getBoundingClientRect();
          return { x: r.left - box.left, y: r.top - box.top, w: r.width, h: r.height };
        });
      },
      reducedMotion,
      onProgress: (fraction) => {
        if (progress) progress.value = Math.round(fraction * 100);
      },
      onReady: () => {
        watchInsets(parent, () => scene.refit());
        resolve({
          drawBare: () => scene.drawBare(),
          describe: () => {
            const box = parent.getBoundingClientRect();
            const points = scene.regionPoints();
            const { callouts, arenas } = scene.boxes();
            const page = (r: { x: number; y: number; w: number; h: number }) => ({
              ...r,
              x: r.x + box.left,
              y: r.y + box.top,
            });
            return {
              zoom: scene.zoomFactor(),
              regions: Object.fromEntries(
                Object.entries(points).map(([id, [x, y]]) => [id, { x: x + box.left, y: y + box.top }]),
              ),
              callouts: Object.fromEntries(Object.entries(callouts).map(([id, r]) => [id, page(r)])),
              arenas: arenas.map(page),
            };
          },
        });
      },
    });
    new Phaser.Game({
      type: Phaser.AUTO,
      parent,
      transparent: true, // the sea and land are a canvas beneath (view/bake.ts PaintedLayer)
      banner: false,
      scale: { mode: Phaser.Scale.RESIZE, parent, width: '100%', height: '100%' },
      // The DOM panels own the keyboard: Phaser must not listen for keys or take focus.
      input: { keyboard: false, gamepad: false },
      audio: { noAudio: true },
      render: { antialias: true, maxTextures: 1 },
      // Tweens follow the wall clock: no smoothing or clamping of slow frames (software WebGL runs at a
      // few frames a second), so an animation ends on time whatever the frame rate.
      fps: { smoothStep: false },
      scene,
    });
  });
}
