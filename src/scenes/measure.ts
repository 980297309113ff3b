// Measures text with the fonts the browser actually has, so the layout (pure) gets real widths: one token
// size that fits the longest actor id with a two-digit strength, and the width of each region name. Measured
// as Phaser measures a Text, without creating one (each would be drawn and uploaded to the GPU).
import type * as Phaser from 'phaser';
import { FONT, labelStyle } from '../view/basemap';
import { textHeight, textWidth } from '../view/text';
import type { ChipStyle } from '../view/tokens';
import { REGION_LABEL_FONT } from '../view/tokens';

const CHIP_FONT = 12;

export function measureStyle(
  _scene: Phaser.Scene,
  actorIds: readonly string[],
  names: Readonly<Record<string, string>>,
): { chip: ChipStyle; labels: Record<string, number> } {
  const chipStyle = { fontFamily: FONT, fontSize: `${CHIP_FONT}px`, fontStyle: 'bold' };
  const widths: Record<string, number> = {};
  for (const id of actorIds) widths[id] = textWidth(chipStyle, `${id} 88`) + 10;
  const chipH = Math.ceil(textHeight(chipStyle)) + 3;
  const label = labelStyle(REGION_LABEL_FONT);
  const labels: Record<string, number> = {};
  for (const [id, name] of Object.entries(names)) labels[id] = textWidth(label, name);
  return { chip: { h: chipH, fontSize: CHIP_FONT, widths }, labels };
}
