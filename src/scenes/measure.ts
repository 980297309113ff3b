// Measures text with the fonts the browser actually has, so the layout (pure) gets real widths: one token
// size that fits the longest actor id with a two-digit strength, and the width of each region name.
import type * as Phaser from 'phaser';
import { FONT, labelStyle } from '../view/basemap';
import type { ChipStyle } from '../view/tokens';
import { REGION_LABEL_FONT } from '../view/tokens';

const CHIP_FONT = 12;

export function measureStyle(
  scene: Phaser.Scene,
  actorIds: readonly string[],
  names: Readonly<Record<string, string>>,
): { chip: ChipStyle; labels: Record<string, number> } {
  const probe = scene.make.text(
    { text: '', style: { fontFamily: FONT, fontSize: `${CHIP_FONT}px`, fontStyle: 'bold' } },
    false,
  );
  const widths: Record<string, number> = {};
  for (const id of actorIds) widths[id] = Math.ceil(probe.setText(`${id} 88`).width) + 10;
  const chipH = Math.ceil(probe.setText('Mg 88').height) + 3;
  probe.setStyle(labelStyle(REGION_LABEL_FONT));
  const labels: Record<string, number> = {};
  for (const [id, name] of Object.entries(names)) labels[id] = Math.ceil(probe.setText(name).width);
  probe.destroy();
  return { chip: { h: chipH, fontSize: CHIP_FONT, widths }, labels };
}
