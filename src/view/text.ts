// Text for the map at its final size, drawn once. A Phaser Text draws itself into its own canvas and uploads
// it to the GPU at every change (text, colour, resolution, letter spacing), and measures its font by drawing
// it on a fresh canvas unless it is given the metrics: so the map gives every Text its resolution and its
// font's metrics up front, and changes a property only when the value really changes. Widths are measured
// here as Phaser measures them, without creating (and drawing) a Text at all.
import type * as Phaser from 'phaser';

export type TextStyle = Phaser.Types.GameObjects.Text.TextStyle;
type Metrics = { ascent: number; descent: number; fontSize: number };

const TEST_STRING = '|MÉqgy'; // Phaser's TextStyle.testString
const metrics = new Map<string, Metrics>();
let probe: CanvasRenderingContext2D | null = null;

const context = (): CanvasRenderingContext2D =>
  (probe ??= document.createElement('canvas').getContext('2d')!);

/** The CSS font of a style, as Phaser's TextStyle builds it (`fontStyle fontSize fontFamily`). */
function fontOf(style: TextStyle): string {
  const size = typeof style.fontSize === 'number' ? `${style.fontSize}px` : (style.fontSize ?? '16px');
  return [style.fontStyle ?? '', size, style.fontFamily ?? 'Courier'].join(' ').trim();
}

/** The metrics Phaser's MeasureText finds for the style's font (the browser's text bounding box). */
function metricsOf(style: TextStyle): Metrics {
  const font = fontOf(style);
  let m = metrics.get(font);
  if (!m) {
    const ctx = context();
    ctx.font = font;
    const box = ctx.measureText(TEST_STRING);
    m = {
      ascent: box.actualBoundingBoxAscent,
      descent: box.actualBoundingBoxDescent,
      fontSize: box.actualBoundingBoxAscent + box.actualBoundingBoxDescent,
    };
    metrics.set(font, m);
  }
  return m;
}

/** The style with its font metrics and the resolution to draw at, so a new Text draws once. */
export function textStyle(style: TextStyle, resolution = 1): TextStyle {
  return { ...style, resolution, metrics: metricsOf(style) };
}

/** The width a one-line Text of this style would have (Phaser's GetTextSize, without letter spacing). */
export function textWidth(style: TextStyle, text: string): number {
  const ctx = context();
  ctx.font = fontOf(style);
  return Math.ceil((style.strokeThickness ?? 0) + ctx.measureText(text).width);
}

/** The height a one-line Text of this style would have. */
export function textHeight(style: TextStyle): number {
  return metricsOf(style).fontSize + (style.strokeThickness ?? 0);
}

/** Sets a Text's resolution only when it changes (each change draws and uploads the text again). */
export function sharpen<T extends Phaser.GameObjects.Text>(text: T, resolution: number): T {
  if (text.style.resolution !== resolution) text.setResolution(resolution);
  return text;
}

/** Sets a Text's colour only when it changes. */
export function recolour(text: Phaser.GameObjects.Text, colour: string): void {
  if (text.style.color !== colour) text.setColor(colour);
}
