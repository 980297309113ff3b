// Relation lines between actors' home points for the chosen layer: blue and solid when positive, orange and
// dashed when negative (colour-blind safe twice over), width by |value|. A highlighted triad's edges get a
// glow and extra width while every other line dims. Drawn into a baked layer on events only.
import type * as Phaser from 'phaser';
import { dashSegments } from './geometry';
import type { RelationEdge } from './layout';
import { relationStyle } from './palette';

const CASING = 0x0b1116;

/** `scale`: world units per design pixel, for line widths and dashes. */
export function drawRelations(
  g: Phaser.GameObjects.Graphics,
  edges: readonly RelationEdge[],
  scale = 1,
): void {
  g.clear();
  for (const e of edges) {
    const style = relationStyle(e.value);
    const triad = e.emphasis === 'triad';
    const alpha = e.emphasis === 'dim' ? 0.12 : triad ? 1 : 0.5;
    const width = style.width * (triad ? 1.7 : 1) * scale;
    const pieces = style.dashed
      ? dashSegments(e.from, e.to, 10 * scale, 6 * scale)
      : [[e.from, e.to] as const];
    if (triad) {
      g.lineStyle(width + 9 * scale, 0xffffff, 0.3);
      g.lineBetween(e.from[0], e.from[1], e.to[0], e.to[1]);
    }
    if (triad) {
      g.lineStyle(width + 2.5 * scale, CASING, 0.8);
      for (const [a, b] of pieces) g.lineBetween(a[0], a[1], b[0], b[1]);
    }
    g.lineStyle(width, style.color, alpha);
    for (const [a, b] of pieces) g.lineBetween(a[0], a[1], b[0], b[1]);
  }
}
