// The map scene: draws the state the session shows (regions, tokens, arenas, relation lines); pointer.ts turns
// clicks into `view/…` events. It reads session.state/world when bus events arrive and never changes the game.
// The sea, land, fills, borders, country names and hatching are painted on a 2D canvas beneath Phaser's
// (view/bake.ts PaintedLayer); what changes only on events above them (cities, markers, relation lines) is
// baked into one texture.
import * as Phaser from 'phaser';
import type { GameState, World } from '../engine/index';
import type { AppEvents, Bus } from '../events/bus';
import type { Session } from '../session/session';
import { ArenaLayer } from '../view/arenas';
import { BakedLayer, PaintedLayer } from '../view/bake';
import type { CountryName } from '../view/basemap';
import {
  drawCities,
  paintBorders,
  paintCountryNames,
  paintLand,
  placeCountryNames,
  textResolution,
} from '../view/basemap';
import type { Rect } from '../view/geometry';
import { inflate, rect, ringsBounds } from '../view/geometry';
import type { Callout } from '../view/callouts';
import { orderPresence, placeCallouts, withoutOverlaps } from '../view/callouts';
import { placeArenas } from '../view/layout';
import type { MapData, Pt } from '../view/mapData';
import { createProjector } from '../view/mapData';
import { hexToNumber, SEA, toCss } from '../view/palette';
import type { RegionShapes } from '../view/regionShapes';
import { areaLocator, buildRegionShapes } from '../view/regionShapes';
import { drawMarkers, drawPulse, MARKER_RADIUS, paintContested, paintRegionFills } from '../view/regions';
import { createChipTextures, TokenLayer } from '../view/tokens';
import { sharpen } from '../view/text';
import { Tooltip } from '../view/tooltip';
import type { Camera, Insets, View } from '../view/viewport';
import { centredOn, fitView, panBy, scenarioFocus, viewOf, worldAt, zoomAbout } from '../view/viewport';
import { Overlays } from './overlays';
import { PointerInput } from './pointer';
import { measureStyle } from './measure';
import { m } from '../i18n';

/** map.json, fetched as the page starts (see mount.ts): `value` once it has arrived (null: it failed). */
export interface MapSource {
  value: MapData | null | undefined;
  promise: Promise<MapData | null>;
}

export interface MapSceneOptions {
  session: Session;
  bus: Bus;
  map: MapSource;
  insets: () => Insets; // what the DOM panels cover, CSS px
  obstacles: () => Rect[]; // small DOM controls over the map (its zoom buttons), CSS px from the map's corner
  reducedMotion: boolean; // prefers-reduced-motion: no tweens, no pulse
  onProgress: (fraction: number) => void;
  onReady: () => void;
}

const DURATION = 650; // ms for a change between two states
/** How far a person may zoom, as factors of the fitted zoom; a key or button press zooms by STEP. */
const ZOOM = { min: 0.6, max: 5, step: 1.4 };
/** Below this factor of the fitted zoom the map drops the city names (fewer labels when zoomed out). */
const CITY_NAMES_FROM = 0.95;

export class MapScene extends Phaser.Scene {
  // Read by the overlays and the pointer handling.
  map: MapData | null = null;
  project: (lon: number, lat: number) => Pt = (lon, lat) => [lon, lat];
  world: World | null = null;
  state: GameState | null = null; // the state shown
  shapes: RegionShapes | null = null;
  callouts: Record<string, Callout> = {};
  view!: View;
  ui = 1; // world units per design pixel for text, tokens and boxes (see applyView)
  marks = 1; // the size of region markers and outlines in the world: 1 fitted, 1/√factor zoomed by a person
  tokens: TokenLayer | null = null;
  arenas: ArenaLayer | null = null;
  overlays!: Overlays;
  areaAt: (x: number, y: number) => string | null = () => null; // exact, for picking

