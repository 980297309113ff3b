// The map's colours and the colour maths the views share. Pure. Relations are told apart by sign twice over
// (blue vs orange AND solid vs dashed) so the overlay reads without colour vision.

export const SEA = 0x16222d;
export const LAND_CONTEXT = 0x343a40; // countries around the theatre, dark and desaturated
export const LAND_FOCUS = 0x707880; // the two focus countries, lighter
export const BORDER_CONTEXT = 0x58616a;
export const BORDER_FOCUS = 0xd8dde2;
export const ADMIN_LINE = 0xc3cbd2; // governorate boundaries
export const UNCONTROLLED = 0x8c939a; // neutral grey for a region nobody controls
export const INK = '#f4f6f8'; // label text
export const INK_STROKE = '#0b1116'; // dark outline behind every label
export const SELECT = 0xffffff;
export const POSITIVE = 0x3d9bff; // relation > 0: blue, solid
export const NEGATIVE = 0xff8a1f; // relation < 0: orange, dashed

/** '#rrggbb' → 0xrrggbb (bad input reads as neutral grey rather than throwing). */
export function hexToNumber(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  return m ? parseInt(m[1]!, 16) : UNCONTROLLED;
}

/** WCAG relative luminance of 0xrrggbb, 0 (black) … 1 (white). */
export function luminance(color: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin((color >> 16) & 255) + 0.7152 * lin((color >> 8) & 255) + 0.0722 * lin(color & 255);
}

/** The text colour (near-black or white) that contrasts best with a fill. */
export function textOn(color: number): string {
  const l = luminance(color);
  // Contrast with black is (l + 0.05) / 0.05, with white 1.05 / (l + 0.05); they are equal at l ≈ 0.179.
  return l > 0.179 ? '#0b1116' : '#ffffff';
}

/** A colour as CSS '#rrggbb'. */
export const toCss = (color: number): string => '#' + (color & 0xffffff).toString(16).padStart(6, '0');

/** Colour, line width and dash for a relation value in [-100, 100]. */
export function relationStyle(value: number): { color: number; dashed: boolean; width: number } {
  return {
    color: value >= 0 ? POSITIVE : NEGATIVE,
    dashed: value < 0,
    width: 1 + (3 * Math.min(100, Math.abs(value))) / 100,
  };
}