  private mapLayer!: BakedLayer; // land, region fills, borders, names, hatching and relation lines
  private base: PaintedLayer | null = null; // sea, land, region fills and borders, a canvas under the game's
  private dirty = false; // a redraw of the baked layer is queued
  private repaint = false; // … and the painted base must be painted again first (fills or view changed)
  private graphics!: Record<'cities' | 'markers' | 'relations', Phaser.GameObjects.Graphics>;
  private pulse!: Phaser.GameObjects.Graphics; // pulsing rings on contested regions
  private cityNames!: Phaser.GameObjects.Container;
  private cityLabels: Phaser.GameObjects.Text[] = [];
  private countryNames: CountryName[] = []; // placed for the part of the map in view, painted on the base
  private pointer!: PointerInput;
  private worldKey = ''; // what the scenario-dependent objects were built for
  private names: Record<string, string> = {}; // region → name on the map
  private labelWidths: Record<string, number> = {}; // region → name width, design px
  private chipWidths: Record<string, number> = {}; // actor → token width, design px
  private metrics = { chipH: 18, gap: 3, labelH: 16, pad: 2 }; // design px, times `ui` in the world
  private areaNear: (x: number, y: number) => string | null = () => null; // cached, for layout
  private unsubscribe: (() => void)[] = [];
  private resizeTimer: Phaser.Time.TimerEvent | null = null;
  private framed = { w: 0, h: 0 }; // the window size the view was fitted to
  private fitted = 1; // the zoom that fits the scenario into the window (what "fit" returns to)
  /** A person's zoom and pan, kept across resizes: the factor of the fitted zoom and the world centre. */
  private user: { factor: number; centre: Pt } | null = null;
  private settleTimer: Phaser.Time.TimerEvent | null = null;
  private bounds = { extent: { x: 0, y: 0, w: 1, h: 1 }, countries: { x: 0, y: 0, w: 1, h: 1 } }; // of the map

  constructor(private options: MapSceneOptions) {
    super('map');
  }

  create(): void {
    // map.json was fetched beside the scripts, not by Phaser's loader (that would wait for the scene to boot).
    const { map } = this.options;
    if (map.value !== undefined) this.start(map.value);
    else void map.promise.then((data) => this.start(data));
  }

  private start(map: MapData | null): void {
    this.options.onProgress(1);
    performance.mark('load:map-data');
    if (!map?.countries) {
      this.add.text(16, 16, m.map_not_loaded(), {
        color: '#fff',
      });
      this.options.onReady();
      return;
    }
    this.map = map;
    const projector = createProjector(map.projection);
    this.project = (lon, lat) => {
      const p = projector.project(lon, lat);
      return [p.x, p.y];
    };
    this.mapLayer = new BakedLayer(this, 0);
    const g = () => this.make.graphics({}, false);
    this.graphics = { cities: g(), markers: g(), relations: g() };
    // The sea, land, fills and borders: a canvas in the page under Phaser's (transparent) one.
    this.base = new PaintedLayer(this.game.canvas.parentElement ?? document.body, toCss(SEA));
    this.events.once('shutdown', () => this.base?.destroy());
    this.cityNames = this.make.container({}, false);
    const { cities, markers, relations } = this.graphics;
    // One baked texture, bottom to top: each full-window texture costs a lot per frame in software WebGL.
    this.mapLayer.root.add([cities, markers, this.cityNames, relations]);
    this.overlays = new Overlays(this, 2, relations);
    this.pulse = this.add.graphics().setDepth(1);
    const everything = ringsBounds(map.countries.flatMap((c) => c.rings));
    const focus = inflate(ringsBounds(map.countries.filter((c) => c.focus).flatMap((c) => c.rings)), 14);
    this.bounds = { extent: everything, countries: focus };
    if (!this.options.reducedMotion)
      this.tweens.add({ targets: this.pulse, alpha: 0.15, duration: 900, yoyo: true, repeat: -1 });
    this.listen();
    // Phaser reports a resize as it starts, at the size the map was just framed for: nothing to redo then.
    this.scale.on('resize', () => {
      if (this.scale.width !== this.framed.w || this.scale.height !== this.framed.h) this.scheduleResize();
    });
    this.events.once('shutdown', () => this.unsubscribe.forEach((off) => off()));
    // The map is drawn once, with the game's regions and tokens: when the game is already loaded, now;
    // otherwise when it is (game/loaded), or bare if no game could be opened (drawBare).
    const { state } = this.options.session;
    if (state) this.showState(state, null);
    this.options.onReady();
  }

  /** Draws the map without a game, when none has been shown (no scenario could be opened). */
  drawBare(): void {
    if (!this.map || this.world) return;
    this.setCities([]);
    this.applyView();
  }

  private listen(): void {
    const bus = this.options.bus;
    const on = <K extends keyof AppEvents>(type: K, fn: (e: AppEvents[K]) => void) => {
      bus.on(type, fn);
      this.unsubscribe.push(() => bus.off(type, fn));
    };
    on('game/loaded', ({ state }) => this.showState(state, null));
    on('turn/resolved', ({ state, previous }) => this.showState(state, previous));
    on('state/shown', ({ state, previous }) => this.showState(state, previous));
    on('view/layer', ({ layer }) => this.overlays.setLayer(layer));
    on('view/triad', ({ actors }) => this.overlays.setTriad(actors));
    on('view/lines', ({ all }) => this.overlays.showAllLines(all));
    on('view/zoom', ({ by }) =>
      by === 'fit' ? this.fit() : this.zoomBy(by === 'in' ? ZOOM.step : 1 / ZOOM.step),
    );
    on('view/region', ({ region }) => this.overlays.selectRegion(region));
    on('view/actor', ({ actor }) => {
      this.tokens?.select(actor);
      this.arenas?.select(actor);
      this.overlays.selectActor(actor);
    });
    // While the Odds dialog is open or its playouts run, the map stops drawing (it keeps its last frame): in
    // software WebGL each frame costs the GPU process most of a core and stalls the page's main thread, which
    // the playouts' workers, the dialog's controls and its result would otherwise wait for.
    const pause = { open: false, running: false };
    const apply = () => {
      if (pause.open || pause.running) this.game.loop.sleep();
      else this.game.loop.wake();
    };
    on('view/odds', ({ open }) => {
      pause.open = open;
      apply();
    });
    on('odds/running', ({ running }) => {
      pause.running = running;
      apply();
    });
    this.pointer = new PointerInput(this, bus, new Tooltip(this, 20));
  }

  /** Shows a state; animated from `previous` unless it is a new scenario (or motion is reduced). */
  private showState(state: GameState, previous: GameState | null): void {
    const world = this.options.session.world;
    if (!this.map || !world) return;
    const fresh = this.useWorld(world);
    this.state = state;
    const animate = !fresh && !this.options.reducedMotion && previous !== null && previous !== state;
    if (fresh)
      this.applyView(); // frames the new scenario's regions, and lays them out
    else this.layout(animate ? DURATION : 0);
    this.bakeRegions();
    if (animate && previous) this.overlays.flashControl(previous, state);
    this.pointer.refresh();
  }

  /** Adopts the session's world; rebuilds what depends on the scenario when its ids changed. */
  private useWorld(world: World): boolean {
    this.world = world;
    const def = world.def;
    const key = JSON.stringify([
      def.id,
      def.actors.map((a) => [a.id, a.color, a.home]),
      def.regions.map((r) => r.id),
      def.arenas,
    ]);
    if (key === this.worldKey) return false;
    this.worldKey = key;
    this.shapes = buildRegionShapes(this.map!, def);
    this.user = null; // a new scenario is shown fitted
    this.frame(); // the new regions' view: text is drawn once, at the resolution it will be shown at
    this.areaAt = areaLocator(this.shapes.shapes);
    this.areaNear = areaLocator(this.shapes.shapes, 4);
    for (const p of this.shapes.problems) console.warn(`map: ${p}`);
    this.names = Object.fromEntries(this.shapes.shapes.map((s) => [s.id, s.label]));
    const measured = measureStyle(
      this,
      def.actors.map((a) => a.id),
      this.names,
    );
    this.labelWidths = measured.labels;
    this.chipWidths = measured.chip.widths;
    this.metrics = { ...this.metrics, chipH: measured.chip.h };
    // The old tokens go before their textures are replaced.
    this.tokens?.destroy();
    this.arenas?.destroy();
    createChipTextures(this, measured.chip, this.colourOf);
    const resolution = textResolution(this.view.zoom * this.ui);
    this.tokens = new TokenLayer(this, 6, measured.chip, this.colourOf);
    this.tokens.setScale(this.ui, resolution);
    this.arenas = new ArenaLayer(this, 8, measured.chip);
    this.arenas.build(def, this.colourOf, resolution);
    this.arenas.setScale(this.ui, resolution);
    this.callouts = {};
    this.overlays.reset();
    this.setCities(this.shapes.shapes.map((s) => s.point));
    return true;
  }

  colourOf = (actor: string): number =>
    hexToNumber(this.world?.def.actors.find((a) => a.id === actor)?.color ?? '');

  private setCities(regionPoints: Pt[]): void {
    if (!this.map) return;
    this.cityNames.removeAll(true);
    this.graphics.cities.clear();
    const resolution = textResolution((this.view?.zoom ?? 1) * this.ui);
    this.cityLabels = drawCities(this, this.graphics.cities, this.map, regionPoints, resolution);
    for (const t of this.cityLabels) t.setScale(this.ui);
    this.cityNames.add(this.cityLabels);
    this.bake();
  }

  /** Places arenas (in the panel-free part of the view), then callouts and tokens around them. */
  private layout(duration: number): void {
    const { state, world, shapes, tokens, arenas } = this;
    if (!state || !world || !shapes || !tokens || !arenas) return;
    const where = (id: string): Pt => {
      const a = (world.def.arenas ?? []).find((x) => x.id === id);
      return a ? this.project(a.lon, a.lat) : [0, 0];
    };
    const keepOut = shapes.shapes.map((s) => inflate({ x: s.point[0], y: s.point[1], w: 0, h: 0 }, 40));
    const { width, height } = this.scale;
    const controls = this.options.obstacles().map((r) => {
      const [x, y] = worldAt(this.view, width, height, r.x, r.y);
      return inflate(rect(x, y, r.w / this.view.zoom, r.h / this.view.zoom), 4 * this.ui);
    });
    const boxes = placeArenas(arenas.inputs(where), this.view.free, [...keepOut, ...controls]);
    arenas.place(boxes);
    const order = world.def.actors.map((a) => a.id);
    const presence = Object.fromEntries(state.regions.map((r) => [r.id, orderPresence(r, order)]));
    const items = shapes.shapes.map((s) => ({
      id: s.id,
      point: s.point,
      radius: (s.areas.length ? 6 : MARKER_RADIUS + 3) * this.marks,
      labelW: (this.labelWidths[s.id] ?? 60) * this.ui,
      chipWidths: (presence[s.id] ?? []).map((p) => (this.chipWidths[p.actor] ?? 40) * this.ui),
      alt: s.roomy ?? undefined,
    }));
    const slots = Object.fromEntries(Object.values(this.callouts).map((c) => [c.id, c.slot]));
    const obstacles = [...boxes.map((b) => inflate(b.box, 4)), ...controls];
    const metrics = {
      chipH: this.metrics.chipH * this.ui,
      gap: this.metrics.gap * this.ui,
      labelH: this.metrics.labelH * this.ui,
      pad: this.metrics.pad * this.ui,
    };
    const placed = placeCallouts(
      items,
      metrics,
      inflate(this.view.free, -4),
      obstacles,
      slots,
      this.areaNear,
    );
    // Where there was no room for all of them, some are left out rather than drawn over each other.
    this.callouts = withoutOverlaps(placed, [...boxes.map((b) => b.box), ...controls]).shown;
    tokens.show(presence, this.callouts, this.names, duration);
    this.overlays.redraw(duration);
  }

  private bakeRegions(): void {
    const { state, shapes } = this;
    if (!state || !shapes) return;
    this.repaint = true; // the fills
    drawMarkers(this.graphics.markers, shapes, state, this.colourOf, this.marks);
    drawPulse(this.pulse, shapes, state, this.marks);
    this.bake();
  }

  /** Fits the camera to the window size, the panels and the scenario's regions (or the two countries). */
  private frame(): void {
    const { width, height } = this.scale;
    this.framed = { w: width, h: height };
    const regions = (this.shapes?.shapes ?? []).map((s) => ({
      point: s.point,
      rings: s.areas.flatMap((a) => a.rings),
    }));
    const focus = scenarioFocus(regions) ?? this.bounds.countries;
    const insets = this.options.insets();
    const fit = fitView(width, height, insets, focus, this.bounds.extent);
    this.fitted = fit.zoom;
    this.view = this.user
      ? viewOf(
          centredOn(
            this.clampZoom(fit.zoom * this.user.factor),
            width,
            height,
            this.user.centre,
            this.bounds.extent,
          ),
          width,
          height,
          insets,
        )
      : fit;
    const camera = this.cameras.main;
    camera.setSize(width, height).setZoom(this.view.zoom).setScroll(this.view.scrollX, this.view.scrollY);
    // Text and tokens grow with the zoom more slowly than the map (by √zoom), so a large window or a
    // projector shows them larger but also with more room between them; on screen they are never below
    // their design size (12 px and up), and below zoom 1 they keep exactly that size.
    this.ui = this.view.zoom >= 1 ? 1 / Math.sqrt(this.view.zoom) : 1 / this.view.zoom;
  }

  /** Frames the map for the window size and re-bakes the layers at the new resolution. */
  private applyView(): void {
    const map = this.map;
    if (!map) return;
    this.frame();
    const resolution = textResolution(this.view.zoom * this.ui);
    this.countryNames = placeCountryNames(map, inflate(this.view.visible, -12));
    for (const t of this.cityLabels) sharpen(t.setScale(this.ui), resolution);
    const factor = this.user?.factor ?? 1;
    this.cityNames.setVisible(factor >= CITY_NAMES_FROM);
    if (this.marks !== 1 / Math.sqrt(factor)) {
      this.marks = 1 / Math.sqrt(factor);
      this.bakeRegions();
    }
    this.tokens?.setScale(this.ui, resolution);
    this.arenas?.setScale(this.ui, resolution);
    this.pointer.setResolution(resolution);
    this.mapLayer.setView(this.view.visible, this.view.zoom);
    this.repaint = true;
    this.layout(0);
    this.bake();
  }

  /**
   * Asks for the baked layer to be drawn again: once, after the current burst of changes (a microtask), so
   * the next frame shows it whatever else the same event changes.
   */
  bake(): void {
    if (this.dirty) return;
    this.dirty = true;
    queueMicrotask(() => {
      this.dirty = false;
      if (this.repaint) this.paintBase();
      this.mapLayer.redraw();
      performance.mark('load:baked');
    });
  }

  /** Land, the regions' fills for the state shown, and borders (as thin on screen at every zoom). */
  private paintBase(): void {
    const { map, state, shapes } = this;
    this.repaint = false;
    if (!map || !this.base) return;
    this.base.paint(this.scale.width, this.scale.height, this.camera(), (ctx) => {
      paintLand(ctx, map);
      if (state && shapes) paintRegionFills(ctx, shapes, state, this.colourOf);
      paintBorders(ctx, map, 1 / (this.user?.factor ?? 1));
      paintCountryNames(ctx, this.countryNames, this.ui);
      if (state && shapes) paintContested(ctx, shapes, state, this.marks);
    });
  }

  /** Every frame: the painted base follows the camera while it moves (it is painted again once it settles). */
  override update(): void {
    this.base?.follow(this.camera());
  }

  private clampZoom(zoom: number): number {
    return Math.min(this.fitted * ZOOM.max, Math.max(this.fitted * ZOOM.min, zoom));
  }

  private camera(): Camera {
    const c = this.cameras.main;
    return { zoom: c.zoom, scrollX: c.scrollX, scrollY: c.scrollY };
  }

  /**
   * Shows a camera a person moved to at once (the baked map scales with it), remembers it as a factor of the
   * fitted zoom and a centre, and redraws the map at its resolution once the zooming or dragging stops.
   */
  private moveTo(c: Camera): void {
    const { width, height } = this.scale;
    this.cameras.main.setZoom(c.zoom).setScroll(c.scrollX, c.scrollY);
    this.pointer.clear(); // the tooltip would be drawn at the old zoom, over what has moved
    this.user = { factor: c.zoom / this.fitted, centre: worldAt(c, width, height, width / 2, height / 2) };
    this.view = viewOf(c, width, height, this.options.insets());
    this.settleTimer?.remove();
    this.settleTimer = this.time.delayedCall(160, () => this.applyView());
  }

  /** Zooms by `factor` about a screen point (the window's centre when none is given). */
  zoomBy(factor: number, sx = this.scale.width / 2, sy = this.scale.height / 2): void {
    if (!this.map) return;
    const { width, height } = this.scale;
    const limits = { min: this.fitted * ZOOM.min, max: this.fitted * ZOOM.max };
    this.moveTo(zoomAbout(this.camera(), width, height, factor, sx, sy, limits, this.bounds.extent));
  }

  /** Moves the map by a drag of (dx, dy) screen px. */
  panBy(dx: number, dy: number): void {
    if (!this.map) return;
    this.moveTo(panBy(this.camera(), this.scale.width, this.scale.height, dx, dy, this.bounds.extent));
  }

  /** Back to the fitted view of the scenario. */
  fit(): void {
    if (!this.map || !this.user) return;
    this.user = null;
    this.settleTimer?.remove();
    this.applyView();
  }

  /** A world point on the canvas (px), as the camera shows it now. */
  private toScreen([x, y]: Pt): Pt {
    const c = this.cameras.main;
    const { width, height } = this.scale;
    return [
      (x - c.scrollX - width / 2) * c.zoom + width / 2,
      (y - c.scrollY - height / 2) * c.zoom + height / 2,
    ];
  }

  /** Each region's point on the canvas (px), as the camera shows it now. */
  regionPoints(): Record<string, Pt> {
    return Object.fromEntries((this.shapes?.shapes ?? []).map((s) => [s.id, this.toScreen(s.point)]));
  }

  /** Each region's callout (its name and tokens) and each arena box on the canvas (px): x, y, w, h. */
  boxes(): { callouts: Record<string, Rect>; arenas: Rect[] } {
    const zoom = this.cameras.main.zoom;
    const onScreen = (r: Rect): Rect => {
      const [x, y] = this.toScreen([r.x, r.y]);
      return { x, y, w: r.w * zoom, h: r.h * zoom };
    };
    return {
      callouts: Object.fromEntries(Object.values(this.callouts).map((c) => [c.id, onScreen(c.box)])),
      arenas: (this.arenas?.rects().arenas ?? []).map((a) => onScreen(a.rect)),
    };
  }

  /** How far the map is zoomed, as a factor of the fitted zoom (1: fitted), for tests and the page. */
  zoomFactor(): number {
    return this.user?.factor ?? 1;
  }

  /** The panels moved: frame the map again. */
  refit(): void {
    this.scheduleResize();
  }

  private scheduleResize(): void {
    // The camera follows at once; re-baking waits until the window stops changing size.
    this.cameras.main.setSize(this.scale.width, this.scale.height);
    this.resizeTimer?.remove();
    this.resizeTimer = this.time.delayedCall(120, () => this.applyView());
  }
}
